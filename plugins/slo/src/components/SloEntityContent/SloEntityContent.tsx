import { useCallback, useMemo, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Button, Container, Flex, Skeleton } from '@backstage/ui';
import type { SloSummary, SlosResponse } from '@multicloud/plugin-slo-common';
import {
  BACKEND_UNREACHABLE,
  errorMessage,
  sloApiRef,
  usePolling,
} from '../../api';
import { plural } from '../../lib/format';
import { countLabel, environmentsOf, NO_FILTER } from '../../lib/slos';
import { SELECTION_PARAMS, selectionSearch } from '../../lib/routes';
import { PrometheusNotice } from '../PrometheusNotice';
import { SloDetail } from '../SloDetail';
import { SloMatrix, matrixRows } from '../SloMatrix';
import { SloProblems } from '../SloProblems';
import { RefreshFailed, Toolbar } from '../Toolbar';
import { AddSloHelp } from './AddSloHelp';
import { selectStatus } from './selection';

function Loading() {
  return (
    <Flex
      direction="column"
      gap="4"
      role="status"
      aria-busy
      aria-label="Loading the SLOs"
    >
      <Skeleton width={280} height={20} />
      <Skeleton height={140} />
      <Skeleton height={360} />
    </Flex>
  );
}

/** Every environment unknown: Prometheus is the problem, not the SLOs. */
function allUnknown(slos: readonly SloSummary[]): boolean {
  const statuses = slos.flatMap(s => s.environments);
  return statuses.length > 0 && statuses.every(e => e.state === 'unknown');
}

function Slos(props: { value: SlosResponse }) {
  const { slos } = props.value;
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const selection = useMemo(
    () =>
      selectStatus(slos, {
        slo: params.get(SELECTION_PARAMS.slo),
        environment: params.get(SELECTION_PARAMS.environment),
      }),
    [slos, params],
  );
  const rows = useMemo(() => matrixRows(slos, NO_FILTER), [slos]);
  const environments = useMemo(() => environmentsOf(slos), [slos]);
  const links = useMemo(
    () => ({
      cellHref: (slo: SloSummary, environment: string) =>
        `${pathname}${selectionSearch(slo.id, environment)}`,
      selected: selection && {
        slo: selection.slo.id,
        environment: selection.status.environment,
      },
    }),
    [pathname, selection],
  );
  return (
    <>
      {!props.value.notice && allUnknown(slos) && (
        <Alert
          status="warning"
          icon
          title={`Prometheus could not be asked in any of the ${plural(
            environments.length,
            'environment',
          )}`}
          description="The SLOs are listed, but none could be evaluated; each cell says why."
        />
      )}
      <SloMatrix
        rows={rows}
        environments={environments}
        showComponent={false}
        links={links}
      />
      {selection && (
        <SloDetail
          key={`${selection.slo.id}\u0000${selection.status.environment}`}
          slo={selection.slo}
          status={selection.status}
        />
      )}
    </>
  );
}

/**
 * The SLOs of one component in every environment; pick one SLO in one
 * environment (or follow a link from the SLO page) for its burn-rate alerts
 * and charts.
 */
export function SloEntityContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const sloApi = useApi(sloApiRef);
  const load = useCallback(
    () => sloApi.getSlos({ entityRef }),
    [sloApi, entityRef],
  );
  const {
    value,
    error,
    refreshError,
    loading,
    refreshing,
    updatedAt,
    refresh,
  } = usePolling(load, { key: entityRef });

  let content: ReactNode;
  if (loading) {
    content = <Loading />;
  } else if (!value) {
    content = (
      <Alert
        status="danger"
        icon
        title={BACKEND_UNREACHABLE}
        description={errorMessage(error ?? new Error('No answer'))}
        customActions={
          <Button
            size="small"
            variant="secondary"
            onPress={refresh}
            isPending={refreshing}
          >
            Retry
          </Button>
        }
      />
    );
  } else {
    content = (
      <>
        <Toolbar
          summary={countLabel(
            value.slos.length,
            environmentsOf(value.slos).length,
          )}
          updatedAt={updatedAt}
          refreshing={refreshing}
          onRefresh={refresh}
        />
        {refreshError && <RefreshFailed error={refreshError} what="the SLOs" />}
        {value.notice && <PrometheusNotice notice={value.notice} />}
        <SloProblems problems={value.problems} />
        {value.slos.length === 0 ? (
          <AddSloHelp entity={entity} />
        ) : (
          <Slos value={value} />
        )}
      </>
    );
  }

  return (
    <Container py="4">
      <Flex direction="column" gap="4">
        {content}
      </Flex>
    </Container>
  );
}
