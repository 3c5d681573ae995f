import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { EnvironmentOverviewCard } from './EnvironmentOverviewCard';

function environment(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'multicloud.io/environment': name,
        'multicloud.io/source': 'main',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}

function render(entity: Entity) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EnvironmentOverviewCard />
    </EntityProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function field(label: string) {
  return screen.getByRole('group', { name: label });
}

describe('EnvironmentOverviewCard', () => {
  it('describes an AWS workload cluster', async () => {
    await render(
      environment('workload-aws-useast1', {
        'multicloud.io/provider': 'aws',
        'multicloud.io/environment-type': 'cloud',
        'multicloud.io/region': 'us-east-1',
        'multicloud.io/role': 'workload',
        'multicloud.io/enabled': 'true',
        'multicloud.io/kubernetes-flavour': 'eks',
        'multicloud.io/kubernetes-version': '1.30',
        'multicloud.io/node-count': '6',
        'multicloud.io/network-cidr': '10.20.0.0/16',
        'multicloud.io/rollout-wave': '2',
        'multicloud.io/cost-accounts': '123456789012,210987654321',
        'multicloud.io/budget-monthly': '12500',
        'multicloud.io/currency': 'USD',
        'multicloud.io/components': 'ingress-nginx,cert-manager,payments-api',
        'multicloud.io/links':
          'admin-azure-westeurope=10,workload-gcp-europewest4=25',
      }),
    );

    expect(field('Provider')).toHaveTextContent('Amazon Web Services');
    expect(field('Region')).toHaveTextContent(
      'US East (N. Virginia) (us-east-1)',
    );
    expect(field('Role')).toHaveTextContent('Workload');
    expect(field('Type')).toHaveTextContent('Cloud');
    expect(field('Kubernetes')).toHaveTextContent('EKS 1.30');
    expect(field('Nodes')).toHaveTextContent('6 nodes');
    expect(field('Network CIDR')).toHaveTextContent('10.20.0.0/16');
    expect(field('Rollout wave')).toHaveTextContent('Wave 2');
    expect(field('Monthly budget')).toHaveTextContent('$12,500 per month');
    expect(field('Cost accounts')).toHaveTextContent(
      '123456789012210987654321',
    );

    const components = within(field('Components'));
    expect(components.getByText('ingress-nginx')).toBeInTheDocument();
    expect(components.getByText('cert-manager')).toBeInTheDocument();
    expect(components.getByText('payments-api')).toBeInTheDocument();

    const links = within(field('Network links'));
    expect(
      links.getByRole('link', { name: 'admin-azure-westeurope' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/admin-azure-westeurope',
    );
    expect(
      links.getByRole('link', { name: 'workload-gcp-europewest4' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/workload-gcp-europewest4',
    );
    expect(links.getByText('cost 25')).toBeInTheDocument();

    expect(screen.queryByText('Disabled')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'HCI platform' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Azure Arc' })).toBeNull();
  });

  it('describes an on-premises HCI site connected to Azure Arc', async () => {
    await render(
      environment('workload-onprem-ber1', {
        'multicloud.io/provider': 'onprem',
        'multicloud.io/environment-type': 'hci',
        'multicloud.io/region': 'ber1',
        'multicloud.io/role': 'workload',
        'multicloud.io/enabled': 'true',
        'multicloud.io/kubernetes-flavour': 'aks-hci',
        'multicloud.io/kubernetes-version': '1.29',
        'multicloud.io/hci-platform': 'azure-stack-hci',
        'multicloud.io/hci-cluster': 'hci-ber1-01',
        'multicloud.io/arc-enabled': 'true',
        'multicloud.io/arc-resource-group': 'rg-arc-ber1',
        'multicloud.io/arc-location': 'westeurope',
        'multicloud.io/budget-monthly': '4200.5',
        'multicloud.io/currency': 'EUR',
      }),
    );

    expect(field('Provider')).toHaveTextContent('On-premises');
    expect(field('Region')).toHaveTextContent('site ber1');
    expect(field('Type')).toHaveTextContent('HCI');
    expect(field('Kubernetes')).toHaveTextContent(
      'AKS on Azure Stack HCI 1.29',
    );
    expect(field('HCI platform')).toHaveTextContent('Azure Stack HCI');
    expect(field('HCI cluster')).toHaveTextContent('hci-ber1-01');
    expect(field('Azure Arc')).toHaveTextContent('Enabled');
    expect(field('Arc resource group')).toHaveTextContent('rg-arc-ber1');
    expect(field('Arc location')).toHaveTextContent('West Europe (westeurope)');
    expect(field('Monthly budget')).toHaveTextContent('€4,200.50 per month');

    // Rows without data stay out.
    expect(screen.queryByRole('group', { name: 'Nodes' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Network links' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Components' })).toBeNull();
  });

  it('marks a disabled environment', async () => {
    await render(
      environment('workload-gcp-europewest4', {
        'multicloud.io/provider': 'gcp',
        'multicloud.io/environment-type': 'cloud',
        'multicloud.io/region': 'europe-west4',
        'multicloud.io/role': 'workload',
        'multicloud.io/enabled': 'false',
      }),
    );

    expect(screen.getByText('Disabled')).toBeInTheDocument();
    expect(field('Provider')).toHaveTextContent('Google Cloud');
    expect(field('Region')).toHaveTextContent('Netherlands (europe-west4)');
    expect(screen.queryByRole('group', { name: 'Kubernetes' })).toBeNull();
  });

  it('shows an unknown region by its id', async () => {
    await render(
      environment('workload-aws-mars', {
        'multicloud.io/provider': 'aws',
        'multicloud.io/region': 'mars-north-1',
      }),
    );

    expect(field('Region')).toHaveTextContent('mars-north-1');
  });
});
