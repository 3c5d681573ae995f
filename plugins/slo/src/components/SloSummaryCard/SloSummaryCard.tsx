import { useCallback, useMemo, type ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Skeleton, Text } from '@backstage/ui';
import { errorMessage, sloApiRef, usePolling } from '../../api';
import { formatBudget, plural } from '../../lib/format';
import {
  describeFiring,
  describeStatus,
  firingAlerts,
  NO_FILTER,
  sloTitle,
} from '../../lib/slos';
import { selectionSearch, SLO_TAB_PATH } from '../../lib/routes';
import { matrixRows, sortRows } from '../SloMatrix';
import { StateChip, StateDot } from '../StateChip';

/** How many SLOs the card lists; the tab has them all. */
const SHOWN = 5;

/**
 * The SLOs of a component at a glance, worst first: state, budget left and
 * a dot per environment, each leading to the SLOs tab.
 */
export function SloSummaryCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const tab = `${useEntityRefLink()(entity)}/${SLO_TAB_PATH}`;
  const sloApi = useApi(sloApiRef);
  const load = useCallback(
    () => sloApi.getSlos({ entityRef }),
    [sloApi, entityRef],
  );
  const { value, error, loading } = usePolling(load, { key: entityRef });
  const rows = useMemo(
    () =>
      value
        ? sortRows(matrixRows(value.slos, NO_FILTER), {
            column: 'budget',
            direction: 'ascending',
          })
        : [],
    [value],
  );

  let content: ReactNode;
  if (loading) {
    content = <Skeleton height={96} />;
  } else if (!value) {
    content = (
      <Text as="p" color="danger">
        Could not read the SLOs: {errorMessage(error ?? new Error('No answer'))}
      </Text>
    );
  } else if (rows.length === 0) {
    content = (
      <Text as="p" color="secondary">
        No SLOs for this component. <Link href={tab}>How to add one</Link>
      </Text>
    );
  } else {
    content = (
      <Flex direction="column" gap="3">
        {value.notice && (
          <Text as="p" variant="body-small" color="warning" weight="bold">
            The SLOs are not evaluated: the SLOs tab says why.
          </Text>
        )}
        <ul
          aria-label="SLOs"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {rows.slice(0, SHOWN).map(({ slo, state, budget }) => {
            const firing = firingAlerts(slo.environments);
            return (
              <li key={slo.id} style={{ marginBottom: 12 }}>
                <Flex direction="column" gap="1">
                  <Flex justify="between" align="center" gap="2">
                    <Link href={`${tab}${selectionSearch(slo.id)}`}>
                      {sloTitle(slo)}
                    </Link>
                    {state && <StateChip state={state} />}
                  </Flex>
                  <Text as="span" variant="body-small" color="secondary">
                    {budget === undefined
                      ? 'no budget figure'
                      : `${formatBudget(budget)} of the budget left at worst`}
                    {firing.page + firing.ticket > 0 &&
                      ` · alerts firing: ${describeFiring(firing)}`}
                  </Text>
                  <Flex gap="1" align="center" style={{ flexWrap: 'wrap' }}>
                    {slo.environments.map(status => (
                      <Link
                        key={status.environment}
                        href={`${tab}${selectionSearch(
                          slo.id,
                          status.environment,
                        )}`}
                        aria-label={describeStatus(status, slo.objective).join(
                          '. ',
                        )}
                        title={describeStatus(status, slo.objective)[0]}
                        style={{ display: 'inline-flex', padding: 2 }}
                      >
                        <StateDot state={status.state} size={12} />
                      </Link>
                    ))}
                  </Flex>
                </Flex>
              </li>
            );
          })}
        </ul>
        {rows.length > SHOWN && (
          <Link href={tab}>All {plural(rows.length, 'SLO')}</Link>
        )}
      </Flex>
    );
  }
  return <EntityInfoCard title="SLOs">{content}</EntityInfoCard>;
}
