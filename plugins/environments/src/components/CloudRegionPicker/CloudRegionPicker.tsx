import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { ScaffolderField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  Combobox,
  type NormalizedOption,
  type OptionSection,
} from '@backstage/ui';
import {
  findRegion,
  regionsOf,
  type CloudProvider,
} from '@multicloud/plugin-environments-common';
import {
  NO_PROVIDER_HINT,
  regionLabel,
  resolveCloudProvider,
  type CloudRegionPickerUiOptions,
} from './regionField';

/** Lower case without accents, so that `sao paulo` finds `São Paulo`. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US');
}

/** The provider's regions as list sections, one per geography, in catalogue order. */
function regionSections(provider: CloudProvider): OptionSection[] {
  const sections = new Map<string, OptionSection>();
  for (const region of regionsOf(provider)) {
    let section = sections.get(region.geography);
    if (!section) {
      section = { title: region.geography, options: [] };
      sections.set(region.geography, section);
    }
    section.options.push({
      id: region.id,
      label: regionLabel(region),
      description: region.location,
    });
  }
  return [...sections.values()];
}

/**
 * Scaffolder field for the region of a cloud provider, stored as the
 * provider's region id (e.g. `us-east-1`).
 *
 * @remarks
 * The provider comes from another form field (`ui:options.providerField`,
 * `provider` by default) or is fixed with `ui:options.provider`. Until there
 * is one the field is disabled. When the provider changes to one that does not
 * have the chosen region, the field is cleared.
 *
 * @public
 */
export function CloudRegionPicker(
  props: FieldExtensionComponentProps<string, CloudRegionPickerUiOptions>,
) {
  const {
    formData,
    onChange,
    required,
    rawErrors,
    schema,
    uiSchema,
    idSchema,
    formContext,
    disabled,
    readonly,
  } = props;

  const provider = resolveCloudProvider(
    uiSchema?.['ui:options'],
    formContext?.formData,
  );
  const title = schema.title ?? 'Region';
  const description = uiSchema?.['ui:description'] ?? schema.description;
  const isDisabled = !!disabled || !!uiSchema?.['ui:disabled'] || !provider;
  const hasErrors = (rawErrors?.length ?? 0) > 0;

  const options = useMemo(
    () => (provider ? regionSections(provider) : []),
    [provider],
  );
  const selected =
    provider && formData ? findRegion(provider, formData) : undefined;
  const selectedLabel = selected ? regionLabel(selected) : undefined;

  // A region of another provider means nothing for this one. Only a change
  // of provider clears it: a value that came with the form (a default, a
  // query parameter) stays for validation to report.
  const lastProvider = useRef(provider);
  useEffect(() => {
    if (lastProvider.current === provider) {
      return;
    }
    lastProvider.current = provider;
    if (formData && !(provider && findRegion(provider, formData))) {
      onChange(undefined);
    }
  }, [provider, formData, onChange]);

  const filter = useCallback(
    (option: NormalizedOption, query: string) => {
      // The input shows the chosen region until the user types; list all
      // regions then rather than just that one.
      if (query.trim() === '' || query === selectedLabel) {
        return true;
      }
      const wanted = fold(query.trim());
      return [option.id, option.label, option.description ?? ''].some(text =>
        fold(text).includes(wanted),
      );
    },
    [selectedLabel],
  );

  const handleSelectionChange = useCallback(
    (key: string | number | null) => {
      onChange(key === null ? undefined : String(key));
    },
    [onChange],
  );

  return (
    <ScaffolderField
      rawErrors={rawErrors}
      rawDescription={description}
      required={required}
      disabled={isDisabled}
    >
      <Combobox
        // A new provider brings a new list; start its input afresh.
        key={provider ?? 'none'}
        id={idSchema?.$id}
        label={title}
        description={provider ? undefined : NO_PROVIDER_HINT}
        placeholder={provider ? 'Search by name, id or location' : undefined}
        isRequired={required}
        // A missing value is for the form to report, with its other errors,
        // rather than for the browser.
        validationBehavior="aria"
        isDisabled={isDisabled}
        isReadOnly={readonly}
        isInvalid={hasErrors}
        options={options}
        search={{
          filter,
          // Show a value that is not a region of the provider, so the
          // validation error has something to point at.
          defaultInputValue: formData && !selected ? formData : undefined,
        }}
        selectedKey={formData ?? null}
        onSelectionChange={handleSelectionChange}
      />
    </ScaffolderField>
  );
}
