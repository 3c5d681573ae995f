import { addDays, eachDay, isoWeekday, type DayRange } from './calendar';
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
  const amounts = new Map<string, number>();
  let firstDay: string | undefined;
  for (const { date, amount } of series) {
    amounts.set(date, (amounts.get(date) ?? 0) + amount);
    firstDay = firstDay === undefined || date < firstDay ? date : firstDay;
  }
  const historyStart = options.historyStart ?? firstDay;
  if (historyStart === undefined) {
    return [];
  }
  const firstJudged = addDays(historyStart, MIN_HISTORY_DAYS);
  const from =
    options.range.from > firstJudged ? options.range.from : firstJudged;
  if (from > options.range.to) {
    return [];
  }

  const anomalies: DailyAnomaly[] = [];
  for (const date of eachDay({ from, to: options.range.to })) {
    const windowStart = addDays(date, -ANOMALY_WINDOW_DAYS);
    const window = eachDay({
      from: windowStart > historyStart ? windowStart : historyStart,
      to: addDays(date, -1),
    }).map(day => ({ day, amount: amounts.get(day) ?? 0 }));
    const { expected, spread } = recentPattern(window, isoWeekday(date));
    const amount = amounts.get(date) ?? 0;
    const difference = amount - expected;
    const scale = Math.max(
      spread,
      MIN_RELATIVE_SPREAD * Math.abs(expected),
      minChange / threshold,
    );
    const score = difference / scale;
    if (Math.abs(score) >= threshold && Math.abs(difference) >= minChange) {
      anomalies.push({
        date,
        amount,
        expected,
        score,
        direction: difference > 0 ? 'spike' : 'drop',
      });
    }
  }
  return anomalies;
}

/** Expected cost of a day of `weekday` after `window`, and the spread. */
function recentPattern(
  window: ReadonlyArray<{ day: string; amount: number }>,
  weekday: number,
): { expected: number; spread: number } {
  const values = window.map(({ amount }) => amount);
  const center = median(values);
  const plainErrors = values.map(value => value - center);
  const plain = { expected: center, spread: robustSpread(plainErrors) };
  if (window.length < MIN_DAYS_FOR_WEEKDAYS) {
    return plain;
  }

  const byWeekday = new Map<number, number[]>();
  for (const { day, amount } of window) {
    const weekdayValues = byWeekday.get(isoWeekday(day)) ?? [];
    weekdayValues.push(amount);
    byWeekday.set(isoWeekday(day), weekdayValues);
  }
  // Each day against the median of the other days of its weekday: an
  // out-of-sample error, as the judged day's will be.
  const weekdayErrors: number[] = [];
  for (const weekdayValues of byWeekday.values()) {
    weekdayValues.forEach((value, i) => {
      weekdayErrors.push(
        value - median(weekdayValues.filter((_, j) => j !== i)),
      );
    });
  }
  // The model is chosen by the mean error, which sees the weekends; the
  // median error that makes the spread would overlook two days in seven.
  return meanAbsolute(weekdayErrors) < meanAbsolute(plainErrors)
    ? {
        expected: median(byWeekday.get(weekday) ?? values),
        spread: robustSpread(weekdayErrors),
      }
    : plain;
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
