import { useEffect } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import {
  EntityAutocompletePicker,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { ENVIRONMENT_LABELS } from '@multicloud/plugin-environments-common';
import {
  environmentTypeLabel,
  providerLabel,
  roleLabel,
} from '../../lib/environment';
import {
  EnvironmentProviderFilter,
  EnvironmentRoleFilter,
  EnvironmentTypeFilter,
  type EnvironmentEntityFilters,
} from './filters';

type FilterName = 'provider' | 'role' | 'environment-type';

interface LabelPickerProps {
  name: FilterName;
  label: string;
  labelKey: string;
  Filter: new (values: string[]) => NonNullable<
    EnvironmentEntityFilters[FilterName]
  >;
  optionLabel: (value: string) => string;
}

function LabelPicker(props: LabelPickerProps) {
  const { name, label, labelKey, Filter, optionLabel } = props;
  const { filters, updateFilters } = useEntityList<EnvironmentEntityFilters>();
  const kind = filters.kind?.value.toLocaleLowerCase('en-US');
  const showingResources = kind === 'resource';
  const active = filters[name] !== undefined;

  // Environments are Resources, so the pickers hide for other kinds. A hidden
  // picker would still filter, though, and other kinds may well carry the
  // same labels; drop the selection rather than filter out of sight. An
  // undefined kind means the kind picker has not settled yet, so wait.
  useEffect(() => {
    if (kind !== undefined && kind !== 'resource' && active) {
      updateFilters({ [name]: undefined } as Partial<EnvironmentEntityFilters>);
    }
  }, [kind, active, name, updateFilters]);

  return (
    <EntityAutocompletePicker<EnvironmentEntityFilters, FilterName>
      name={name}
      label={label}
      path={`metadata.labels.${labelKey}`}
      Filter={Filter}
      hidden={!showingResources}
      getOptionLabel={optionLabel}
      // The stock option shows the raw label value; show the readable name
      // in the list as well as in the chips.
      renderOption={(option, { selected }) => (
        <FormControlLabel
          control={<Checkbox size="small" checked={selected} />}
          label={optionLabel(option)}
          onClick={event => event.preventDefault()}
        />
      )}
    />
  );
}

/** Filters the catalog by the cloud provider an environment runs on. */
export function EnvironmentProviderPicker() {
  return (
    <LabelPicker
      name="provider"
      label="Cloud provider"
      labelKey={ENVIRONMENT_LABELS.provider}
      Filter={EnvironmentProviderFilter}
      optionLabel={providerLabel}
    />
  );
}

/** Filters the catalog by environment role: admin or workload. */
export function EnvironmentRolePicker() {
  return (
    <LabelPicker
      name="role"
      label="Environment role"
      labelKey={ENVIRONMENT_LABELS.role}
      Filter={EnvironmentRoleFilter}
      optionLabel={roleLabel}
    />
  );
}

/** Filters the catalog by environment type: cloud, HCI or hybrid. */
export function EnvironmentTypePicker() {
  return (
    <LabelPicker
      name="environment-type"
      label="Environment type"
      labelKey={ENVIRONMENT_LABELS.type}
      Filter={EnvironmentTypeFilter}
      optionLabel={environmentTypeLabel}
    />
  );
}
