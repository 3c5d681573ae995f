import appBackend from '@backstage/plugin-app-backend';
import authBackend from '@backstage/plugin-auth-backend';
import authGithubProvider from '@backstage/plugin-auth-backend-module-github-provider';
import authGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogLogs from '@backstage/plugin-catalog-backend-module-logs';
import catalogScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import kubernetesBackend from '@backstage/plugin-kubernetes-backend';
import permissionBackend from '@backstage/plugin-permission-backend';
import permissionAllowAll from '@backstage/plugin-permission-backend-module-allow-all-policy';
import proxyBackend from '@backstage/plugin-proxy-backend';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import scaffolderGithub from '@backstage/plugin-scaffolder-backend-module-github';
import searchBackend from '@backstage/plugin-search-backend';
import searchCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import searchPgEngine from '@backstage/plugin-search-backend-module-pg';
import signalsBackend from '@backstage/plugin-signals-backend';
import userSettingsBackend from '@backstage/plugin-user-settings-backend';
import catalogEnvironments from '@multicloud/plugin-catalog-backend-module-environments';
import scaffolderEnvironments from '@multicloud/plugin-scaffolder-backend-module-environments';
import environmentsBackend from '@multicloud/plugin-environments-backend';
import finopsBackend from '@multicloud/plugin-finops-backend';
import kubernetesEnvironments from '@multicloud/plugin-kubernetes-backend-module-environments';
import sloBackend from '@multicloud/plugin-slo-backend';

/**
 * Every feature of the reference backend, in one list so that the backend
 * and its integration tests start the same set.
 */
export const backendFeatures = [
  appBackend,
  proxyBackend,

  authBackend,
  authGuestProvider,
  authGithubProvider,

  catalogBackend,
  catalogScaffolderEntityModel,
  catalogLogs,
  catalogEnvironments,

  scaffolderBackend,
  scaffolderGithub,
  scaffolderEnvironments,

  permissionBackend,
  permissionAllowAll,

  searchBackend,
  searchPgEngine,
  searchCatalogCollator,

  kubernetesBackend,
  kubernetesEnvironments,
  environmentsBackend,
  finopsBackend,
  sloBackend,
  userSettingsBackend,
  signalsBackend,
];
