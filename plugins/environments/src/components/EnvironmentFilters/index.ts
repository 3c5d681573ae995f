export {
  EnvironmentProviderPicker,
  EnvironmentRolePicker,
  EnvironmentTypePicker,
} from './EnvironmentFilters';
export {
  EnvironmentLabelFilter,
  EnvironmentProviderFilter,
  EnvironmentRoleFilter,
  EnvironmentTypeFilter,
  type EnvironmentEntityFilters,
} from './filters';
