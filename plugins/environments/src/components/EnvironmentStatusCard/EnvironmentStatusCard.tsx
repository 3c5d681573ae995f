import { useCallback, useMemo, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Button, Flex, Grid, Skeleton, Text } from '@backstage/ui';
import type { EnvironmentStatus } from '@multicloud/plugin-environments-common';
import { fleetApiRef, usePolling } from '../../api';
import { readEnvironment } from '../../lib/environment';
import {
  formatBytes,
  formatCores,
  isStale,
  parseTime,
  plural,
  serverMinor,
  shortAgo,
} from '../FleetPage/format';
import { normalizeMinor } from '../FleetPage/fleet';
import { HealthChip } from '../FleetPage/health';
import { useNow } from '../FleetPage/useNow';
import { CardField, CARD_COLUMNS } from '../CardField';

const COLUMNS = CARD_COLUMNS;
const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };
/** How many failing pods the card names; the rest are counted. */
const FAILING_PODS_SHOWN = 5;

export const NOT_CONFIGURED_NOTICE =
  'No api_server in environments.yaml: add infrastructure.kubernetes.api_server to see live status';

function Checked(props: { status: EnvironmentStatus['status'] }) {
  const now = useNow();
  const checkedAt = parseTime(props.status.checkedAt);
  const lastSuccess = parseTime(props.status.lastSuccessAt);
  if (!checkedAt) {
    return (
      <Text as="span" variant="body-small" color="secondary">
        not checked yet
      </Text>
    );
  }
  const stale = isStale(checkedAt, now);
  return (
    <Text
      as="span"
      variant="body-small"
      color={stale ? 'warning' : 'secondary'}
    >
      checked{' '}
      <time
        dateTime={checkedAt.toISOString()}
        title={checkedAt.toLocaleString()}
      >
        {shortAgo(checkedAt, now)}
      </time>
      {stale && ' (stale)'}
      {props.status.latencyMs !== undefined &&
        ` in ${Math.round(props.status.latencyMs)} ms`}
      {props.status.health === 'unreachable' && lastSuccess && (
        <> · last answered {shortAgo(lastSuccess, now)}</>
      )}
    </Text>
  );
}

function Versions(props: { env: EnvironmentStatus }) {
  const { env } = props;
  const declared = env.kubernetes?.version;
  const server = env.status.serverVersion;
  const differs =
    !!server &&
    normalizeMinor(declared) !== undefined &&
    serverMinor(server) !== normalizeMinor(declared);
  return (
    <Flex direction="column" gap="0.5">
      <span>
        <code style={MONOSPACE}>{server ?? 'unknown'}</code>
        <Text as="span" variant="body-small" color="secondary">
          {' '}
          on the server
        </Text>
      </span>
      <Text
        as="span"
        variant="body-small"
        color={differs ? 'warning' : 'secondary'}
        weight={differs ? 'bold' : undefined}
      >
        {declared ? `declared ${declared}` : 'no version declared'}
        {differs && ': the server runs another minor'}
      </Text>
    </Flex>
  );
}

function FailingPods(props: {
  pods: NonNullable<EnvironmentStatus['status']['pods']>;
}) {
  const { pods } = props;
  const shown = pods.failing.slice(0, FAILING_PODS_SHOWN);
  const more = pods.notRunning - shown.length;
  return (
    <Flex direction="column" gap="1">
      <Text
        as="span"
        color={pods.notRunning > 0 ? 'danger' : undefined}
        weight={pods.notRunning > 0 ? 'bold' : undefined}
      >
        {pods.notRunning} of {pods.total} not running
      </Text>
      {shown.length > 0 && (
        <ul
          aria-label="Failing pods"
          style={{ margin: 0, paddingLeft: '1.25rem' }}
        >
          {shown.map(pod => (
            <li key={`${pod.namespace}/${pod.name}`}>
              <Text as="span" variant="body-small">
                <code style={MONOSPACE}>
                  {pod.namespace}/{pod.name}
                </code>{' '}
                <Text as="span" variant="body-small" color="danger">
                  {pod.reason}
                </Text>
              </Text>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && more > 0 && (
        <Text as="span" variant="body-small" color="secondary">
          and {more} more
        </Text>
      )}
    </Flex>
  );
}

function Live(props: { env: EnvironmentStatus }) {
  const { env } = props;
  const { status } = env;
  return (
    <Grid.Root columns={COLUMNS} gap="3">
      <CardField label="Kubernetes">
        <Versions env={env} />
      </CardField>
      <CardField label="Nodes">
        {status.nodes ? (
          <Text
            as="span"
            color={
              status.nodes.ready < status.nodes.total ? 'warning' : undefined
            }
            weight="bold"
          >
            {status.nodes.ready} of {plural(status.nodes.total, 'node')} ready
          </Text>
        ) : (
          '—'
        )}
      </CardField>
      <CardField label="Allocatable">
        {status.allocatable
          ? `${formatCores(status.allocatable.cpuCores)}, ${formatBytes(
              status.allocatable.memoryBytes,
            )}`
          : '—'}
      </CardField>
      <CardField label="Deployments">
        {status.deployments ? (
          <Flex direction="column" gap="0.5">
            <Text
              as="span"
              color={status.deployments.unavailable > 0 ? 'danger' : undefined}
              weight={status.deployments.unavailable > 0 ? 'bold' : undefined}
            >
              {status.deployments.unavailable} of {status.deployments.total}{' '}
              unavailable
            </Text>
            <Text as="span" variant="body-small" color="secondary">
              {status.deployments.rollingOut} rolling out
            </Text>
          </Flex>
        ) : (
          '—'
        )}
      </CardField>
      <CardField label="Pods" wide>
        {status.pods ? <FailingPods pods={status.pods} /> : '—'}
      </CardField>
    </Grid.Root>
  );
}

function hasLiveData(status: EnvironmentStatus['status']): boolean {
  return !!(
    status.serverVersion ||
    status.nodes ||
    status.allocatable ||
    status.pods ||
    status.deployments
  );
}

function Body(props: { env: EnvironmentStatus }) {
  const { env } = props;
  const { status } = env;
  switch (status.health) {
    case 'disabled':
      return (
        <Alert
          status="info"
          icon
          title="Disabled in environments.yaml (enabled: false): the portal does not probe it."
        />
      );
    case 'not-configured':
      return <Alert status="info" icon title={NOT_CONFIGURED_NOTICE} />;
    case 'pending':
      return (
        <Alert
          status="info"
          icon
          title="Not probed yet: the first probe runs shortly after the backend starts."
        />
      );
    case 'unreachable':
      return (
        <Flex direction="column" gap="3">
          <Alert
            status="danger"
            icon
            title={`The API server did not answer${
              status.reason ? `: ${status.reason}` : ''
            }`}
            description={
              env.kubernetes?.apiServer ? (
                <>
                  Probed{' '}
                  <code style={MONOSPACE}>{env.kubernetes.apiServer}</code>
                </>
              ) : undefined
            }
          />
          {hasLiveData(status) ? (
            <Live env={env} />
          ) : (
            <Text as="p" variant="body-small" color="secondary">
              {env.kubernetes?.version
                ? `Declares Kubernetes ${env.kubernetes.version}. `
                : ''}
              Nodes, capacity and workloads show once the server answers.
            </Text>
          )}
        </Flex>
      );
    default:
      return <Live env={env} />;
  }
}

function Loading() {
  return (
    <Flex
      direction="column"
      gap="3"
      role="status"
      aria-busy
      aria-label="Loading the live status"
    >
      <Skeleton width={120} height={24} rounded />
      <Skeleton height={16} />
      <Skeleton height={16} />
      <Skeleton height={16} width="60%" />
    </Flex>
  );
}

/**
 * Live status of one environment: what its API server answered at the last
 * probe of the environments backend, read again every 30 s.
 */
export function EnvironmentStatusCard() {
  const { entity } = useEntity();
  const name = useMemo(() => readEnvironment(entity).name, [entity]);
  const fleetApi = useApi(fleetApiRef);
  const load = useCallback(
    () =>
      name
        ? fleetApi.getEnvironment(name)
        : Promise.reject(
            new Error('This entity does not name its environment.'),
          ),
    [fleetApi, name],
  );
  const { value, error, refreshError, loading, refreshing, refresh } =
    usePolling(load, { key: name ?? '' });

  const header = value ? (
    <Flex gap="2" align="center">
      <HealthChip health={value.status.health} />
    </Flex>
  ) : undefined;

  let body: ReactNode;
  if (loading) {
    body = <Loading />;
  } else if (!value) {
    body = (
      <Alert
        status="danger"
        icon
        title="Could not read the live status from the environments backend"
        description={error?.message}
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
    const { status } = value;
    body = (
      <Flex direction="column" gap="3">
        {status.reason && status.health !== 'unreachable' && (
          <Text
            as="p"
            color={status.health === 'degraded' ? 'warning' : 'secondary'}
            weight={status.health === 'degraded' ? 'bold' : undefined}
          >
            {status.reason}
          </Text>
        )}
        <Body env={value} />
        {refreshError && (
          <Alert
            status="warning"
            title={`Could not refresh: ${refreshError.message}`}
          />
        )}
        {status.health !== 'disabled' && status.health !== 'not-configured' && (
          <Checked status={status} />
        )}
      </Flex>
    );
  }

  return (
    <EntityInfoCard title="Live status" headerActions={header}>
      {body}
    </EntityInfoCard>
  );
}
