import { useCallback, useMemo, type ReactNode } from 'react';
import { EmptyState, WarningPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  ButtonLink,
  Container,
  Flex,
  Grid,
  Skeleton,
  Text,
} from '@backstage/ui';
import type { FleetStatusResponse } from '@multicloud/plugin-environments-common';
import { fleetApiRef, usePolling } from '../../api';
import { FleetAtAGlance } from './FleetAtAGlance';
import { FleetMap } from './FleetMap';
import { FleetTable } from './FleetTable';
import { VersionSkew } from './VersionSkew';
import { summarize, versionReport } from './fleet';
import { plural, shortAgo } from './format';
import { createEnvironmentRouteRef } from './routes';
import { NowProvider, useNow } from './useNow';

export const SIMULATED_NOTICE =
  'These clusters are simulated: the portal runs a Kubernetes API simulator on its embedded defaults. Production reads the real API servers.';

export const BACKEND_UNREACHABLE =
  'The environments backend is not reachable: check that @multicloud/plugin-environments-backend is installed and the backend is running';

function Ago(props: { at: Date }) {
  const now = useNow();
  return (
    <time dateTime={props.at.toISOString()} title={props.at.toLocaleString()}>
      {shortAgo(props.at, now)}
    </time>
  );
}

function Toolbar(props: {
  updatedAt?: Date;
  count: number;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const { updatedAt, count, refreshing, onRefresh } = props;
  return (
    <Flex justify="between" align="center" gap="3" style={{ flexWrap: 'wrap' }}>
      <Text as="p" variant="body-small" color="secondary" aria-live="polite">
        {plural(count, 'environment')}
        {updatedAt && (
          <>
            {' · updated '}
            <Ago at={updatedAt} />
          </>
        )}
        {' · refreshes every 30 s'}
      </Text>
      <Button
        size="small"
        variant="secondary"
        onPress={onRefresh}
        isPending={refreshing}
      >
        Refresh
      </Button>
    </Flex>
  );
}

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
      aria-label="Loading the fleet status"
    >
      <Skeleton width={280} height={20} />
      <Grid.Root columns={{ initial: '2', sm: '3', lg: '6' }} gap="3">
        {Array.from({ length: 6 }, (_, i) => (
          <Grid.Item key={i}>
            <Skeleton height={88} />
          </Grid.Item>
        ))}
      </Grid.Root>
      <Grid.Root columns={{ initial: '1', lg: '12' }} gap="4">
        <Grid.Item colSpan={{ initial: '1', lg: '7' }}>
          <Skeleton height={360} />
        </Grid.Item>
        <Grid.Item colSpan={{ initial: '1', lg: '5' }}>
          <Skeleton height={360} />
        </Grid.Item>
      </Grid.Root>
      <Skeleton height={240} />
    </Flex>
  );
}

function LoadError(props: {
  error: Error;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <Alert
      status="danger"
      icon
      title={BACKEND_UNREACHABLE}
      description={props.error.message}
      customActions={
        <Button
          size="small"
          variant="secondary"
          onPress={props.onRetry}
          isPending={props.retrying}
        >
          Retry
        </Button>
      }
    />
  );
}

function NoEnvironments() {
  const createLink = useRouteRef(createEnvironmentRouteRef);
  const href = createLink?.() ?? '/create';
  return (
    <EmptyState
      missing="data"
      title="No environments"
      description="Add one with the 'Add a workload region' template: it opens a reviewed change to environments.yaml."
      action={
        <ButtonLink href={href} variant="primary">
          Add a workload region
        </ButtonLink>
      }
    />
  );
}

function Problems(props: { problems: string[] }) {
  const { problems } = props;
  return (
    <WarningPanel
      title={`The fleet file has ${plural(
        problems.length,
        'problem',
      )}: environments with errors are left out`}
    >
      <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {problems.map((problem, i) => (
          <li key={i}>
            <code
              style={{ fontFamily: 'var(--bui-font-monospace, monospace)' }}
            >
              {problem}
            </code>
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}

function Fleet(props: { fleet: FleetStatusResponse }) {
  const { fleet } = props;
  const summary = useMemo(
    () => summarize(fleet.environments),
    [fleet.environments],
  );
  const report = useMemo(() => versionReport(fleet), [fleet]);
  return (
    <>
      <Section id="fleet-at-a-glance" title="Fleet at a glance">
        <FleetAtAGlance summary={summary} />
      </Section>
      <Grid.Root columns={{ initial: '1', lg: '12' }} gap="4">
        <Grid.Item colSpan={{ initial: '1', lg: '7' }}>
          <FleetMap environments={fleet.environments} />
        </Grid.Item>
        <Grid.Item colSpan={{ initial: '1', lg: '5' }}>
          <VersionSkew report={report} />
        </Grid.Item>
      </Grid.Root>
      <Section id="fleet-environments" title="Environments">
        <FleetTable environments={fleet.environments} />
      </Section>
    </>
  );
}

/**
 * The whole fleet on one page, live: health, capacity, Kubernetes version
 * skew, a map and a table of every environment, read again every 30 s.
 */
export function FleetPage() {
  const fleetApi = useApi(fleetApiRef);
  const load = useCallback(() => fleetApi.getFleet(), [fleetApi]);
  const {
    value,
    error,
    refreshError,
    loading,
    refreshing,
    updatedAt,
    refresh,
  } = usePolling(load, { key: 'fleet' });

  let content: ReactNode;
  if (loading) {
    content = <Loading />;
  } else if (!value) {
    content = (
      <LoadError
        error={error ?? new Error('No answer')}
        retrying={refreshing}
        onRetry={refresh}
      />
    );
  } else {
    content = (
      <>
        <Toolbar
          updatedAt={updatedAt}
          count={value.environments.length}
          refreshing={refreshing}
          onRefresh={refresh}
        />
        {refreshError && (
          <Alert
            status="warning"
            icon
            title={
              <>
                Could not refresh the fleet status; showing what was read{' '}
                {updatedAt ? <Ago at={updatedAt} /> : 'earlier'}.
              </>
            }
            description={refreshError.message}
          />
        )}
        {value.simulated && (
          <Alert status="info" icon title={SIMULATED_NOTICE} />
        )}
        {value.problems.length > 0 && <Problems problems={value.problems} />}
        {value.environments.length === 0 ? (
          <NoEnvironments />
        ) : (
          <Fleet fleet={value} />
        )}
      </>
    );
  }

  return (
    <NowProvider>
      <Container py="6">
        <Flex direction="column" gap="5">
          {content}
        </Flex>
      </Container>
    </NowProvider>
  );
}
