import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { Environment } from '@multicloud/plugin-environments-common';
import {
  COST_DIMENSIONS,
  daysInRange,
  formatCostProblem,
  isIsoDay,
  utcDay,
  type AnomaliesResponse,
  type BudgetsResponse,
  type CostDimension,
  type CostFilter,
  type CostGranularity,
  type CostMetric,
  type CostSeriesResponse,
  type CostSourceInfo,
  type CostSummaryResponse,
  type FilesResponse,
  type MoversResponse,
} from '@multicloud/plugin-finops-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { CostQueries } from '../database/CostQueries';
import type { CostStore } from '../database/CostStore';
import { CostAnalytics, type NamespaceCostSource } from './CostAnalytics';

/** Problems of a file listed by `GET /files`; the rest are only counted. */
export const LISTED_PROBLEMS = 20;

/** Longest range per granularity of `GET /costs`, in days. */
export const MAX_RANGE_DAYS: Readonly<Record<CostGranularity, number>> = {
  day: 366,
  week: 3 * 366,
  month: 10 * 366,
};

/** Longest range of `GET /anomalies` and `GET /movers`, in days. */
export const MAX_ANALYSIS_DAYS = 366;

/** Most movers `GET /movers` lists. */
export const MAX_MOVERS = 100;

export type { NamespaceCostSource };

/** What the router of the FinOps backend needs. */
export interface RouterOptions {
  store: CostStore;
  queries: CostQueries;
  httpAuth: HttpAuthService;
  /** The environments of the fleet file, read on each call. */
  readEnvironments: () => Promise<Environment[]>;
  namespaceCosts?: NamespaceCostSource;
  /** Defaults to the system clock. */
  clock?: () => Date;
}

const day = z
  .string({
    error: issue =>
      issue.input === undefined
        ? 'is required, as YYYY-MM-DD'
        : 'must be given once, as YYYY-MM-DD',
  })
  .refine(isIsoDay, {
    error: issue => `must be a date as YYYY-MM-DD, got "${issue.input}"`,
  });

function oneOf<T extends string>(values: readonly T[]) {
  return z.enum(values as [T, ...T[]], {
    error: issue =>
      `must be one of ${values.join(', ')}, got ${JSON.stringify(issue.input)}`,
  });
}

const filterValue = z
  .string({ error: 'must be given once' })
  .min(1, { error: 'must not be empty' })
  .optional();

const filterFields = {
  environment: filterValue,
  provider: filterValue,
  serviceCategory: filterValue,
  entity: filterValue,
};

const metric = oneOf<CostMetric>(['effective', 'billed']).default('effective');
const dimension = oneOf<CostDimension>(COST_DIMENSIONS);

/** A query of known parameters only: a misspelt one would go unnoticed. */
function queryOf<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys
            .map(key => `"${key}"`)
            .join(', ')}; known are ${Object.keys(shape).join(', ')}`
        : undefined,
  });
}

/** `from..to` in order and at most `maxDays` long. */
function checkRange(
  range: { from: string; to: string },
  maxDays: number,
  context: z.RefinementCtx,
  hint = '',
) {
  // Only judged once both are dates; otherwise their own issues suffice.
  if (!isIsoDay(range.from) || !isIsoDay(range.to)) {
    return;
  }
  if (range.from > range.to) {
    context.addIssue({ code: 'custom', message: 'from must not be after to' });
    return;
  }
  const days = daysInRange(range);
  if (days > maxDays) {
    context.addIssue({
      code: 'custom',
      message: `from ${range.from} to ${range.to} spans ${days} days; ${hint}at most ${maxDays} are allowed`,
    });
  }
}

const rangeQuery = z
  .object({ from: day, to: day })
  .superRefine((range, context) => checkRange(range, Infinity, context));

const costsQuery = queryOf({
  from: day,
  to: day,
  groupBy: dimension.default('environment'),
  granularity: oneOf<CostGranularity>(['day', 'week', 'month']).default('day'),
  metric,
  ...filterFields,
}).superRefine((query, context) =>
  checkRange(
    query,
    MAX_RANGE_DAYS[query.granularity],
    context,
    `with granularity=${query.granularity} `,
  ),
);

const summaryQuery = queryOf({
  asOf: day.optional(),
  metric,
  ...filterFields,
});

const budgetsQuery = queryOf({ asOf: day.optional() });

const anomaliesQuery = queryOf({
  from: day,
  to: day,
  groupBy: dimension.default('environment'),
  metric,
  ...filterFields,
}).superRefine((query, context) =>
  checkRange(query, MAX_ANALYSIS_DAYS, context),
);

const moversQuery = queryOf({
  from: day,
  to: day,
  groupBy: dimension.default('service'),
  limit: z
    .string({ error: 'must be given once' })
    .regex(/^\d+$/, {
      error: issue => `must be a whole number, got "${issue.input}"`,
    })
    .transform(Number)
    .refine(limit => limit >= 1 && limit <= MAX_MOVERS, {
      error: issue => `must be from 1 to ${MAX_MOVERS}, got ${issue.input}`,
    })
    .optional(),
  metric,
  ...filterFields,
}).superRefine((query, context) =>
  checkRange(query, MAX_ANALYSIS_DAYS, context),
);

function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      `Invalid query: ${parsed.error.issues
        .map(issue =>
          issue.path.length > 0
            ? `${issue.path.join('.')} ${issue.message}`
            : issue.message,
        )
        .join('; ')}`,
    );
  }
  return parsed.data;
}

function filterOf(query: CostFilter): CostFilter {
  const { environment, provider, serviceCategory, entity } = query;
  return Object.fromEntries(
    Object.entries({ environment, provider, serviceCategory, entity }).filter(
      ([, value]) => value !== undefined,
    ),
  );
}

/**
 * The HTTP API of the FinOps backend (see `CostSeriesResponse` and its
 * siblings in `@multicloud/plugin-finops-common`).
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth } = options;
  const clock = options.clock ?? (() => new Date());
  const analytics = CostAnalytics.create(options);
  const router = Router();
  router.use(express.json());

  router.get('/costs', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseQuery(costsQuery, req.query);
    const response: CostSeriesResponse = await analytics.costs({
      range: query,
      groupBy: query.groupBy,
      granularity: query.granularity,
      metric: query.metric,
      filter: filterOf(query),
    });
    res.json(response);
  });

  router.get('/summary', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseQuery(summaryQuery, req.query);
    const response: CostSummaryResponse = await analytics.summary({
      asOf: query.asOf,
      metric: query.metric,
      filter: filterOf(query),
      today: utcDay(clock()),
    });
    res.json(response);
  });

  router.get('/budgets', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseQuery(budgetsQuery, req.query);
    const response: BudgetsResponse = await analytics.budgets({
      asOf: query.asOf,
      environments: await options.readEnvironments(),
      today: utcDay(clock()),
    });
    res.json(response);
  });

  router.get('/anomalies', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseQuery(anomaliesQuery, req.query);
    const response: AnomaliesResponse = await analytics.anomalies({
      range: query,
      groupBy: query.groupBy,
      metric: query.metric,
      filter: filterOf(query),
    });
    res.json(response);
  });

  router.get('/movers', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseQuery(moversQuery, req.query);
    const response: MoversResponse = await analytics.movers({
      range: query,
      groupBy: query.groupBy,
      limit: query.limit,
      metric: query.metric,
      filter: filterOf(query),
    });
    res.json(response);
  });

  router.get('/costs/by-environment', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { from, to } = parseQuery(rangeQuery, req.query);
    res.json({ from, to, costs: await store.costByEnvironment({ from, to }) });
  });

  router.get('/files', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const files = await store.listFiles();
    const response: FilesResponse = {
      files: files.map(
        (file): CostSourceInfo => ({
          key: file.key,
          kind: file.kind,
          ...(file.focusVersion !== undefined && {
            focusVersion: file.focusVersion,
          }),
          rowsRead: file.rowsRead,
          rowsIngested: file.rowsIngested,
          problemCount: file.problems.length,
          problems: file.problems
            .slice(0, LISTED_PROBLEMS)
            .map(formatCostProblem),
          ingestedAt: file.ingestedAt,
        }),
      ),
    };
    res.json(response);
  });

  return router;
}
