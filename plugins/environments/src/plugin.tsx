import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  ENVIRONMENT_ANNOTATIONS,
  ENVIRONMENTS_FILE_RESOURCE_TYPE,
} from '@multicloud/plugin-environments-common';

// The problems card's filter is a predicate, so an app can override it in
// app-config. The overview card's is a function: predicate paths split on
// dots, and the annotation key (`multicloud.io/environment`) has one.

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
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
      !!entity.metadata.annotations?.[ENVIRONMENT_ANNOTATIONS.environment],
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
 * Entity cards for environments and fleet files, catalog filters by
 * provider, role and environment type, and the `CloudRegion` field for
 * Software Templates.
 */
export default createFrontendPlugin({
  pluginId: 'environments',
  extensions: [
    environmentOverviewEntityCard,
    fleetFileProblemsEntityCard,
    providerCatalogFilter,
    roleCatalogFilter,
    environmentTypeCatalogFilter,
    cloudRegionScaffolderFormField,
  ],
});
