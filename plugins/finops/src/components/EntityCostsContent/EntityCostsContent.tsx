import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Flex } from '@backstage/ui';
import type { CostDimension } from '@multicloud/plugin-finops-common';
import { componentTagAdvice, environmentTagAdvice } from '../../lib/advice';
import { costFilterOf, environmentOf } from '../../lib/entity';
import { AnomaliesSection } from '../AnomaliesSection';
import { CostBreakdown } from '../CostBreakdown';
import { CostSummary } from '../CostSummary';
import { RangeToolbar, useRangeChoice } from '../RangeToolbar';

/** What an entity's costs can be split by: its own filter dimension is not among them. */
const ENVIRONMENT_DIMENSIONS: readonly CostDimension[] = [
  'service',
  'serviceCategory',
  'entity',
  'namespace',
  'region',
  'subAccount',
  'chargeCategory',
];
const COMPONENT_DIMENSIONS: readonly CostDimension[] = [
  'environment',
  'provider',
  'service',
  'serviceCategory',
  'region',
  'subAccount',
  'chargeCategory',
];

/**
 * The Costs tab of an environment or a component: its summary and trend,
 * and its costs over a range split by service and by component (for an
 * environment) or by environment (for a component), with its anomalies.
 */
export function EntityCostsContent() {
  const { entity } = useEntity();
  const environment = environmentOf(entity);
  const filter = useMemo(() => costFilterOf(entity), [entity]);
  const choice = useRangeChoice();
  const { range, granularity } = choice;
  const advice = environment
    ? environmentTagAdvice(environment)
    : componentTagAdvice(entity.metadata.name);
  const empty = (
    <Alert
      status="info"
      icon
      title={`No cost is attributed to ${
        environment ?? entity.metadata.name
      } yet.`}
      description={advice}
    />
  );
  const dimensions = environment
    ? ENVIRONMENT_DIMENSIONS
    : COMPONENT_DIMENSIONS;
  return (
    <Flex direction="column" gap="4">
      <CostSummary filter={filter} empty={empty} />
      <RangeToolbar choice={choice} appliesTo="the sections below" />
      <CostBreakdown
        title="Cost by service"
        defaultGroupBy="service"
        range={range}
        granularity={granularity}
        filter={filter}
        dimensions={dimensions}
        empty={empty}
      />
      <CostBreakdown
        title={environment ? 'Cost by component' : 'Cost by environment'}
        defaultGroupBy={environment ? 'entity' : 'environment'}
        range={range}
        granularity={granularity}
        filter={filter}
        dimensions={dimensions}
        empty={empty}
      />
      <AnomaliesSection
        range={range}
        filter={filter}
        defaultGroupBy="service"
      />
    </Flex>
  );
}
