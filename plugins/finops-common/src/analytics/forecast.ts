import type { CostForecast, TrendPoint } from '../api';
import {
  addDays,
  dayNumber,
  eachDay,
  isoWeekday,
  type DayRange,
} from './calendar';
import {
  MAD_TO_SIGMA,
  dot,
  invertMatrix,
  median,
  quadraticForm,
  studentTQuantile,
} from './statistics';

/** The cost of one day. */
export interface DailyAmount {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  amount: number;
}

/** Coverage of a prediction interval unless the caller asks for another. */
export const DEFAULT_CONFIDENCE = 0.8;

/** Days of history a forecast learns from: eight weeks. */
export const FORECAST_WINDOW_DAYS = 56;

/** From this many days of history on, the model follows a linear trend. */
const MIN_DAYS_FOR_TREND = 14;

/** From this many days (three of each weekday), it learns the weekday pattern. */
const MIN_DAYS_FOR_WEEKDAYS = 21;

/**
 * With few days the residuals say little about the spread, and a run of
 * equal days would promise a certainty nobody has. The daily spread is at
 * least this share of the level divided by the number of days seen, a floor
 * that fades as history accumulates.
 */
const SPREAD_FLOOR_SHARE = 0.5;

/** Days further than this many robust sigmas from the first fit are outliers. */
const OUTLIER_LIMIT = 4;

/** Fits repeated at most while pulling outliers back. */
const OUTLIER_ROUNDS = 10;

/** A prediction with its interval. */
export interface Prediction {
  expected: number;
  lower: number;
  upper: number;
}

/** Options of {@link fitDailyCostModel}. */
export interface DailyCostModelOptions {
  /** The last day of history; forecasts start the day after. */
  asOf: string;
  /**
   * First day the data covers: from there on a day without an amount cost
   * nothing. Defaults to the first day of `history`. Days before it are
   * unknown, not zero.
   */
  historyStart?: string;
  /** Days of history to learn from; {@link FORECAST_WINDOW_DAYS} by default. */
  windowDays?: number;
}

/**
 * A model of the daily cost of the recent weeks: level, trend and weekday
 * pattern fitted by least squares, with prediction intervals from the spread
 * of its residuals and the uncertainty of its own coefficients.
 */
export interface DailyCostModel {
  asOf: string;
  /** Days of history the model learnt from. */
  days: number;
  /** The cost of one day after `asOf`. */
  predictDay(date: string, confidence?: number): Prediction;
  /** The total of the days of `range` (all after `asOf`). */
  predictTotal(range: DayRange, confidence?: number): Prediction;
}

/**
 * Fits a {@link DailyCostModel} on the days of `history` up to `asOf`.
 *
 * The features follow the history: the mean alone for less than two weeks,
 * a linear trend from two weeks, the weekday pattern from three. One-off
 * days far from the pattern are pulled back to it before the final fit. The
 * intervals are those of ordinary least squares with Student's t, so they
 * widen with the days ahead and with short histories.
 */
export function fitDailyCostModel(
  history: readonly DailyAmount[],
  options: DailyCostModelOptions,
): DailyCostModel {
  const { asOf } = options;
  const windowDays = options.windowDays ?? FORECAST_WINDOW_DAYS;
  const amounts = new Map<string, number>();
  let firstDay: string | undefined;
  for (const { date, amount } of history) {
    if (date <= asOf) {
      amounts.set(date, (amounts.get(date) ?? 0) + amount);
      firstDay = firstDay === undefined || date < firstDay ? date : firstDay;
    }
  }
  const historyStart = options.historyStart ?? firstDay;
  const windowStart = addDays(asOf, 1 - windowDays);
  if (historyStart === undefined || historyStart > asOf) {
    return nothingKnown(asOf);
  }
  const days = eachDay({
    from: historyStart > windowStart ? historyStart : windowStart,
    to: asOf,
  });
  let y = days.map(day => amounts.get(day) ?? 0);
  const n = y.length;

  const origin = dayNumber(days[0]);
  const center = (n - 1) / 2;
  const useTrend = n >= MIN_DAYS_FOR_TREND;
  const useWeekdays = n >= MIN_DAYS_FOR_WEEKDAYS;
  const features = (day: string): number[] => {
    const x = [1];
    if (useTrend) {
      x.push(dayNumber(day) - origin - center);
    }
    if (useWeekdays) {
      // Sunday is the baseline; the six others are offsets from it.
      const weekday = isoWeekday(day);
      for (let w = 1; w <= 6; w++) {
        x.push(weekday === w ? 1 : 0);
      }
    }
    return x;
  };

  const rows = days.map(features);
  const p = rows[0].length;
  const xtx = Array.from({ length: p }, (_, i) =>
    Array.from({ length: p }, (__, j) =>
      rows.reduce((sum, row) => sum + row[i] * row[j], 0),
    ),
  );
  // Never singular: the trend needs two days and gets fourteen, each weekday
  // offset needs one day and gets three.
  const inverse = invertMatrix(xtx);
  const fit = (values: readonly number[]) => {
    const xty = Array.from({ length: p }, (_, i) =>
      rows.reduce((sum, row, k) => sum + row[i] * values[k], 0),
    );
    return inverse.map(row => dot(row, xty));
  };

  // A one-off day (an upfront purchase, a runaway job) would tilt the trend
  // and widen every interval. Days far from the fit are pulled back to its
  // edge and the fit repeated, until it holds (a Huber-like fit).
  const observed = y;
  let beta = fit(y);
  for (
    let round = 0;
    n >= MIN_DAYS_FOR_TREND && round < OUTLIER_ROUNDS;
    round++
  ) {
    const coefficients = beta;
    const previous = y;
    const clipped = pullBackOutliers(
      observed,
      rows.map(row => dot(row, coefficients)),
    );
    if (clipped.every((value, k) => Math.abs(value - previous[k]) < 1e-9)) {
      break;
    }
    y = clipped;
    beta = fit(y);
  }
  const sse = rows.reduce(
    (sum, row, k) => sum + (y[k] - dot(row, beta)) ** 2,
    0,
  );
  const df = n - p;
  const mean = y.reduce((sum, v) => sum + v, 0) / n;
  const floor = (SPREAD_FLOOR_SHARE * Math.abs(mean)) / n;
  const sigma = Math.max(df > 0 ? Math.sqrt(sse / df) : 0, floor);
  const tDf = Math.max(df, 1);

  const halfWidth = (confidence: number, variance: number) =>
    studentTQuantile(0.5 + checkConfidence(confidence) / 2, tDf) *
    Math.sqrt(variance);

  return {
    asOf,
    days: n,
    predictDay(date, confidence = DEFAULT_CONFIDENCE) {
      const x = features(date);
      const expected = dot(x, beta);
      const width = halfWidth(
        confidence,
        sigma ** 2 * (1 + quadraticForm(inverse, x)),
      );
      return clampAtZero({
        expected,
        lower: expected - width,
        upper: expected + width,
      });
    },
    predictTotal(range, confidence = DEFAULT_CONFIDENCE) {
      const future = futureDays(range, asOf);
      if (future.length === 0) {
        return { expected: 0, lower: 0, upper: 0 };
      }
      const s = new Array<number>(p).fill(0);
      for (const day of future) {
        features(day).forEach((value, i) => {
          s[i] += value;
        });
      }
      const expected = dot(s, beta);
      const width = halfWidth(
        confidence,
        sigma ** 2 * (future.length + quadraticForm(inverse, s)),
      );
      return clampAtZero({
        expected,
        lower: expected - width,
        upper: expected + width,
      });
    },
  };
}

/**
 * The forecast of the total of `period` (e.g. the month of `asOf`): what the
 * days up to `asOf` cost plus the prediction of the days left.
 */
export function forecastPeriodTotal(
  history: readonly DailyAmount[],
  model: DailyCostModel,
  period: DayRange,
  confidence: number = DEFAULT_CONFIDENCE,
): CostForecast {
  const actual = history
    .filter(
      ({ date }) =>
        date >= period.from && date <= period.to && date <= model.asOf,
    )
    .reduce((sum, { amount }) => sum + amount, 0);
  const rest = model.predictTotal(period, confidence);
  return {
    periodEnd: period.to,
    actual,
    expected: actual + rest.expected,
    lower: actual + rest.lower,
    upper: actual + rest.upper,
    confidence,
  };
}

/** The predicted cost of each day of `range` after `asOf`, with its band. */
export function forecastDays(
  model: DailyCostModel,
  range: DayRange,
  confidence: number = DEFAULT_CONFIDENCE,
): TrendPoint[] {
  return futureDays(range, model.asOf).map(date => ({
    date,
    ...model.predictDay(date, confidence),
  }));
}

/**
 * The values, each kept within {@link OUTLIER_LIMIT} robust sigmas of its
 * fitted value.
 */
function pullBackOutliers(
  values: readonly number[],
  fitted: readonly number[],
): number[] {
  const limit =
    OUTLIER_LIMIT *
    MAD_TO_SIGMA *
    median(values.map((value, k) => Math.abs(value - fitted[k])));
  return values.map((value, k) =>
    Math.min(Math.max(value, fitted[k] - limit), fitted[k] + limit),
  );
}

function futureDays(range: DayRange, asOf: string): string[] {
  const from = range.from > asOf ? range.from : addDays(asOf, 1);
  return from > range.to ? [] : eachDay({ from, to: range.to });
}

/** Costs are not negative in aggregate; neither is what is left to come. */
function clampAtZero(prediction: Prediction): Prediction {
  const expected = Math.max(0, prediction.expected);
  return {
    expected,
    lower: Math.max(0, prediction.lower),
    upper: Math.max(expected, prediction.upper),
  };
}

function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(
      `confidence must be between 0 and 1 (exclusive), got ${confidence}`,
    );
  }
  return confidence;
}

function nothingKnown(asOf: string): DailyCostModel {
  const none = { expected: 0, lower: 0, upper: 0 };
  return {
    asOf,
    days: 0,
    predictDay: () => none,
    predictTotal: () => none,
  };
}
