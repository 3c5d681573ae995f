import { createHash } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import {
  entityRefFromKubernetesLabels,
  utcDateOf,
  type CostProblem,
} from '@multicloud/plugin-finops-common';
import { z } from 'zod';
import type { CostStore, NamespaceDailyRow } from '../database/CostStore';
import type { OpenCostClient } from './OpenCostClient';
import type { OpenCostTarget } from './targets';

/** The key of an environment's OpenCost among the ingested sources. */
export function openCostSourceKey(environment: string): string {
  return `opencost:${environment}`;
}

/** Names OpenCost gives what belongs to no namespace or controller. */
const UNALLOCATED = '__unallocated__';

const cost = z.number().nullable().optional();
const stringMap = z.record(z.string(), z.string()).nullable().optional();

/** The fields of an OpenCost allocation this plugin reads. */
const allocationSchema = z.object({
  name: z.string().optional(),
  properties: z
    .object({
      cluster: z.string().optional(),
      namespace: z.string().optional(),
      controller: z.string().optional(),
      controllerKind: z.string().optional(),
      labels: stringMap,
      namespaceLabels: stringMap,
      namespaceAnnotations: stringMap,
    })
    .nullable()
    .optional(),
  window: z
    .object({ start: z.string().nullable().optional() })
    .nullable()
    .optional(),
  start: z.string().optional(),
  cpuCost: cost,
  gpuCost: cost,
  ramCost: cost,
  pvCost: cost,
  networkCost: cost,
  loadBalancerCost: cost,
  sharedCost: cost,
  externalCost: cost,
  totalCost: cost,
});

type Allocation = z.infer<typeof allocationSchema>;

const COSTS = [
  ['cpuCost', 'cpuCost'],
  ['gpuCost', 'gpuCost'],
  ['ramCost', 'ramCost'],
  ['pvCost', 'pvCost'],
  ['networkCost', 'networkCost'],
  ['loadBalancerCost', 'loadBalancerCost'],
  ['sharedCost', 'sharedCost'],
  ['externalCost', 'externalCost'],
] as const;

/** Namespace and controller of an allocation named `<namespace>/<kind>:<name>`. */
function workloadOf(
  name: string,
  allocation: Allocation,
): { namespace: string; controllerKind?: string; controller?: string } {
  const [fromName = '', controllerPart = ''] = name.split('/');
  const properties = allocation.properties ?? {};
  const namespace = properties.namespace || fromName;
  let controllerKind = properties.controllerKind || undefined;
  let controller = properties.controller || undefined;
  if (!controller && controllerPart && controllerPart !== UNALLOCATED) {
    const colon = controllerPart.indexOf(':');
    controllerKind = colon > 0 ? controllerPart.slice(0, colon) : undefined;
    controller = colon > 0 ? controllerPart.slice(colon + 1) : controllerPart;
  }
  return {
    namespace,
    ...(controllerKind ? { controllerKind } : {}),
    ...(controller ? { controller } : {}),
  };
}

/**
 * The daily rows of OpenCost's sets for one environment; an allocation that
 * cannot be read is reported (line: the 1-based step, column: its name) and
 * skipped.
 */
export function allocationRows(
  sets: Array<Record<string, unknown>>,
  context: {
    key: string;
    environment: string;
    currency: string;
    range: { from: string; to: string };
  },
): { rows: NamespaceDailyRow[]; read: number; problems: CostProblem[] } {
  const rows = new Map<string, NamespaceDailyRow>();
  const problems: CostProblem[] = [];
  let read = 0;
  sets.forEach((set, index) => {
    for (const [name, raw] of Object.entries(set)) {
      read++;
      const report = (message: string) =>
        problems.push({
          file: context.key,
          line: index + 1,
          column: name,
          message,
        });
      const parsed = allocationSchema.safeParse(raw);
      if (!parsed.success) {
        report(
          parsed.error.issues
            .map(issue => `${issue.path.join('.')}: ${issue.message}`)
            .join('; '),
        );
        continue;
      }
      const allocation = parsed.data;
      const start = allocation.window?.start ?? allocation.start;
      const date = start ? utcDateOf(start) : undefined;
      if (!date) {
        report(
          start ? `window start "${start}" is not a date` : 'has no window',
        );
        continue;
      }
      if (date < context.range.from || date > context.range.to) {
        report(
          `starts on ${date}, outside the days asked for (${context.range.from} to ${context.range.to})`,
        );
        continue;
      }
      const workload = workloadOf(name, allocation);
      if (!workload.namespace) {
        report('names no namespace');
        continue;
      }
      const properties = allocation.properties ?? {};
      const costs = Object.fromEntries(
        COSTS.map(([field, column]) => [column, allocation[field] ?? 0]),
      ) as Record<(typeof COSTS)[number][1], number>;
      const totalCost =
        allocation.totalCost ??
        Object.values(costs).reduce((sum, value) => sum + value, 0);
      const sumKey = [
        date,
        workload.namespace,
        workload.controllerKind ?? '',
        workload.controller ?? '',
      ].join('\u0000');
      const existing = rows.get(sumKey);
      if (existing) {
        for (const [, column] of COSTS) {
          existing[column] += costs[column];
        }
        existing.totalCost += totalCost;
        continue;
      }
      const entityRef = entityRefFromKubernetesLabels(
        properties.labels ?? undefined,
        properties.namespaceLabels ?? undefined,
        properties.namespaceAnnotations ?? undefined,
      );
      rows.set(sumKey, {
        date,
        environment: context.environment,
        ...(properties.cluster ? { cluster: properties.cluster } : {}),
        ...workload,
        ...(entityRef ? { entityRef } : {}),
        currency: context.currency,
        ...costs,
        totalCost,
      });
    }
  });
  return { rows: [...rows.values()], read, problems };
}

/** Options of {@link ingestOpenCost}. */
export interface IngestOpenCostOptions {
  targets: OpenCostTarget[];
  client: OpenCostClient;
  store: CostStore;
  logger: LoggerService;
  /** Days pulled, today included. */
  days: number;
  /** Today's date comes from here; injected for tests. */
  now?: () => Date;
  /** Clusters asked at once; default 8. */
  concurrency?: number;
}

/** What one run of {@link ingestOpenCost} did, by source key. */
export interface IngestOpenCostResult {
  ingested: string[];
  unchanged: string[];
  failed: Array<{ key: string; error: string }>;
}

function dayBefore(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

/**
 * Pulls the last `days` days (today included, UTC) of each cluster's
 * OpenCost per namespace and workload, and replaces those days of the
 * cluster in the store. An answer identical to the last one changes
 * nothing. A cluster whose OpenCost cannot be reached or answers nonsense
 * is recorded as a source with that problem and keeps the costs already
 * stored; it never stops the others.
 */
export async function ingestOpenCost(
  options: IngestOpenCostOptions,
): Promise<IngestOpenCostResult> {
  const { client, store, logger } = options;
  const today = (options.now?.() ?? new Date()).toISOString().slice(0, 10);
  const range = { from: dayBefore(today, options.days - 1), to: today };
  const result: IngestOpenCostResult = {
    ingested: [],
    unchanged: [],
    failed: [],
  };

  const pull = async (target: OpenCostTarget) => {
    const key = openCostSourceKey(target.environment);
    try {
      const { sets, body } = await client.allocations(target, range);
      const sha256 = createHash('sha256')
        .update(`${target.currency}\n${range.from}\n${body}`)
        .digest('hex');
      if ((await store.fileState(key))?.sha256 === sha256) {
        result.unchanged.push(key);
        return;
      }
      const { rows, read, problems } = allocationRows(sets, {
        key,
        environment: target.environment,
        currency: target.currency,
        range,
      });
      await store.replaceOpenCostDays(
        key,
        {
          sha256,
          rowsRead: read,
          rowsIngested: read - problems.length,
          problems,
        },
        range,
        rows,
      );
      logger.info(
        `Ingested OpenCost of ${target.environment} from ${range.from} to ${range.to}: ${rows.length} workload days, ${problems.length} problems`,
      );
      result.ingested.push(key);
    } catch (error) {
      const message = stringifyError(error);
      logger.warn(`OpenCost of ${target.environment} not ingested: ${message}`);
      result.failed.push({ key, error: message });
      try {
        await store.recordOpenCostFailure(key, {
          file: key,
          line: 0,
          column: 'OpenCost',
          message: error instanceof Error ? error.message : message,
        });
      } catch (recordError) {
        logger.error(
          `Cannot record the failure of ${key}: ${stringifyError(recordError)}`,
        );
      }
    }
  };

  const queue = [...options.targets];
  const workers = Array.from(
    { length: Math.min(options.concurrency ?? 8, queue.length) },
    async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        await pull(target);
      }
    },
  );
  await Promise.all(workers);
  for (const list of [result.ingested, result.unchanged]) list.sort();
  result.failed.sort((a, b) => a.key.localeCompare(b.key));
  return result;
}
