import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  mockFinOpsApi,
  stubResizeObserver,
  testSummary,
} from '../../__testUtils__/testData';
import { finOpsApiRef, type FinOpsApi } from '../../api';
import { ClockProvider } from '../../lib/clock';
import { CostsPage } from './CostsPage';

stubResizeObserver();
// The whole page renders a dozen charts and tables in jsdom, on shared CI cores.
jest.setTimeout(30_000);

const NOW = () => new Date('2026-11-21T09:30:00Z');

function render(api: FinOpsApi) {
  return renderInTestApp(
    <ClockProvider now={NOW}>
      <CostsPage />
    </ClockProvider>,
    {
      apis: [[finOpsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function section(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

/** Reads what the CSV button of a section would save. */
function captureDownloads() {
  const saved: Array<{ name: string; text: Promise<string> }> = [];
  const createObjectURL = jest.fn((blob: Blob) => {
    saved.push({ name: '', text: blob.text() });
    return 'blob:test';
  });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function recordName(this: HTMLAnchorElement) {
      saved[saved.length - 1].name = this.download;
    });
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  return { saved, restore: () => click.mockRestore() };
}

describe('CostsPage', () => {
  it('shows each currency on its own and never sums them', async () => {
    render(mockFinOpsApi());

    const summary = await screen.findByRole('region', {
      name: 'Fleet month to date',
    });
    const usd = await within(summary).findByRole('group', {
      name: 'Costs in USD',
    });
    const eur = within(summary).getByRole('group', { name: 'Costs in EUR' });
    expect(
      within(summary).getByText(
        'Costs come in 2 currencies (EUR, USD): each is shown on its own, never summed or converted.',
      ),
    ).toBeInTheDocument();

    expect(
      within(usd).getByRole('group', { name: 'Month to date' }),
    ).toHaveTextContent('$120,000+25.0% vs the same days of October ($96,000)');
    expect(
      within(eur).getByRole('group', { name: 'Month to date' }),
    ).toHaveTextContent('€30,000');
    expect(
      within(usd).getByRole('group', { name: 'Forecast November' }),
    ).toHaveTextContent('$180,00080% interval $168,000 – $192,000');
    expect(
      within(usd).getByRole('group', { name: 'Forecast Q4 2026' }),
    ).toHaveTextContent('$480,000');
    // Neither 150,000 (USD + EUR) nor any converted total appears anywhere.
    expect(document.body).not.toHaveTextContent(/150,000/);

    // One trend chart per currency.
    expect(
      within(usd).getByRole('img', {
        name: /^Daily USD cost: 31 days of the previous month, 20 days of this month, forecast for 10 more days/,
      }),
    ).toBeInTheDocument();
    expect(
      within(eur).getByRole('img', { name: /^Daily EUR cost/ }),
    ).toBeInTheDocument();
  });

  it('says how much is unattributed and what to do about it', async () => {
    render(mockFinOpsApi());
    const usd = await screen.findByRole('group', { name: 'Costs in USD' });
    expect(
      within(usd).getByRole('group', { name: 'Unattributed' }),
    ).toHaveTextContent('8%$9,600 of the month to date');
    expect(
      within(usd).getByText(
        "8% of this month's USD cost ($9,600) is not attributed to any environment",
      ),
    ).toBeInTheDocument();
    expect(
      within(usd).getByText(
        'Tag the resources with environment: <name> or list their account under cost.accounts in environments.yaml.',
      ),
    ).toBeInTheDocument();
  });

  it('shows every budget state with its figures', async () => {
    render(mockFinOpsApi());
    const budgets = await screen.findByRole('region', { name: 'Budgets' });
    await within(budgets).findByText('workload-aws-useast1');

    const row = (name: string) =>
      within(budgets).getByRole('row', { name: new RegExp(name) });
    expect(row('workload-aws-useast1')).toHaveTextContent('Over budget');
    expect(row('workload-aws-useast1')).toHaveTextContent(
      '$46,000 of $40,000 (115%)',
    );
    expect(row('workload-aws-useast1')).toHaveTextContent(
      'Forecast $69,000 (173%), 80% interval $62,100 – $75,900',
    );
    expect(row('workload-gcp-europewest4')).toHaveTextContent('At risk');
    expect(row('admin-azure-westeurope')).toHaveTextContent('OK');
    expect(row('admin-azure-westeurope')).toHaveTextContent(
      '€9,000 of €20,000 (45%)',
    );
    expect(row('hci-vsphere-ams01')).toHaveTextContent('No budget');
    expect(row('hci-vsphere-ams01')).toHaveTextContent(
      '€2,100 this month, no budget set',
    );
    expect(row('workload-oracle-frankfurt')).toHaveTextContent(
      'Currency mismatch',
    );
    expect(row('workload-oracle-frankfurt')).toHaveTextContent(
      'Budget $15,000, costs in EUR: not compared',
    );
    // Worst first.
    const order = within(budgets)
      .getAllByRole('row')
      .slice(1)
      .map(r =>
        r
          .querySelector('[data-budget-state]')
          ?.getAttribute('data-budget-state'),
      );
    expect(order).toEqual([
      'over',
      'at-risk',
      'currency-mismatch',
      'ok',
      'no-budget',
    ]);
    expect(
      within(row('workload-aws-useast1')).getByRole('meter'),
    ).toHaveAccessibleName('115% of the budget used, forecast 173%');
  });

  it('breaks costs down by provider and environment, per currency, over the picked range', async () => {
    const api = mockFinOpsApi();
    render(api);

    const byProvider = await screen.findByRole('region', {
      name: 'Cost by provider',
    });
    expect(
      await within(byProvider).findByLabelText('Amazon Web Services: $70,000'),
    ).toBeInTheDocument();
    expect(
      within(byProvider).getByLabelText('Microsoft Azure: €30,000'),
    ).toBeInTheDocument();
    expect(
      within(byProvider).getByRole('group', { name: 'USD: $120,000' }),
    ).toBeInTheDocument();
    expect(
      within(byProvider).getByRole('group', { name: 'EUR: €30,000' }),
    ).toBeInTheDocument();

    const byEnvironment = section('Cost by environment');
    expect(
      await within(byEnvironment).findByLabelText('Unattributed: $9,600'),
    ).toBeInTheDocument();
    expect(
      within(byEnvironment).getByRole('link', { name: 'workload-aws-useast1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/workload-aws-useast1');

    expect(api.getCosts).toHaveBeenCalledWith({
      groupBy: 'provider',
      from: '2026-10-23',
      to: '2026-11-21',
      granularity: 'day',
      filter: undefined,
    });

    fireEvent.click(screen.getByRole('radio', { name: 'Week' }));
    await waitFor(() =>
      expect(api.getCosts).toHaveBeenCalledWith(
        expect.objectContaining({
          groupBy: 'environment',
          granularity: 'week',
        }),
      ),
    );
  });

  it('lists movers, anomalies and the problems of the ingested sources', async () => {
    render(mockFinOpsApi());

    const movers = await screen.findByRole('region', { name: 'Top movers' });
    const eks = await within(movers).findByRole('row', {
      name: /Amazon Elastic Kubernetes Service/,
    });
    expect(eks).toHaveTextContent('$40,000$52,000+$12,000 +30.0%');

    const anomalies = section('Anomalies');
    expect(
      await within(anomalies).findByRole('row', {
        name: /workload-gcp-europewest4/,
      }),
    ).toHaveTextContent('▲ spike $4,800expected about $1,200 · score 7.4');

    const sources = section('Ingested sources');
    expect(
      await within(sources).findByText(
        'aws/2026-11.csv:14 BilledCost: "12,5" is not a decimal',
      ),
    ).toBeInTheDocument();
    expect(
      within(sources).getByText(
        /2 rows of 1 source could not be ingested; the rest of the data is shown/,
      ),
    ).toBeInTheDocument();
    expect(
      within(sources).getByRole('row', { name: /gcp\/2026-11.csv/ }),
    ).toHaveTextContent('800 of 800 ingested');
  });

  it('keeps every other section when one read fails', async () => {
    const api = mockFinOpsApi({
      getBudgets: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
      },
    });
    render(api);

    const budgets = await screen.findByRole('region', { name: 'Budgets' });
    expect(
      await within(budgets).findByText(
        'Could not read the budgets from the FinOps backend',
      ),
    ).toBeInTheDocument();
    expect(
      within(budgets).getByText(/connect ECONNREFUSED 127\.0\.0\.1:7007/),
    ).toBeInTheDocument();

    expect(
      await screen.findByRole('group', { name: 'Costs in USD' }),
    ).toBeInTheDocument();
    expect(
      await within(section('Cost by provider')).findByLabelText(
        'Amazon Web Services: $70,000',
      ),
    ).toBeInTheDocument();
    expect(
      await within(section('Ingested sources')).findByText('gcp/2026-11.csv'),
    ).toBeInTheDocument();

    // Retry reads again, and only that section.
    api.getBudgets.mockImplementation(async () => ({
      asOf: '2026-11-20',
      budgets: [],
    }));
    fireEvent.click(within(budgets).getByRole('button', { name: 'Retry' }));
    expect(
      await within(budgets).findByText(
        'No environment to compare with a budget.',
      ),
    ).toBeInTheDocument();
    expect(api.getSummary).toHaveBeenCalledTimes(1);
  });

  it('says what to configure when nothing has been ingested', async () => {
    render(
      mockFinOpsApi({
        getSummary: async () => ({
          asOf: '2026-11-21',
          metric: 'effective',
          currencies: [],
        }),
        getFiles: async () => ({ files: [] }),
      }),
    );
    const summary = await screen.findByRole('region', {
      name: 'Fleet month to date',
    });
    expect(
      await within(summary).findByText('No cost data ingested yet'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(
        /Configure finops\.focus\.directories in app-config\.yaml/,
      ),
    ).toBeInTheDocument();
  });

  it('shows placeholders while loading', async () => {
    render(mockFinOpsApi({ getSummary: () => new Promise(() => {}) }));
    expect(
      await screen.findByRole('status', { name: 'Loading the cost summary' }),
    ).toBeInTheDocument();
  });

  it('downloads what a section shows as CSV', async () => {
    const downloads = captureDownloads();
    try {
      render(mockFinOpsApi());
      const budgets = await screen.findByRole('region', { name: 'Budgets' });
      await within(budgets).findByText('workload-aws-useast1');
      fireEvent.click(
        within(budgets).getByRole('button', {
          name: 'Download the budgets as CSV',
        }),
      );
      const byEnvironment = section('Cost by environment');
      await within(byEnvironment).findByLabelText('Unattributed: $9,600');
      fireEvent.click(
        within(byEnvironment).getByRole('button', {
          name: 'Download the cost by environment as CSV',
        }),
      );

      await waitFor(() => expect(downloads.saved).toHaveLength(2));
      expect(downloads.saved[0].name).toBe('budgets.csv');
      const budgetLines = (await downloads.saved[0].text).split('\r\n');
      expect(budgetLines[0]).toBe(
        'environment,state,as_of,budget_currency,budget,currency,month_to_date,used,forecast_expected,forecast_lower,forecast_upper,forecast_used',
      );
      expect(budgetLines).toContain(
        'workload-aws-useast1,over,2026-11-20,USD,40000,USD,46000,1.15,69000,62100,75900,1.725',
      );
      expect(budgetLines).toContain(
        'workload-oracle-frankfurt,currency-mismatch,2026-11-20,USD,15000,EUR,7000,,,,,',
      );

      expect(downloads.saved[1].name).toBe(
        'cost-by-environment-2026-10-23-2026-11-21.csv',
      );
      const costLines = (await downloads.saved[1].text).split('\r\n');
      expect(costLines[0]).toBe(
        'Environment,currency,granularity,period_start,amount',
      );
      expect(costLines).toContain('Unattributed,USD,day,2026-11-02,5600');
      expect(costLines).toContain(
        'admin-azure-westeurope,EUR,day,2026-11-01,10000',
      );
    } finally {
      downloads.restore();
    }
  });

  it('reads everything again on Refresh', async () => {
    const api = mockFinOpsApi();
    render(api);
    await screen.findByRole('group', { name: 'Costs in USD' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.getSummary).toHaveBeenCalledTimes(2));
    expect(api.getFiles).toHaveBeenCalledTimes(2);
    expect(testSummary().currencies).toHaveLength(2);
  });
});
