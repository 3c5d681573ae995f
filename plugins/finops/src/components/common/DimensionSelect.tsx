import { Select } from '@backstage/ui';
import {
  COST_DIMENSIONS,
  type CostDimension,
} from '@multicloud/plugin-finops-common';
import { DIMENSION_LABELS } from '../../lib/labels';

/** Picks the dimension a section groups by. */
export function DimensionSelect(props: {
  value: CostDimension;
  onChange: (dimension: CostDimension) => void;
  /** Defaults to every dimension. */
  dimensions?: readonly CostDimension[];
  label?: string;
}) {
  const { value, onChange, dimensions = COST_DIMENSIONS, label } = props;
  return (
    <Select
      label={label ?? 'Group by'}
      size="small"
      selectionMode="single"
      options={dimensions.map(id => ({ id, label: DIMENSION_LABELS[id] }))}
      value={value}
      onChange={key => {
        if (key !== null && !Array.isArray(key)) {
          onChange(String(key) as CostDimension);
        }
      }}
      style={{ minWidth: 180 }}
    />
  );
}
