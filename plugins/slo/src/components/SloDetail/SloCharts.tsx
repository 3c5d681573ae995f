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
import {
  parseDuration,
  type BurnRateWindow,
  type SeriesPoint,
  type SloSeriesResponse,
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

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Tick spacings in seconds; the first that gives at most 8 ticks is used. */
const TICK_STEPS = [
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  5 * DAY,
  7 * DAY,
];

/**
 * Ticks on round hours or days (UTC) across `[start, end]` (seconds), in
 * milliseconds for the chart, and how to label them.
 */
export function timeTicks(
  start: number,
  end: number,
): { ticks: number[]; format: (t: number) => string } {
  const span = end - start;
  const step =
    TICK_STEPS.find(s => span / s <= 8) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    ticks.push(t * 1000);
  }
  const format = new Intl.DateTimeFormat(
    'en-GB',
    step < DAY
      ? { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' },
  );
  return { ticks, format: t => format.format(new Date(t)) };
}

/**
 * The budget axis in quarters, from 100 % down to the lowest value (or 0),
 * so that the warning and spent lines fall on ticks.
 */
export function budgetAxis(values: readonly number[]): {
  domain: [number, number];
  ticks: number[];
} {
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const bottom = Math.floor(low * 4) / 4;
  const top = Math.ceil(high * 4) / 4;
  const quarters = Math.round((top - bottom) * 4);
  // At most about nine ticks, however far the budget is overspent.
  const every = Math.max(1, Math.ceil(quarters / 8));
  const ticks: number[] = [];
  for (let q = 0; q <= quarters; q += every) ticks.push(bottom + q / 4);
  return { domain: [bottom, top], ticks };
}

const FULL_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
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
        {FULL_TIME.format(new Date(label))} UTC
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
  const axis = budgetAxis(values);
  const time = timeTicks(series.start, series.end);
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
            ticks={time.ticks}
            tickFormatter={time.format}
            tick={{ fill: 'currentColor', fontSize: 12 }}
          />
          <YAxis
            domain={axis.domain}
            ticks={axis.ticks}
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
              // Left, so that it never meets the warning label on the right.
              position: 'insideBottomLeft',
              fill: STATE.breached.color,
              fontSize: 11,
            }}
          />
          <Line
            type="linear"
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
 * Distinct alert thresholds, highest first, and the pairs that use each.
 */
export function thresholds(
  windows: readonly BurnRateWindow[],
): Array<{ factor: number; severity: string; pairs: string }> {
  const byFactor = new Map<number, BurnRateWindow[]>();
  for (const w of windows) {
    byFactor.set(w.factor, [...(byFactor.get(w.factor) ?? []), w]);
  }
  return [...byFactor.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([factor, ws]) => ({
      factor,
      severity: ws[0].severity,
      pairs: ws.map(w => `${w.long}/${w.short}`).join(', '),
    }));
}

export interface LineStyle {
  key: string;
  color: string;
  /** Short windows are dotted, in the colour of their pair. */
  short: boolean;
}

function seconds(key: string): number {
  const duration = parseDuration(key);
  return duration?.kind === 'fixed' ? duration.seconds : Infinity;
}

/**
 * One colour per window pair: its long window solid, its short one dotted.
 * A window that is the long one of a pair keeps that style even when it is
 * also the short one of a longer pair (6h in 6h/30m and 3d/6h). Windows of
 * no pair come last, solid.
 */
export function lineStyles(
  keys: readonly string[],
  windows: readonly BurnRateWindow[],
): LineStyle[] {
  const styles = new Map<string, LineStyle>();
  const present = new Set(keys);
  windows.forEach((w, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length];
    if (present.has(w.long) && !styles.has(w.long)) {
      styles.set(w.long, { key: w.long, color, short: false });
    }
  });
  windows.forEach((w, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length];
    if (present.has(w.short) && !styles.has(w.short)) {
      styles.set(w.short, { key: w.short, color, short: true });
    }
  });
  let extra = windows.length;
  for (const key of keys) {
    if (!styles.has(key)) {
      const color = SERIES_COLORS[extra++ % SERIES_COLORS.length];
      styles.set(key, { key, color, short: false });
    }
  }
  return [...styles.values()].sort((a, b) => seconds(a.key) - seconds(b.key));
}

function Swatch(props: { color: string; dash?: string }) {
  return (
    <svg
      aria-hidden
      width={18}
      height={8}
      style={{ marginRight: 4, verticalAlign: 'middle' }}
    >
      <line
        x1={0}
        y1={4}
        x2={18}
        y2={4}
        stroke={props.color}
        strokeWidth={2}
        strokeDasharray={props.dash}
      />
    </svg>
  );
}

const SHORT_DASH = '2 3';
const THRESHOLD_DASH = '6 4';

/** Burn rate per window over the range, with each alert threshold. */
export function BurnRateChart(props: {
  series: SloSeriesResponse;
  windows: readonly BurnRateWindow[];
}) {
  const { series, windows } = props;
  const styles = lineStyles(Object.keys(series.burnRates), windows);
  const data = mergeSeries(series.burnRates);
  const lines = thresholds(windows);
  const peak = Math.max(
    0,
    ...Object.values(series.burnRates).flatMap(points =>
      points.map(p => p.v ?? 0),
    ),
  );
  const top = Math.max(peak, ...lines.map(l => l.factor)) * 1.1 || 1;
  const label = `Burn rates: ${windows
    .filter(w => series.burnRates[w.long])
    .map(
      w =>
        `${w.long} ${formatBurnRate(
          latest(series.burnRates[w.long]),
        )} (alert above ${formatBurnRate(w.factor)})`,
    )
    .join(', ')}`;
  const time = timeTicks(series.start, series.end);
  const legend = (
    <Flex gap="3" style={{ flexWrap: 'wrap' }}>
      {styles.map(style => (
        <Text
          as="span"
          variant="body-x-small"
          color="secondary"
          key={style.key}
        >
          <Swatch
            color={style.color}
            dash={style.short ? SHORT_DASH : undefined}
          />
          {style.key}
        </Text>
      ))}
      <Text as="span" variant="body-x-small" color="secondary">
        <Swatch color={STATE.breached.color} dash={THRESHOLD_DASH} />
        <Swatch color={STATE.warning.color} dash={THRESHOLD_DASH} />
        thresholds: a pair fires when both its windows are above
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
            ticks={time.ticks}
            tickFormatter={time.format}
            tick={{ fill: 'currentColor', fontSize: 12 }}
          />
          <YAxis
            domain={[0, top]}
            tickFormatter={v => formatBurnRate(v)}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            width={56}
          />
          <Tooltip content={<ChartTooltip format={formatBurnRate} />} />
          {lines.map((line, i) => {
            const color =
              line.severity === 'page'
                ? STATE.breached.color
                : STATE.warning.color;
            return (
              <ReferenceLine
                key={line.factor}
                y={line.factor}
                stroke={color}
                strokeDasharray={THRESHOLD_DASH}
                label={{
                  value: `${formatBurnRate(line.factor)} ${line.severity} (${
                    line.pairs
                  })`,
                  // Alternate sides so that close thresholds do not overlap.
                  position: i % 2 === 0 ? 'insideTopRight' : 'insideTopLeft',
                  fill: color,
                  fontSize: 11,
                }}
              />
            );
          })}
          {styles.map(style => (
            <Line
              key={style.key}
              type="linear"
              dataKey={style.key}
              name={`${style.key} window`}
              stroke={style.color}
              strokeWidth={style.short ? 1.5 : 2}
              strokeDasharray={style.short ? SHORT_DASH : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
