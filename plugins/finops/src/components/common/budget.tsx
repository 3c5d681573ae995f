import type { CSSProperties } from 'react';
import { Flex, Text } from '@backstage/ui';
import type {
  BudgetState,
  BudgetStatus,
} from '@multicloud/plugin-finops-common';
import { formatMoney, formatMoneyList, formatPercent } from '../../lib/money';

interface StateStyle {
  label: string;
  color: string;
  description: string;
}

export const BUDGET_STATES: Readonly<Record<BudgetState, StateStyle>> = {
  ok: {
    label: 'OK',
    color: '#2e9d4f',
    description: 'The forecast of the month is within the budget',
  },
  'at-risk': {
    label: 'At risk',
    color: '#e0a100',
    description:
      'Within the budget so far, but the forecast of the month is above it',
  },
  over: {
    label: 'Over budget',
    color: '#d6383e',
    description: 'The month to date is already above the budget',
  },
  'no-budget': {
    label: 'No budget',
    color: '#9e9e9e',
    description:
      'No cost.budget_monthly for this environment in environments.yaml',
  },
  'currency-mismatch': {
    label: 'Currency mismatch',
    color: '#7b4bbf',
    description:
      'The costs are in another currency than the budget, so they are not compared',
  },
};

/** Worst first, for sorting and counting. */
export const BUDGET_STATE_ORDER: readonly BudgetState[] = [
  'over',
  'at-risk',
  'currency-mismatch',
  'ok',
  'no-budget',
];

const UNKNOWN: StateStyle = {
  label: 'Unknown',
  color: '#9e9e9e',
  description: 'A state this version of the portal does not know',
};

export function budgetStateStyle(state: string): StateStyle {
  return (
    (BUDGET_STATES as Readonly<Record<string, StateStyle>>)[state] ?? UNKNOWN
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

/** The budget state of an environment as a coloured chip. */
export function BudgetChip(props: { state: BudgetState }) {
  const style = budgetStateStyle(props.state);
  return (
    <span
      data-budget-state={props.state}
      title={style.description}
      style={{
        ...CHIP,
        // 8-digit hex: the state's colour at about 18 % over the surface.
        background: `${style.color}2e`,
        border: `1px solid ${style.color}`,
      }}
    >
      <span
        aria-hidden
        style={{
          width: 8,
          height: 8,
          borderRadius: '50%',
          background: style.color,
        }}
      />
      {style.label}
    </span>
  );
}

/**
 * Month to date (solid) and forecast (light) against the budget (the
 * line), on a scale that stretches past 100 % when the month overruns.
 */
export function BudgetBar(props: { status: BudgetStatus }) {
  const { used, forecastUsed, state } = props.status;
  if (used === undefined) return null;
  const color = budgetStateStyle(state).color;
  const scale = Math.min(Math.max(1, used, forecastUsed ?? 0), 2);
  const width = (ratio: number) => `${(Math.min(ratio, scale) / scale) * 100}%`;
  return (
    <div
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(used * 100)}
      aria-label={`${formatPercent(used)} of the budget used${
        forecastUsed !== undefined
          ? `, forecast ${formatPercent(forecastUsed)}`
          : ''
      }`}
      style={{
        position: 'relative',
        height: 10,
        borderRadius: 5,
        background: 'var(--bui-border-1, rgba(127, 127, 127, 0.2))',
        minWidth: 120,
      }}
    >
      {forecastUsed !== undefined && (
        <div
          style={{
            position: 'absolute',
            inset: '0 auto 0 0',
            width: width(forecastUsed),
            borderRadius: 5,
            background: `${color}55`,
          }}
        />
      )}
      <div
        style={{
          position: 'absolute',
          inset: '0 auto 0 0',
          width: width(used),
          borderRadius: 5,
          background: color,
        }}
      />
      <div
        aria-hidden
        title="Budget"
        style={{
          position: 'absolute',
          top: -3,
          bottom: -3,
          left: `calc(${width(1)} - 1px)`,
          width: 2,
          background: 'var(--bui-fg-primary, #333)',
        }}
      />
    </div>
  );
}

/** One line under the bar: what was spent, of what, and where it is heading. */
export function BudgetSummary(props: { status: BudgetStatus }) {
  const { status } = props;
  const { budget, forecast, used, forecastUsed } = status;
  if (status.state === 'no-budget' || !budget) {
    return (
      <Text as="span" variant="body-small" color="secondary">
        {status.monthToDate.length
          ? `${formatMoneyList(status.monthToDate)} this month, no budget set`
          : 'No cost this month, no budget set'}
      </Text>
    );
  }
  if (status.state === 'currency-mismatch') {
    const currencies = status.monthToDate.map(m => m.currency).join(', ');
    return (
      <Text as="span" variant="body-small" color="secondary">
        Budget {formatMoney(budget.amount, budget.currency)}, costs in{' '}
        {currencies || 'no currency yet'}: not compared. Set cost.currency in
        environments.yaml to the currency of the bill.
      </Text>
    );
  }
  const spent =
    status.monthToDate.find(m => m.currency === budget.currency)?.amount ?? 0;
  return (
    <Flex direction="column" gap="0.5">
      <Text as="span" variant="body-small">
        {formatMoney(spent, budget.currency)} of{' '}
        {formatMoney(budget.amount, budget.currency)}
        {used !== undefined && ` (${formatPercent(used)})`}
      </Text>
      {forecast && (
        <Text as="span" variant="body-small" color="secondary">
          Forecast {formatMoney(forecast.expected, budget.currency)}
          {forecastUsed !== undefined &&
            ` (${formatPercent(forecastUsed)})`},{' '}
          {formatPercent(forecast.confidence)} interval{' '}
          {formatMoney(forecast.lower, budget.currency)} –{' '}
          {formatMoney(forecast.upper, budget.currency)}
        </Text>
      )}
    </Flex>
  );
}
