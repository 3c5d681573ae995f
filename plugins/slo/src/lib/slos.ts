import type {
  BurnRate,
  SloEnvironmentStatus,
  SloState,
  SloSummary,
} from '@multicloud/plugin-slo-common';
import { formatBudget, formatBurnRate, formatRatio, plural } from './format';

export interface StateStyle {
  label: string;
  /** Fill for chips, cells and tiles; reads on light and dark themes. */
  color: string;
  /** What the state means, for titles and legends. */
  description: string;
}

/** In the order the tiles, filters and legends show them. */
export const STATE_ORDER: readonly SloState[] = [
  'breached',
  'warning',
  'ok',
  'no-data',
  'unknown',
  'error',
];

export const STATE: Readonly<Record<SloState, StateStyle>> = {
  breached: {
    label: 'Breached',
    color: '#d6383e',
    description:
      'A page-severity burn-rate alert fires, or the error budget is spent',
  },
  warning: {
    label: 'Warning',
    color: '#e0a100',
    description:
      'A ticket-severity burn-rate alert fires, or less than 25% of the error budget is left',
  },
  ok: {
    label: 'OK',
    color: '#2e9d4f',
    description: 'Error budget left and no burn-rate alert firing',
  },
  'no-data': {
    label: 'No data',
    color: '#9e9e9e',
    description: 'Prometheus answered but has no data for the indicator',
  },
  unknown: {
    label: 'Unknown',
    color: '#7b8aa3',
    description:
      'Prometheus could not be asked: not configured, down or unreachable',
  },
  error: {
    label: 'Query error',
    color: '#a0398c',
    description: 'Prometheus rejected the query, e.g. a PromQL error',
  },
};

/** A state from a newer backend that this frontend does not know yet. */
const UNKNOWN_STATE: StateStyle = {
  label: 'Unknown state',
  color: '#9e9e9e',
  description: 'A state this version of the portal does not know',
};

export function stateStyle(state: string): StateStyle {
  return (
    (STATE as Readonly<Record<string, StateStyle>>)[state] ?? UNKNOWN_STATE
  );
}

/** States that carry a verdict on the objective; the others say why there is none. */
export function hasVerdict(state: string): boolean {
  return state === 'ok' || state === 'warning' || state === 'breached';
}

// Worst first. A verdict outranks the lack of one, so that an SLO breached in
// one region and unknown in another reads as breached.
const RANK: readonly string[] = [
  'breached',
  'warning',
  'ok',
  'error',
  'unknown',
  'no-data',
];

export function stateRank(state: string): number {
  const index = RANK.indexOf(state);
  return index === -1 ? RANK.length : index;
}

/**
 * The state of an SLO across environments: the worst verdict, or when no
 * environment has one, the reason there is none. Undefined without any
 * environment.
 */
export function overallState(
  environments: readonly SloEnvironmentStatus[],
): SloState | undefined {
  let worst: SloState | undefined;
  for (const { state } of environments) {
    if (worst === undefined || stateRank(state) < stateRank(worst)) {
      worst = state;
    }
  }
  return worst;
}

/** Lowest budget left among `environments`; undefined when none has one. */
export function worstBudget(
  environments: readonly SloEnvironmentStatus[],
): number | undefined {
  let worst: number | undefined;
  for (const env of environments) {
    const budget = env.budgetRemaining;
    if (budget === undefined || budget === null || !Number.isFinite(budget)) {
      continue;
    }
    if (worst === undefined || budget < worst) worst = budget;
  }
  return worst;
}

/** `Ledger Peer availability` or the name. */
export function sloTitle(slo: SloSummary): string {
  return slo.displayName || slo.name;
}

/** `1h/5m` */
export function windowPair(rate: { long: string; short: string }): string {
  return `${rate.long}/${rate.short}`;
}

export function describeBurnRate(rate: BurnRate): string {
  return `${windowPair(rate)} burn ${formatBurnRate(
    rate.longRate,
  )} / ${formatBurnRate(rate.shortRate)}, alert at ${formatBurnRate(
    rate.factor,
  )} (${rate.severity})${rate.firing ? ': FIRING' : ''}`;
}

/**
 * One SLO in one environment in words, one line per fact: state and
 * budget, SLI against the objective, each burn-rate window, and the reason
 * when there is no verdict. For tooltips and accessible names.
 */
export function describeStatus(
  status: SloEnvironmentStatus,
  objective: number,
): string[] {
  const lines: string[] = [];
  const style = stateStyle(status.state);
  lines.push(
    status.budgetRemaining === undefined
      ? `${style.label} in ${status.environment}`
      : `${style.label} in ${status.environment}: ${formatBudget(
          status.budgetRemaining,
        )} of the error budget left`,
  );
  if (status.error) lines.push(status.error);
  if (status.sli !== undefined) {
    lines.push(
      `SLI ${formatRatio(status.sli)} (objective ${formatRatio(objective)})`,
    );
  }
  for (const rate of status.burnRates) lines.push(describeBurnRate(rate));
  return lines;
}

export interface FiringCount {
  page: number;
  ticket: number;
}

export function firingAlerts(
  environments: readonly SloEnvironmentStatus[],
): FiringCount {
  const count: FiringCount = { page: 0, ticket: 0 };
  for (const env of environments) {
    for (const rate of env.burnRates) {
      if (rate.firing) count[rate.severity] += 1;
    }
  }
  return count;
}

export interface SloTotals {
  slos: number;
  /** SLOs by their overall state; `none` counts SLOs without any environment. */
  byState: Partial<Record<SloState | 'none', number>>;
  /** SLO × environment evaluations, and how many of them have no verdict. */
  evaluations: number;
  withoutVerdict: number;
  firing: FiringCount;
}

export function totals(slos: readonly SloSummary[]): SloTotals {
  const result: SloTotals = {
    slos: slos.length,
    byState: {},
    evaluations: 0,
    withoutVerdict: 0,
    firing: { page: 0, ticket: 0 },
  };
  for (const slo of slos) {
    const state = overallState(slo.environments) ?? 'none';
    result.byState[state] = (result.byState[state] ?? 0) + 1;
    result.evaluations += slo.environments.length;
    result.withoutVerdict += slo.environments.filter(
      e => !hasVerdict(e.state),
    ).length;
    const firing = firingAlerts(slo.environments);
    result.firing.page += firing.page;
    result.firing.ticket += firing.ticket;
  }
  return result;
}

/** `3 page · 1 ticket`, or `none`. */
export function describeFiring(firing: FiringCount): string {
  if (firing.page + firing.ticket === 0) return 'none';
  return [
    firing.page ? `${firing.page} page` : undefined,
    firing.ticket ? `${firing.ticket} ticket` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Every environment any SLO is evaluated in. The backend lists them in the
 * order of the fleet file, so that order is kept: first seen, first shown.
 */
export function environmentsOf(slos: readonly SloSummary[]): string[] {
  const names = new Set<string>();
  for (const slo of slos) {
    for (const env of slo.environments) names.add(env.environment);
  }
  return [...names];
}

/** Values picked in each filter; an empty list means "all". */
export interface SloFilter {
  /** Entity refs. */
  components: string[];
  states: string[];
  environments: string[];
}

export const NO_FILTER: SloFilter = {
  components: [],
  states: [],
  environments: [],
};

/** The statuses of `slo` in the environments the filter keeps. */
export function shownStatuses(
  slo: SloSummary,
  filter: SloFilter,
): SloEnvironmentStatus[] {
  if (filter.environments.length === 0) return slo.environments;
  return slo.environments.filter(e =>
    filter.environments.includes(e.environment),
  );
}

/**
 * SLOs of the picked components that have, in the picked environments, a
 * status in one of the picked states.
 */
export function filterSlos(
  slos: readonly SloSummary[],
  filter: SloFilter,
): SloSummary[] {
  return slos.filter(slo => {
    if (
      filter.components.length > 0 &&
      !filter.components.includes(slo.entityRef)
    ) {
      return false;
    }
    const shown = shownStatuses(slo, filter);
    if (filter.environments.length > 0 && shown.length === 0) return false;
    if (filter.states.length === 0) return true;
    return shown.some(e => filter.states.includes(e.state));
  });
}

/** `3 SLOs in 4 environments` */
export function countLabel(slos: number, environments: number): string {
  return `${plural(slos, 'SLO')} in ${plural(environments, 'environment')}`;
}
