import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import {
  mockFinOpsApi,
  stubResizeObserver,
} from '../../__testUtils__/testData';
import { finOpsApiRef, type FinOpsApi } from '../../api';
import { ClockProvider } from '../../lib/clock';
import { EntityCostsContent } from './EntityCostsContent';

stubResizeObserver();
jest.setTimeout(30_000);

const NOW = () => new Date('2026-11-21T09:30:00Z');

function render(entity: Entity, api: FinOpsApi) {
  return renderInTestApp(
    <ClockProvider now={NOW}>
      <EntityProvider entity={entity}>
        <EntityCostsContent />
      </EntityProvider>
    </ClockProvider>,
    {
      apis: [[finOpsApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityCostsContent', () => {
  it("splits an environment's cost by service and by component", async () => {
    const api = mockFinOpsApi();
    render(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'workload-aws-useast1',
          annotations: { 'multicloud.io/environment': 'workload-aws-useast1' },
        },
        spec: { type: 'kubernetes-cluster' },
      },
      api,
    );

    const usd = await screen.findByRole('group', { name: 'Costs in USD' });
    // Everything here is attributed by definition: no unattributed tile.
    expect(
      within(usd).queryByRole('group', { name: 'Unattributed' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Cost by service' }),
    ).toBeInTheDocument();
    const byComponent = screen.getByRole('region', {
      name: 'Cost by component',
    });
    expect(
      await within(byComponent).findByRole('link', { name: 'ledger-peer' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger-peer');
    expect(
      within(byComponent).getByLabelText('No component: $20,000'),
    ).toBeInTheDocument();
    const filter = { environment: 'workload-aws-useast1' };
    await waitFor(() =>
      expect(api.getCosts).toHaveBeenCalledWith({
        groupBy: 'entity',
        from: '2026-10-23',
        to: '2026-11-21',
        granularity: 'day',
        filter,
      }),
    );
    expect(api.getCosts).toHaveBeenCalledWith(
      expect.objectContaining({ groupBy: 'service', filter }),
    );
    expect(api.getAnomalies).toHaveBeenCalledWith(
      expect.objectContaining({ groupBy: 'service', filter }),
    );
  });

  it("splits a component's cost by environment", async () => {
    const api = mockFinOpsApi();
    render(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'ledger-peer', namespace: 'default' },
        spec: { type: 'service' },
      },
      api,
    );
    const byEnvironment = await screen.findByRole('region', {
      name: 'Cost by environment',
    });
    expect(
      await within(byEnvironment).findByLabelText(
        'workload-aws-useast1: $70,000',
      ),
    ).toBeInTheDocument();
    expect(api.getCosts).toHaveBeenCalledWith(
      expect.objectContaining({
        groupBy: 'environment',
        filter: { entity: 'component:default/ledger-peer' },
      }),
    );
  });
});
