import { stringify } from 'yaml';
import { DEFAULT_BURN_RATE_WINDOWS } from './burnRate';
import { DEFAULT_ENVIRONMENT_LABEL, SLOTH_LABELS } from './constants';
import {
  appliesToEnvironment,
  type SloAlertWindow,
  type SloDefinition,
} from './definition';
import { durationSeconds, formatDuration } from './duration';
import { errorRatioQuery, formatNumber, type QueryOptions } from './promql';

/** Label names of the recorded series and alerts. */
export const SLO_RULE_LABELS = {
  id: 'slo_id',
  name: 'slo_name',
  service: 'slo_service',
  window: 'slo_window',
  severity: 'slo_severity',
  longWindow: 'slo_long_window',
  shortWindow: 'slo_short_window',
} as const;

/** Names of the recorded series, in Sloth's style. */
export const SLO_RULE_NAMES = {
  objective: 'slo:objective:ratio',
  errorBudget: 'slo:error_budget:ratio',
  timePeriodDays: 'slo:time_period:days',
  currentBurnRate: 'slo:current_burn_rate:ratio',
  periodBurnRate: 'slo:period_burn_rate:ratio',
  periodBudgetRemaining: 'slo:period_error_budget_remaining:ratio',
  info: 'slo_info',
} as const;

/** `slo:sli_error:ratio_rate5m`: the error ratio over a window. */
export function errorRatioRuleName(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/** Alert name when the SLO names none (Sloth's `alerting.name` does). */
export const DEFAULT_ALERT_NAME = 'SloErrorBudgetBurn';

/** How often the rules over the whole SLO window are evaluated: they are the heavy ones. */
const PERIOD_INTERVAL = '5m';

export interface PrometheusRulesOptions {
  /**
   * The environments the rules are for. Unset: one group per SLO, with its
   * queries as written (load the file into the Prometheus of each
   * environment). Set: one group per SLO and environment it applies to,
   * `{{environment}}` filled in and every recorded series and alert labelled
   * with the environment.
   */
  environments?: ReadonlyArray<string>;
  /**
   * One Prometheus holds all those environments: every selector is
   * restricted by the environment label. Default true when `environments` is set.
   */
  sharedPrometheus?: boolean;
  /** The label that names the environment; `environment` by default. */
  environmentLabel?: string;
  /** Base URL of the Backstage app (`app.baseUrl`): alerts link to the SLO there. */
  portalUrl?: string;
}

/**
 * The page of an SLO in the portal: the SLOs tab of its entity, with the SLO
 * (and the environment) selected.
 */
export function sloPortalLink(
  portalUrl: string,
  definition: Pick<SloDefinition, 'id' | 'entityRef'>,
  environment?: string,
): string {
  const [, kind, namespace, name] =
    /^([^:]+):([^/]+)\/(.+)$/.exec(definition.entityRef) ?? [];
  const params = new URLSearchParams({ slo: definition.id });
  if (environment) params.set('environment', environment);
  return `${portalUrl.replace(/\/+$/, '')}/catalog/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/slos?${params}`;
}

interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}

interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<RecordingRule | AlertingRule>;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const OUR_LABELS = new Set<string>(Object.values(SLOTH_LABELS));

/** The SLO's own labels that can go onto series: valid names, none of ours. */
function userLabels(
  definition: SloDefinition,
  environmentLabel: string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(definition.labels).filter(
      ([name]) =>
        LABEL_NAME.test(name) &&
        !name.startsWith('__') &&
        !name.startsWith('slo_') &&
        name !== environmentLabel &&
        !OUR_LABELS.has(name),
    ),
  );
}

/** Every window the rules record: the alert windows and the workbook's. */
function recordedWindows(definition: SloDefinition): string[] {
  const windows = new Set<string>();
  for (const w of [
    ...DEFAULT_BURN_RATE_WINDOWS,
    ...definition.alerting.windows,
  ]) {
    windows.add(w.long);
    windows.add(w.short);
  }
  return [...windows].sort((a, b) => durationSeconds(a) - durationSeconds(b));
}

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;
}

function percent(ratio: number): string {
  return formatNumber(ratio * 100);
}

class RuleWriter {
  private readonly environmentLabel: string;

  constructor(private readonly options: PrometheusRulesOptions) {
    this.environmentLabel =
      options.environmentLabel ?? DEFAULT_ENVIRONMENT_LABEL;
  }

  groups(definitions: ReadonlyArray<SloDefinition>): RuleGroup[] {
    const groups: RuleGroup[] = [];
    for (const definition of definitions) {
      const environments = this.options.environments;
      if (!environments) {
        groups.push(...this.groupsOf(definition));
        continue;
      }
      for (const environment of environments) {
        if (appliesToEnvironment(definition, environment)) {
          groups.push(...this.groupsOf(definition, environment));
        }
      }
    }
    return groups;
  }

  private groupsOf(
    definition: SloDefinition,
    environment?: string,
  ): RuleGroup[] {
    const shared = this.options.sharedPrometheus ?? true;
    const query: QueryOptions = environment
      ? {
          environment,
          ...(shared
            ? { labels: { [this.environmentLabel]: environment } }
            : {}),
        }
      : {};
    const identity: Record<string, string> = {
      [SLO_RULE_LABELS.id]: definition.id,
      ...(environment ? { [this.environmentLabel]: environment } : {}),
    };
    const labels: Record<string, string> = {
      ...userLabels(definition, this.environmentLabel),
      ...identity,
      [SLO_RULE_LABELS.name]: definition.name,
      [SLO_RULE_LABELS.service]:
        definition.service ?? definition.entityRef.replace(/^.*\//, ''),
    };
    const budget = formatNumber(1 - definition.objective);
    const name = `slo:${definition.id}${environment ? `:${environment}` : ''}`;

    const rules: Array<RecordingRule | AlertingRule> = recordedWindows(
      definition,
    ).map(window => ({
      record: errorRatioRuleName(window),
      expr: errorRatioQuery(definition, window, query),
      labels: { ...labels, [SLO_RULE_LABELS.window]: window },
    }));
    rules.push(
      {
        record: SLO_RULE_NAMES.objective,
        expr: `vector(${formatNumber(definition.objective)})`,
        labels,
      },
      {
        record: SLO_RULE_NAMES.errorBudget,
        expr: `vector(${budget})`,
        labels,
      },
      {
        record: SLO_RULE_NAMES.currentBurnRate,
        expr: `${errorRatioRuleName(recordedWindows(definition)[0])}${selector(
          identity,
        )} / ${budget}`,
        labels,
      },
      {
        record: SLO_RULE_NAMES.info,
        expr: 'vector(1)',
        labels: {
          ...labels,
          slo_entity: definition.entityRef,
          slo_format: definition.format,
          slo_budgeting_method: definition.budgetingMethod,
          slo_window_kind: definition.window.kind,
          slo_period: definition.window.duration,
        },
      },
    );
    for (const window of definition.alerting.windows) {
      const severity = definition.alerting[window.severity];
      if (!severity.disabled) {
        rules.push(
          this.alert(definition, window, identity, labels, environment),
        );
      }
    }
    const groups: RuleGroup[] = [{ name, rules }];

    // A calendar window has no fixed range a rule could evaluate over.
    if (definition.window.kind === 'rolling') {
      const period = definition.window.duration;
      const periodRule = errorRatioRuleName(period);
      groups.push({
        name: `${name}:period`,
        interval: PERIOD_INTERVAL,
        rules: [
          {
            record: periodRule,
            expr: errorRatioQuery(definition, period, query),
            labels: { ...labels, [SLO_RULE_LABELS.window]: period },
          },
          {
            record: SLO_RULE_NAMES.timePeriodDays,
            expr: `vector(${formatNumber(durationSeconds(period) / 86400)})`,
            labels,
          },
          {
            record: SLO_RULE_NAMES.periodBurnRate,
            expr: `${periodRule}${selector(identity)} / ${budget}`,
            labels,
          },
          {
            record: SLO_RULE_NAMES.periodBudgetRemaining,
            expr: `1 - ${SLO_RULE_NAMES.periodBurnRate}${selector(identity)}`,
            labels,
          },
        ],
      });
    }
    return groups;
  }

  private alert(
    definition: SloDefinition,
    window: SloAlertWindow,
    identity: Record<string, string>,
    labels: Record<string, string>,
    environment: string | undefined,
  ): AlertingRule {
    const { alerting } = definition;
    const severity = alerting[window.severity];
    const budget = 1 - definition.objective;
    const threshold = `(${formatNumber(window.factor)} * ${formatNumber(
      budget,
    )})`;
    const over = (w: string) =>
      `max without (${SLO_RULE_LABELS.window}) (${errorRatioRuleName(
        w,
      )}${selector(identity)} > ${threshold})`;
    const title = definition.displayName ?? definition.name;
    const where = environment ? ` in ${environment}` : '';
    const link = this.options.portalUrl
      ? sloPortalLink(this.options.portalUrl, definition, environment)
      : undefined;
    return {
      alert: alerting.name ?? DEFAULT_ALERT_NAME,
      expr: `${over(window.long)}\nand\n${over(window.short)}`,
      ...(durationSeconds(window.for) > 0 ? { for: window.for } : {}),
      labels: {
        ...labels,
        severity: window.severity,
        ...alerting.labels,
        ...severity.labels,
        [SLO_RULE_LABELS.severity]: window.severity,
        [SLO_RULE_LABELS.longWindow]: window.long,
        [SLO_RULE_LABELS.shortWindow]: window.short,
      },
      annotations: {
        summary: `SLO "${title}"${where} burns its error budget at more than ${formatNumber(
          window.factor,
        )}× the sustainable rate (over ${window.long} and ${window.short})`,
        description: `The error ratio over ${
          window.long
        } is {{ $value | humanizePercentage }}; the objective of ${percent(
          definition.objective,
        )} % over ${definition.window.duration} allows ${percent(budget)} %.${
          definition.window.kind === 'rolling'
            ? ` At this rate the budget of the ${
                definition.window.duration
              } window is spent in ${formatDuration(
                durationSeconds(definition.window.duration) / window.factor,
              )}.`
            : ''
        }`,
        ...(link ? { portal_url: link } : {}),
        ...alerting.annotations,
        ...severity.annotations,
      },
    };
  }
}

/**
 * A Prometheus rule file (YAML) for SLOs, in Sloth's naming: per SLO (and
 * environment) a group with the error ratio of every burn-rate window
 * (`slo:sli_error:ratio_rate5m` ...), the objective, error budget, current
 * burn rate and info series, and one multi-window alert per window pair
 * (page and ticket severities); and, for a rolling window, a group
 * evaluated every 5m with the error ratio, burn rate and budget left over
 * the whole window.
 */
export function prometheusRules(
  definitions: ReadonlyArray<SloDefinition>,
  options: PrometheusRulesOptions = {},
): string {
  const groups = new RuleWriter(options).groups(definitions);
  return stringify(
    { groups },
    { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false },
  );
}
