import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { CostQueries } from './database/CostQueries';
import { CostStore } from './database/CostStore';
import { fleetEnvironments } from './ingest/fleetEnvironments';
import { FocusIngestion } from './ingest/FocusIngestion';
import { OpenCostIngestion } from './opencost/OpenCostIngestion';
import { createRouter } from './service/router';

/**
 * The FinOps backend (`/api/finops`): ingests the FOCUS exports of
 * `finops.focus` (folders and URLs) and the OpenCost of the fleet's clusters
 * (`finops.opencost`) into daily costs per environment, and serves them.
 */
export const finopsPlugin = createBackendPlugin({
  pluginId: 'finops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const { config, logger } = deps;
        const store = await CostStore.create(await deps.database.getClient(), {
          skipMigrations: deps.database.migrations?.skip,
        });

        const environments = fleetEnvironments(config, {
          urlReader: deps.urlReader,
          logger,
        });

        const focus = FocusIngestion.fromConfig(config, {
          store,
          urlReader: deps.urlReader,
          logger,
          environments,
        });
        if (focus) {
          await deps.scheduler.scheduleTask({
            id: 'finops-focus:ingest',
            ...focus.schedule,
            fn: async () => {
              await focus.run();
            },
          });
        } else {
          logger.info(
            'finops.focus names no directory and no location; no FOCUS export is ingested',
          );
        }

        const openCost = OpenCostIngestion.fromConfig(config, {
          store,
          logger,
          environments,
        });
        if (openCost) {
          await deps.scheduler.scheduleTask({
            id: 'finops-opencost:ingest',
            ...openCost.schedule,
            fn: async () => {
              await openCost.run();
            },
          });
        }

        deps.httpRouter.use(
          await createRouter({
            store,
            queries: CostQueries.create(await deps.database.getClient()),
            httpAuth: deps.httpAuth,
            readEnvironments: environments,
            ...(openCost ? { namespaceCosts: store } : {}),
          }),
        );
      },
    });
  },
});
