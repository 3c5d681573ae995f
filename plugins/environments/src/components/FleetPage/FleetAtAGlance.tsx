import type { ReactNode } from 'react';
import { Card, CardBody, Flex, Grid, Text } from '@backstage/ui';
import { formatBytes, formatCores, plural } from './format';
import { HEALTH, HEALTH_ORDER, HealthDot } from './health';
import type { CountRow, FleetSummary } from './fleet';

const LABEL = {
  textTransform: 'uppercase',
  letterSpacing: 0.5,
} as const;

function Tile(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  accent?: string;
  dimmed?: boolean;
  title?: string;
}) {
  const { label, value, detail, accent, dimmed, title } = props;
  return (
    <Card
      role="group"
      aria-label={label}
      title={title}
      style={{
        height: '100%',
        borderTop: accent ? `4px solid ${accent}` : undefined,
        opacity: dimmed ? 0.6 : 1,
      }}
    >
      <CardBody>
        <Flex direction="column" gap="1">
          <Text
            as="span"
            variant="body-x-small"
            weight="bold"
            color="secondary"
            style={LABEL}
          >
            {label}
          </Text>
          <Text as="span" variant="title-medium" weight="bold">
            {value}
          </Text>
          {detail && (
            <Text as="span" variant="body-small" color="secondary">
              {detail}
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}

function Bar(props: { fraction: number; color: string }) {
  return (
    <div
      aria-hidden
      style={{
        height: 6,
        borderRadius: 3,
        background: 'var(--bui-border-1, rgba(127, 127, 127, 0.2))',
        overflow: 'hidden',
      }}
    >
      <div
        style={{
          width: `${Math.round(props.fraction * 100)}%`,
          height: '100%',
          background: props.color,
        }}
      />
    </div>
  );
}

const BREAKDOWN_COLOR = '#3f7fbf';

/** Counts as labelled bars: a chart reads better than a table here. */
function Breakdown(props: { title: string; rows: CountRow[]; total: number }) {
  const { title, rows, total } = props;
  return (
    <Card role="group" aria-label={title} style={{ height: '100%' }}>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text
            as="h3"
            variant="body-x-small"
            weight="bold"
            color="secondary"
            style={LABEL}
          >
            {title}
          </Text>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {rows.map(row => (
              <li
                key={row.key}
                aria-label={`${row.label}: ${row.count}`}
                style={{ marginBottom: 6 }}
              >
                <Flex justify="between" gap="2">
                  <Text as="span" variant="body-small">
                    {row.label}
                  </Text>
                  <Text as="span" variant="body-small" weight="bold">
                    {row.count}
                  </Text>
                </Flex>
                <Bar
                  fraction={total ? row.count / total : 0}
                  color={BREAKDOWN_COLOR}
                />
              </li>
            ))}
          </ul>
        </Flex>
      </CardBody>
    </Card>
  );
}

/** Tiles that sum the fleet up: health, capacity and how it is spread. */
export function FleetAtAGlance(props: { summary: FleetSummary }) {
  const { summary } = props;
  const { nodes } = summary;
  const reporting =
    summary.reporting === summary.total
      ? `all ${plural(summary.total, 'environment')}`
      : `${summary.reporting} of ${plural(summary.total, 'environment')}`;
  return (
    <Flex direction="column" gap="3">
      <Grid.Root columns={{ initial: '2', sm: '3', lg: '6' }} gap="3">
        {HEALTH_ORDER.map(health => {
          const count = summary.byHealth[health] ?? 0;
          return (
            <Grid.Item key={health}>
              <Tile
                label={HEALTH[health].label}
                title={HEALTH[health].description}
                value={
                  <Flex align="center" gap="2">
                    <HealthDot health={health} size={12} />
                    {count}
                  </Flex>
                }
                accent={HEALTH[health].color}
                dimmed={count === 0}
              />
            </Grid.Item>
          );
        })}
      </Grid.Root>
      <Grid.Root columns={{ initial: '2', lg: '4' }} gap="3">
        <Grid.Item>
          <Tile
            label="Environments"
            value={summary.total}
            detail={`${summary.byHealth.disabled ?? 0} disabled`}
          />
        </Grid.Item>
        <Grid.Item>
          <Tile
            label="Nodes ready"
            value={`${nodes.ready} / ${nodes.total}`}
            detail={
              nodes.total > 0 ? (
                <Flex direction="column" gap="1">
                  <span>
                    {nodes.total - nodes.ready === 0
                      ? 'all ready'
                      : `${nodes.total - nodes.ready} not ready`}
                  </span>
                  <Bar
                    fraction={nodes.ready / nodes.total}
                    color={
                      nodes.ready === nodes.total
                        ? HEALTH.healthy.color
                        : HEALTH.degraded.color
                    }
                  />
                </Flex>
              ) : (
                'no node counts yet'
              )
            }
          />
        </Grid.Item>
        <Grid.Item>
          <Tile
            label="Allocatable CPU"
            value={formatCores(summary.cpuCores)}
            detail={`from ${reporting}`}
          />
        </Grid.Item>
        <Grid.Item>
          <Tile
            label="Allocatable memory"
            value={formatBytes(summary.memoryBytes)}
            detail={`from ${reporting}`}
          />
        </Grid.Item>
      </Grid.Root>
      <Grid.Root columns={{ initial: '1', md: '3' }} gap="3">
        <Grid.Item>
          <Breakdown
            title="By provider"
            rows={summary.byProvider}
            total={summary.total}
          />
        </Grid.Item>
        <Grid.Item>
          <Breakdown
            title="By role"
            rows={summary.byRole}
            total={summary.total}
          />
        </Grid.Item>
        <Grid.Item>
          <Breakdown
            title="By type"
            rows={summary.byType}
            total={summary.total}
          />
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
}
