import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { sloApiRef, type SloApi } from '../../api';
import { mockSloApi } from '../../testing/mockSloApi';
import { testResponse, testSlos } from '../../testing/testSlos';
import { SloSummaryCard } from './SloSummaryCard';

const peer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'ledger-peer', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/ledger-team' },
};

function render(api: SloApi) {
  return renderInTestApp(
    <EntityProvider entity={peer}>
      <SloSummaryCard />
    </EntityProvider>,
    {
      apis: [[sloApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('SloSummaryCard', () => {
  it('lists the SLOs worst first, with a dot per environment leading to the tab', async () => {
    const slos = testSlos();
    render(
      mockSloApi({
        getSlos: async () =>
          testResponse({
            // Two SLOs of one component, for the order.
            slos: slos.map(s => ({
              ...s,
              entityRef: 'component:default/ledger-peer',
            })),
          }),
      }),
    );

    const list = await screen.findByRole('list', { name: 'SLOs' });
    const items = within(list).getAllByRole('listitem');
    expect(
      items.map(i => within(i).getAllByRole('link')[0].textContent),
    ).toEqual([
      'Ledger Peer availability',
      'Gateway latency under 300 ms',
      'ledger-orderer-availability',
    ]);
    expect(items[0]).toHaveTextContent('Breached');
    expect(items[0]).toHaveTextContent(
      '-35% of the budget left at worst · alerts firing: 2 page · 2 ticket',
    );
    expect(
      within(items[0]).getByRole('link', {
        name: /^Query error in workload-gcp-europewest4/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-peer/slos?slo=ledger-peer-availability&environment=workload-gcp-europewest4',
    );
    expect(within(items[0]).getAllByRole('link')[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/ledger-peer/slos?slo=ledger-peer-availability',
    );
  });

  it('says when the component has no SLO, and where to learn how to add one', async () => {
    render(mockSloApi({ getSlos: async () => ({ slos: [], problems: [] }) }));

    expect(
      await screen.findByText('No SLOs for this component.', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'How to add one' }),
    ).toHaveAttribute('href', '/catalog/default/component/ledger-peer/slos');
  });

  it('says why it cannot show anything', async () => {
    render(
      mockSloApi({
        getSlos: async () => {
          throw new Error('connect ECONNREFUSED');
        },
      }),
    );

    expect(
      await screen.findByText('Could not read the SLOs: connect ECONNREFUSED'),
    ).toBeInTheDocument();
  });
});
