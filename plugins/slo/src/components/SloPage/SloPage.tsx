import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Alert,
  Button,
  Container,
  Flex,
  Grid,
  Skeleton,
  Text,
} from '@backstage/ui';
import type { SloSummary, SlosResponse } from '@multicloud/plugin-slo-common';
import {
  BACKEND_UNREACHABLE,
  errorMessage,
  sloApiRef,
  usePolling,
} from '../../api';
import {
  countLabel,
  environmentsOf,
  filterSlos,
  NO_FILTER,
  totals,
  type SloFilter,
} from '../../lib/slos';
import { selectionSearch, SLO_TAB_PATH } from '../../lib/routes';
import { PrometheusNotice } from '../PrometheusNotice';
import { SloMatrix, matrixRows } from '../SloMatrix';
import { SloProblems } from '../SloProblems';
import { RefreshFailed, Toolbar } from '../Toolbar';
import { DownloadRulesButton } from './DownloadRulesButton';
import { SloAtAGlance } from './SloAtAGlance';
import { SloFilters } from './SloFilters';

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <Flex direction="column" gap="3">
        <Text as="h2" id={props.id} variant="title-small" weight="bold">
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </section>
  );
}

function Loading() {
  return (
    <Flex
      direction="column"
      gap="5"
      role="status"
      aria-busy
      aria-label="Loading the SLOs"
    >
      <Skeleton width={280} height={20} />
      <Grid.Root columns={{ initial: '2', sm: '3', lg: '5' }} gap="3">
        {Array.from({ length: 5 }, (_, i) => (
          <Grid.Item key={i}>
            <Skeleton height={96} />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Skeleton height={320} />
    </Flex>
  );
}

function NoSlos() {
  return (
    <EmptyState
      missing="content"
      title="No SLOs yet"
      description="Write an OpenSLO or Sloth definition whose service is a component of the catalog, and add its file to the SLO sources of the backend. Each component's SLOs tab shows an example."
    />
  );
}

function Slos(props: { slos: SloSummary[] }) {
  const { slos } = props;
  const [filter, setFilter] = useState<SloFilter>(NO_FILTER);
  const entityLink = useEntityRefLink();
  const rows = useMemo(
    () => matrixRows(filterSlos(slos, filter), filter),
    [slos, filter],
  );
  const environments = useMemo(() => {
    const all = environmentsOf(slos);
    return filter.environments.length
      ? all.filter(e => filter.environments.includes(e))
      : all;
  }, [slos, filter.environments]);
  const links = useMemo(
    () => ({
      cellHref: (slo: SloSummary, environment: string) =>
        `${entityLink(slo.entityRef)}/${SLO_TAB_PATH}${selectionSearch(
          slo.id,
          environment,
        )}`,
    }),
    [entityLink],
  );
  return (
    <Section id="slo-list" title="Service level objectives">
      <SloFilters slos={slos} value={filter} onChange={setFilter} />
      <SloMatrix rows={rows} environments={environments} links={links} />
    </Section>
  );
}

function Content(props: { value: SlosResponse }) {
  const { value } = props;
  const summary = useMemo(() => totals(value.slos), [value.slos]);
  return (
    <>
      {value.notice && <PrometheusNotice notice={value.notice} />}
      <SloProblems problems={value.problems} />
      {value.slos.length === 0 ? (
        <NoSlos />
      ) : (
        <>
          <Section id="slo-at-a-glance" title="At a glance">
            <SloAtAGlance totals={summary} />
          </Section>
          <Slos slos={value.slos} />
        </>
      )}
    </>
  );
}

/**
 * Every SLO with its state in every environment, worst error budget first:
 * a summary, filters by component, state and environment, problems of the
 * definitions, and the Prometheus rules to download.
 */
export function SloPage() {
  const sloApi = useApi(sloApiRef);
  const load = useCallback(() => sloApi.getSlos(), [sloApi]);
  const {
    value,
    error,
    refreshError,
    loading,
    refreshing,
    updatedAt,
    refresh,
  } = usePolling(load, { key: 'slos' });

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
          actions={<DownloadRulesButton />}
        />
        {refreshError && <RefreshFailed error={refreshError} what="the SLOs" />}
        <Content value={value} />
      </>
    );
  }

  return (
    <Container py="6">
      <Flex direction="column" gap="5">
        {content}
      </Flex>
    </Container>
  );
}
