import { useState } from 'react';
import {
  Flex,
  Select,
  Text,
  ToggleButton,
  ToggleButtonGroup,
} from '@backstage/ui';
import type { CostGranularity } from '@multicloud/plugin-finops-common';
import type { DateRange } from '../../api';
import { useToday } from '../../lib/clock';
import {
  defaultGranularity,
  presetRange,
  RANGE_PRESETS,
  rangeLabel,
  type RangePreset,
} from '../../lib/dates';

/** The range and granularity picked for the sections of a view. */
export interface RangeChoice {
  range: DateRange;
  granularity: CostGranularity;
}

const GRANULARITIES: ReadonlyArray<{ id: CostGranularity; label: string }> = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];

/** Holds the range and granularity of a view; a new range picks a fitting granularity. */
export function useRangeChoice(initial: RangePreset = 'last-30-days') {
  const today = useToday();
  const [preset, setPreset] = useState<RangePreset>(initial);
  const range = presetRange(preset, today);
  const [granularity, setGranularity] = useState<CostGranularity>(
    defaultGranularity(range),
  );
  return {
    preset,
    range,
    granularity,
    setPreset: (next: RangePreset) => {
      setPreset(next);
      setGranularity(defaultGranularity(presetRange(next, today)));
    },
    setGranularity,
  };
}

/** Range and granularity pickers, with the days they stand for. */
export function RangeToolbar(props: {
  choice: ReturnType<typeof useRangeChoice>;
  /** What the range applies to, for the reader. */
  appliesTo: string;
}) {
  const { choice, appliesTo } = props;
  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
      <Select
        label="Range"
        size="small"
        selectionMode="single"
        options={RANGE_PRESETS.map(p => ({ id: p.id, label: p.label }))}
        value={choice.preset}
        onChange={key => {
          if (key !== null && !Array.isArray(key)) {
            choice.setPreset(String(key) as RangePreset);
          }
        }}
        style={{ minWidth: 180 }}
      />
      <Flex direction="column" gap="1">
        <Text
          as="span"
          variant="body-small"
          weight="bold"
          id="finops-granularity"
        >
          Per
        </Text>
        <ToggleButtonGroup
          aria-labelledby="finops-granularity"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[choice.granularity]}
          onSelectionChange={keys => {
            const [key] = [...keys];
            if (key !== undefined) {
              choice.setGranularity(String(key) as CostGranularity);
            }
          }}
        >
          {GRANULARITIES.map(g => (
            <ToggleButton key={g.id} id={g.id}>
              {g.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Flex>
      <Text as="p" variant="body-small" color="secondary">
        {rangeLabel(choice.range)} · {appliesTo}
      </Text>
    </Flex>
  );
}
