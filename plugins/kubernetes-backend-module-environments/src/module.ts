import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import {
  EnvironmentsFileSource,
  readClusterSettings,
} from '@multicloud/plugin-environments-node';
import { EnvironmentsClusterSupplier } from './EnvironmentsClusterSupplier';

/**
 * Adds the clusters of environments.yaml (`environments.file`) to the
 * Kubernetes plugin, next to the clusters configured the usual way; a
 * configured cluster of the same name wins.
 */
export const kubernetesModuleEnvironmentsClusterSupplier = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'environments-cluster-supplier',
  register(reg) {
    reg.registerInit({
      deps: {
        clusterSupplier: kubernetesClusterSupplierExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({ clusterSupplier, config, logger, scheduler, urlReader }) {
        const source = EnvironmentsFileSource.fromConfig(config, {
          urlReader,
          logger,
        });
        const ours = new EnvironmentsClusterSupplier(
          source,
          readClusterSettings(config).overrides,
          logger,
        );
        await ours.refresh();
        await scheduler.scheduleTask({
          id: 'environments-cluster-supplier:refresh',
          frequency: { seconds: 30 },
          timeout: { minutes: 1 },
          // Every replica keeps its own list.
          scope: 'local',
          fn: async () => {
            try {
              await ours.refresh();
            } catch (error) {
              logger.error(
                `Could not refresh the clusters of ${
                  source.target
                }: ${stringifyError(error)}`,
              );
            }
          },
        });
        clusterSupplier.addClusterSupplier(async ({ getDefault }) => {
          const configured = await getDefault();
          return {
            async getClusters(options) {
              const [fromConfig, fromFile] = await Promise.all([
                configured.getClusters(options),
                ours.getClusters(),
              ]);
              const names = new Set(fromConfig.map(c => c.name));
              return [
                ...fromConfig,
                ...fromFile.filter(c => !names.has(c.name)),
              ];
            },
          };
        });
      },
    });
  },
});
