import type { Environment } from '@multicloud/plugin-environments-common';
import type {
  BudgetingMethod,
  BurnRateWindow,
  SliSummary,
  SloWindow,
  SourceLocation,
} from './api';

/** The formats an SLO can be written in. */
export const SLO_FORMATS = ['openslo/v1', 'sloth/prometheus/v1'] as const;
export type SloFormat = (typeof SLO_FORMATS)[number];

/** Comparison of a threshold SLI: a sample is good when `value <op> threshold`. */
export const THRESHOLD_OPS = ['lt', 'lte', 'gt', 'gte'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];

/**
 * The ways a ratio SLI can be counted. `raw` is a ratio precomputed by the
 * query itself (OpenSLO `raw` with `rawType`, Sloth `raw.error_ratio_query`).
 */
export type RatioForm = 'good-total' | 'bad-total' | 'good-bad' | 'raw';

/**
 * A ratio SLI: good (or bad) events out of all events. Every query is PromQL
 * as written; a query may carry Sloth's `{{.window}}` placeholder (then it
 * gives a rate over that window and is used as it is) and `{{environment}}`.
 */
export type RatioIndicator = {
  kind: 'ratio';
  /**
   * OpenSLO `counter`: a counter is counted with `increase()` over a window,
   * anything else is sampled and summed. Unset: a plain series selector is a
   * counter, an expression is sampled.
   */
  counter?: boolean;
} & (
  | { form: 'good-total'; good: string; total: string }
  | { form: 'bad-total'; bad: string; total: string }
  | { form: 'good-bad'; good: string; bad: string }
  | {
      form: 'raw';
      /** The precomputed ratio. */
      raw: string;
      /** `success`: the query gives good/total; `failure`: bad/total. */
      rawType: 'success' | 'failure';
    }
);

/**
 * A threshold SLI: the query gives one value per environment (a latency
 * quantile, say), and a sample is good when `value <op> threshold`.
 */
export interface ThresholdIndicator {
  kind: 'threshold';
  query: string;
  op: ThresholdOp;
  /** The objective's `value`. */
  threshold: number;
}

export type SloIndicator = RatioIndicator | ThresholdIndicator;

/** One window pair of a multi-window burn-rate alert. */
export interface SloAlertWindow extends BurnRateWindow {
  /** How long both rates must stay above the factor before the alert fires (`for:`). */
  for: string;
  /** The OpenSLO AlertCondition it came from, if any. */
  condition?: string;
}

/** Labels and annotations of the alerts of one severity. */
export interface SloAlertSeverity {
  /** Sloth `page_alert.disable` / `ticket_alert.disable`. */
  disabled: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** How an SLO alerts: the window pairs, and what the alerts carry. */
export interface SloAlerting {
  /** Prometheus alert name (Sloth `alerting.name`); a default applies when unset. */
  name?: string;
  /** Window pairs; the four pairs of the SRE workbook unless an alert policy says otherwise. */
  windows: SloAlertWindow[];
  /** Names of the OpenSLO AlertPolicies the windows came from; empty for the defaults. */
  policies: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  page: SloAlertSeverity;
  ticket: SloAlertSeverity;
}

/** Which environments of the fleet an SLO is evaluated in. */
export type SloEnvironments =
  /** Every enabled environment of the fleet. */
  | { kind: 'all' }
  /** Enabled environments whose name matches a pattern (`*` matches any run of characters). */
  | { kind: 'only'; patterns: string[] };

/** Time slices of the `Timeslices` and `RatioTimeslices` budgeting methods. */
export interface SloTimeSlices {
  /** Length of one slice, e.g. `1m`. */
  window: string;
  /** `Timeslices`: a slice is good when its SLI reaches this (0..1). */
  target?: number;
}

/**
 * One SLO, normalized from OpenSLO v1 or Sloth: one objective of one
 * indicator over one window. An OpenSLO SLO with several objectives gives
 * one definition per objective.
 */
export interface SloDefinition {
  /** Unique across all sources: `metadata.name` (OpenSLO), `<service>-<name>` (Sloth). */
  id: string;
  /** `metadata.name` (OpenSLO) or the SLO's `name` (Sloth). */
  name: string;
  displayName?: string;
  description?: string;
  /** The catalog entity the SLO belongs to, `kind:namespace/name`. */
  entityRef: string;
  /** The service as written (OpenSLO `spec.service`, Sloth `service`). */
  service?: string;
  format: SloFormat;
  /** Target of the SLI, 0..1 (Sloth's percent is converted). */
  objective: number;
  /** The OpenSLO objective's `displayName` or `name`, when it has one. */
  objectiveName?: string;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  /** Set for `Timeslices` and `RatioTimeslices`. */
  timeSlices?: SloTimeSlices;
  indicator: SloIndicator;
  /** `metadata.name` of the OpenSLO SLI, inline or referenced. */
  indicatorName?: string;
  alerting: SloAlerting;
  environments: SloEnvironments;
  /** `metadata.labels` (lists joined with commas) or Sloth `labels` (spec-wide then per SLO). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Where the SLO is written: the OpenSLO document, or the item of Sloth's `slos` list. */
  source: SourceLocation;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Whether the SLO is evaluated in the environment of that name. */
export function appliesToEnvironment(
  definition: Pick<SloDefinition, 'environments'>,
  environmentName: string,
): boolean {
  const { environments } = definition;
  if (environments.kind === 'all') return true;
  return environments.patterns.some(p =>
    patternToRegExp(p).test(environmentName),
  );
}

/** The enabled environments of the fleet the SLO is evaluated in, in fleet order. */
export function sloEnvironments(
  definition: Pick<SloDefinition, 'environments'>,
  fleet: ReadonlyArray<Environment>,
): Environment[] {
  return fleet.filter(
    e => e.enabled && appliesToEnvironment(definition, e.name),
  );
}

/** The queries of an indicator by role, as written, for display. */
export function sliSummary(indicator: SloIndicator): SliSummary {
  if (indicator.kind === 'threshold') {
    return { kind: 'threshold', queries: { threshold: indicator.query } };
  }
  if (indicator.form === 'good-total') {
    return {
      kind: 'ratio',
      queries: { good: indicator.good, total: indicator.total },
    };
  }
  if (indicator.form === 'bad-total') {
    return {
      kind: 'ratio',
      queries: { bad: indicator.bad, total: indicator.total },
    };
  }
  if (indicator.form === 'good-bad') {
    return {
      kind: 'ratio',
      queries: { good: indicator.good, bad: indicator.bad },
    };
  }
  return {
    kind: 'ratio',
    queries: {
      [indicator.rawType === 'success' ? 'successRatio' : 'errorRatio']:
        indicator.raw,
    },
  };
}
