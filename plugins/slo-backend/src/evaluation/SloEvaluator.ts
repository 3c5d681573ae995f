import { stringifyError } from '@backstage/errors';
import {
  budgetRemaining,
  burnRateQuery,
  burnRateStatus,
  errorBudget,
  sliQuery,
  sloState,
  type QueryOptions,
  type SloDefinition,
  type SloEnvironmentStatus,
} from '@multicloud/plugin-slo-common';
import { mapLimited } from '../lib/mapLimited';
import {
  PrometheusQueryError,
  PrometheusUnavailableError,
  type PrometheusClient,
} from '../prometheus/PrometheusClient';
import type { PrometheusTarget } from '../prometheus/targets';

/** One SLO in one environment, with the Prometheus that holds its series. */
export interface EvaluationItem {
  definition: SloDefinition;
  environment: string;
  target: PrometheusTarget;
}

/** Key of an item's result: one per SLO and environment. */
export function itemKey(sloId: string, environment: string): string {
  return `${sloId}\u0000${environment}`;
}

/** Label that tells apart the parts of the one query sent per SLO and environment. */
export const PART_LABEL = 'slo_window';
const SLI_PART = 'sli';

/** The windows whose burn rate an SLO needs: both windows of each alert pair. */
export function burnRateWindows(definition: SloDefinition): string[] {
  return [
    ...new Set(definition.alerting.windows.flatMap(w => [w.long, w.short])),
  ];
}

export function queryOptions(item: EvaluationItem, now: Date): QueryOptions {
  return { environment: item.environment, labels: item.target.matchers, now };
}

/**
 * Several instant vectors as one query: each part tagged with a label so the
 * answer can be split again. One request per SLO and environment instead of
 * one per window.
 */
export function combineParts(parts: Array<[string, string]>): string {
  return parts
    .map(
      ([name, query]) =>
        `label_replace(${query}, "${PART_LABEL}", "${name}", "", "")`,
    )
    .join('\nor\n');
}

/** Splits a combined answer by part; NaN (no events in the window) reads as no data. */
export function splitParts(
  samples: Array<{ labels: Record<string, string>; value: number }>,
): Map<string, number | null> {
  const byPart = new Map<string, number[]>();
  for (const sample of samples) {
    const part = sample.labels[PART_LABEL];
    byPart.set(part, [...(byPart.get(part) ?? []), sample.value]);
  }
  const values = new Map<string, number | null>();
  for (const [part, list] of byPart) {
    if (list.length > 1) {
      throw new PrometheusQueryError(
        'bad_data',
        `the ${part === SLI_PART ? 'SLI' : `${part} burn-rate`} query gives ${
          list.length
        } series where one is expected; aggregate the indicator's queries (sum(...)) so they give one value per environment`,
      );
    }
    values.set(part, Number.isFinite(list[0]) ? list[0] : null);
  }
  return values;
}

function describeEnvironmentSelection(item: EvaluationItem): string {
  const matchers = Object.entries(item.target.matchers)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return matchers ? ` with ${matchers}` : '';
}

/**
 * Evaluates SLOs against one Prometheus: the SLI over the SLO window and the
 * burn rate of every alert window, in one query per SLO and environment, at
 * most `concurrency` queries at a time. A PromQL error is the error of that
 * SLO alone; once Prometheus cannot be reached at all, the queries not yet
 * answered are abandoned and their SLOs are `unknown`.
 */
export class SloEvaluator {
  constructor(private readonly options: { concurrency: number }) {}

  async evaluate(
    client: PrometheusClient,
    items: EvaluationItem[],
    now: Date,
  ): Promise<Map<string, SloEnvironmentStatus>> {
    const evaluatedAt = now.toISOString();
    const results = new Map<string, SloEnvironmentStatus>();
    const abandon = new AbortController();
    let unavailable: PrometheusUnavailableError | undefined;

    await mapLimited(items, this.options.concurrency, async item => {
      if (unavailable) return;
      const key = itemKey(item.definition.id, item.environment);
      try {
        results.set(
          key,
          await this.evaluateOne(client, item, now, abandon.signal),
        );
      } catch (error) {
        if (error instanceof PrometheusUnavailableError) {
          if (!unavailable) {
            unavailable = error;
            abandon.abort();
          }
          return;
        }
        results.set(key, {
          environment: item.environment,
          state: 'error',
          burnRates: [],
          error:
            error instanceof PrometheusQueryError
              ? `Prometheus rejected the query (${error.errorType}): ${error.message}`
              : `The queries of this SLO cannot be built: ${stringifyError(
                  error,
                )}`,
          evaluatedAt,
        });
      }
    });

    if (unavailable) {
      for (const item of items) {
        const key = itemKey(item.definition.id, item.environment);
        if (results.has(key)) continue;
        results.set(key, {
          environment: item.environment,
          state: 'unknown',
          burnRates: [],
          error: `${unavailable.message}. Check that Prometheus runs and that ${item.target.origin} points at its HTTP API.`,
          evaluatedAt,
        });
      }
    }
    return results;
  }

  private async evaluateOne(
    client: PrometheusClient,
    item: EvaluationItem,
    now: Date,
    signal: AbortSignal,
  ): Promise<SloEnvironmentStatus> {
    const { definition } = item;
    const options = queryOptions(item, now);
    const parts: Array<[string, string]> = [
      [SLI_PART, sliQuery(definition, options)],
      ...burnRateWindows(definition).map((w): [string, string] => [
        w,
        burnRateQuery(definition, w, options),
      ]),
    ];
    const values = splitParts(
      await client.query(combineParts(parts), now, signal),
    );

    const sli = values.get(SLI_PART) ?? undefined;
    const burnRates = definition.alerting.windows.map(w =>
      burnRateStatus(
        w,
        values.get(w.long) ?? null,
        values.get(w.short) ?? null,
      ),
    );
    const remaining =
      sli === undefined
        ? undefined
        : budgetRemaining(sli, definition.objective);
    const state = sloState({ sli, budgetRemaining: remaining, burnRates });
    return {
      environment: item.environment,
      state,
      ...(sli === undefined
        ? {}
        : {
            sli,
            met: sli >= definition.objective,
            budgetRemaining: remaining,
          }),
      budget: errorBudget(definition.objective),
      burnRates,
      ...(state === 'no-data'
        ? {
            error: `Prometheus at ${
              client.url
            } has no data for the SLI over the ${
              definition.window.duration
            } window${describeEnvironmentSelection(
              item,
            )}: check that the indicator's series exist there (or that the service had any traffic).`,
          }
        : {}),
      evaluatedAt: now.toISOString(),
    };
  }
}
