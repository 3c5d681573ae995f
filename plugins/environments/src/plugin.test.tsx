import type { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { act, screen } from '@testing-library/react';
import plugin from './plugin';

const fleetFile: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'environments-file-main', namespace: 'default' },
  spec: {
    type: 'environments-file',
    owner: 'group:default/platform',
    target: 'config/environments.yaml',
    readAt: new Date().toISOString(),
    environments: ['resource:default/workload-aws-useast1'],
    skipped: [],
    problems: [],
  },
};

const environment: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'workload-aws-useast1',
    namespace: 'default',
    annotations: {
      'multicloud.io/environment': 'workload-aws-useast1',
      'multicloud.io/provider': 'aws',
      'multicloud.io/environment-type': 'cloud',
      'multicloud.io/region': 'us-east-1',
      'multicloud.io/role': 'workload',
      'multicloud.io/enabled': 'true',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

const cards = [
  plugin.getExtension('entity-card:environments/fleet-file-problems'),
  plugin.getExtension('entity-card:environments/environment-overview'),
];

describe('environments plugin', () => {
  it('has the catalog filters', () => {
    expect(
      plugin.getExtension('catalog-filter:environments/provider'),
    ).toBeDefined();
    expect(
      plugin.getExtension('catalog-filter:environments/role'),
    ).toBeDefined();
    expect(
      plugin.getExtension('catalog-filter:environments/environment-type'),
    ).toBeDefined();
  });

  it('has the CloudRegion scaffolder field', async () => {
    const extension = plugin.getExtension(
      'scaffolder-form-field:environments/cloud-region',
    );
    expect(extension).toBeDefined();

    const loadField = createExtensionTester(extension).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const { cloudRegionFormField } = await import(
      './components/CloudRegionPicker'
    );
    await expect(loadField()).resolves.toBe(cloudRegionFormField);
  });

  it('shows the problems card on a fleet file only', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: fleetFile }), ...cards],
    });

    expect(await screen.findByText('Fleet file problems')).toBeInTheDocument();
    expect(screen.queryByText('Environment')).not.toBeInTheDocument();
  });

  it('shows the overview card on an environment only', async () => {
    renderTestApp({
      extensions: [createTestEntityPage({ entity: environment }), ...cards],
    });

    expect(await screen.findByText('Environment')).toBeInTheDocument();
    expect(screen.queryByText('Fleet file problems')).not.toBeInTheDocument();
  });

  it('leaves other resources alone', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: {
            ...environment,
            metadata: { name: 'some-bucket', namespace: 'default' },
            spec: { type: 's3-bucket', owner: 'group:default/platform' },
          },
        }),
        ...cards,
      ],
    });

    // Let the lazy cards load, if they were going to.
    await act(() => new Promise(resolve => setTimeout(resolve, 50)));
    expect(screen.queryByText('Environment')).not.toBeInTheDocument();
    expect(screen.queryByText('Fleet file problems')).not.toBeInTheDocument();
  });
});
