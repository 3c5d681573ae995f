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
import { SloClient, sloApiRef } from './api';
import { SloIcon } from './components/SloIcon';
import { SLO_TAB_PATH, sloRouteRef } from './lib/routes';

/** `api:slo`: reads SLOs from the SLO backend */
export const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SloClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `page:slo` at `/slos`. With its title, icon and route ref the app's
 * sidebar lists it as "SLOs" without a separate nav item.
 */
export const sloPage = PageBlueprint.make({
  params: {
    path: '/slos',
    title: 'SLOs',
    icon: <SloIcon fontSize="inherit" />,
    routeRef: sloRouteRef,
    loader: () => import('./components/SloPage').then(m => <m.SloPage />),
  },
});

/** `entity-content:slo/slos`: the SLOs tab of components */
export const sloEntityContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: SLO_TAB_PATH,
    title: 'SLOs',
    group: 'observability',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/SloEntityContent').then(m => <m.SloEntityContent />),
  },
});

/** `entity-card:slo/summary`: the SLOs of a component on its overview */
export const sloSummaryEntityCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/SloSummaryCard').then(m => <m.SloSummaryCard />),
  },
});

/**
 * The SLO page, the SLOs tab and summary card of components, and the client
 * of the SLO backend.
 */
export default createFrontendPlugin({
  pluginId: 'slo',
  routes: { root: sloRouteRef },
  extensions: [sloApi, sloPage, sloEntityContent, sloSummaryEntityCard],
});
