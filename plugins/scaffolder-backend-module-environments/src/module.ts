import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAddHciClusterAction } from './actions/hciAdd';
import {
  createLocalFetchAction,
  createLocalPublishAction,
} from './actions/local';
import { createAddRegionAction } from './actions/regionAdd';
import { createRetireEnvironmentAction } from './actions/environmentRetire';
import { createValidateAction } from './actions/validate';

/** Scaffolder actions that change environments.yaml. */
export const scaffolderModuleEnvironmentsActions = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'environments-actions',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, config }) {
        scaffolder.addActions(
          createAddRegionAction(),
          createAddHciClusterAction(),
          createRetireEnvironmentAction(),
          createValidateAction(),
          createLocalFetchAction({ config }),
          createLocalPublishAction({ config }),
        );
      },
    });
  },
});
