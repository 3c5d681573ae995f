import type { CostDimension } from '@multicloud/plugin-finops-common';
import { PROVIDER_DISPLAY_NAMES } from '@multicloud/plugin-environments-common';

/** What each dimension is called in selectors, headers and CSV files. */
export const DIMENSION_LABELS: Readonly<Record<CostDimension, string>> = {
  environment: 'Environment',
  provider: 'Provider',
  serviceCategory: 'Service category',
  service: 'Service',
  region: 'Region',
  subAccount: 'Account',
  chargeCategory: 'Charge category',
  entity: 'Component',
  namespace: 'Namespace (OpenCost)',
};

export function dimensionLabel(dimension: CostDimension): string {
  return DIMENSION_LABELS[dimension] ?? dimension;
}

/**
 * The label of a group: provider ids read as names, and a missing value
 * says what is missing (the backend sends `null` for it).
 */
export function keyLabel(dimension: CostDimension, key: string | null) {
  if (key === null) {
    switch (dimension) {
      case 'environment':
        return 'Unattributed';
      case 'entity':
        return 'No component';
      case 'namespace':
        return 'Outside any cluster';
      default:
        return `No ${dimensionLabel(dimension).toLocaleLowerCase('en-US')}`;
    }
  }
  if (dimension === 'entity') {
    // As the catalog writes refs: the default kind and namespace left out.
    return key.replace(/^component:/, '').replace(/^default\//, '');
  }
  if (dimension === 'provider') {
    return (
      (PROVIDER_DISPLAY_NAMES as Readonly<Record<string, string>>)[key] ?? key
    );
  }
  return key;
}

/** `1 file`, `3 files`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
