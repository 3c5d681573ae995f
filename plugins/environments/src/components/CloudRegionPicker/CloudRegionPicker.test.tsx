import { useState } from 'react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { CloudRegionPicker } from './CloudRegionPicker';
import {
  cloudRegionValidation,
  type CloudRegionPickerUiOptions,
} from './regionField';

type Props = FieldExtensionComponentProps<string, CloudRegionPickerUiOptions>;

function fieldProps(overrides: {
  formData?: string;
  formContextData?: Record<string, unknown>;
  uiOptions?: CloudRegionPickerUiOptions;
  required?: boolean;
  rawErrors?: string[];
  onChange?: jest.Mock;
}): Props {
  return {
    name: 'region',
    schema: {
      type: 'string',
      title: 'Region',
      description: 'Where the cluster runs',
    },
    uiSchema: {
      'ui:field': 'CloudRegion',
      ...(overrides.uiOptions ? { 'ui:options': overrides.uiOptions } : {}),
    },
    idSchema: { $id: 'root_region' },
    formData: overrides.formData,
    formContext: { formData: overrides.formContextData ?? {} },
    onChange: overrides.onChange ?? jest.fn(),
    onBlur: jest.fn(),
    onFocus: jest.fn(),
    required: overrides.required ?? false,
    disabled: false,
    readonly: false,
    rawErrors: overrides.rawErrors ?? [],
  } as unknown as Props;
}

/** The field, keeping its value like the form does, next to buttons that change the form's provider. */
function ProviderSwitch(props: { formData: string; onChange: jest.Mock }) {
  const [provider, setProvider] = useState('aws');
  const [formData, setFormData] = useState<string | undefined>(props.formData);
  const onChange = jest.fn((value?: string) => {
    props.onChange(value);
    setFormData(value);
  });
  return (
    <>
      {['azure', 'AWS'].map(next => (
        <button key={next} type="button" onClick={() => setProvider(next)}>
          {next}
        </button>
      ))}
      <CloudRegionPicker
        {...fieldProps({
          formData,
          formContextData: { provider },
          onChange,
        })}
      />
    </>
  );
}

function regionInput() {
  return screen.getByRole('combobox', { name: /Region/ });
}

async function openList(text?: string) {
  const input = regionInput();
  act(() => input.focus());
  if (text !== undefined) {
    fireEvent.change(input, { target: { value: text } });
  }
  return await screen.findByRole('listbox');
}

async function validate(
  value: string,
  formData: Record<string, unknown>,
  uiOptions?: CloudRegionPickerUiOptions,
): Promise<string[]> {
  const field = createFieldValidation();
  await cloudRegionValidation(value, field, {
    apiHolder: { get: () => undefined },
    formData: formData as never,
    schema: { type: 'string' },
    uiSchema: uiOptions ? { 'ui:options': uiOptions } : {},
  });
  return field.__errors ?? [];
}

describe('CloudRegionPicker', () => {
  it('is disabled until a provider is chosen', async () => {
    await renderInTestApp(<CloudRegionPicker {...fieldProps({})} />);

    const input = regionInput();
    expect(input).toBeDisabled();
    expect(input).toHaveAccessibleDescription('Choose a cloud provider first');
    expect(screen.getByText('Where the cluster runs')).toBeInTheDocument();
  });

  it('treats a provider that is not a cloud as no provider', async () => {
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({ formContextData: { provider: 'onprem' } })}
      />,
    );

    expect(regionInput()).toBeDisabled();
    expect(
      screen.getByText('Choose a cloud provider first'),
    ).toBeInTheDocument();
  });

  it('offers the regions of the chosen provider, grouped by geography', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({ formContextData: { provider: 'aws' }, onChange })}
      />,
    );

    expect(regionInput()).toBeEnabled();
    const list = await openList();
    expect(within(list).getByText('North America')).toBeInTheDocument();
    expect(within(list).getByText('Europe')).toBeInTheDocument();
    expect(
      within(list).getByText('US East (N. Virginia) — us-east-1'),
    ).toBeInTheDocument();
    expect(
      within(list).getAllByText('Virginia, United States').length,
    ).toBeGreaterThan(0);
    // Other providers' regions stay out.
    expect(within(list).queryByText(/westeurope/)).not.toBeInTheDocument();

    fireEvent.click(
      within(list).getByRole('option', { name: /US East \(N\. Virginia\)/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith('us-east-1');
  });

  it('filters by id, display name and location', async () => {
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({ formContextData: { provider: 'aws' } })}
      />,
    );

    let list = await openList('eu-west-3');
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    expect(within(list).getByText('Europe (Paris) — eu-west-3')).toBeVisible();

    list = await openList('stockholm');
    expect(
      within(list)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual([expect.stringContaining('eu-north-1')]);

    // By location, without the accent.
    list = await openList('sao paulo');
    expect(
      within(list).getByText('South America (São Paulo) — sa-east-1'),
    ).toBeInTheDocument();
    expect(within(list).queryByText('Europe')).not.toBeInTheDocument();
  });

  it('uses a fixed provider from ui:options', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({
          // The form's provider is ignored when one is fixed.
          formContextData: { provider: 'aws' },
          uiOptions: { provider: 'azure' },
          onChange,
        })}
      />,
    );

    const list = await openList('west eu');
    fireEvent.click(within(list).getByRole('option', { name: /westeurope/ }));
    expect(onChange).toHaveBeenLastCalledWith('westeurope');
  });

  it('reads the provider from the field named in providerField', async () => {
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({
          formContextData: { cloud: 'gcp', provider: 'aws' },
          uiOptions: { providerField: 'cloud' },
        })}
      />,
    );

    const list = await openList();
    expect(within(list).getByText('Iowa — us-central1')).toBeInTheDocument();
    expect(within(list).queryByText(/us-east-1/)).not.toBeInTheDocument();
  });

  it('shows the chosen region', async () => {
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({
          formData: 'us-east-1',
          formContextData: { provider: 'aws' },
        })}
      />,
    );

    expect(regionInput()).toHaveValue('US East (N. Virginia) — us-east-1');
    // Opening the list shows every region, not just the chosen one.
    const list = await openList();
    expect(within(list).getAllByRole('option').length).toBeGreaterThan(30);
  });

  it('shows a value that is not a region of the provider', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({
          formData: 'us-east-9',
          formContextData: { provider: 'aws' },
          onChange,
        })}
      />,
    );

    expect(regionInput()).toHaveValue('us-east-9');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('marks the field required and invalid like the stock fields', async () => {
    await renderInTestApp(
      <CloudRegionPicker
        {...fieldProps({
          formContextData: { provider: 'aws' },
          required: true,
          rawErrors: ['must have required property region'],
        })}
      />,
    );

    expect(regionInput()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('(Required)')).toBeInTheDocument();
  });

  it('clears a value the new provider does not have', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <ProviderSwitch formData="us-east-1" onChange={onChange} />,
    );
    expect(regionInput()).toHaveValue('US East (N. Virginia) — us-east-1');
    expect(onChange).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'azure' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(undefined);
    expect(regionInput()).toHaveValue('');

    const list = await openList('westus');
    fireEvent.click(within(list).getByRole('option', { name: /^West US —/ }));
    expect(onChange).toHaveBeenLastCalledWith('westus');
    expect(regionInput()).toHaveValue('West US — westus');
  });

  it('keeps a value the new provider has too', async () => {
    const onChange = jest.fn();
    await renderInTestApp(
      <ProviderSwitch formData="us-east-1" onChange={onChange} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'AWS' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(regionInput()).toHaveValue('US East (N. Virginia) — us-east-1');
  });
});

describe('cloudRegionValidation', () => {
  it('suggests close regions for an unknown one', async () => {
    expect(await validate('us-east-9', { provider: 'aws' })).toEqual([
      '"us-east-9" is not an aws region (did you mean "us-east-1", "us-east-2", "us-west-1"?)',
    ]);
  });

  it('accepts a region of the provider', async () => {
    expect(await validate('westus', { provider: 'azure' })).toEqual([]);
    expect(await validate('us-central1', { provider: 'gcp' })).toEqual([]);
  });

  it('rejects a region of another provider', async () => {
    const [error] = await validate('westus', { provider: 'aws' });
    expect(error).toMatch(/^"westus" is not an aws region/);
    expect(await validate('westus', { provider: 'gcp' })).toEqual([
      expect.stringMatching(/^"westus" is not a gcp region/),
    ]);
  });

  it('follows the field options', async () => {
    expect(
      await validate(
        'us-east-1',
        { provider: 'aws' },
        {
          provider: 'azure',
        },
      ),
    ).toEqual([expect.stringMatching(/is not an azure region/)]);
    expect(
      await validate(
        'westus',
        { target: { cloud: 'azure' } },
        {
          providerField: 'target.cloud',
        },
      ),
    ).toEqual([]);
  });

  it('leaves empty values and missing providers alone', async () => {
    expect(await validate('', { provider: 'aws' })).toEqual([]);
    expect(await validate('us-east-9', {})).toEqual([]);
  });
});
