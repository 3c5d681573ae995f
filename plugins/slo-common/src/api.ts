/**
 * The HTTP API of the SLO backend (`/api/slo`), shared by the backend that
 * serves it and the frontend that reads it.
 */

/** Where a definition or a problem is in its source file (1-based). */
export interface SourceLocation {
  /** File path or URL as configured (or the catalog location). */
  file: string;
  line?: number;
  column?: number;
}

/** A problem of an SLO source: `file:line field: message`. */
export interface SloProblem extends SourceLocation {
  /** Dotted path of the field, e.g. `spec.objectives[0].target`. */
  field?: string;
  /** Name of the SLO the problem is in, when it has a readable one. */
  slo?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** How the error budget is counted (OpenSLO `budgetingMethod`). */
export type BudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** The window of an objective. */
export type SloWindow =
  | { kind: 'rolling'; duration: string }
  | {
      kind: 'calendar';
      /** `1w`, `1M`, `1Q`, ... as in OpenSLO. */
      duration: string;
      /** Start of the first window (ISO date), and its time zone. */
      startTime?: string;
      timeZone?: string;
    };

/** Summary of the indicator of an SLO, for display. */
export interface SliSummary {
  kind: 'ratio' | 'threshold';
  /** The PromQL queries as written (templates with `{{environment}}` kept). */
  queries: Record<string, string>;
}

/** One pair of burn-rate windows of the Google SRE workbook. */
export interface BurnRateWindow {
  /** e.g. `1h` */
  long: string;
  /** e.g. `5m` */
  short: string;
  /** Burn rate above which the alert fires, e.g. 14.4. */
  factor: number;
  severity: 'page' | 'ticket';
}

/** Burn rates of one window pair at evaluation time. */
export interface BurnRate extends BurnRateWindow {
  /** `null` when Prometheus had no data for the window. */
  longRate: number | null;
  shortRate: number | null;
  /** Both rates above the factor. */
  firing: boolean;
}

/** State of one SLO in one environment. */
export type SloState =
  /** Budget left and no burn-rate alert firing. */
  | 'ok'
  /** A ticket-severity alert fires, or less than 25 % of the budget is left. */
  | 'warning'
  /** A page-severity alert fires, or the budget is spent. */
  | 'breached'
  /** Prometheus answered but has no data for the SLI. */
  | 'no-data'
  /** Prometheus could not be asked (down, unreachable, not configured). */
  | 'unknown'
  /** The query failed (e.g. a PromQL error): see `error`. */
  | 'error';

/** The evaluation of one SLO in one environment. */
export interface SloEnvironmentStatus {
  environment: string;
  state: SloState;
  /** SLI over the whole window (0..1); absent without data. */
  sli?: number;
  /** `sli >= objective`. */
  met?: boolean;
  /** Fraction of the window's error budget left: 1 untouched, 0 spent, < 0 overspent. */
  budgetRemaining?: number;
  /** Error budget of the window in the unit of the SLI (`1 - objective`). */
  budget?: number;
  burnRates: BurnRate[];
  /** For `unknown`, `error` and `no-data`: what happened and what to do. */
  error?: string;
  /** ISO time of the evaluation (results are cached). */
  evaluatedAt: string;
}

/** An SLO with its status in every environment where it is evaluated. */
export interface SloSummary {
  /** Unique id: `<name>` of the definition (metadata.name). */
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  /** The catalog entity the SLO belongs to, `kind:namespace/name`. */
  entityRef: string;
  /** OpenSLO or Sloth, as written. */
  format: 'openslo/v1' | 'sloth/prometheus/v1';
  objective: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  sli: SliSummary;
  source: SourceLocation;
  environments: SloEnvironmentStatus[];
  /** Lowest `budgetRemaining` across environments (sort key). */
  worstBudgetRemaining?: number;
}

/** `GET /slos[?entityRef]`: sorted by worst budget remaining, lowest first. */
export interface SlosResponse {
  slos: SloSummary[];
  /** Problems of the SLO sources: invalid files and definitions. */
  problems: SloProblem[];
  /** Set when no Prometheus is configured at all: how to connect one. */
  notice?: string;
}

/** A point of a chart. */
export interface SeriesPoint {
  /** Unix time in seconds. */
  t: number;
  /** `null` for a gap without data. */
  v: number | null;
}

/**
 * `GET /slos/:id/series?environment[&range][&step]`: time series for charts
 * from Prometheus `query_range`.
 */
export interface SloSeriesResponse {
  id: string;
  environment: string;
  start: number;
  end: number;
  step: number;
  sli: SeriesPoint[];
  /** Error budget remaining over time (fraction, as in the status). */
  budgetRemaining: SeriesPoint[];
  /** Burn rate per window (`1h`, `6h`, ...). */
  burnRates: Record<string, SeriesPoint[]>;
  error?: string;
}
