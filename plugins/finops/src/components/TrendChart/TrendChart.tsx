import { useMemo } from 'react';
import { Flex, Text } from '@backstage/ui';
import type { TrendPoint } from '@multicloud/plugin-finops-common';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { dayLabel, longDayLabel } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { trendRows, type TrendRow } from '../../lib/trend';

export const TREND_COLORS = {
  previous: '#9aa5b1',
  actual: '#3f7fbf',
  forecast: '#7b4bbf',
} as const;

function TrendTooltip(props: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: TrendRow }>;
  currency: string;
}) {
  const row = props.active ? props.payload?.[0]?.payload : undefined;
  if (!row) return null;
  const money = (amount: number) => formatMoney(amount, props.currency);
  const line = (label: string, color: string, text: string) => (
    <Text as="div" variant="body-small">
      <span style={{ color, fontWeight: 700 }}>■</span> {label}: {text}
    </Text>
  );
  return (
    <div
      style={{
        padding: '8px 12px',
        borderRadius: 4,
        background: 'var(--bui-bg-neutral-1, #fff)',
        border: '1px solid var(--bui-border-1, #ccc)',
        boxShadow: '0 2px 6px rgba(0, 0, 0, 0.15)',
      }}
    >
      <Text as="div" variant="body-small" weight="bold">
        {longDayLabel(row.date)}
      </Text>
      {row.previous !== undefined &&
        line('Actual', TREND_COLORS.previous, money(row.previous))}
      {row.actual !== undefined &&
        line('Actual', TREND_COLORS.actual, money(row.actual))}
      {row.actual === undefined &&
        row.expected !== undefined &&
        line(
          'Forecast',
          TREND_COLORS.forecast,
          `${money(row.expected)}${
            row.band ? ` (${money(row.band[0])} – ${money(row.band[1])})` : ''
          }`,
        )}
    </div>
  );
}

function Swatch(props: { color: string; dashed?: boolean; band?: boolean }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: props.band ? 10 : 0,
        verticalAlign: 'middle',
        marginRight: 4,
        background: props.band ? `${props.color}40` : undefined,
        borderTop: props.band
          ? undefined
          : `2px ${props.dashed ? 'dashed' : 'solid'} ${props.color}`,
      }}
    />
  );
}

/** What the colours of the trend chart mean. */
export function TrendLegend(props: { confidence?: number }) {
  const confidence =
    props.confidence !== undefined
      ? `${Math.round(props.confidence * 100)} % `
      : '';
  return (
    <Flex gap="3" style={{ flexWrap: 'wrap' }}>
      <Text as="span" variant="body-x-small" color="secondary">
        <Swatch color={TREND_COLORS.previous} />
        previous month
      </Text>
      <Text as="span" variant="body-x-small" color="secondary">
        <Swatch color={TREND_COLORS.actual} />
        this month
      </Text>
      <Text as="span" variant="body-x-small" color="secondary">
        <Swatch color={TREND_COLORS.forecast} dashed />
        forecast
      </Text>
      <Text as="span" variant="body-x-small" color="secondary">
        <Swatch color={TREND_COLORS.forecast} band />
        {confidence}prediction interval
      </Text>
    </Flex>
  );
}

/**
 * Daily cost of the previous month and this one, then the forecast to the
 * end of the month with its prediction interval as a band. One currency.
 */
export function TrendChart(props: {
  trend: TrendPoint[];
  currency: string;
  /** First day of the current month: days before it are the previous month. */
  monthStart: string;
  height?: number;
  /** A sparkline for cards: no axes, no grid. */
  compact?: boolean;
}) {
  const { trend, currency, monthStart, height = 260, compact } = props;
  const rows = useMemo(() => trendRows(trend, monthStart), [trend, monthStart]);
  const actualDays = rows.filter(r => r.actual !== undefined).length;
  const forecastDays = rows.filter(
    r => r.actual === undefined && r.expected !== undefined,
  ).length;
  const label = `Daily ${currency} cost: ${
    rows.filter(r => r.previous !== undefined).length
  } days of the previous month, ${actualDays} days of this month, forecast for ${forecastDays} more days`;
  return (
    <div
      role="img"
      aria-label={label}
      style={{ width: '100%', height, color: 'var(--bui-fg-secondary)' }}
    >
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: compact ? 280 : 640, height }}
      >
        <ComposedChart
          data={rows}
          margin={
            compact
              ? { top: 4, right: 4, bottom: 4, left: 4 }
              : { top: 8, right: 16, bottom: 0, left: 8 }
          }
        >
          {!compact && <CartesianGrid vertical={false} strokeOpacity={0.3} />}
          <XAxis
            dataKey="date"
            hide={compact}
            tickFormatter={dayLabel}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            hide={compact}
            width={72}
            tickFormatter={(value: number) =>
              formatMoney(value, currency, { compact: true })
            }
            tick={{ fill: 'currentColor', fontSize: 12 }}
          />
          <Tooltip content={<TrendTooltip currency={currency} />} />
          {!compact && (
            <ReferenceLine
              x={monthStart}
              stroke="currentColor"
              strokeOpacity={0.4}
              strokeDasharray="2 2"
            />
          )}
          <Area
            dataKey="band"
            stroke="none"
            fill={TREND_COLORS.forecast}
            fillOpacity={0.22}
            isAnimationActive={false}
            connectNulls={false}
            activeDot={false}
          />
          <Line
            dataKey="previous"
            stroke={TREND_COLORS.previous}
            strokeWidth={compact ? 1.5 : 2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="actual"
            stroke={TREND_COLORS.actual}
            strokeWidth={compact ? 1.5 : 2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="expected"
            stroke={TREND_COLORS.forecast}
            strokeWidth={compact ? 1.5 : 2}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
