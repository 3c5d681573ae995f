import type { CSSProperties } from 'react';
import { Link, Text, Tooltip, TooltipTrigger } from '@backstage/ui';
import type { SloEnvironmentStatus } from '@multicloud/plugin-slo-common';
import { formatBudget } from '../../lib/format';
import {
  describeStatus,
  firingAlerts,
  hasVerdict,
  stateStyle,
} from '../../lib/slos';

const BOX: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: 2,
  boxSizing: 'border-box',
  width: '100%',
  // Columns widen when a component has few environments; cells stay cells.
  maxWidth: 140,
  minHeight: 56,
  padding: '6px 8px',
  borderRadius: 6,
  textDecoration: 'none',
  color: 'var(--bui-fg-primary, inherit)',
};

const CLAMP: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  wordBreak: 'break-word',
};

function Content(props: { status: SloEnvironmentStatus }) {
  const { status } = props;
  const style = stateStyle(status.state);
  const alerts = firingAlerts([status]);
  return (
    <>
      <Text as="span" variant="body-x-small" weight="bold">
        {style.label}
      </Text>
      {hasVerdict(status.state) ? (
        <>
          <Text as="span" variant="body-medium" weight="bold">
            {formatBudget(status.budgetRemaining)}
          </Text>
          {alerts.page + alerts.ticket > 0 && (
            <Text
              as="span"
              variant="body-x-small"
              color={alerts.page > 0 ? 'danger' : 'warning'}
              weight="bold"
            >
              {alerts.page > 0 ? 'page' : 'ticket'} alert firing
            </Text>
          )}
        </>
      ) : (
        status.error && (
          <Text as="span" variant="body-x-small" style={CLAMP}>
            {status.error}
          </Text>
        )
      )}
    </>
  );
}

function Details(props: { lines: string[] }) {
  const [first, ...rest] = props.lines;
  return (
    <div style={{ maxWidth: 420 }}>
      <Text as="div" variant="body-small" weight="bold">
        {first}
      </Text>
      {rest.map((line, i) => (
        <Text as="div" variant="body-x-small" key={i}>
          {line}
        </Text>
      ))}
    </div>
  );
}

/**
 * One SLO in one environment: its state in colour, the budget left (or why
 * there is no verdict), and the burn rates in a tooltip. A link when `href`
 * is given, e.g. to the charts of this SLO in this environment.
 */
export function SloCell(props: {
  status: SloEnvironmentStatus;
  objective: number;
  href?: string;
  selected?: boolean;
}) {
  const { status, objective, href, selected } = props;
  const style = stateStyle(status.state);
  const lines = describeStatus(status, objective);
  const box: CSSProperties = {
    ...BOX,
    background: `${style.color}24`,
    borderLeft: `4px solid ${style.color}`,
    outline: selected ? `2px solid ${style.color}` : undefined,
    outlineOffset: 1,
  };
  const label = lines.join('. ');
  if (!href) {
    return (
      <div
        role="group"
        aria-label={label}
        data-state={status.state}
        style={box}
        title={lines.join('\n')}
      >
        <Content status={status} />
      </div>
    );
  }
  return (
    <TooltipTrigger delay={300}>
      <Link
        href={href}
        aria-label={label}
        aria-current={selected ? 'true' : undefined}
        data-state={status.state}
        style={box}
      >
        <Content status={status} />
      </Link>
      <Tooltip placement="bottom">
        <Details lines={lines} />
      </Tooltip>
    </TooltipTrigger>
  );
}

/** The cell of an SLO that is not evaluated in an environment at all. */
export function NotEvaluatedCell(props: { environment: string }) {
  return (
    <div
      role="group"
      aria-label={`Not evaluated in ${props.environment}`}
      data-state="none"
      style={{
        ...BOX,
        justifyContent: 'center',
        border: '1px dashed var(--bui-border-2, rgba(127, 127, 127, 0.4))',
      }}
    >
      <Text as="span" variant="body-x-small" color="secondary">
        not evaluated
      </Text>
    </div>
  );
}
