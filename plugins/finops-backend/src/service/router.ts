import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { formatCostProblem } from '@multicloud/plugin-finops-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { CostStore } from '../database/CostStore';

/** Problems of a file listed by `GET /files`; the rest are only counted. */
export const LISTED_PROBLEMS = 20;

/** Whether a text is a real calendar day as `YYYY-MM-DD`. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

const isoDate = z
  .string({ error: 'is required, as YYYY-MM-DD' })
  .refine(isIsoDate, {
    error: issue => `must be a date as YYYY-MM-DD, got "${issue.input}"`,
  });

const rangeQuery = z
  .object({ from: isoDate, to: isoDate })
  // Only compared once both are dates; otherwise their own issues suffice.
  .refine(
    range =>
      !isIsoDate(range.from) || !isIsoDate(range.to) || range.from <= range.to,
    { error: 'from must not be after to' },
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

export async function createRouter(deps: {
  store: CostStore;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { store, httpAuth } = deps;
  const router = Router();
  router.use(express.json());

  router.get('/costs/by-environment', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { from, to } = parseQuery(rangeQuery, req.query);
    res.json({ from, to, costs: await store.costByEnvironment({ from, to }) });
  });

  router.get('/files', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const files = await store.listFiles();
    res.json({
      files: files.map(file => ({
        key: file.key,
        focusVersion: file.focusVersion,
        rowsRead: file.rowsRead,
        rowsIngested: file.rowsIngested,
        problemCount: file.problems.length,
        problems: file.problems
          .slice(0, LISTED_PROBLEMS)
          .map(formatCostProblem),
        ingestedAt: file.ingestedAt,
      })),
    });
  });

  return router;
}
