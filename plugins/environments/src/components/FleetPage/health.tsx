import type { CSSProperties } from 'react';
import type { ClusterHealth } from '@multicloud/plugin-environments-common';

interface HealthStyle {
  label: string;
  /** Fill for dots, chart bars and map markers; reads on light and dark themes. */
  color: string;
  /** What the state means, for titles and legends. */
  description: string;
}

/** Worst first after the good one, as the tiles and the legend show them. */
export const HEALTH_ORDER: readonly ClusterHealth[] = [
  'healthy',
  'degraded',
  'unreachable',
  'pending',
  'disabled',
  'not-configured',
];

export const HEALTH: Readonly<Record<ClusterHealth, HealthStyle>> = {
  healthy: {
    label: 'Healthy',
    color: '#2e9d4f',
    description: 'Every node ready, no pod failing',
  },
  degraded: {
    label: 'Degraded',
    color: '#e0a100',
    description: 'Answers, but nodes are not ready or pods are failing',
  },
  unreachable: {
    label: 'Unreachable',
    color: '#d6383e',
    description: 'The API server did not answer, or answered with an error',
  },
  pending: {
    label: 'Pending',
    color: '#7b8aa3',
    description: 'Not probed yet',
  },
  disabled: {
    label: 'Disabled',
    color: '#9e9e9e',
    description: 'enabled: false in the fleet file; not probed',
  },
  'not-configured': {
    label: 'Not configured',
    color: '#bdbdbd',
    description: 'No api_server in the fleet file; nothing to probe',
  },
};

/** Health of an answer from a newer backend that this frontend does not know yet. */
const UNKNOWN: HealthStyle = {
  label: 'Unknown',
  color: '#9e9e9e',
  description: 'A state this version of the portal does not know',
};

export function healthStyle(health: string): HealthStyle {
  return (HEALTH as Readonly<Record<string, HealthStyle>>)[health] ?? UNKNOWN;
}

/** Sort rank of a health, worst first: for "sort by health". */
export function healthRank(health: string): number {
  const order: readonly string[] = [
    'unreachable',
    'degraded',
    'pending',
    'healthy',
    'not-configured',
    'disabled',
  ];
  const index = order.indexOf(health);
  return index === -1 ? order.length : index;
}

export function HealthDot(props: { health: string; size?: number }) {
  const { health, size = 10 } = props;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: '50%',
        background: healthStyle(health).color,
      }}
    />
  );
}

const CHIP: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  padding: '2px 10px 2px 8px',
  borderRadius: 999,
  fontSize: '0.8125rem',
  fontWeight: 600,
  lineHeight: 1.5,
  whiteSpace: 'nowrap',
  color: 'var(--bui-fg-primary, inherit)',
};

/** The health of one environment as a coloured chip. */
export function HealthChip(props: { health: string }) {
  const { health } = props;
  const style = healthStyle(health);
  return (
    <span
      data-health={health}
      title={style.description}
      style={{
        ...CHIP,
        // 8-digit hex: the state's colour at about 18 % over the surface.
        background: `${style.color}2e`,
        border: `1px solid ${style.color}`,
      }}
    >
      <HealthDot health={health} size={8} />
      {style.label}
    </span>
  );
}
