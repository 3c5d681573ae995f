import type { Key } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { Flex, Select } from '@backstage/ui';
import type { SloSummary } from '@multicloud/plugin-slo-common';
import {
  environmentsOf,
  STATE_ORDER,
  stateStyle,
  type SloFilter,
} from '../../lib/slos';

/** `ledger-peer` for `component:default/ledger-peer`; anything unparsable as written. */
export function componentLabel(entityRef: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(entityRef), {
      defaultKind: 'component',
    });
  } catch {
    return entityRef;
  }
}

function keys(selection: Key | Key[] | null): string[] {
  if (selection === null) return [];
  return (Array.isArray(selection) ? selection : [selection]).map(String);
}

/** Filters of the SLO page: component, state and environment. */
export function SloFilters(props: {
  slos: readonly SloSummary[];
  value: SloFilter;
  onChange: (filter: SloFilter) => void;
}) {
  const { slos, value, onChange } = props;
  const components = [...new Set(slos.map(s => s.entityRef))]
    .map(id => ({ id, label: componentLabel(id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const present = new Set(slos.flatMap(s => s.environments.map(e => e.state)));
  const states = STATE_ORDER.filter(s => present.has(s)).map(id => ({
    id,
    label: stateStyle(id).label,
  }));
  const environments = environmentsOf(slos).map(id => ({ id, label: id }));
  const pickers: Array<{
    key: keyof SloFilter;
    label: string;
    options: Array<{ id: string; label: string }>;
  }> = [
    { key: 'components', label: 'Component', options: components },
    { key: 'states', label: 'State', options: states },
    { key: 'environments', label: 'Environment', options: environments },
  ];
  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
      {pickers.map(picker => (
        <Select
          key={picker.key}
          label={picker.label}
          selectionMode="multiple"
          placeholder="All"
          size="small"
          options={picker.options}
          value={value[picker.key]}
          onChange={selection =>
            onChange({ ...value, [picker.key]: keys(selection) })
          }
          style={{ minWidth: 200 }}
        />
      ))}
    </Flex>
  );
}
