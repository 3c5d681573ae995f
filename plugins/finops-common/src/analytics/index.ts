export {
  addDays,
  dayNumber,
  dayOfNumber,
  daysInRange,
  eachDay,
  isIsoDay,
  isoWeekday,
  monthEnd,
  monthOf,
  monthStart,
  periodStart,
  previousMonthOf,
  previousPeriod,
  quarterOf,
  sameDaysOfPreviousMonth,
  utcDay,
  type DayRange,
} from './calendar';
export {
  DEFAULT_CONFIDENCE,
  FORECAST_WINDOW_DAYS,
  fitDailyCostModel,
  forecastDays,
  forecastPeriodTotal,
  type DailyAmount,
  type DailyCostModel,
  type DailyCostModelOptions,
  type Prediction,
} from './forecast';
export {
  ANOMALY_WINDOW_DAYS,
  DEFAULT_ANOMALY_THRESHOLD,
  DEFAULT_MIN_CHANGE,
  detectAnomalies,
  type AnomalyOptions,
  type DailyAnomaly,
} from './anomalies';
export { DEFAULT_MOVERS_LIMIT, topMovers, type GroupAmount } from './movers';
export {
  bucketDays,
  compareKeys,
  toCostGroups,
  totalsByCurrency,
  type PeriodAmount,
} from './series';
