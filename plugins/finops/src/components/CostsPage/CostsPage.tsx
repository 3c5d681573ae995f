import { useState } from 'react';
import { EmptyState } from '@backstage/core-components';
import { Button, Container, Flex, Grid, Text } from '@backstage/ui';
import { NO_COST_DATA_ADVICE, NO_COST_DATA_TITLE } from '../../lib/advice';
import { AnomaliesSection } from '../AnomaliesSection';
import { BudgetsSection } from '../BudgetsSection';
import { CostBreakdown } from '../CostBreakdown';
import { CostSummary } from '../CostSummary';
import { MoversSection } from '../MoversSection';
import { RangeToolbar, useRangeChoice } from '../RangeToolbar';
import { SourcesSection } from '../SourcesSection';

/**
 * The fleet's costs: month to date and forecasts per currency, budgets,
 * cost by provider and environment (or any other dimension) over a range,
 * top movers, anomalies, and the ingested sources with their problems.
 * Every section reads on its own, so one failing read leaves the others.
 */
export function CostsPage() {
  const choice = useRangeChoice();
  const [reloadKey, setReloadKey] = useState(0);
  const { range, granularity } = choice;
  return (
    <Container py="6">
      <Flex direction="column" gap="5">
        <Flex
          justify="between"
          align="end"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Flex direction="column" gap="1">
            <Text as="h1" variant="title-medium" weight="bold">
              Costs
            </Text>
            <Text as="p" variant="body-small" color="secondary">
              From FOCUS billing exports and OpenCost, attributed to the
              environments of environments.yaml and to catalog components.
            </Text>
          </Flex>
          <Button
            size="small"
            variant="secondary"
            onPress={() => setReloadKey(k => k + 1)}
          >
            Refresh
          </Button>
        </Flex>
        <CostSummary
          title="Fleet month to date"
          reloadKey={reloadKey}
          empty={
            <EmptyState
              missing="data"
              title={NO_COST_DATA_TITLE}
              description={NO_COST_DATA_ADVICE}
            />
          }
        />
        <BudgetsSection reloadKey={reloadKey} />
        <RangeToolbar
          choice={choice}
          appliesTo="the breakdowns, movers and anomalies below"
        />
        <CostBreakdown
          title="Cost by provider"
          defaultGroupBy="provider"
          range={range}
          granularity={granularity}
          reloadKey={reloadKey}
        />
        <CostBreakdown
          title="Cost by environment"
          defaultGroupBy="environment"
          range={range}
          granularity={granularity}
          reloadKey={reloadKey}
        />
        <Grid.Root columns={{ initial: '1', xl: '2' }} gap="4">
          <Grid.Item>
            <MoversSection range={range} reloadKey={reloadKey} />
          </Grid.Item>
          <Grid.Item>
            <AnomaliesSection range={range} reloadKey={reloadKey} />
          </Grid.Item>
        </Grid.Root>
        <SourcesSection reloadKey={reloadKey} />
      </Flex>
    </Container>
  );
}
