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
import { SloClient, sloApiRef } from './api';
import { mockSloApi } from './testing/mockSloApi';
import { stubResizeObserver } from './testing/resizeObserver';
import plugin from './plugin';

stubResizeObserver();

const peer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-peer', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/ledger-team' },
};

const bucket: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'ledger-archive', namespace: 'default' },
  spec: { type: 's3-bucket', owner: 'group:default/ledger-team' },
};

const card = plugin.getExtension('entity-card:slo/summary');

describe('slo plugin', () => {
  it('provides the SLO API', () => {
    const factory = createExtensionTester(plugin.getExtension('api:slo')).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.slo');
    const client = factory.factory({
      discoveryApi: mockApis.discovery(),
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(SloClient);
  });

  it('has the SLO page at /slos, titled and with an icon for the sidebar', () => {
    const tester = createExtensionTester(plugin.getExtension('page:slo'));
    expect(tester.get(coreExtensionData.routePath)).toBe('/slos');
    expect(tester.get(coreExtensionData.title)).toBe('SLOs');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('shows the SLO page', async () => {
    const api = mockSloApi();
    renderTestApp({
      extensions: [plugin.getExtension('page:slo')],
      apis: [[sloApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/slos'],
    });

    expect(await screen.findByText('At a glance')).toBeInTheDocument();
    expect(api.getSlos).toHaveBeenCalledWith();
  });

  it('shows the summary card on a component', async () => {
    const api = mockSloApi();
    renderTestApp({
      extensions: [createTestEntityPage({ entity: peer }), card],
      apis: [[sloApiRef, api]],
    });

    expect(await screen.findByText('SLOs')).toBeInTheDocument();
    expect(api.getSlos).toHaveBeenCalledWith({
      entityRef: 'component:default/ledger-peer',
    });
  });

  it('leaves other kinds alone', async () => {
    const api = mockSloApi();
    renderTestApp({
      extensions: [createTestEntityPage({ entity: bucket }), card],
      apis: [[sloApiRef, api]],
    });

    // Let the lazy card load, if it was going to.
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(screen.queryByText('SLOs')).not.toBeInTheDocument();
    expect(api.getSlos).not.toHaveBeenCalled();
  });

  it('has the SLOs tab on components, in the observability group', () => {
    const tester = createExtensionTester(
      plugin.getExtension('entity-content:slo/slos'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('slos');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('SLOs');
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBe(
      'observability',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(peer)).toBe(true);
    expect(filter?.(bucket)).toBe(false);
  });
});
