import { useCallback, useMemo, type ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, ButtonLink, Flex, Grid, Text } from '@backstage/ui';
import type { CostSummaryResponse } from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad } from '../../api';
import { componentTagAdvice } from '../../lib/advice';
import { byCurrency } from '../../lib/breakdown';
import { startOfMonth } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { useCostsTabPath } from '../common/entityLinks';
import { GroupName } from '../common/GroupName';
import { LoadError, Loading } from '../common/LoadState';
import { MonthFigures } from '../common/MonthFigures';
import { LABEL_STYLE } from '../common/Tile';

function PerEnvironment(props: {
  entityRef: string;
  summary: CostSummaryResponse;
}) {
  const { entityRef, summary } = props;
  const api = useApi(finOpsApiRef);
  const from = startOfMonth(summary.asOf);
  const load = useCallback(
    () =>
      api.getCosts({
        groupBy: 'environment',
        from,
        to: summary.asOf,
        granularity: 'month',
        filter: { entity: entityRef },
      }),
    [api, entityRef, from, summary.asOf],
  );
  const { value, error, loading, retry } = useLoad(
    load,
    `${entityRef}|${summary.asOf}`,
  );
  if (error) {
    return (
      <LoadError
        what="the cost per environment"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  }
  if (!value) {
    return <Loading label="Loading the cost per environment" height={60} />;
  }
  return (
    <Flex direction="column" gap="2">
      <Text
        as="h3"
        variant="body-x-small"
        weight="bold"
        color="secondary"
        style={LABEL_STYLE}
      >
        Per environment this month
      </Text>
      {byCurrency(value).map(({ currency, groups }) => (
        <ul
          key={currency}
          aria-label={`${currency} cost per environment`}
          style={{ margin: 0, padding: 0, listStyle: 'none' }}
        >
          {groups.map(group => {
            const amount = formatMoney(group.total, currency);
            return (
              <li
                key={`${group.key}`}
                aria-label={`${group.key ?? 'Unattributed'}: ${amount}`}
              >
                <Flex justify="between" gap="2">
                  <Text as="span" variant="body-small" truncate>
                    <GroupName dimension="environment" value={group.key} />
                  </Text>
                  <Text as="span" variant="body-small" weight="bold">
                    {amount}
                  </Text>
                </Flex>
              </li>
            );
          })}
        </ul>
      ))}
    </Flex>
  );
}

/**
 * The cost attributed to a component (by its tags on cloud resources):
 * month to date and forecast per currency, and how it spreads over the
 * environments it runs in.
 */
export function ComponentCostCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const filter = useMemo(() => ({ entity: entityRef }), [entityRef]);
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getSummary({ filter }), [api, filter]);
  const { value, error, loading, retry } = useLoad(load, entityRef);
  const tab = useCostsTabPath(entity);

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the costs"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the costs" />;
  } else if (value.currencies.length === 0) {
    body = (
      <Alert
        status="info"
        icon
        title={`No cost is attributed to ${entity.metadata.name}.`}
        description={componentTagAdvice(entity.metadata.name)}
      />
    );
  } else {
    body = (
      <Grid.Root columns={{ initial: '1', md: '5' }} gap="5">
        <Grid.Item colSpan={{ initial: '1', md: '3' }}>
          <Flex direction="column" gap="4">
            {value.currencies.length > 1 && (
              <Text as="p" variant="body-small" color="secondary">
                Costs in {value.currencies.map(c => c.currency).join(' and ')},
                each on its own: never summed.
              </Text>
            )}
            {value.currencies.map(summary => (
              <div
                key={summary.currency}
                role="group"
                aria-label={`Costs in ${summary.currency}`}
              >
                <MonthFigures summary={summary} asOf={value.asOf} />
              </div>
            ))}
          </Flex>
        </Grid.Item>
        <Grid.Item colSpan={{ initial: '1', md: '2' }}>
          <PerEnvironment entityRef={entityRef} summary={value} />
        </Grid.Item>
      </Grid.Root>
    );
  }

  return (
    <EntityInfoCard
      title="Costs"
      footerActions={
        tab && value?.currencies.length ? (
          <ButtonLink href={tab} size="small" variant="secondary">
            All costs of this component
          </ButtonLink>
        ) : undefined
      }
    >
      {body}
    </EntityInfoCard>
  );
}
