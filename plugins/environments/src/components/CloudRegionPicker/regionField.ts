import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  findRegion,
  isCloudProvider,
  unknownRegionMessage,
  type CloudProvider,
  type RegionInfo,
} from '@multicloud/plugin-environments-common';

// A type rather than an interface: only a type fits the index signature of
// the form's own `ui:options`.
/**
 * The `ui:options` of the `CloudRegion` field.
 *
 * @public
 */
export type CloudRegionPickerUiOptions = {
  /**
   * The form field that holds the cloud provider, e.g. `provider`. A dotted
   * path such as `cloud.provider` reaches into an object field.
   *
   * @defaultValue `provider`
   */
  providerField?: string;
  /**
   * A fixed cloud provider (`azure`, `aws`, `gcp`, `ibm` or `oracle`). When
   * set, the form is not consulted.
   */
  provider?: string;
};

/** Shown while there is no provider to offer regions of. */
export const NO_PROVIDER_HINT = 'Choose a cloud provider first';

const DEFAULT_PROVIDER_FIELD = 'provider';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookUp(formData: unknown, field: string): unknown {
  if (!isRecord(formData)) {
    return undefined;
  }
  if (field in formData) {
    return formData[field];
  }
  let current: unknown = formData;
  for (const part of field.split('.')) {
    if (!isRecord(current)) {
      return undefined;
    }
    current = current[part];
  }
  return current;
}

function asCloudProvider(value: unknown): CloudProvider | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const provider = value.trim().toLocaleLowerCase('en-US');
  return isCloudProvider(provider) ? provider : undefined;
}

/**
 * The cloud provider whose regions the field offers: the fixed `provider`
 * option if there is one, otherwise the value of the `providerField` form
 * field. Undefined while no cloud provider is chosen, and for values that are
 * not a cloud provider (such as `onprem`).
 */
export function resolveCloudProvider(
  options: CloudRegionPickerUiOptions | undefined,
  formData: unknown,
): CloudProvider | undefined {
  if (options?.provider) {
    return asCloudProvider(options.provider);
  }
  return asCloudProvider(
    lookUp(formData, options?.providerField || DEFAULT_PROVIDER_FIELD),
  );
}

/** The text of a region in the list and in the input, e.g. `US East (N. Virginia) — us-east-1`. */
export function regionLabel(region: RegionInfo): string {
  return `${region.displayName} — ${region.id}`;
}

/**
 * Checks that the value of a `CloudRegion` field is a region of the chosen
 * provider, and suggests close region ids when it is not.
 *
 * @remarks
 * An empty value passes: whether one is needed is for the schema's `required`
 * to say. So does any value while no cloud provider is chosen.
 *
 * @public
 */
export const cloudRegionValidation: CustomFieldValidator<
  string,
  CloudRegionPickerUiOptions
> = (value, field, context) => {
  if (typeof value !== 'string' || value === '') {
    return;
  }
  const provider = resolveCloudProvider(
    context.uiSchema?.['ui:options'],
    context.formData,
  );
  if (!provider || findRegion(provider, value)) {
    return;
  }
  // The same words as the parser and the actions use for the same mistake.
  field.addError(unknownRegionMessage(provider, value));
};
