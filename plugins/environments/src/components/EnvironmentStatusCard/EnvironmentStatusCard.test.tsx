import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { EnvironmentStatus } from '@multicloud/plugin-environments-common';
import { fireEvent, screen } from '@testing-library/react';
import { fleetApiRef, type FleetApi } from '../../api';
import { testFleet } from '../FleetPage/testFleet';
import {
  EnvironmentStatusCard,
  NOT_CONFIGURED_NOTICE,
} from './EnvironmentStatusCard';

function entity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'multicloud.io/environment': name },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}

function fixture(name: string): EnvironmentStatus {
  const env = testFleet().environments.find(e => e.name === name);
  if (!env) throw new Error(`no ${name} in the test fleet`);
  return env;
}

function mockApi(
  getEnvironment: FleetApi['getEnvironment'],
): jest.Mocked<FleetApi> {
  return {
    getFleet: jest.fn(),
    getEnvironment: jest.fn(getEnvironment),
  } as jest.Mocked<FleetApi>;
}

function render(name: string, api: FleetApi) {
  return renderInTestApp(
    <EntityProvider entity={entity(name)}>
      <EnvironmentStatusCard />
    </EntityProvider>,
    {
      apis: [[fleetApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function field(label: string) {
  return screen.getByRole('group', { name: label });
}

describe('EnvironmentStatusCard', () => {
  it('shows a healthy cluster', async () => {
    const api = mockApi(async () => fixture('admin-azure-westeurope'));
    render('admin-azure-westeurope', api);

    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(api.getEnvironment).toHaveBeenCalledWith('admin-azure-westeurope');
    expect(field('Kubernetes')).toHaveTextContent('v1.36.2 on the server');
    expect(field('Kubernetes')).toHaveTextContent('declared 1.36');
    expect(field('Nodes')).toHaveTextContent('3 of 3 nodes ready');
    expect(field('Allocatable')).toHaveTextContent('12 cores, 48 GiB');
    expect(field('Pods')).toHaveTextContent('0 of 80 not running');
    expect(field('Deployments')).toHaveTextContent('0 of 20 unavailable');
    expect(screen.getByText(/^checked/)).toHaveTextContent(
      /checked (1[0-9]|20) s ago in 42 ms/,
    );
  });

  it('lists the failing pods of a degraded cluster and a server off its declared version', async () => {
    render(
      'workload-aws-useast1',
      mockApi(async () => fixture('workload-aws-useast1')),
    );

    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(screen.getByText('2 of 5 nodes not ready')).toBeInTheDocument();
    expect(field('Kubernetes')).toHaveTextContent(
      'declared 1.36: the server runs another minor',
    );
    const pods = screen.getByRole('list', { name: 'Failing pods' });
    expect(pods).toHaveTextContent(
      'payments/payments-api-7d9f CrashLoopBackOff',
    );
    expect(pods).toHaveTextContent(
      'payments/payments-worker-5c1a ImagePullBackOff',
    );
  });

  it('says why a cluster is unreachable', async () => {
    render(
      'workload-gcp-europewest4',
      mockApi(async () => fixture('workload-gcp-europewest4')),
    );

    expect(await screen.findByText('Unreachable')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The API server did not answer: timed out after 5000 ms',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^checked/)).toHaveTextContent(
      'checked 5 min ago (stale) · last answered 1 h ago',
    );
    expect(screen.getByText(/Declares Kubernetes 1.34/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Nodes' })).toBeNull();
  });

  it('says that a disabled environment is not probed', async () => {
    render(
      'workload-ibm-ussouth',
      mockApi(async () => fixture('workload-ibm-ussouth')),
    );

    expect(
      await screen.findByText(
        'Disabled in environments.yaml (enabled: false): the portal does not probe it.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Nodes' })).toBeNull();
  });

  it('says how to configure an environment without an API server', async () => {
    render(
      'workload-oracle-frankfurt',
      mockApi(async () => fixture('workload-oracle-frankfurt')),
    );

    expect(await screen.findByText(NOT_CONFIGURED_NOTICE)).toBeInTheDocument();
    expect(NOT_CONFIGURED_NOTICE).toBe(
      'No api_server in environments.yaml: add infrastructure.kubernetes.api_server to see live status',
    );
  });

  it('shows a placeholder while loading', () => {
    render(
      'admin-azure-westeurope',
      mockApi(() => new Promise(() => {})),
    );
    expect(
      screen.getByRole('status', { name: 'Loading the live status' }),
    ).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    const api = mockApi(async () => {
      throw new Error("No environment 'admin-azure-westeurope' in the fleet");
    });
    render('admin-azure-westeurope', api);

    expect(
      await screen.findByText(
        'Could not read the live status from the environments backend',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText("No environment 'admin-azure-westeurope' in the fleet"),
    ).toBeInTheDocument();

    api.getEnvironment.mockResolvedValueOnce(fixture('admin-azure-westeurope'));
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
  });
});
