/**
 * Frontend of the multi-cloud fleet suite: entity cards for environments and
 * fleet files, and catalog filters by provider, role and environment type.
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
