import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FleetStatusService } from './FleetStatusService';

const nameParam = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be an environment name');

export async function createRouter(deps: {
  fleet: FleetStatusService;
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/fleet', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await deps.fleet.getFleet());
  });

  router.get('/fleet/:name', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const name = nameParam.safeParse(req.params.name);
    if (!name.success) {
      throw new InputError(
        `"${req.params.name}" ${name.error.issues[0].message}`,
      );
    }
    res.json(await deps.fleet.getEnvironment(name.data));
  });

  return router;
}
