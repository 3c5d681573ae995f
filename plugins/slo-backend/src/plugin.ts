import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { EnvironmentsFileSource } from '@multicloud/plugin-environments-node';
import { readSloSettings } from './config';
import { createRouter } from './service/router';
import { SloRegistry } from './service/SloRegistry';
import { SloService } from './service/SloService';
import { SloDefinitionSources } from './sources/SloDefinitionSources';

/**
 * The SLO backend (`/api/slo`): reads OpenSLO and Sloth definitions from
 * files, URLs and the catalog, evaluates them against the Prometheus of
 * every environment of the fleet, and exports them as Prometheus rules.
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const { config, logger } = deps;
        const settings = readSloSettings(config);
        const registry = SloRegistry.create({
          definitions: SloDefinitionSources.create(settings.definitions, {
            urlReader: deps.urlReader,
            logger,
            catalog: { service: deps.catalog, auth: deps.auth },
          }),
          fleet: config.has('environments.file')
            ? EnvironmentsFileSource.fromConfig(config, {
                urlReader: deps.urlReader,
                logger,
              })
            : undefined,
          configuredEnvironments: Object.keys(settings.prometheus.environments),
          logger,
        });

        await deps.scheduler.scheduleTask({
          id: 'slo-definitions:refresh',
          ...settings.definitions.schedule,
          // Every replica keeps its own copy of the definitions.
          scope: 'local',
          fn: async () => {
            try {
              await registry.refresh();
            } catch (error) {
              // The next run retries; the last definitions read stay.
              logger.error(
                `Reading the SLO definitions failed: ${stringifyError(error)}`,
              );
            }
          },
        });

        const slos = SloService.create({
          registry,
          settings: settings.prometheus,
          logger,
          portalUrl: config.getOptionalString('app.baseUrl'),
        });
        deps.httpRouter.use(
          await createRouter({ slos, httpAuth: deps.httpAuth }),
        );
      },
    });
  },
});
