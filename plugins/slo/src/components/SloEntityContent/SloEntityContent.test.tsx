import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { parseSloDocuments } from '@multicloud/plugin-slo-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sloApiRef, type SloApi } from '../../api';
import { mockSloApi } from '../../testing/mockSloApi';
import { stubResizeObserver } from '../../testing/resizeObserver';
import {
  PROMQL_ERROR,
  testResponse,
  testSeries,
  testSlos,
} from '../../testing/testSlos';
import { openSloExample } from './AddSloHelp';
import { SloEntityContent } from './SloEntityContent';

stubResizeObserver();

function component(name: string, namespace = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: { type: 'service', owner: 'group:default/ledger-team' },
  };
}

const TAB = '/catalog/default/component/ledger-peer/slos';

/** The API as the backend answers for one entity: its SLOs only. */
function entityApi(overrides: Partial<SloApi> = {}) {
  return mockSloApi({
    getSlos: async options =>
      testResponse({
        problems: [],
        slos: testSlos().filter(s => s.entityRef === options?.entityRef),
      }),
    ...overrides,
  });
}

function render(api: SloApi, url = TAB, entity = component('ledger-peer')) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <SloEntityContent />
    </EntityProvider>,
    {
      apis: [[sloApiRef, api]],
      mountPath: '/catalog/:namespace/:kind/:name/slos',
      initialRouteEntries: [url],
    },
  );
}

function detail() {
  return screen.getByRole('region', { name: /availability in / });
}

describe('SloEntityContent', () => {
  it("shows the component's SLOs per environment, and the worst one in detail", async () => {
    const api = entityApi();
    render(api);

    const heading = await screen.findByRole('heading', {
      name: 'Ledger Peer availability in workload-aws-useast1',
    });
    expect(api.getSlos).toHaveBeenCalledWith({
      entityRef: 'component:default/ledger-peer',
    });
    expect(heading).toBeInTheDocument();
    const grid = screen.getByRole('grid');
    expect(within(grid).getAllByRole('row')).toHaveLength(2);
    // The selected cell is the worst one.
    expect(
      within(grid).getByRole('link', {
        name: /^Breached in workload-aws-useast1/,
      }),
    ).toHaveAttribute('aria-current', 'true');

    const region = detail();
    expect(
      within(region).getByRole('group', { name: 'Budget left' }),
    ).toHaveTextContent('-35%');
    expect(
      within(region).getByRole('group', { name: 'SLI' }),
    ).toHaveTextContent('99.865% below the objective');
    expect(
      within(region).getByRole('group', { name: 'Objective' }),
    ).toHaveTextContent('99.9% · rolling 28d');
  });

  it('highlights the firing burn-rate alerts', async () => {
    render(
      entityApi(),
      `${TAB}?slo=ledger-gateway-latency&environment=workload-aws-useast1`,
      component('ledger-gateway'),
    );
    await screen.findByRole('heading', {
      name: 'Gateway latency under 300 ms in workload-aws-useast1',
    });

    const table = screen.getByRole('table', { name: 'Burn rates' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-firing'))).toEqual([
      null,
      null,
      'true',
      null,
    ]);
    expect(rows[2]).toHaveTextContent('1d / 2hticket3×3.4×3.9×Firing (ticket)');
    expect(rows[0]).toHaveTextContent('1h / 5mpage14.4×2.1×2.4×quiet');
  });

  it('charts the error budget and the burn rates, with the alert thresholds', async () => {
    const api = entityApi();
    render(api);

    const budget = await screen.findByRole('img', {
      name: /^Error budget left/,
    });
    expect(api.getSeries).toHaveBeenCalledWith('ledger-peer-availability', {
      environment: 'workload-aws-useast1',
      range: '1d',
    });
    expect(budget).toHaveAccessibleName(
      'Error budget left: -36% at the end of the range, lowest -36%',
    );
    expect(within(budget).getByText('budget spent')).toBeInTheDocument();
    expect(within(budget).getByText('warning below 25%')).toBeInTheDocument();

    const burn = screen.getByRole('img', { name: /^Burn rates/ });
    expect(burn).toHaveAccessibleName(
      'Burn rates: 1h 18.2× (alert above 14.4×), 6h 7.9× (alert above 6×), 1d 4.1× (alert above 3×), 3d 1.6× (alert above 1×)',
    );
    for (const label of [
      '14.4× page (1h/5m)',
      '6× page (6h/30m)',
      '3× ticket (1d/2h)',
      '1× ticket (3d/6h)',
    ]) {
      expect(within(burn).getByText(label)).toBeInTheDocument();
    }
    expect(burn.querySelectorAll('.recharts-line')).toHaveLength(4);
  });

  it('reads the series again for another range', async () => {
    const api = entityApi();
    render(api);
    await screen.findByRole('img', { name: /^Burn rates/ });

    fireEvent.click(screen.getByRole('radio', { name: '7d' }));
    await waitFor(() =>
      expect(api.getSeries).toHaveBeenLastCalledWith(
        'ledger-peer-availability',
        { environment: 'workload-aws-useast1', range: '7d' },
      ),
    );
  });

  it('opens the SLO and environment the URL names, with the PromQL error', async () => {
    const api = entityApi({
      getSeries: async () =>
        testSeries({
          environment: 'workload-gcp-europewest4',
          sli: [],
          budgetRemaining: [],
          burnRates: {},
          error: PROMQL_ERROR,
        }),
    });
    render(
      api,
      `${TAB}?slo=ledger-peer-availability&environment=workload-gcp-europewest4`,
    );

    await screen.findByRole('heading', {
      name: 'Ledger Peer availability in workload-gcp-europewest4',
    });
    expect(
      screen.getByText(
        "The query failed in workload-gcp-europewest4: fix the SLI's PromQL",
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Prometheus could not give the time series'),
    ).toBeInTheDocument();
    expect(within(detail()).getAllByText(PROMQL_ERROR)).toHaveLength(2);
  });

  it('moves to the cell that is clicked', async () => {
    const api = entityApi();
    render(api);
    await screen.findByRole('heading', {
      name: 'Ledger Peer availability in workload-aws-useast1',
    });

    fireEvent.click(
      screen.getByRole('link', { name: /^OK in workload-azure-westeurope/ }),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Ledger Peer availability in workload-azure-westeurope',
      }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(api.getSeries).toHaveBeenLastCalledWith(
        'ledger-peer-availability',
        { environment: 'workload-azure-westeurope', range: '1d' },
      ),
    );
  });

  it('says when the range has no data', async () => {
    const empty = testSeries({
      sli: [],
      budgetRemaining: [{ t: 1, v: null }],
      burnRates: { '1h': [] },
    });
    render(entityApi({ getSeries: async () => empty }));
    expect(
      await screen.findByText('No data in the last 1d'),
    ).toBeInTheDocument();
  });

  it('keeps the table when the series request fails', async () => {
    render(
      entityApi({
        getSeries: async () => {
          throw new Error('series timed out');
        },
      }),
    );
    expect(
      await screen.findByText('Could not read the time series'),
    ).toBeInTheDocument();
    expect(screen.getByText('series timed out')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Burn rates' }),
    ).toBeInTheDocument();
  });

  it('says when Prometheus could not be asked anywhere', async () => {
    const [, peer] = testSlos();
    const unknown = {
      ...peer,
      environments: peer.environments.map(e => ({
        environment: e.environment,
        state: 'unknown' as const,
        error: 'connect ECONNREFUSED 127.0.0.1:9090',
        burnRates: [],
        evaluatedAt: e.evaluatedAt,
      })),
    };
    render(
      entityApi({
        getSlos: async () => ({ slos: [unknown], problems: [] }),
        getSeries: async () =>
          testSeries({ sli: [], budgetRemaining: [], burnRates: {} }),
      }),
    );

    expect(
      await screen.findByText(
        'Prometheus could not be asked in any of the 3 environments',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Prometheus could not be asked for workload-aws-useast1',
      ),
    ).toBeInTheDocument();
  });

  it('shows how to add an SLO, with an example that the SLO parser accepts', async () => {
    render(
      entityApi({ getSlos: async () => ({ slos: [], problems: [] }) }),
      '/catalog/default/component/hsm-gateway/slos',
      component('hsm-gateway'),
    );

    expect(
      await screen.findByText('No SLOs for hsm-gateway yet'),
    ).toBeInTheDocument();
    const example = screen.getByLabelText('Example OpenSLO definition');
    expect(example).toHaveTextContent('service: hsm-gateway');

    const parsed = parseSloDocuments(example.textContent ?? '', {
      file: 'slos.yaml',
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.definitions).toHaveLength(1);
    expect(parsed.definitions[0].entityRef).toBe(
      'component:default/hsm-gateway',
    );
  });

  it('names the entity in the example outside the default namespace', () => {
    const parsed = parseSloDocuments(
      openSloExample(component('ledger-peer', 'consortium')),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.definitions[0].entityRef).toBe(
      'component:consortium/ledger-peer',
    );
  });

  it('shows the problems of the definitions next to the SLOs', async () => {
    render(
      mockSloApi({
        getSlos: async () =>
          testResponse({
            slos: testSlos().filter(s => s.name === 'ledger-peer-availability'),
          }),
      }),
    );

    expect(
      await screen.findByRole('list', { name: 'Problems of SLO definitions' }),
    ).toHaveTextContent('slos/broken.yaml:12 spec.objectives[0].target');
    expect(
      await screen.findByRole('heading', {
        name: 'Ledger Peer availability in workload-aws-useast1',
      }),
    ).toBeInTheDocument();
  });
});
