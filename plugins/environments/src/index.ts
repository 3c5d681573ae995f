/**
 * Frontend of the multi-cloud fleet suite: the fleet page with live status,
 * entity cards for environments and fleet files, catalog filters by
 * provider, role and environment type, and the `CloudRegion` field for
 * Software Templates.
 *
 * @packageDocumentation
 */

export { default } from './plugin';
export { FleetFileProblemsCard } from './components/FleetFileProblemsCard';
export { EnvironmentOverviewCard } from './components/EnvironmentOverviewCard';
export { EnvironmentStatusCard } from './components/EnvironmentStatusCard';
export { FleetPage } from './components/FleetPage';
export {
  fleetApiRef,
  FleetClient,
  FleetResponseError,
  type FleetApi,
} from './api';
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
