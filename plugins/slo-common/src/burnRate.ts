import type { BurnRate, BurnRateWindow, SloState } from './api';
import type { SloAlertWindow } from './definition';

/**
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook
 * ("Alerting on SLOs"): page when 2 % of a 30-day budget burns in an hour or
 * 5 % in six hours, ticket when 10 % burns in a day or three days. The short
 * window (1/12 of the long one) makes the alert stop soon after the burn
 * stops. `for` follows common practice so that a single bad scrape does not
 * page.
 */
export const DEFAULT_BURN_RATE_WINDOWS: ReadonlyArray<SloAlertWindow> = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page', for: '2m' },
  { long: '6h', short: '30m', factor: 6, severity: 'page', for: '15m' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket', for: '1h' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket', for: '3h' },
];

/** Below this fraction of budget left, an SLO is in `warning`. */
export const BUDGET_WARNING_THRESHOLD = 0.25;

/** Error budget of an objective: the fraction of bad events (or slices) it allows. */
export function errorBudget(objective: number): number {
  return 1 - objective;
}

/**
 * How fast the budget burns: 1 spends exactly the budget over the SLO window,
 * 14.4 spends a 30-day budget in about two days.
 */
export function burnRate(errorRatio: number, objective: number): number {
  return errorRatio / errorBudget(objective);
}

/** Fraction of the budget left given the SLI over the window: 1 untouched, 0 spent, < 0 overspent. */
export function budgetRemaining(sli: number, objective: number): number {
  return 1 - (1 - sli) / errorBudget(objective);
}

/** The burn rates of one window pair; it fires when both are above its factor. */
export function burnRateStatus(
  window: BurnRateWindow,
  longRate: number | null,
  shortRate: number | null,
): BurnRate {
  const { long, short, factor, severity } = window;
  return {
    long,
    short,
    factor,
    severity,
    longRate,
    shortRate,
    firing:
      longRate !== null &&
      shortRate !== null &&
      longRate > factor &&
      shortRate > factor,
  };
}

/** What the state of an SLO in one environment is derived from. */
export interface SloStateInput {
  /** SLI over the window; undefined when Prometheus had no data. */
  sli?: number;
  budgetRemaining?: number;
  burnRates: ReadonlyArray<Pick<BurnRate, 'severity' | 'firing'>>;
}

/**
 * The state of an SLO whose queries Prometheus answered (`unknown` and
 * `error` are for when it did not): `breached` when the budget is spent or a
 * page alert fires, `warning` when a ticket alert fires or less than a
 * quarter of the budget is left, `no-data` without an SLI.
 */
export function sloState(input: SloStateInput): SloState {
  if (input.sli === undefined || Number.isNaN(input.sli)) return 'no-data';
  const budget = input.budgetRemaining;
  const firing = (severity: BurnRate['severity']) =>
    input.burnRates.some(b => b.firing && b.severity === severity);
  if ((budget !== undefined && budget <= 0) || firing('page')) {
    return 'breached';
  }
  if (
    (budget !== undefined && budget < BUDGET_WARNING_THRESHOLD) ||
    firing('ticket')
  ) {
    return 'warning';
  }
  return 'ok';
}
