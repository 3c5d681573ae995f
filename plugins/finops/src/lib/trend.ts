import type { TrendPoint } from '@multicloud/plugin-finops-common';

/** One day of the trend chart. */
export interface TrendRow {
  date: string;
  /** Actual cost of a day of the previous month. */
  previous?: number;
  /** Actual cost of a day of this month. */
  actual?: number;
  /** Expected cost of a day still to come. */
  expected?: number;
  /** Prediction interval of that day, `[lower, upper]`. */
  band?: [number, number];
}

/**
 * The rows of the trend chart: the previous month and this one as two
 * series, then the forecast. The forecast starts at the last actual day so
 * the line and the band join the actuals instead of floating after a gap.
 */
export function trendRows(trend: TrendPoint[], monthStart: string): TrendRow[] {
  const rows: TrendRow[] = trend.map(point => {
    const row: TrendRow = { date: point.date };
    if (point.actual !== undefined) {
      if (point.date < monthStart) row.previous = point.actual;
      else row.actual = point.actual;
    }
    if (point.expected !== undefined) {
      row.expected = point.expected;
      row.band = [point.lower ?? point.expected, point.upper ?? point.expected];
    }
    return row;
  });
  const firstForecast = rows.findIndex(
    row => row.expected !== undefined && row.actual === undefined,
  );
  const lastActual = rows[firstForecast - 1];
  if (firstForecast > 0 && lastActual?.actual !== undefined) {
    lastActual.expected ??= lastActual.actual;
    lastActual.band ??= [lastActual.actual, lastActual.actual];
  }
  return rows;
}
