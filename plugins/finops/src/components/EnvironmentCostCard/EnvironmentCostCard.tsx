import { useCallback, useMemo, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, ButtonLink, Flex, Grid, Text } from '@backstage/ui';
import type { CostSummaryResponse } from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad } from '../../api';
import { environmentTagAdvice } from '../../lib/advice';
import { startOfMonth } from '../../lib/dates';
import { environmentOf } from '../../lib/entity';
import { formatMoney } from '../../lib/money';
import { BudgetBar, BudgetChip, BudgetSummary } from '../common/budget';
import { useCostsTabPath } from '../common/entityLinks';
import { LoadError, Loading } from '../common/LoadState';
import { MonthFigures } from '../common/MonthFigures';
import { LABEL_STYLE } from '../common/Tile';
import { TrendChart, TrendLegend } from '../TrendChart';

/** Services the card names; the Costs tab has them all. */
const TOP_SERVICES = 8;

function Heading(props: { children: ReactNode }) {
  return (
    <Text
      as="h3"
      variant="body-x-small"
      weight="bold"
      color="secondary"
      style={LABEL_STYLE}
    >
      {props.children}
    </Text>
  );
}

function Budget(props: { environment: string }) {
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getBudgets(), [api]);
  const { value, error, loading, retry } = useLoad(load, 'budgets');
  if (error) {
    return (
      <LoadError
        what="the budget"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  }
  if (!value) return <Loading label="Loading the budget" height={24} />;
  const status = value.budgets.find(b => b.environment === props.environment);
  if (!status) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        The FinOps backend does not know this environment: it reads
        environments.file of app-config.yaml.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="2" role="group" aria-label="Budget">
      <Flex gap="2" align="center">
        <Heading>Budget</Heading>
        <BudgetChip state={status.state} />
      </Flex>
      <BudgetBar status={status} />
      <BudgetSummary status={status} />
    </Flex>
  );
}

function TopServices(props: {
  environment: string;
  summary: CostSummaryResponse;
}) {
  const { environment, summary } = props;
  const api = useApi(finOpsApiRef);
  const from = startOfMonth(summary.asOf);
  const load = useCallback(
    () =>
      api.getCosts({
        groupBy: 'service',
        from,
        to: summary.asOf,
        granularity: 'month',
        filter: { environment },
      }),
    [api, environment, from, summary.asOf],
  );
  const { value, error, loading, retry } = useLoad(
    load,
    `${environment}|${summary.asOf}`,
  );
  if (error) {
    return (
      <LoadError
        what="the top services"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  }
  if (!value) return <Loading label="Loading the top services" height={60} />;
  const currencies = new Set(value.groups.map(g => g.currency));
  const top = [...value.groups]
    .sort((a, b) => b.total - a.total)
    .slice(0, TOP_SERVICES);
  return (
    <Flex direction="column" gap="1">
      <Heading>Top services this month</Heading>
      <ul
        aria-label="Top services this month"
        style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
      >
        {top.map(group => (
          <li key={`${group.key}|${group.currency}`}>
            <Flex justify="between" gap="2">
              <Text as="span" variant="body-small" truncate>
                {group.key ?? 'No service'}
              </Text>
              <Text
                as="span"
                variant="body-small"
                weight="bold"
                style={{ whiteSpace: 'nowrap' }}
              >
                {formatMoney(group.total, group.currency)}
                {currencies.size > 1 ? ` ${group.currency}` : ''}
              </Text>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/**
 * The costs of one environment: month to date and forecast per currency,
 * its budget, its top services and a small trend.
 */
export function EnvironmentCostCard() {
  const { entity } = useEntity();
  const environment = environmentOf(entity) ?? entity.metadata.name;
  const filter = useMemo(() => ({ environment }), [environment]);
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getSummary({ filter }), [api, filter]);
  const { value, error, loading, retry } = useLoad(load, environment);
  const tab = useCostsTabPath(entity);

  let costs: ReactNode;
  if (error) {
    costs = (
      <LoadError
        what="the costs"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    costs = <Loading label="Loading the costs" />;
  } else if (value.currencies.length === 0) {
    costs = (
      <Alert
        status="info"
        icon
        title={`No cost is attributed to ${environment} yet.`}
        description={environmentTagAdvice(environment)}
      />
    );
  } else {
    costs = (
      <Flex direction="column" gap="4">
        {value.currencies.length > 1 && (
          <Text as="p" variant="body-small" color="secondary">
            Costs in {value.currencies.map(c => c.currency).join(' and ')}, each
            on its own: never summed.
          </Text>
        )}
        {value.currencies.map(summary => (
          <Flex
            key={summary.currency}
            direction="column"
            gap="2"
            role="group"
            aria-label={`Costs in ${summary.currency}`}
          >
            <MonthFigures summary={summary} asOf={value.asOf} />
            <TrendChart
              trend={summary.trend}
              currency={summary.currency}
              monthStart={startOfMonth(value.asOf)}
              height={96}
              compact
            />
            <TrendLegend confidence={summary.forecastMonth.confidence} />
          </Flex>
        ))}
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      title="Costs"
      footerActions={
        tab ? (
          <ButtonLink href={tab} size="small" variant="secondary">
            All costs of this environment
          </ButtonLink>
        ) : undefined
      }
    >
      <Grid.Root columns={{ initial: '1', md: '5' }} gap="5">
        <Grid.Item colSpan={{ initial: '1', md: '3' }}>
          <Flex direction="column" gap="4">
            {costs}
            <Budget environment={environment} />
          </Flex>
        </Grid.Item>
        <Grid.Item colSpan={{ initial: '1', md: '2' }}>
          {value && value.currencies.length > 0 && (
            <TopServices environment={environment} summary={value} />
          )}
        </Grid.Item>
      </Grid.Root>
    </EntityInfoCard>
  );
}
