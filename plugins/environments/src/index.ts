/**
 * Frontend of the multi-cloud fleet suite: entity cards for environments and
 * fleet files, catalog filters by provider, role and environment type, and
 * the `CloudRegion` field for Software Templates.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { FleetFileProblemsCard } from './components/FleetFileProblemsCard';
export { EnvironmentOverviewCard } from './components/EnvironmentOverviewCard';
export {
  EnvironmentLabelFilter,
  EnvironmentProviderFilter,
  EnvironmentProviderPicker,
  EnvironmentRoleFilter,
  EnvironmentRolePicker,
  EnvironmentTypeFilter,
  EnvironmentTypePicker,
  type EnvironmentEntityFilters,
} from './components/EnvironmentFilters';
export {
  CloudRegionPicker,
  cloudRegionValidation,
  type CloudRegionPickerUiOptions,
} from './components/CloudRegionPicker';
