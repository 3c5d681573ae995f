import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { stringifyError } from '@backstage/errors';
import { SUPPORTED_KUBERNETES_MINORS } from '@multicloud/plugin-environments-common';
import {
  EnvironmentsFileSource,
  readClusterSettings,
} from '@multicloud/plugin-environments-node';
import { KubernetesProxyProber } from './service/ClusterProber';
import { FleetStatusService } from './service/FleetStatusService';
import { createRouter } from './service/router';
import { DatabaseStatusStore } from './service/StatusStore';

/**
 * The fleet status API (`/api/environments/fleet`): the live state of every
 * cluster of environments.yaml.
 */
export const environmentsPlugin = createBackendPlugin({
  pluginId: 'environments',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const { config, logger } = deps;
        const db = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await db.migrate.latest({
            directory: resolvePackagePath(
              '@multicloud/plugin-environments-backend',
              'migrations',
            ),
          });
        }
        const statusConfig = config.getOptionalConfig('environments.status');
        const { overrides, simulated } = readClusterSettings(config);
        const fleet = new FleetStatusService({
          source: EnvironmentsFileSource.fromConfig(config, {
            urlReader: deps.urlReader,
            logger,
          }),
          prober: new KubernetesProxyProber(deps),
          store: new DatabaseStatusStore(db),
          overrides,
          logger,
          options: {
            timeoutMs: statusConfig?.has('timeout')
              ? durationToMilliseconds(
                  readDurationFromConfig(statusConfig, { key: 'timeout' }),
                )
              : 5000,
            concurrency: statusConfig?.getOptionalNumber('concurrency') ?? 32,
            simulated,
            supportedVersions: statusConfig?.getOptionalStringArray(
              'supportedVersions',
            ) ?? [...SUPPORTED_KUBERNETES_MINORS],
          },
        });

        const frequency = statusConfig?.has('frequency')
          ? readDurationFromConfig(statusConfig, { key: 'frequency' })
          : { seconds: 30 };
        await deps.scheduler.scheduleTask({
          id: 'environments-fleet-status:refresh',
          frequency,
          timeout: { minutes: 5 },
          // The first page load probes what was never probed; rounds follow.
          initialDelay: frequency,
          fn: async () => {
            try {
              const { probed, unreachable } = await fleet.refreshAll();
              logger.debug(
                `Probed ${probed} clusters; ${unreachable} unreachable`,
              );
            } catch (error) {
              // The next round retries; the stored results stay.
              logger.error(
                `Fleet status round failed: ${stringifyError(error)}`,
              );
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({ fleet, httpAuth: deps.httpAuth }),
        );
      },
    });
  },
});
