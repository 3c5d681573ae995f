import type { Entity } from '@backstage/catalog-model';
import type {
  DefaultEntityFilters,
  EntityFilter,
} from '@backstage/plugin-catalog-react';
import { ENVIRONMENT_LABELS } from '@multicloud/plugin-environments-common';

/**
 * Keeps the entities whose label `labelKey` has one of `values`.
 *
 * The catalog backend matches label values without regard to case, so the
 * frontend check does too; otherwise the two would disagree about an entity
 * labelled `AWS`.
 */
export class EnvironmentLabelFilter implements EntityFilter {
  constructor(readonly labelKey: string, readonly values: string[]) {}

  getCatalogFilters(): Record<string, string[]> {
    return { [`metadata.labels.${this.labelKey}`]: this.values };
  }

  filterEntity(entity: Entity): boolean {
    const value = entity.metadata.labels?.[this.labelKey];
    if (value === undefined) return false;
    const wanted = value.toLocaleLowerCase('en-US');
    return this.values.some(v => v.toLocaleLowerCase('en-US') === wanted);
  }

  toQueryValue(): string[] {
    return this.values;
  }
}

/** Environments of the selected providers (`multicloud.io/provider`). */
export class EnvironmentProviderFilter extends EnvironmentLabelFilter {
  constructor(values: string[]) {
    super(ENVIRONMENT_LABELS.provider, values);
  }
}

/** Environments of the selected roles (`multicloud.io/role`). */
export class EnvironmentRoleFilter extends EnvironmentLabelFilter {
  constructor(values: string[]) {
    super(ENVIRONMENT_LABELS.role, values);
  }
}

/** Environments of the selected types (`multicloud.io/environment-type`). */
export class EnvironmentTypeFilter extends EnvironmentLabelFilter {
  constructor(values: string[]) {
    super(ENVIRONMENT_LABELS.type, values);
  }
}

/**
 * The catalog's filters plus ours. The keys are also the query parameter
 * names, so links such as `/catalog?filters[kind]=resource&filters[provider]=aws`
 * open a filtered list; they match the names of the filter extensions.
 */
export type EnvironmentEntityFilters = DefaultEntityFilters & {
  provider?: EnvironmentProviderFilter;
  role?: EnvironmentRoleFilter;
  'environment-type'?: EnvironmentTypeFilter;
};
