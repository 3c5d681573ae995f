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
  testSummary,
} from '../../__testUtils__/testData';
import { finOpsApiRef, type FinOpsApi } from '../../api';
import { ComponentCostCard } from './ComponentCostCard';

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

function render(api: FinOpsApi) {
  return renderInTestApp(
    <EntityProvider entity={component}>
      <ComponentCostCard />
    </EntityProvider>,
    {
      apis: [[finOpsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('ComponentCostCard', () => {
  it('shows the cost attributed to the component per environment, per currency', async () => {
    const api = mockFinOpsApi();
    render(api);

    expect(
      await screen.findByRole('group', { name: 'Month to date (USD)' }),
    ).toHaveTextContent('$120,000');
    expect(
      screen.getByRole('group', { name: 'Month to date (EUR)' }),
    ).toHaveTextContent('€30,000');
    expect(api.getSummary).toHaveBeenCalledWith({
      filter: { entity: 'component:default/ledger-peer' },
    });

    const usd = await screen.findByRole('list', {
      name: 'USD cost per environment',
    });
    expect(
      within(usd).getByLabelText('workload-aws-useast1: $70,000'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'EUR cost per environment' }),
    ).toHaveTextContent('admin-azure-westeurope€30,000');
    expect(api.getCosts).toHaveBeenCalledWith({
      groupBy: 'environment',
      from: '2026-11-01',
      to: AS_OF,
      granularity: 'month',
      filter: { entity: 'component:default/ledger-peer' },
    });
    expect(testSummary().currencies).toHaveLength(2);
  });

  it('says which tag to add when nothing is attributed', async () => {
    render(
      mockFinOpsApi({
        getSummary: async () => ({
          asOf: AS_OF,
          metric: 'effective',
          currencies: [],
        }),
      }),
    );
    expect(
      await screen.findByText('No cost is attributed to ledger-peer.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Tag its cloud resources with component: ledger-peer/),
    ).toBeInTheDocument();
  });
});
