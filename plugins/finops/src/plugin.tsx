import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FinOpsClient, finOpsApiRef } from './api';
import { CostsIcon } from './components/CostsPage/CostsIcon';
import { costsRouteRef } from './components/CostsPage/routes';
import { hasCosts, isComponentEntity, isEnvironmentEntity } from './lib/entity';

/** `api:finops`: reads costs, budgets and sources from the FinOps backend */
export const finOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: finOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FinOpsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:finops` at `/costs`. With its title, icon and route ref the app's
 * sidebar lists it as "Costs" without a separate nav item.
 */
export const costsPage = PageBlueprint.make({
  params: {
    path: '/costs',
    title: 'Costs',
    icon: <CostsIcon fontSize="inherit" />,
    routeRef: costsRouteRef,
    loader: () => import('./components/CostsPage').then(m => <m.CostsPage />),
  },
});

// The filters are functions: predicate paths split on dots, and the
// environment annotation (`multicloud.io/environment`) has one. The cards
// are content cards: a trend and a breakdown need the width of the main
// column (an app can set `config: { type: info }`).

/** `entity-card:finops/environment-costs`: month to date, forecast, budget, top services */
export const environmentCostsEntityCard = EntityCardBlueprint.make({
  name: 'environment-costs',
  params: {
    type: 'content',
    filter: isEnvironmentEntity,
    loader: () =>
      import('./components/EnvironmentCostCard').then(m => (
        <m.EnvironmentCostCard />
      )),
  },
});

/** `entity-card:finops/component-costs`: attributed cost per environment */
export const componentCostsEntityCard = EntityCardBlueprint.make({
  name: 'component-costs',
  params: {
    type: 'content',
    filter: isComponentEntity,
    loader: () =>
      import('./components/ComponentCostCard').then(m => (
        <m.ComponentCostCard />
      )),
  },
});

/** `entity-content:finops/costs`: the Costs tab of environments and components */
export const costsEntityContent = EntityContentBlueprint.make({
  name: 'costs',
  params: {
    path: '/costs',
    title: 'Costs',
    filter: hasCosts,
    loader: () =>
      import('./components/EntityCostsContent').then(m => (
        <m.EntityCostsContent />
      )),
  },
});

/**
 * The Costs page, cost cards for environments and components, and a Costs
 * tab on both, reading `@multicloud/plugin-finops-backend`.
 */
export default createFrontendPlugin({
  pluginId: 'finops',
  routes: { costs: costsRouteRef },
  extensions: [
    finOpsApi,
    costsPage,
    environmentCostsEntityCard,
    componentCostsEntityCard,
    costsEntityContent,
  ],
});
