import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, stringifyError } from '@backstage/errors';
import {
  budgetRemainingQuery,
  burnRateQuery,
  prometheusRules,
  sliQuery,
  sliSummary,
  type SeriesPoint,
  type SloDefinition,
  type SloEnvironmentStatus,
  type SloProblem,
  type SloSeriesResponse,
  type SloSummary,
  type SlosResponse,
} from '@multicloud/plugin-slo-common';
import type { SloSettings } from '../config';
import { EvaluationCache } from '../evaluation/EvaluationCache';
import {
  burnRateWindows,
  combineParts,
  itemKey,
  PART_LABEL,
  queryOptions,
  SloEvaluator,
  type EvaluationItem,
} from '../evaluation/SloEvaluator';
import {
  PrometheusClient,
  PrometheusQueryError,
  type FetchFn,
  type RangeSeries,
} from '../prometheus/PrometheusClient';
import {
  resolvePrometheus,
  type PrometheusTarget,
} from '../prometheus/targets';
import {
  environmentsOf,
  type SloRegistry,
  type SloSnapshot,
} from './SloRegistry';

/** What to do when no environment has a Prometheus. */
const NO_PROMETHEUS_NOTICE =
  'No Prometheus is configured, so no SLO is evaluated. Connect one with slo.prometheus.url in app-config ' +
  '(one Prometheus for every environment, told apart by the label in slo.prometheus.environmentLabel, default "environment"), ' +
  'with slo.prometheus.environments.<environment>.url, or with observability.prometheus_url of each environment in the fleet file.';

const NO_ENVIRONMENT_NOTICE =
  'There is no environment to evaluate SLOs in: set environments.file to the fleet file (environments.yaml), ' +
  'or name environments with their Prometheus under slo.prometheus.environments in app-config.';

type Plan = {
  /** Items by Prometheus. */
  groups: Map<string, { target: PrometheusTarget; items: EvaluationItem[] }>;
  /** SLOs in environments without a Prometheus. */
  unconfigured: Array<{ definition: SloDefinition; environment: string }>;
};

function notConfigured(environment: string, now: Date): SloEnvironmentStatus {
  return {
    environment,
    state: 'unknown',
    burnRates: [],
    error: `No Prometheus is configured for ${environment}: set observability.prometheus_url of ${environment} in the fleet file, slo.prometheus.url, or slo.prometheus.environments.${environment}.url in app-config.`,
    evaluatedAt: now.toISOString(),
  };
}

/** Points from `start` to `end` every `step` seconds, `null` where the series has no value. */
function toPoints(
  series: RangeSeries | undefined,
  range: { start: number; end: number; step: number },
): SeriesPoint[] {
  const values = new Map<number, number>();
  for (const p of series?.points ?? []) values.set(Math.round(p.t), p.v);
  const points: SeriesPoint[] = [];
  for (let t = range.start; t <= range.end; t += range.step) {
    const v = values.get(t);
    points.push({ t, v: v !== undefined && Number.isFinite(v) ? v : null });
  }
  return points;
}

/** Entity refs compared as the catalog does: case-insensitively, namespace defaulted. */
function normalizeRef(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return ref.toLowerCase();
  }
}

function ofEntity(
  definitions: SloDefinition[],
  entityRef: string | undefined,
): SloDefinition[] {
  if (!entityRef) return definitions;
  const wanted = normalizeRef(entityRef);
  return definitions.filter(d => normalizeRef(d.entityRef) === wanted);
}

function compareSummaries(a: SloSummary, b: SloSummary): number {
  const wa = a.worstBudgetRemaining ?? Number.POSITIVE_INFINITY;
  const wb = b.worstBudgetRemaining ?? Number.POSITIVE_INFINITY;
  return wa - wb || a.id.localeCompare(b.id);
}

/**
 * The SLOs with their state in every environment: evaluates them against
 * the Prometheus of each environment, each Prometheus on its own and all of
 * them at once, and keeps the results per Prometheus for a TTL.
 */
export class SloService {
  static create(deps: {
    registry: SloRegistry;
    settings: SloSettings['prometheus'];
    logger: LoggerService;
    /** `app.baseUrl`: exported alerts link to the SLO in the portal. */
    portalUrl?: string;
    fetch?: FetchFn;
    now?: () => Date;
  }): SloService {
    return new SloService(
      deps.registry,
      deps.settings,
      deps.logger,
      deps.portalUrl,
      deps.fetch,
      deps.now ?? (() => new Date()),
    );
  }

  readonly #clients = new Map<string, PrometheusClient>();
  readonly #cache: EvaluationCache<Map<string, SloEnvironmentStatus>>;
  readonly #evaluator: SloEvaluator;

  private constructor(
    private readonly registry: SloRegistry,
    private readonly settings: SloSettings['prometheus'],
    private readonly logger: LoggerService,
    private readonly portalUrl: string | undefined,
    private readonly fetchFn: FetchFn | undefined,
    private readonly now: () => Date,
  ) {
    this.#evaluator = new SloEvaluator({ concurrency: settings.concurrency });
    this.#cache = new EvaluationCache({
      ttlMs: settings.cacheTtlMs,
      now: () => this.now().getTime(),
      onRefreshError: (key, error) =>
        this.logger.warn(
          `Refreshing the SLOs of Prometheus ${
            key.split('#')[0]
          } failed: ${stringifyError(error)}`,
        ),
    });
  }

  private client(target: PrometheusTarget): PrometheusClient {
    let client = this.#clients.get(target.key);
    if (!client) {
      client = PrometheusClient.create({
        url: target.url,
        headers: target.connection.headers,
        bearerToken: target.connection.bearerToken,
        timeoutMs: target.connection.timeoutMs,
        fetch: this.fetchFn,
      });
      this.#clients.set(target.key, client);
    }
    return client;
  }

  private target(
    snapshot: SloSnapshot,
    environment: string,
  ): PrometheusTarget | undefined {
    const entry = snapshot.environments.find(e => e.name === environment);
    return resolvePrometheus(environment, entry?.fleetEntry, this.settings);
  }

  private plan(snapshot: SloSnapshot, definitions: SloDefinition[]): Plan {
    const plan: Plan = { groups: new Map(), unconfigured: [] };
    for (const definition of definitions) {
      for (const environment of environmentsOf(definition, snapshot)) {
        const target = resolvePrometheus(
          environment.name,
          environment.fleetEntry,
          this.settings,
        );
        if (!target) {
          plan.unconfigured.push({
            definition,
            environment: environment.name,
          });
          continue;
        }
        const group = plan.groups.get(target.key) ?? { target, items: [] };
        group.items.push({ definition, environment: environment.name, target });
        plan.groups.set(target.key, group);
      }
    }
    return plan;
  }

  /**
   * Statuses of every SLO of the snapshot. Each Prometheus evaluates all of
   * its SLOs at once and keeps them for the TTL, so a request for one entity
   * or one SLO is answered from the same results.
   */
  private async statuses(
    snapshot: SloSnapshot,
  ): Promise<Map<string, SloEnvironmentStatus>> {
    const plan = this.plan(snapshot, snapshot.definitions);
    this.#cache.retain(plan.groups.keys());
    const statuses = new Map<string, SloEnvironmentStatus>();
    const now = this.now();
    for (const { definition, environment } of plan.unconfigured) {
      statuses.set(
        itemKey(definition.id, environment),
        notConfigured(environment, now),
      );
    }
    const evaluated = await Promise.all(
      [...plan.groups].map(([key, { target, items }]) =>
        this.#cache.get(key, snapshot.version, () =>
          this.#evaluator.evaluate(this.client(target), items, this.now()),
        ),
      ),
    );
    for (const { value } of evaluated) {
      for (const [key, status] of value) statuses.set(key, status);
    }
    return statuses;
  }

  private summarize(
    definition: SloDefinition,
    snapshot: SloSnapshot,
    statuses: Map<string, SloEnvironmentStatus>,
  ): SloSummary {
    const environments = environmentsOf(definition, snapshot).flatMap(e => {
      const status = statuses.get(itemKey(definition.id, e.name));
      return status ? [status] : [];
    });
    const remaining = environments
      .map(e => e.budgetRemaining)
      .filter((r): r is number => r !== undefined);
    return {
      id: definition.id,
      name: definition.name,
      ...(definition.displayName
        ? { displayName: definition.displayName }
        : {}),
      ...(definition.description
        ? { description: definition.description }
        : {}),
      entityRef: definition.entityRef,
      format: definition.format,
      objective: definition.objective,
      window: definition.window,
      budgetingMethod: definition.budgetingMethod,
      sli: sliSummary(definition.indicator),
      source: definition.source,
      environments,
      ...(remaining.length > 0
        ? { worstBudgetRemaining: Math.min(...remaining) }
        : {}),
    };
  }

  private notice(snapshot: SloSnapshot): string | undefined {
    if (snapshot.environments.length === 0) return NO_ENVIRONMENT_NOTICE;
    const anyPrometheus = snapshot.environments.some(e =>
      resolvePrometheus(e.name, e.fleetEntry, this.settings),
    );
    return anyPrometheus ? undefined : NO_PROMETHEUS_NOTICE;
  }

  /** Every SLO (of one entity), the one with the least budget left first. */
  async list(filter: { entityRef?: string } = {}): Promise<SlosResponse> {
    const snapshot = await this.registry.current();
    const statuses = await this.statuses(snapshot);
    const slos = ofEntity(snapshot.definitions, filter.entityRef)
      .map(d => this.summarize(d, snapshot, statuses))
      .sort(compareSummaries);
    const notice = this.notice(snapshot);
    return {
      slos,
      problems: snapshot.problems,
      ...(notice ? { notice } : {}),
    };
  }

  private async definition(
    id: string,
  ): Promise<{ definition: SloDefinition; snapshot: SloSnapshot }> {
    const snapshot = await this.registry.current();
    const definition = snapshot.definitions.find(d => d.id === id);
    if (!definition) {
      const problems = snapshot.problems.filter(p => p.slo === id);
      throw new NotFoundError(
        problems.length > 0
          ? `SLO "${id}" is not loaded because of problems in its source: ${problems
              .map(
                p =>
                  `${p.file}${p.line ? `:${p.line}` : ''}${
                    p.field ? ` ${p.field}` : ''
                  }: ${p.message}`,
              )
              .join('; ')}`
          : `There is no SLO "${id}"`,
      );
    }
    return { definition, snapshot };
  }

  async get(id: string): Promise<SloSummary> {
    const { definition, snapshot } = await this.definition(id);
    return this.summarize(definition, snapshot, await this.statuses(snapshot));
  }

  /**
   * SLI, budget remaining and burn rates over time in one environment, from
   * one range query. Prometheus failures are reported in `error`, with the
   * series empty, as a chart shows them.
   */
  async series(
    id: string,
    request: { environment: string; rangeSeconds: number; stepSeconds: number },
  ): Promise<SloSeriesResponse> {
    const { definition, snapshot } = await this.definition(id);
    const environment = environmentsOf(definition, snapshot).find(
      e => e.name === request.environment,
    );
    if (!environment) {
      throw new NotFoundError(
        `SLO "${id}" is not evaluated in environment "${
          request.environment
        }"; it is evaluated in: ${
          environmentsOf(definition, snapshot)
            .map(e => e.name)
            .join(', ') || 'no environment'
        }`,
      );
    }
    const { stepSeconds: step } = request;
    const end = Math.floor(this.now().getTime() / 1000 / step) * step;
    const start = end - Math.floor(request.rangeSeconds / step) * step;
    const range = { start, end, step };
    const windows = burnRateWindows(definition);
    const empty = (error: string): SloSeriesResponse => ({
      id,
      environment: environment.name,
      ...range,
      sli: [],
      budgetRemaining: [],
      burnRates: {},
      error,
    });

    const target = this.target(snapshot, environment.name);
    if (!target) {
      return empty(notConfigured(environment.name, this.now()).error!);
    }
    const item: EvaluationItem = {
      definition,
      environment: environment.name,
      target,
    };
    let series: RangeSeries[];
    try {
      const options = queryOptions(item, new Date(end * 1000));
      const query = combineParts([
        ['sli', sliQuery(definition, options)],
        ['budget', budgetRemainingQuery(definition, options)],
        ...windows.map((w): [string, string] => [
          w,
          burnRateQuery(definition, w, options),
        ]),
      ]);
      series = await this.client(target).queryRange(query, {
        start: new Date(start * 1000),
        end: new Date(end * 1000),
        stepSeconds: step,
      });
    } catch (error) {
      return empty(
        error instanceof PrometheusQueryError
          ? `Prometheus rejected the query (${error.errorType}): ${error.message}`
          : stringifyError(error),
      );
    }
    const part = (name: string) =>
      toPoints(
        series.find(s => s.labels[PART_LABEL] === name),
        range,
      );
    return {
      id,
      environment: environment.name,
      ...range,
      sli: part('sli'),
      budgetRemaining: part('budget'),
      burnRates: Object.fromEntries(windows.map(w => [w, part(w)])),
    };
  }

  /**
   * The recording and alerting rules of every SLO (of one entity), as a
   * Prometheus rule file. For one environment: the rules its Prometheus
   * loads. Otherwise, with a shared Prometheus: the rules of every
   * environment that uses it, told apart by the environment label; without
   * one: the queries as written, for the Prometheus of each environment.
   */
  async rules(
    filter: { entityRef?: string; environment?: string } = {},
  ): Promise<string> {
    const snapshot = await this.registry.current();
    const definitions = ofEntity(snapshot.definitions, filter.entityRef);
    const portal = this.portalUrl ? { portalUrl: this.portalUrl } : {};
    if (filter.environment) {
      if (!snapshot.environments.some(e => e.name === filter.environment)) {
        throw new NotFoundError(
          `There is no enabled environment "${
            filter.environment
          }"; SLOs are evaluated in: ${
            snapshot.environments.map(e => e.name).join(', ') || 'none'
          }`,
        );
      }
      const [label] = Object.keys(
        this.target(snapshot, filter.environment)?.matchers ?? {},
      );
      return prometheusRules(definitions, {
        ...portal,
        environments: [filter.environment],
        sharedPrometheus: label !== undefined,
        ...(label ? { environmentLabel: label } : {}),
      });
    }
    if (this.settings.url) {
      const sharing = snapshot.environments.filter(
        e => this.target(snapshot, e.name)?.url === this.settings.url,
      );
      return prometheusRules(definitions, {
        ...portal,
        environments: sharing.map(e => e.name),
        sharedPrometheus: true,
        environmentLabel: this.settings.environmentLabel,
      });
    }
    return prometheusRules(definitions, portal);
  }

  async problems(): Promise<SloProblem[]> {
    return (await this.registry.current()).problems;
  }
}
