import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import {
  AS_OF,
  mockFinOpsApi,
  stubResizeObserver,
  testSummary,
} from '../../__testUtils__/testData';
import { finOpsApiRef, type FinOpsApi } from '../../api';
import { EnvironmentCostCard } from './EnvironmentCostCard';

stubResizeObserver();

function environment(name: string): Entity {
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

function render(name: string, api: FinOpsApi) {
  return renderInTestApp(
    <EntityProvider entity={environment(name)}>
      <EnvironmentCostCard />
    </EntityProvider>,
    {
      apis: [[finOpsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const usdOnly = async () => ({
  ...testSummary(),
  currencies: testSummary().currencies.filter(c => c.currency === 'USD'),
});

describe('EnvironmentCostCard', () => {
  it('shows month to date, forecast, budget and top services of the environment', async () => {
    const api = mockFinOpsApi({
      getSummary: usdOnly,
      getCosts: async q => ({
        from: q.from,
        to: q.to,
        groupBy: q.groupBy,
        granularity: q.granularity,
        metric: 'effective',
        totals: [{ currency: 'USD', amount: 46000 }],
        groups: [
          { key: 'Amazon EC2', currency: 'USD', total: 30000, points: [] },
          { key: 'Amazon EKS', currency: 'USD', total: 16000, points: [] },
        ],
      }),
    });
    render('workload-aws-useast1', api);

    const month = await screen.findByRole('group', {
      name: 'Month to date (USD)',
    });
    expect(month).toHaveTextContent(
      '$120,000+25.0% vs the same days of October',
    );
    expect(
      screen.getByRole('group', { name: 'Forecast November' }),
    ).toHaveTextContent('$180,00080% interval $168,000 – $192,000');
    expect(api.getSummary).toHaveBeenCalledWith({
      filter: { environment: 'workload-aws-useast1' },
    });

    const budget = await screen.findByRole('group', { name: 'Budget' });
    expect(budget).toHaveTextContent('Over budget');
    expect(budget).toHaveTextContent('$46,000 of $40,000 (115%)');

    const services = await screen.findByRole('list', {
      name: 'Top services this month',
    });
    expect(within(services).getAllByRole('listitem')[0]).toHaveTextContent(
      'Amazon EC2$30,000',
    );
    expect(api.getCosts).toHaveBeenCalledWith({
      groupBy: 'service',
      from: '2026-11-01',
      to: AS_OF,
      granularity: 'month',
      filter: { environment: 'workload-aws-useast1' },
    });

    expect(
      screen.getByRole('img', { name: /^Daily USD cost/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All costs of this environment' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/workload-aws-useast1/costs',
    );
  });

  it('says which tag to add when nothing is attributed to the environment', async () => {
    render(
      'hci-vsphere-ams01',
      mockFinOpsApi({
        getSummary: async () => ({
          asOf: AS_OF,
          metric: 'effective',
          currencies: [],
        }),
      }),
    );
    expect(
      await screen.findByText(
        'No cost is attributed to hci-vsphere-ams01 yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Tag its cloud resources with environment: hci-vsphere-ams01, or list its cloud accounts under cost.accounts of hci-vsphere-ams01 in environments.yaml.',
      ),
    ).toBeInTheDocument();
    // The budget still shows: it comes from another read.
    expect(await screen.findByText('No budget')).toBeInTheDocument();
  });

  it('keeps the budget when the costs cannot be read', async () => {
    render(
      'workload-gcp-europewest4',
      mockFinOpsApi({
        getSummary: async () => {
          throw new Error('Failed to fetch');
        },
      }),
    );
    expect(
      await screen.findByText(
        'Could not read the costs from the FinOps backend',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('At risk')).toBeInTheDocument();
  });
});
