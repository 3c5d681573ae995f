import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BACKEND_UNREACHABLE, sloApiRef, type SloApi } from '../../api';
import { mockSloApi } from '../../testing/mockSloApi';
import {
  NO_SERIES,
  PROMQL_ERROR,
  testResponse,
  testSlos,
  UNREACHABLE,
} from '../../testing/testSlos';
import { PROMETHEUS_CONFIG_EXAMPLE } from '../PrometheusNotice';
import { SloPage } from './SloPage';

function render(api: SloApi) {
  return renderInTestApp(<SloPage />, {
    apis: [[sloApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function tile(label: string) {
  return screen.getByRole('group', { name: label });
}

/** The data rows of the matrix, header row left out. */
function shownRows() {
  return within(screen.getByRole('grid')).getAllByRole('row').slice(1);
}

async function rows() {
  await screen.findByRole('grid');
  return shownRows();
}

function cell(row: HTMLElement, name: RegExp) {
  return within(row).getByRole('link', { name });
}

describe('SloPage', () => {
  it('lists SLOs worst budget first, with component, objective and window', async () => {
    render(mockSloApi());

    const [first, second, third, ...rest] = await rows();
    expect(rest).toHaveLength(0);
    expect(first).toHaveTextContent('Ledger Peer availability');
    expect(first).toHaveTextContent('-35%');
    expect(first).toHaveTextContent('99.9%');
    expect(first).toHaveTextContent('rolling 28d');
    expect(
      within(first).getByRole('link', { name: 'ledger-peer' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger-peer');
    expect(second).toHaveTextContent('Gateway latency under 300 ms');
    expect(second).toHaveTextContent('18%');
    expect(second).toHaveTextContent('calendar 1M');
    expect(third).toHaveTextContent('ledger-orderer-availability');
    expect(third).toHaveTextContent('56%');
  });

  it('sums up states and firing alerts', async () => {
    render(mockSloApi());

    await screen.findByText('At a glance');
    expect(tile('Breached')).toHaveTextContent('1');
    expect(tile('Warning')).toHaveTextContent('1');
    expect(tile('OK')).toHaveTextContent('1');
    expect(tile('Without verdict')).toHaveTextContent('0');
    expect(tile('Without verdict')).toHaveTextContent(
      '3 of 8 evaluations without a verdict',
    );
    expect(tile('Alerts firing')).toHaveTextContent('5');
    expect(tile('Alerts firing')).toHaveTextContent('2 page · 3 ticket');
    expect(
      screen.getByText(/3 SLOs in 3 environments/, { exact: false }),
    ).toBeInTheDocument();
  });

  it('shows each state in its cell, with the reason when there is no verdict', async () => {
    render(mockSloApi());
    const [peer, gateway, orderer] = await rows();

    const breached = cell(peer, /^Breached in workload-aws-useast1/);
    expect(breached).toHaveAttribute('data-state', 'breached');
    expect(breached).toHaveTextContent('-35%');
    expect(breached).toHaveTextContent('page alert firing');
    expect(breached).toHaveAccessibleName(
      expect.stringContaining(
        '1h/5m burn 18.2× / 21.5×, alert at 14.4× (page): FIRING',
      ),
    );

    const error = cell(peer, /^Query error in workload-gcp-europewest4/);
    expect(error).toHaveAttribute('data-state', 'error');
    expect(error).toHaveTextContent(PROMQL_ERROR);

    const noData = cell(gateway, /^No data in workload-azure-westeurope/);
    expect(noData).toHaveTextContent(NO_SERIES);

    const unknown = cell(orderer, /^Unknown in workload-aws-useast1/);
    expect(unknown).toHaveTextContent(UNREACHABLE);

    const ok = cell(orderer, /^OK in workload-gcp-europewest4/);
    expect(ok).toHaveTextContent('82%');
    expect(ok).toHaveAccessibleName(
      expect.stringContaining('SLI 99.991% (objective 99.95%)'),
    );
  });

  it('marks environments an SLO is not evaluated in', async () => {
    render(mockSloApi());
    const [, gateway] = await rows();

    expect(
      within(gateway).getByRole('group', {
        name: 'Not evaluated in workload-gcp-europewest4',
      }),
    ).toHaveTextContent('not evaluated');
  });

  it('links each cell to the charts on the SLOs tab of its component', async () => {
    render(mockSloApi());
    const [peer] = await rows();

    expect(cell(peer, /^Breached in workload-aws-useast1/)).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-peer/slos?slo=ledger-peer-availability&environment=workload-aws-useast1',
    );
  });

  it('filters by component, state and environment', async () => {
    render(mockSloApi());
    expect(await rows()).toHaveLength(3);

    const pick = async (filter: string, option: string) => {
      // A select is named by its value, then its label: `All State`.
      fireEvent.click(
        screen.getByRole('button', { name: new RegExp(`${filter}$`) }),
      );
      const item = await screen.findByRole('option', { name: option });
      fireEvent.click(item);
      // A multiple select stays open until dismissed.
      fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });
      await waitFor(() =>
        expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
      );
    };

    await pick('Component', 'ledger-gateway');
    await waitFor(() => expect(shownRows()).toHaveLength(1));
    expect(shownRows()[0]).toHaveTextContent('Gateway latency under 300 ms');
    // Picked again: unpicked.
    await pick('Component', 'ledger-gateway');
    await waitFor(() => expect(shownRows()).toHaveLength(3));

    await pick('State', 'Query error');
    await waitFor(() => expect(shownRows()).toHaveLength(1));
    expect(shownRows()[0]).toHaveTextContent('Ledger Peer availability');

    await pick('State', 'Unknown');
    await waitFor(() => expect(shownRows()).toHaveLength(2));

    await pick('Environment', 'workload-azure-westeurope');
    // Neither SLO has an error or unknown in West Europe.
    await waitFor(() =>
      expect(
        screen.getByText('No SLO matches the filters.'),
      ).toBeInTheDocument(),
    );
  }, 30_000);

  it('keeps showing every other SLO when one fails everywhere, and lists the problems', async () => {
    const [orderer, peer, gateway] = testSlos();
    const broken = {
      ...peer,
      worstBudgetRemaining: undefined,
      environments: peer.environments.map(e => ({
        ...e,
        state: 'error' as const,
        error: PROMQL_ERROR,
        sli: undefined,
        budgetRemaining: undefined,
        burnRates: [],
      })),
    };
    render(
      mockSloApi({
        getSlos: async () => testResponse({ slos: [broken, orderer, gateway] }),
      }),
    );

    const [first, second, third] = await rows();
    expect(first).toHaveTextContent('Gateway latency under 300 ms');
    expect(second).toHaveTextContent('ledger-orderer-availability');
    // Without any budget, after those with one.
    expect(third).toHaveTextContent('Ledger Peer availability');
    expect(within(third).getAllByText(PROMQL_ERROR)).toHaveLength(3);
    expect(tile('Without verdict')).toHaveTextContent('1');

    const problems = screen.getByRole('list', {
      name: 'Problems of SLO definitions',
    });
    expect(problems).toHaveTextContent(
      'slos/broken.yaml:12 spec.objectives[0].target: must be a number between 0 and 1, got 99.9',
    );
    expect(
      screen.getByText(/the definitions in error are left out/),
    ).toBeInTheDocument();
  });

  it('asks for Prometheus when none is configured, with the config to add', async () => {
    const notice =
      'No Prometheus is configured: set slo.prometheus in app-config to evaluate the SLOs.';
    const slos = testSlos().map(slo => ({
      ...slo,
      worstBudgetRemaining: undefined,
      environments: slo.environments.map(e => ({
        environment: e.environment,
        state: 'unknown' as const,
        error: 'No Prometheus is configured',
        burnRates: [],
        evaluatedAt: e.evaluatedAt,
      })),
    }));
    render(
      mockSloApi({
        getSlos: async () => ({ slos, problems: [], notice }),
      }),
    );

    expect(
      await screen.findByText('The SLOs are not evaluated: connect Prometheus'),
    ).toBeInTheDocument();
    expect(screen.getByText(notice)).toBeInTheDocument();
    expect(screen.getByLabelText('Prometheus config')).toHaveTextContent(
      PROMETHEUS_CONFIG_EXAMPLE.split('\n')[0],
    );
    // The SLOs are still listed, each cell saying why it has no verdict.
    expect(await rows()).toHaveLength(3);
    expect(tile('Without verdict')).toHaveTextContent('3');
  });

  it('says when there is no SLO at all', async () => {
    render(mockSloApi({ getSlos: async () => ({ slos: [], problems: [] }) }));

    expect(await screen.findByText('No SLOs yet')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('says the backend is unreachable, with its message, and retries', async () => {
    const api = mockSloApi();
    api.getSlos.mockRejectedValueOnce(new Error('connect ECONNREFUSED'));
    render(api);

    expect(await screen.findByText(BACKEND_UNREACHABLE)).toBeInTheDocument();
    expect(screen.getByText('connect ECONNREFUSED')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await rows()).toHaveLength(3);
  });

  it('downloads the Prometheus rules', async () => {
    const api = mockSloApi();
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:rules');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
    try {
      render(api);
      fireEvent.click(
        await screen.findByRole('button', {
          name: 'Download Prometheus rules',
        }),
      );

      await waitFor(() => expect(clicked).toEqual(['slo-rules.yaml']));
      expect(api.getRules).toHaveBeenCalledTimes(1);
      await expect(createObjectURL.mock.calls[0][0].text()).resolves.toBe(
        'groups: []\n',
      );
    } finally {
      click.mockRestore();
    }
  });

  it('says why the rules could not be downloaded', async () => {
    const api = mockSloApi({
      getRules: async () => {
        throw new Error('rules are not ready');
      },
    });
    render(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Download Prometheus rules' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not download the rules: rules are not ready',
    );
  });
});
