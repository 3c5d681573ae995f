import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Flex, Text } from '@backstage/ui';
import type {
  BurnRateWindow,
  SeriesPoint,
  SloSeriesResponse,
} from '@multicloud/plugin-slo-common';
import { formatBudget, formatBurnRate } from '../../lib/format';
import { STATE } from '../../lib/slos';

/** Below this share of the budget left an SLO warns (see `SloState`). */
const WARNING_BUDGET = 0.25;

/** One colour per burn-rate window, in the order the windows come. */
const SERIES_COLORS = ['#3f7fbf', '#7b4bbf', '#1f9e89', '#c2571a', '#8c6d31'];

const CHART_HEIGHT = 240;

type Row = { t: number } & Record<string, number | null>;

/** Rows for recharts, keyed by time (ms), one column per series. */
export function mergeSeries(series: Record<string, SeriesPoint[]>): Row[] {
  const rows = new Map<number, Row>();
  for (const [key, points] of Object.entries(series)) {
    for (const point of points) {
      const t = point.t * 1000;
      let row = rows.get(t);
      if (!row) {
        row = { t } as Row;
        rows.set(t, row);
      }
      row[key] = point.v;
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

export function hasData(series: SloSeriesResponse): boolean {
  return [series.budgetRemaining, ...Object.values(series.burnRates)].some(
    points => points.some(p => p.v !== null),
  );
}

function latest(points: readonly SeriesPoint[]): number | undefined {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i].v;
    if (v !== null) return v;
  }
  return undefined;
}

function timeFormatter(spanSeconds: number): (t: number) => string {
  const format = new Intl.DateTimeFormat(
    'en-GB',
    spanSeconds <= 2 * 86400
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' },
  );
  return t => format.format(new Date(t));
}

const FULL_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

function ChartTooltip(props: {
  active?: boolean;
  label?: number | string;
  payload?: ReadonlyArray<{
    name?: string | number;
    value?: unknown;
    color?: string;
  }>;
  format: (v: number) => string;
}) {
  const { active, label, payload, format } = props;
  if (!active || !payload?.length || typeof label !== 'number') return null;
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
      <Text as="div" variant="body-x-small" color="secondary">
        {FULL_TIME.format(new Date(label))}
      </Text>
      {payload.map(item => (
        <Text as="div" variant="body-small" key={String(item.name)}>
          <span style={{ color: item.color }}>●</span> {item.name}:{' '}
          {typeof item.value === 'number' ? format(item.value) : 'no data'}
        </Text>
      ))}
    </div>
  );
}

function ChartFrame(props: {
  title: string;
  label: string;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Flex direction="column" gap="2">
      <Text as="h4" variant="body-medium" weight="bold">
        {props.title}
      </Text>
      <div
        role="img"
        aria-label={props.label}
        style={{
          width: '100%',
          height: CHART_HEIGHT,
          color: 'var(--bui-fg-secondary)',
        }}
      >
        {props.children}
      </div>
      {props.legend}
    </Flex>
  );
}

/** Error budget left over the range, with the lines where it warns and where it is spent. */
export function BudgetChart(props: { series: SloSeriesResponse }) {
  const { series } = props;
  const data = mergeSeries({ budget: series.budgetRemaining });
  const values = series.budgetRemaining
    .map(p => p.v)
    .filter((v): v is number => v !== null);
  const now = latest(series.budgetRemaining);
  const lowest = values.length ? Math.min(...values) : undefined;
  const label =
    now === undefined
      ? 'Error budget left: no data in this range'
      : `Error budget left: ${formatBudget(
          now,
        )} at the end of the range, lowest ${formatBudget(lowest)}`;
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, ...values);
  const tick = timeFormatter(series.end - series.start);
  return (
    <ChartFrame title="Error budget left" label={label}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 480, height: CHART_HEIGHT }}
      >
        <LineChart
          data={data}
          margin={{ top: 16, right: 24, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[series.start * 1000, series.end * 1000]}
            tickFormatter={tick}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            domain={[bottom, top]}
            tickFormatter={v => formatBudget(v)}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            width={56}
          />
          <Tooltip content={<ChartTooltip format={v => formatBudget(v)} />} />
          <ReferenceLine
            y={WARNING_BUDGET}
            stroke={STATE.warning.color}
            strokeDasharray="4 3"
            label={{
              value: 'warning below 25%',
              position: 'insideTopRight',
              fill: STATE.warning.color,
              fontSize: 11,
            }}
          />
          <ReferenceLine
            y={0}
            stroke={STATE.breached.color}
            strokeDasharray="4 3"
            label={{
              value: 'budget spent',
              position: 'insideBottomRight',
              fill: STATE.breached.color,
              fontSize: 11,
            }}
          />
          <Line
            type="monotone"
            dataKey="budget"
            name="Budget left"
            stroke="#3f7fbf"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/**
 * Distinct alert thresholds and the windows that use each: a long window
 * (`1h`) is charted, and its threshold is the factor of its pair.
 */
export function thresholds(
  windows: readonly BurnRateWindow[],
): Array<{ factor: number; severity: string; windows: string }> {
  const byFactor = new Map<number, BurnRateWindow[]>();
  for (const w of windows) {
    byFactor.set(w.factor, [...(byFactor.get(w.factor) ?? []), w]);
  }
  return [...byFactor.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([factor, ws]) => ({
      factor,
      severity: ws[0].severity,
      windows: ws.map(w => w.long).join(', '),
    }));
}

/** Burn rate per window over the range, with each alert threshold. */
export function BurnRateChart(props: {
  series: SloSeriesResponse;
  windows: readonly BurnRateWindow[];
}) {
  const { series, windows } = props;
  const keys = Object.keys(series.burnRates);
  const data = mergeSeries(series.burnRates);
  const lines = thresholds(windows);
  const peak = Math.max(
    0,
    ...Object.values(series.burnRates).flatMap(points =>
      points.map(p => p.v ?? 0),
    ),
  );
  const top = Math.max(peak, ...lines.map(l => l.factor)) * 1.1 || 1;
  const label = `Burn rates: ${keys
    .map(key => {
      const factor = windows.find(w => w.long === key)?.factor;
      return `${key} ${formatBurnRate(latest(series.burnRates[key]))}${
        factor === undefined ? '' : ` (alert above ${formatBurnRate(factor)})`
      }`;
    })
    .join(', ')}`;
  const tick = timeFormatter(series.end - series.start);
  const legend = (
    <Flex gap="3" style={{ flexWrap: 'wrap' }}>
      {keys.map((key, i) => (
        <Text as="span" variant="body-x-small" color="secondary" key={key}>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: 12,
              borderTop: `2px solid ${SERIES_COLORS[i % SERIES_COLORS.length]}`,
              marginRight: 4,
              verticalAlign: 'middle',
            }}
          />
          {key} window
        </Text>
      ))}
      <Text as="span" variant="body-x-small" color="secondary">
        dashed: alert thresholds (both windows of a pair above it fire)
      </Text>
    </Flex>
  );
  return (
    <ChartFrame title="Burn rate per window" label={label} legend={legend}>
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 480, height: CHART_HEIGHT }}
      >
        <LineChart
          data={data}
          margin={{ top: 16, right: 24, bottom: 0, left: 0 }}
        >
          <CartesianGrid vertical={false} strokeOpacity={0.3} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[series.start * 1000, series.end * 1000]}
            tickFormatter={tick}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis
            domain={[0, top]}
            tickFormatter={v => formatBurnRate(v)}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            width={56}
          />
          <Tooltip content={<ChartTooltip format={formatBurnRate} />} />
          {lines.map(line => {
            const color =
              line.severity === 'page'
                ? STATE.breached.color
                : STATE.warning.color;
            return (
              <ReferenceLine
                key={line.factor}
                y={line.factor}
                stroke={color}
                strokeDasharray="4 3"
                label={{
                  value: `${formatBurnRate(line.factor)} ${line.severity} (${
                    line.windows
                  })`,
                  position: 'insideTopRight',
                  fill: color,
                  fontSize: 11,
                }}
              />
            );
          })}
          {keys.map((key, i) => (
            <Line
              key={key}
              type="monotone"
              dataKey={key}
              name={`${key} window`}
              stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
