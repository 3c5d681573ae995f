import type { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { act, screen } from '@testing-library/react';
import { mockFinOpsApi, stubResizeObserver } from './__testUtils__/testData';
import { FinOpsClient, finOpsApiRef } from './api';
import plugin from './plugin';

stubResizeObserver();
jest.setTimeout(30_000);

const environment: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'workload-aws-useast1',
    namespace: 'default',
    annotations: { 'multicloud.io/environment': 'workload-aws-useast1' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-peer', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/ledger',
  },
};

const bucket: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'some-bucket', namespace: 'default' },
  spec: { type: 's3-bucket', owner: 'group:default/platform' },
};

const cards = [
  plugin.getExtension('entity-card:finops/environment-costs'),
  plugin.getExtension('entity-card:finops/component-costs'),
];
const catalogRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderEntity(entity: Entity) {
  const api = mockFinOpsApi();
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), ...cards],
    apis: [[finOpsApiRef, api]],
    mountedRoutes: catalogRoutes,
  });
  return api;
}

describe('finops plugin', () => {
  it('provides the FinOps API', () => {
    const factory = createExtensionTester(
      plugin.getExtension('api:finops'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(factory.api.id).toBe('plugin.finops');
    expect(
      factory.factory({
        discoveryApi: mockApis.discovery(),
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(FinOpsClient);
  });

  it('has the Costs page at /costs, titled and with an icon for the sidebar', () => {
    const tester = createExtensionTester(plugin.getExtension('page:finops'));
    expect(tester.get(coreExtensionData.routePath)).toBe('/costs');
    expect(tester.get(coreExtensionData.title)).toBe('Costs');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('shows the Costs page', async () => {
    const api = mockFinOpsApi();
    renderTestApp({
      extensions: [plugin.getExtension('page:finops')],
      apis: [[finOpsApiRef, api]],
      mountedRoutes: catalogRoutes,
      initialRouteEntries: ['/costs'],
    });
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Fleet month to date' },
        // The page loads lazily, with a dozen charts.
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getSummary).toHaveBeenCalledTimes(1);
  });

  it('has a Costs tab for environments and components only', () => {
    const filter = createExtensionTester(
      plugin.getExtension('entity-content:finops/costs'),
    ).get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(environment)).toBe(true);
    expect(filter?.(component)).toBe(true);
    expect(filter?.(bucket)).toBe(false);
  });

  it('shows the environment card on an environment', async () => {
    const api = renderEntity(environment);
    expect(await screen.findByText('Costs')).toBeInTheDocument();
    expect(api.getSummary).toHaveBeenCalledWith({
      filter: { environment: 'workload-aws-useast1' },
    });
  });

  it('shows the component card on a component', async () => {
    const api = renderEntity(component);
    expect(await screen.findByText('Costs')).toBeInTheDocument();
    expect(api.getSummary).toHaveBeenCalledWith({
      filter: { entity: 'component:default/ledger-peer' },
    });
  });

  it('leaves other entities alone', async () => {
    const api = renderEntity(bucket);
    // Let the lazy cards load, if they were going to.
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(screen.queryByText('Costs')).not.toBeInTheDocument();
    expect(api.getSummary).not.toHaveBeenCalled();
  });
});
