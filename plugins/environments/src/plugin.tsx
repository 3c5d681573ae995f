import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ENVIRONMENT_ANNOTATIONS,
  ENVIRONMENTS_FILE_RESOURCE_TYPE,
} from '@multicloud/plugin-environments-common';
import { FleetClient, fleetApiRef } from './api';
import { FleetIcon } from './components/FleetPage/FleetIcon';
import {
  createEnvironmentRouteRef,
  fleetRouteRef,
} from './components/FleetPage/routes';

/** `api:environments/fleet`: reads the fleet status from the environments backend */
export const fleetApi = ApiBlueprint.make({
  name: 'fleet',
  params: defineParams =>
    defineParams({
      api: fleetApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:environments/fleet` at `/fleet`. With its title, icon and route ref
 * the app's sidebar lists it without a separate nav item.
 */
export const fleetPage = PageBlueprint.make({
  name: 'fleet',
  params: {
    path: '/fleet',
    title: 'Fleet',
    icon: <FleetIcon fontSize="inherit" />,
    routeRef: fleetRouteRef,
    loader: () => import('./components/FleetPage').then(m => <m.FleetPage />),
  },
});

// The problems card's filter is a predicate, so an app can override it in
// app-config. The status and overview cards' are functions: predicate paths
// split on dots, and the annotation key (`multicloud.io/environment`) has one.

function isEnvironmentEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    !!entity.metadata.annotations?.[ENVIRONMENT_ANNOTATIONS.environment]
  );
}

/** `entity-card:environments/environment-status`, live status from the environments backend */
export const environmentStatusEntityCard = EntityCardBlueprint.make({
  name: 'environment-status',
  params: {
    type: 'info',
    filter: isEnvironmentEntity,
    loader: () =>
      import('./components/EnvironmentStatusCard').then(m => (
        <m.EnvironmentStatusCard />
      )),
  },
});

/** `entity-card:environments/fleet-file-problems` */
export const fleetFileProblemsEntityCard = EntityCardBlueprint.make({
  name: 'fleet-file-problems',
  params: {
    type: 'content',
    filter: { kind: 'resource', 'spec.type': ENVIRONMENTS_FILE_RESOURCE_TYPE },
    loader: () =>
      import('./components/FleetFileProblemsCard').then(m => (
        <m.FleetFileProblemsCard />
      )),
  },
});

/** `entity-card:environments/environment-overview` */
export const environmentOverviewEntityCard = EntityCardBlueprint.make({
  name: 'environment-overview',
  params: {
    type: 'info',
    filter: isEnvironmentEntity,
    loader: () =>
      import('./components/EnvironmentOverviewCard').then(m => (
        <m.EnvironmentOverviewCard />
      )),
  },
});

/** `catalog-filter:environments/provider` */
export const providerCatalogFilter = CatalogFilterBlueprint.make({
  name: 'provider',
  params: {
    loader: () =>
      import('./components/EnvironmentFilters').then(m => (
        <m.EnvironmentProviderPicker />
      )),
  },
});

/** `catalog-filter:environments/role` */
export const roleCatalogFilter = CatalogFilterBlueprint.make({
  name: 'role',
  params: {
    loader: () =>
      import('./components/EnvironmentFilters').then(m => (
        <m.EnvironmentRolePicker />
      )),
  },
});

/** `catalog-filter:environments/environment-type` */
export const environmentTypeCatalogFilter = CatalogFilterBlueprint.make({
  name: 'environment-type',
  params: {
    loader: () =>
      import('./components/EnvironmentFilters').then(m => (
        <m.EnvironmentTypePicker />
      )),
  },
});

/** `scaffolder-form-field:environments/cloud-region`, the `CloudRegion` field */
export const cloudRegionScaffolderFormField = FormFieldBlueprint.make({
  name: 'cloud-region',
  params: {
    field: () =>
      import('./components/CloudRegionPicker').then(
        m => m.cloudRegionFormField,
      ),
  },
});

/**
 * The fleet page with live status, entity cards for environments and fleet
 * files, catalog filters by provider, role and environment type, and the
 * `CloudRegion` field for Software Templates.
 */
export default createFrontendPlugin({
  pluginId: 'environments',
  routes: { fleet: fleetRouteRef },
  externalRoutes: { createEnvironment: createEnvironmentRouteRef },
  extensions: [
    fleetApi,
    fleetPage,
    environmentOverviewEntityCard,
    environmentStatusEntityCard,
    fleetFileProblemsEntityCard,
    providerCatalogFilter,
    roleCatalogFilter,
    environmentTypeCatalogFilter,
    cloudRegionScaffolderFormField,
  ],
});
