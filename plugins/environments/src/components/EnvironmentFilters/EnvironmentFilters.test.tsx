import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityKindFilter,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  MockEntityListContextProvider,
} from '@backstage/plugin-catalog-react/testUtils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  EnvironmentProviderPicker,
  EnvironmentRolePicker,
  EnvironmentTypePicker,
} from './EnvironmentFilters';
import {
  EnvironmentProviderFilter,
  EnvironmentRoleFilter,
  EnvironmentTypeFilter,
  type EnvironmentEntityFilters,
} from './filters';

function entity(labels: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'some-environment', labels },
    spec: { type: 'kubernetes-cluster' },
  };
}

describe('environment label filters', () => {
  it('asks the catalog for the selected label values', () => {
    expect(
      new EnvironmentProviderFilter(['aws', 'onprem']).getCatalogFilters(),
    ).toEqual({ 'metadata.labels.multicloud.io/provider': ['aws', 'onprem'] });
    expect(new EnvironmentRoleFilter(['admin']).getCatalogFilters()).toEqual({
      'metadata.labels.multicloud.io/role': ['admin'],
    });
    expect(new EnvironmentTypeFilter(['hci']).getCatalogFilters()).toEqual({
      'metadata.labels.multicloud.io/environment-type': ['hci'],
    });
  });

  it('keeps only entities whose label has a selected value', () => {
    const filter = new EnvironmentProviderFilter(['aws', 'gcp']);
    expect(
      filter.filterEntity(entity({ 'multicloud.io/provider': 'aws' })),
    ).toBe(true);
    expect(
      filter.filterEntity(entity({ 'multicloud.io/provider': 'GCP' })),
    ).toBe(true);
    expect(
      filter.filterEntity(entity({ 'multicloud.io/provider': 'azure' })),
    ).toBe(false);
    expect(filter.filterEntity(entity({ 'multicloud.io/role': 'aws' }))).toBe(
      false,
    );
    expect(filter.filterEntity(entity({}))).toBe(false);
  });

  it('round-trips through the query string', () => {
    expect(
      new EnvironmentRoleFilter(['admin', 'workload']).toQueryValue(),
    ).toEqual(['admin', 'workload']);
  });
});

describe('environment pickers', () => {
  const facets = {
    'metadata.labels.multicloud.io/provider': [
      { value: 'aws', count: 3 },
      { value: 'onprem', count: 1 },
    ],
    'metadata.labels.multicloud.io/role': [
      { value: 'admin', count: 1 },
      { value: 'workload', count: 3 },
    ],
    'metadata.labels.multicloud.io/environment-type': [
      { value: 'cloud', count: 3 },
      { value: 'hci', count: 1 },
    ],
  };

  /** Shows the provider filter in effect, as the catalog table would apply it. */
  function ProviderFilterProbe() {
    const { filters } = useEntityList<EnvironmentEntityFilters>();
    return (
      <output data-testid="provider-filter">
        {filters.provider?.values.join(',') ?? 'none'}
      </output>
    );
  }

  let getEntityFacets: jest.Mock;

  function render(
    kind: string,
    extra: Partial<EnvironmentEntityFilters> = {},
    queryParameters: Record<string, string[]> = {},
  ) {
    getEntityFacets = jest.fn(async request => ({
      facets: Object.fromEntries(
        request.facets.map((facet: string) => [
          facet,
          facets[facet as keyof typeof facets] ?? [],
        ]),
      ),
    }));
    const catalogApi = catalogApiMock.mock({ getEntityFacets });
    return renderInTestApp(
      <MockEntityListContextProvider<EnvironmentEntityFilters>
        value={{
          filters: { kind: new EntityKindFilter(kind, kind), ...extra },
          queryParameters,
        }}
      >
        <EnvironmentProviderPicker />
        <EnvironmentRolePicker />
        <EnvironmentTypePicker />
        <ProviderFilterProbe />
      </MockEntityListContextProvider>,
      { apis: [[catalogApiRef, catalogApi]] },
    );
  }

  it('offers readable names while the catalog shows resources', async () => {
    await render('resource');

    expect(await screen.findByText('Cloud provider')).toBeInTheDocument();
    expect(screen.getByText('Environment role')).toBeInTheDocument();
    expect(screen.getByText('Environment type')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('provider-picker-expand'));
    expect(await screen.findByText('Amazon Web Services')).toBeInTheDocument();
    expect(screen.getByText('On-premises')).toBeInTheDocument();
  });

  it('takes its selection from the address, as in a shared link', async () => {
    await render(
      'resource',
      {},
      { provider: ['aws'], 'environment-type': ['hci'] },
    );

    await waitFor(() =>
      expect(screen.getByTestId('provider-filter')).toHaveTextContent('aws'),
    );
    expect(screen.getByText('Amazon Web Services')).toBeInTheDocument();
    expect(screen.getByText('HCI')).toBeInTheDocument();
  });

  it('hides on other kinds and drops a selection made for resources', async () => {
    // Components may carry the same labels, so the picker finds values for
    // them too and would keep filtering while hidden.
    await render('component', {
      provider: new EnvironmentProviderFilter(['aws']),
    });

    await waitFor(() => expect(getEntityFacets).toHaveBeenCalled());
    await act(async () => {});

    expect(screen.getByTestId('provider-filter')).toHaveTextContent('none');
    expect(screen.queryByText('Cloud provider')).not.toBeInTheDocument();
    expect(screen.queryByText('Environment role')).not.toBeInTheDocument();
    expect(screen.queryByText('Environment type')).not.toBeInTheDocument();
  });
});
