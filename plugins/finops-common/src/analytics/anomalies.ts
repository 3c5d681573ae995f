import { dayNumber, dayOfNumber, isoWeekday, type DayRange } from './calendar';
import type { DailyAmount } from './forecast';
import { MAD_TO_SIGMA, median } from './statistics';

/**
 * Days before a day that make its recent pattern: eight weeks, eight of
 * each weekday. A shorter window follows a new level sooner but estimates
 * the spread so loosely that normal days score high.
 */
export const ANOMALY_WINDOW_DAYS = 56;

/**
 * Robust z-score from which a day is an anomaly. Above the 3.5 usual for a
 * single sample because every day of every group is judged: at 3.5 about
 * one normal day in three hundred would alarm, at 4 one in a thousand.
 */
export const DEFAULT_ANOMALY_THRESHOLD = 4;

/**
 * Smallest difference from the expected cost, in units of the currency, that
 * is reported: a group that costs cents may triple without anyone caring.
 */
export const DEFAULT_MIN_CHANGE = 10;

/** A day is only judged once this many days of history precede it. */
const MIN_HISTORY_DAYS = 14;

/** The weekday pattern is only tried with three of each weekday. */
const MIN_DAYS_FOR_WEEKDAYS = 21;

/**
 * When the recent days are all alike their spread is zero, and any change
 * would score infinitely high; the spread is taken as at least this share of
 * the expected cost.
 */
const MIN_RELATIVE_SPREAD = 0.02;

/** Options of {@link detectAnomalies}. */
export interface AnomalyOptions {
  /** The days to judge. */
  range: DayRange;
  /**
   * First day the data covers: from there on a day without an amount cost
   * nothing. Defaults to the first day of the series.
   */
  historyStart?: string;
  threshold?: number;
  minChange?: number;
}

/** A day far from what its recent days predicted. */
export interface DailyAnomaly {
  date: string;
  amount: number;
  expected: number;
  score: number;
  direction: 'spike' | 'drop';
}

/**
 * The days of `range` whose cost is far outside the pattern of the
 * {@link ANOMALY_WINDOW_DAYS} days before them.
 *
 * The expected cost is the median of the recent days, or, when that
 * predicts the recent days better, the median of the same weekday (so a
 * quiet weekend is not a drop). The spread is the median absolute deviation
 * of the recent days from what was expected of them, each same-weekday day
 * judged against the others so the spread is honest. A day is an anomaly
 * when its robust z-score reaches `threshold` and it differs from the
 * expectation by at least `minChange`.
 */
export function detectAnomalies(
  series: readonly DailyAmount[],
  options: AnomalyOptions,
): DailyAnomaly[] {
  const threshold = options.threshold ?? DEFAULT_ANOMALY_THRESHOLD;
  const minChange = options.minChange ?? DEFAULT_MIN_CHANGE;
  const historyStart =
    options.historyStart ??
    series.reduce<string | undefined>(
      (first, { date }) => (first === undefined || date < first ? date : first),
      undefined,
    );
  if (historyStart === undefined) {
    return [];
  }

  // Days as offsets from the start of history, so the windows are slices.
  const start = dayNumber(historyStart);
  const end = dayNumber(options.range.to);
  if (end < start) {
    return [];
  }
  const values = new Array<number>(end - start + 1).fill(0);
  for (const { date, amount } of series) {
    const offset = dayNumber(date) - start;
    if (offset >= 0 && offset < values.length) {
      values[offset] += amount;
    }
  }
  const weekdays = values.map((_, offset) =>
    isoWeekday(dayOfNumber(start + offset)),
  );

  const anomalies: DailyAnomaly[] = [];
  const first = Math.max(
    dayNumber(options.range.from) - start,
    MIN_HISTORY_DAYS,
  );
  for (let offset = first; offset < values.length; offset++) {
    const from = Math.max(0, offset - ANOMALY_WINDOW_DAYS);
    const { expected, spread } = recentPattern(
      values.slice(from, offset),
      weekdays.slice(from, offset),
      weekdays[offset],
    );
    const amount = values[offset];
    const difference = amount - expected;
    const scale = Math.max(
      spread,
      MIN_RELATIVE_SPREAD * Math.abs(expected),
      minChange / threshold,
    );
    const score = difference / scale;
    if (Math.abs(score) >= threshold && Math.abs(difference) >= minChange) {
      anomalies.push({
        date: dayOfNumber(start + offset),
        amount,
        expected,
        score,
        direction: difference > 0 ? 'spike' : 'drop',
      });
    }
  }
  return anomalies;
}

/**
 * Expected cost of a day of `weekday` after the days of `window` (with their
 * `windowWeekdays`), and the spread around it.
 */
function recentPattern(
  window: readonly number[],
  windowWeekdays: readonly number[],
  weekday: number,
): { expected: number; spread: number } {
  const center = median(window);
  const plainErrors = window.map(value => value - center);
  const plain = { expected: center, spread: robustSpread(plainErrors) };
  if (window.length < MIN_DAYS_FOR_WEEKDAYS) {
    return plain;
  }

  const byWeekday = new Map<number, number[]>();
  window.forEach((value, k) => {
    const sameDay = byWeekday.get(windowWeekdays[k]) ?? [];
    sameDay.push(value);
    byWeekday.set(windowWeekdays[k], sameDay);
  });
  // Each day against the median of the other days of its weekday: an
  // out-of-sample error, as the judged day's will be.
  const weekdayErrors: number[] = [];
  for (const sameDay of byWeekday.values()) {
    const sorted = Float64Array.from(sameDay).sort();
    sorted.forEach((value, i) => {
      weekdayErrors.push(value - medianWithout(sorted, i));
    });
  }
  // The model is chosen by the mean error, which sees the weekends; the
  // median error that makes the spread would overlook two days in seven.
  return meanAbsolute(weekdayErrors) < meanAbsolute(plainErrors)
    ? {
        expected: median(byWeekday.get(weekday) ?? window),
        spread: robustSpread(weekdayErrors),
      }
    : plain;
}

/** Median of sorted values without the one at `skip`; `NaN` if none is left. */
function medianWithout(sorted: Float64Array, skip: number): number {
  const length = sorted.length - 1;
  const at = (k: number) => sorted[k < skip ? k : k + 1];
  if (length <= 0) {
    return Number.NaN;
  }
  return length % 2 === 1
    ? at((length - 1) / 2)
    : (at(length / 2 - 1) + at(length / 2)) / 2;
}

/** A normal sigma estimated from errors by their median absolute value. */
function robustSpread(errors: readonly number[]): number {
  return MAD_TO_SIGMA * median(errors.map(Math.abs));
}

function meanAbsolute(values: readonly number[]): number {
  return (
    values.reduce((sum, value) => sum + Math.abs(value), 0) / values.length
  );
}
