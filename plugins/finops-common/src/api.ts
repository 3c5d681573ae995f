/**
 * The HTTP API of the FinOps backend (`/api/finops`), shared by the backend
 * that serves it and the frontend that reads it.
 *
 * Amounts are always given with their currency: a response never sums two
 * currencies. Where the data holds several, every total is a list with one
 * entry per currency, and the views show them side by side.
 */

/** A dimension costs can be grouped by. */
export type CostDimension =
  | 'environment'
  | 'provider'
  | 'serviceCategory'
  | 'service'
  | 'region'
  | 'subAccount'
  | 'chargeCategory'
  | 'entity'
  /**
   * In-cluster cost from OpenCost: `<environment>/<namespace>`. A breakdown
   * of cluster cost that the FOCUS exports already count: never added to
   * the totals of the other dimensions, the summary or the budgets.
   */
  | 'namespace';

/** Every {@link CostDimension}, in the order the views offer them. */
export const COST_DIMENSIONS: readonly CostDimension[] = [
  'environment',
  'provider',
  'serviceCategory',
  'service',
  'region',
  'subAccount',
  'chargeCategory',
  'entity',
  'namespace',
];

/** Length of the periods of a cost series. */
export type CostGranularity = 'day' | 'week' | 'month';

/**
 * Which FOCUS cost column is summed: `effective` (EffectiveCost: after
 * discounts and amortised commitments, the default) or `billed`
 * (BilledCost: what the invoice shows).
 */
export type CostMetric = 'effective' | 'billed';

/** An amount in one currency (ISO 4217 code as in the data). */
export interface Money {
  currency: string;
  amount: number;
}

/** Filters accepted by every cost query (all optional, combined with AND). */
export interface CostFilter {
  environment?: string;
  provider?: string;
  serviceCategory?: string;
  /** A catalog entity reference, `kind:namespace/name`. */
  entity?: string;
}

/**
 * `GET /costs?groupBy&from&to&granularity&metric[&filters]`: a cost series
 * per group. `from` and `to` are `YYYY-MM-DD`, inclusive. `groupBy`
 * defaults to `environment`, `granularity` to `day` (weeks are ISO weeks,
 * from Monday), `metric` to `effective`.
 */
export interface CostSeriesResponse {
  from: string;
  to: string;
  groupBy: CostDimension;
  granularity: CostGranularity;
  metric: CostMetric;
  /** Totals of the range, one per currency. */
  totals: Money[];
  /** One group per key and currency, sorted by amount, largest first. */
  groups: CostGroup[];
}

/** The costs of one value of the grouping dimension in one currency. */
export interface CostGroup {
  /** The value; `null` for costs without one (e.g. unattributed). */
  key: string | null;
  currency: string;
  total: number;
  /** One point per period that has costs, in order. */
  points: CostPoint[];
}

/** The cost of one period. */
export interface CostPoint {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  amount: number;
}

/** A forecast of the total of a period with its prediction interval. */
export interface CostForecast {
  /** Last day of the period forecast (end of month or quarter). */
  periodEnd: string;
  /** Cost already incurred in the period up to `asOf`. */
  actual: number;
  /** Expected total of the whole period. */
  expected: number;
  /** Bounds of the prediction interval of the total. */
  lower: number;
  upper: number;
  /** Coverage of the interval, e.g. 0.8. */
  confidence: number;
}

/** One day of a trend: actual cost, or forecast with its band. */
export interface TrendPoint {
  date: string;
  actual?: number;
  expected?: number;
  lower?: number;
  upper?: number;
}

/** The overview of one currency of the data. */
export interface CurrencySummary {
  currency: string;
  monthToDate: number;
  /** The same days of the previous month (1st to the same day of month). */
  previousMonthToDate: number;
  /** The whole previous month. */
  previousMonth: number;
  forecastMonth: CostForecast;
  forecastQuarter: CostForecast;
  /** Month to date that no environment could be attributed. */
  unattributed: number;
  /** `unattributed / monthToDate`, 0 when there is no cost. */
  unattributedShare: number;
  /** Daily actuals of this and the previous month, then the forecast band to the end of the month. */
  trend: TrendPoint[];
}

/**
 * `GET /summary[?asOf][&metric][&filters]`: month to date, previous period
 * and forecasts per currency, largest month to date first. `asOf` defaults
 * to the last day with data.
 */
export interface CostSummaryResponse {
  asOf: string;
  metric: CostMetric;
  /** Empty when no cost has been ingested. */
  currencies: CurrencySummary[];
}

/** Status of an environment's month against its `cost.budget_monthly`. */
export type BudgetState =
  /** Forecast within the budget. */
  | 'ok'
  /** Forecast above the budget, month to date still within it. */
  | 'at-risk'
  /** Month to date already above the budget. */
  | 'over'
  /** The environment has no budget in the fleet file. */
  | 'no-budget'
  /** The costs are in another currency than the budget: not compared. */
  | 'currency-mismatch';

/** Budget status of one environment. */
export interface BudgetStatus {
  environment: string;
  /** From the fleet file; absent for `no-budget`. */
  budget?: Money;
  /** Month to date per currency of the data. */
  monthToDate: Money[];
  /** Forecast of the month in the budget's currency, when comparable. */
  forecast?: CostForecast;
  state: BudgetState;
  /** `monthToDate / budget` in the budget's currency, when comparable. */
  used?: number;
  /** `forecast.expected / budget`, when comparable. */
  forecastUsed?: number;
}

/**
 * `GET /budgets[?asOf]`: every environment of the fleet file, in its order,
 * on the effective cost. A budget without `cost.currency` is in USD.
 */
export interface BudgetsResponse {
  asOf: string;
  budgets: BudgetStatus[];
}

/** A day far outside the recent pattern of one group. */
export interface CostAnomaly {
  date: string;
  dimension: CostDimension;
  key: string | null;
  currency: string;
  amount: number;
  /** What the recent pattern predicted for the day. */
  expected: number;
  /** Robust z-score of the day against the recent days. */
  score: number;
  direction: 'spike' | 'drop';
}

/**
 * `GET /anomalies?from&to[&groupBy=environment][&metric][&filters]`: newest
 * first, then the strongest first.
 */
export interface AnomaliesResponse {
  from: string;
  to: string;
  anomalies: CostAnomaly[];
}

/** The change of one group between two periods of equal length. */
export interface CostMover {
  dimension: CostDimension;
  key: string | null;
  currency: string;
  current: number;
  previous: number;
  change: number;
  /** `change / previous`; absent when the previous period had no cost. */
  changeRatio?: number;
}

/**
 * `GET /movers?from&to[&groupBy=service][&limit=10][&metric][&filters]`: the
 * largest changes of `from..to` against the period of equal length just
 * before it, largest absolute change first.
 */
export interface MoversResponse {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  movers: CostMover[];
}

/** One ingested source: a FOCUS export file or an OpenCost endpoint. */
export interface CostSourceInfo {
  key: string;
  kind: 'focus' | 'opencost';
  /** FOCUS version of an export, e.g. `1.2`. */
  focusVersion?: string;
  rowsRead: number;
  rowsIngested: number;
  problemCount: number;
  /** The first problems, as `file:line Column: message`. */
  problems: string[];
  ingestedAt: string;
}

/** `GET /files`: what has been ingested and what was wrong with it. */
export interface FilesResponse {
  files: CostSourceInfo[];
}
