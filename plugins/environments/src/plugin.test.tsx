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
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { act, screen } from '@testing-library/react';
import { FleetClient, fleetApiRef, type FleetApi } from './api';
import { testFleet } from './components/FleetPage/testFleet';
import plugin from './plugin';

// recharts on the fleet page sizes its chart with ResizeObserver, which
// jsdom lacks; this one reports a fixed size, as jsdom lays nothing out.
class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { width: 480, height: 220 } as DOMRectReadOnly;
    this.callback(
      [{ target, contentRect } as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}
const realResizeObserver = globalThis.ResizeObserver;
beforeAll(() => {
  globalThis.ResizeObserver =
    ResizeObserverStub as unknown as typeof ResizeObserver;
});
afterAll(() => {
  globalThis.ResizeObserver = realResizeObserver;
});

function mockFleetApi(): jest.Mocked<FleetApi> {
  const fleet = testFleet();
  return {
    getFleet: jest.fn(async () => fleet),
    getEnvironment: jest.fn(async (name: string) => {
      const env = fleet.environments.find(e => e.name === name);
      if (!env) throw new Error(`No environment '${name}'`);
      return env;
    }),
  };
}

const fleetFile: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'environments-file-main', namespace: 'default' },
  spec: {
    type: 'environments-file',
    owner: 'group:default/platform',
    target: 'config/environments.yaml',
    readAt: new Date().toISOString(),
    environments: ['resource:default/workload-aws-useast1'],
    skipped: [],
    problems: [],
  },
};

const environment: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'workload-aws-useast1',
    namespace: 'default',
    annotations: {
      'multicloud.io/environment': 'workload-aws-useast1',
      'multicloud.io/provider': 'aws',
      'multicloud.io/environment-type': 'cloud',
      'multicloud.io/region': 'us-east-1',
      'multicloud.io/role': 'workload',
      'multicloud.io/enabled': 'true',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

const cards = [
  plugin.getExtension('entity-card:environments/fleet-file-problems'),
  plugin.getExtension('entity-card:environments/environment-overview'),
];

const statusCard = plugin.getExtension(
  'entity-card:environments/environment-status',
);

const catalogRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('environments plugin', () => {
  it('has the catalog filters', () => {
    expect(
      plugin.getExtension('catalog-filter:environments/provider'),
    ).toBeDefined();
    expect(
      plugin.getExtension('catalog-filter:environments/role'),
    ).toBeDefined();
    expect(
      plugin.getExtension('catalog-filter:environments/environment-type'),
    ).toBeDefined();
  });

  it('has the CloudRegion scaffolder field', async () => {
    const extension = plugin.getExtension(
      'scaffolder-form-field:environments/cloud-region',
    );
    expect(extension).toBeDefined();

    const loadField = createExtensionTester(extension).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const { cloudRegionFormField } = await import(
      './components/CloudRegionPicker'
    );
    await expect(loadField()).resolves.toBe(cloudRegionFormField);
  });

  it('shows the problems card on a fleet file only', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: fleetFile }), ...cards],
    });

    expect(await screen.findByText('Fleet file problems')).toBeInTheDocument();
    expect(screen.queryByText('Environment')).not.toBeInTheDocument();
  });

  it('shows the overview card on an environment only', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: environment }), ...cards],
    });

    expect(await screen.findByText('Environment')).toBeInTheDocument();
    expect(screen.queryByText('Fleet file problems')).not.toBeInTheDocument();
  });

  it('leaves other resources alone', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: {
            ...environment,
            metadata: { name: 'some-bucket', namespace: 'default' },
            spec: { type: 's3-bucket', owner: 'group:default/platform' },
          },
        }),
        ...cards,
      ],
    });

    // Let the lazy cards load, if they were going to.
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(screen.queryByText('Environment')).not.toBeInTheDocument();
    expect(screen.queryByText('Fleet file problems')).not.toBeInTheDocument();
  });

  it('provides the fleet API', () => {
    const extension = plugin.getExtension('api:environments/fleet');
    expect(extension).toBeDefined();

    const factory = createExtensionTester(extension).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.environments.fleet');
    const client = factory.factory({
      discoveryApi: mockApis.discovery(),
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(FleetClient);
  });

  it('has the fleet page at /fleet, titled and with an icon for the sidebar', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:environments/fleet'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/fleet');
    expect(tester.get(coreExtensionData.title)).toBe('Fleet');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
  });

  it('shows the fleet page', async () => {
    const fleetApi = mockFleetApi();
    renderTestApp({
      extensions: [plugin.getExtension('page:environments/fleet')],
      apis: [[fleetApiRef, fleetApi]],
      mountedRoutes: catalogRoutes,
      initialRouteEntries: ['/fleet'],
    });

    expect(await screen.findByText('Fleet at a glance')).toBeInTheDocument();
    expect(screen.getByRole('grid')).toBeInTheDocument();
    expect(fleetApi.getFleet).toHaveBeenCalledTimes(1);
  });

  it('shows the live status card on an environment', async () => {
    const fleetApi = mockFleetApi();
    renderTestApp({
      extensions: [createTestEntityPage({ entity: environment }), statusCard],
      apis: [[fleetApiRef, fleetApi]],
    });

    expect(await screen.findByText('Live status')).toBeInTheDocument();
    expect(fleetApi.getEnvironment).toHaveBeenCalledWith(
      'workload-aws-useast1',
    );
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
  });

  it('leaves the live status card off other entities', async () => {
    const fleetApi = mockFleetApi();
    renderTestApp({
      extensions: [createTestEntityPage({ entity: fleetFile }), statusCard],
      apis: [[fleetApiRef, fleetApi]],
    });

    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(screen.queryByText('Live status')).not.toBeInTheDocument();
    expect(fleetApi.getEnvironment).not.toHaveBeenCalled();
  });
});
