import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { FleetStatusResponse } from '@multicloud/plugin-environments-common';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { fleetApiRef, type FleetApi } from '../../api';
import { BACKEND_UNREACHABLE, FleetPage, SIMULATED_NOTICE } from './FleetPage';
import { testFleet } from './testFleet';

// recharts sizes its chart with ResizeObserver, which jsdom lacks; this one
// reports a fixed size, as jsdom lays nothing out.
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

function mockApi(getFleet: FleetApi['getFleet']): jest.Mocked<FleetApi> {
  return {
    getFleet: jest.fn(getFleet),
    getEnvironment: jest.fn(),
  } as jest.Mocked<FleetApi>;
}

function render(api: FleetApi) {
  return renderInTestApp(<FleetPage />, {
    apis: [[fleetApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function tile(label: string) {
  return screen.getByRole('group', { name: label });
}

describe('FleetPage', () => {
  it('sums up, maps and lists a fleet', async () => {
    render(mockApi(async () => testFleet()));

    expect(await screen.findByText('Fleet at a glance')).toBeInTheDocument();
    expect(tile('Healthy')).toHaveTextContent('2');
    expect(tile('Degraded')).toHaveTextContent('1');
    expect(tile('Unreachable')).toHaveTextContent('1');
    expect(tile('Pending')).toHaveTextContent('0');
    expect(tile('Disabled')).toHaveTextContent('1');
    expect(tile('Not configured')).toHaveTextContent('1');
    expect(tile('Nodes ready')).toHaveTextContent('10 / 12');
    expect(tile('Allocatable CPU')).toHaveTextContent('48 cores');
    expect(tile('Allocatable memory')).toHaveTextContent('192 GiB');
    expect(
      within(tile('By provider')).getByLabelText('Amazon Web Services: 1'),
    ).toBeInTheDocument();
    expect(
      within(tile('By role')).getByLabelText('Workload: 5'),
    ).toBeInTheDocument();
    expect(
      within(tile('By type')).getByLabelText('HCI: 1'),
    ).toBeInTheDocument();

    // One marker per environment with coordinates, coloured by health.
    const map = screen.getByRole('group', { name: 'Map of the fleet' });
    const markers = within(map).getAllByRole('button');
    expect(markers).toHaveLength(5);
    const aws = within(map).getByRole('button', {
      name: /^workload-aws-useast1, US East \(N. Virginia\), Degraded: 2 of 5 nodes not ready/,
    });
    expect(aws).toHaveAttribute('data-health', 'degraded');
    expect(aws.querySelector('circle')).toHaveAttribute('fill', '#e0a100');

    // The on-premises site has no coordinates: listed under the map.
    const unplaced = screen.getByRole('region', { name: 'Not on the map' });
    expect(within(unplaced).getByText('hci-vsphere-ams01')).toBeInTheDocument();

    // One row per environment, plus the header.
    const table = screen.getByRole('grid');
    expect(within(table).getAllByRole('row')).toHaveLength(7);
    const gcpRow = within(table)
      .getByRole('link', { name: 'workload-gcp-europewest4' })
      .closest('[role="row"]') as HTMLElement;
    expect(gcpRow).toHaveTextContent('Unreachable');
    expect(gcpRow).toHaveTextContent('timed out after 5000 ms');
    expect(gcpRow).toHaveTextContent('5 min ago');
    expect(gcpRow).toHaveTextContent('stale');
    expect(
      within(table).getByRole('link', { name: 'workload-aws-useast1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/workload-aws-useast1');
  });

  it('points out version skew, unsupported minors and servers off their declared version', async () => {
    render(mockApi(async () => testFleet()));

    const skewed = await screen.findByRole('region', {
      name: 'More than 1 minor version from the admin region (1.36)',
    });
    expect(skewed).toHaveTextContent(
      'workload-gcp-europewest4 on 1.34, 2 minors from the admin region',
    );
    expect(skewed).not.toHaveTextContent('workload-aws-useast1');

    const unsupported = screen.getByRole('region', {
      name: 'On a minor that is not supported',
    });
    expect(unsupported).toHaveTextContent(
      'workload-gcp-europewest4 on 1.34: no longer supported',
    );

    const mismatched = screen.getByRole('region', {
      name: 'Server differs from the declared version',
    });
    expect(mismatched).toHaveTextContent(
      'workload-aws-useast1 declares 1.36, the server reports v1.35.4',
    );

    const chart = screen.getByRole('img', {
      name: /Environments per declared/,
    });
    expect(chart).toHaveAccessibleName(
      'Environments per declared Kubernetes version: 1.34: 1 (not supported), 1.35: 1, 1.36: 3 (admin), 1.37: 1',
    );
    // A bar per minor, red for the unsupported one, and the admin line.
    const bars = chart.querySelectorAll('.recharts-bar-rectangle path');
    expect([...bars].map(bar => bar.getAttribute('fill'))).toEqual([
      '#d6383e',
      '#3f7fbf',
      '#3f7fbf',
      '#3f7fbf',
    ]);
    expect(within(chart).getByText('admin')).toBeInTheDocument();
  });

  it('searches the table', async () => {
    render(mockApi(async () => testFleet()));
    const table = await screen.findByRole('grid');

    fireEvent.change(screen.getByRole('searchbox'), {
      target: { value: 'timed out' },
    });

    expect(await within(table).findAllByRole('row')).toHaveLength(2);
    expect(
      within(table).getByRole('link', { name: 'workload-gcp-europewest4' }),
    ).toBeInTheDocument();
  });

  it('says when the clusters are simulated', async () => {
    render(mockApi(async () => ({ ...testFleet(), simulated: true })));
    expect(await screen.findByText(SIMULATED_NOTICE)).toBeInTheDocument();
  });

  it('has no simulator notice for real clusters', async () => {
    render(mockApi(async () => testFleet()));
    await screen.findByText('Fleet at a glance');
    expect(screen.queryByText(SIMULATED_NOTICE)).not.toBeInTheDocument();
  });

  it('shows the problems of the fleet file', async () => {
    render(
      mockApi(async () => ({
        ...testFleet(),
        problems: ['environments.yaml:14:5 environments[3].region: unknown'],
      })),
    );
    expect(
      await screen.findByText(
        'Warning: The fleet file has 1 problem: environments with errors are left out',
      ),
    ).toBeInTheDocument();
    // Collapsed until opened.
    fireEvent.click(screen.getByText(/The fleet file has 1 problem/));
    expect(
      screen.getByText(
        'environments.yaml:14:5 environments[3].region: unknown',
      ),
    ).toBeInTheDocument();
  });

  it('shows a placeholder while loading', async () => {
    render(mockApi(() => new Promise<FleetStatusResponse>(() => {})));
    expect(
      screen.getByRole('status', { name: /Loading the fleet status/ }),
    ).toBeInTheDocument();
  });

  it('points to the template when the fleet is empty', async () => {
    render(mockApi(async () => ({ ...testFleet(), environments: [] })));
    expect(await screen.findByText('No environments')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Add a workload region' }),
    ).toHaveAttribute('href', '/create');
  });

  it('says what to check when the backend does not answer', async () => {
    render(
      mockApi(async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      }),
    );
    expect(await screen.findByText(BACKEND_UNREACHABLE)).toBeInTheDocument();
    expect(
      screen.getByText('connect ECONNREFUSED 127.0.0.1:7007'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('keeps the data on screen when a refresh fails', async () => {
    const api = mockApi(async () => testFleet());
    render(api);
    expect(
      await screen.findAllByRole('link', { name: 'workload-aws-useast1' }),
    ).not.toHaveLength(0);

    api.getFleet.mockRejectedValueOnce(new Error('503 Service Unavailable'));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(/Could not refresh the fleet status/),
    ).toBeInTheDocument();
    expect(screen.getByText('503 Service Unavailable')).toBeInTheDocument();
    expect(screen.getByRole('grid')).toBeInTheDocument();
    expect(
      screen.getAllByRole('link', { name: 'workload-aws-useast1' }).length,
    ).toBeGreaterThan(0);
    expect(tile('Healthy')).toHaveTextContent('2');
  });

  describe('with a clock', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('reads the fleet again every 30 s', async () => {
      const api = mockApi(async () => testFleet());
      render(api);
      await act(async () => {
        await Promise.resolve();
      });
      expect(api.getFleet).toHaveBeenCalledTimes(1);

      await act(async () => {
        jest.advanceTimersByTime(30_000);
      });
      expect(api.getFleet).toHaveBeenCalledTimes(2);
    });
  });
});
