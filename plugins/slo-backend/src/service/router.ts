import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { durationSeconds, parseDuration } from '@multicloud/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { SloService } from './SloService';

/** Prometheus answers at most 11,000 points per series. */
const MAX_POINTS = 11_000;
/** Points of a chart when the step is not given. */
const DEFAULT_POINTS = 250;
const DEFAULT_RANGE = '7d';

const entityRef = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .transform((value, ctx) => {
    try {
      return stringifyEntityRef(parseEntityRef(value));
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not an entity ref such as component:default/checkout`,
      });
      return z.NEVER;
    }
  });

const duration = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseDuration(value);
    if (parsed?.kind !== 'fixed') {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a duration such as 30s, 5m, 1h or 7d`,
      });
      return z.NEVER;
    }
    return parsed.seconds;
  });

const listQuery = z.strictObject({ entityRef: entityRef.optional() });

const environmentName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be an environment name');

const rulesQuery = z.strictObject({
  entityRef: entityRef.optional(),
  environment: environmentName.optional(),
});

const seriesQuery = z
  .strictObject({
    environment: z
      .string({ error: 'is required: the environment to chart' })
      .pipe(environmentName),
    range: duration.optional(),
    step: duration.optional(),
  })
  .transform(q => {
    const rangeSeconds = q.range ?? durationSeconds(DEFAULT_RANGE);
    return {
      environment: q.environment,
      rangeSeconds,
      stepSeconds:
        q.step ??
        Math.max(60, Math.ceil(rangeSeconds / DEFAULT_POINTS / 60) * 60),
    };
  })
  .refine(q => q.stepSeconds >= 1, {
    message: 'step must be at least 1s',
    path: ['step'],
  })
  .refine(q => q.rangeSeconds / q.stepSeconds <= MAX_POINTS, {
    message: `range / step gives more than ${MAX_POINTS} points; use a longer step or a shorter range`,
    path: ['step'],
  });

function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.output<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    throw new InputError(
      `Invalid query: ${result.error.issues
        .map(issue =>
          issue.path.length > 0
            ? `${issue.path.join('.')} ${issue.message}`
            : issue.message,
        )
        .join('; ')}`,
    );
  }
  return result.data;
}

/** The HTTP API of `@multicloud/plugin-slo-common`'s `api.ts`. */
export async function createRouter(deps: {
  slos: SloService;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { slos, httpAuth } = deps;
  const router = Router();
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/slos', async (req, res) => {
    const query = parseQuery(listQuery, req.query);
    res.json(await slos.list({ entityRef: query.entityRef }));
  });

  router.get('/slos/:id', async (req, res) => {
    parseQuery(z.strictObject({}), req.query);
    res.json(await slos.get(req.params.id));
  });

  router.get('/slos/:id/series', async (req, res) => {
    const query = parseQuery(seriesQuery, req.query);
    res.json(await slos.series(req.params.id, query));
  });

  router.get('/rules', async (req, res) => {
    const query = parseQuery(rulesQuery, req.query);
    res.type('text/yaml').send(await slos.rules(query));
  });

  router.get('/problems', async (req, res) => {
    parseQuery(z.strictObject({}), req.query);
    res.json({ problems: await slos.problems() });
  });

  return router;
}
