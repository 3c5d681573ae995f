import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { EnvironmentsEntityProvider } from './providers/EnvironmentsEntityProvider';

/**
 * Imports the environments of every source configured under
 * `catalog.providers.environments` into the catalog.
 */
export const catalogModuleEnvironmentsEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'environments-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({ catalog, config, logger, scheduler, urlReader }) {
        catalog.addEntityProvider(
          EnvironmentsEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            urlReader,
          }),
        );
      },
    });
  },
});
