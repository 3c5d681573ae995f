import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type {
  AnomaliesResponse,
  CostAnomaly,
  CostDimension,
  CostFilter,
} from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad, type DateRange } from '../../api';
import { toCsv } from '../../lib/csv';
import { longDayLabel, rangeLabel } from '../../lib/dates';
import { keyLabel, plural } from '../../lib/labels';
import { formatMoney } from '../../lib/money';
import { CsvButton } from '../common/CsvButton';
import { DimensionSelect } from '../common/DimensionSelect';
import { GroupName } from '../common/GroupName';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';
import { useShowAll } from '../common/ShowAll';

type Row = CostAnomaly & { id: string };

/** Anomalies listed before "Show all", the latest first. */
const LISTED_ANOMALIES = 10;

export function anomaliesCsv(response: AnomaliesResponse): string {
  return toCsv(
    [
      'date',
      'dimension',
      'key',
      'currency',
      'amount',
      'expected',
      'score',
      'direction',
    ],
    response.anomalies.map(a => [
      a.date,
      a.dimension,
      keyLabel(a.dimension, a.key),
      a.currency,
      a.amount,
      a.expected,
      a.score,
      a.direction,
    ]),
  );
}

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'date',
    label: 'Day',
    defaultWidth: 130,
    cell: row => <CellText title={longDayLabel(row.date)} />,
  },
  {
    id: 'key',
    label: 'Group',
    isRowHeader: true,
    defaultWidth: '1.4fr',
    cell: row => (
      <Cell>
        <GroupName dimension={row.dimension} value={row.key} />
      </Cell>
    ),
  },
  {
    id: 'amount',
    label: 'Cost of the day',
    defaultWidth: '1.6fr',
    cell: row => (
      <Cell>
        <Text
          as="span"
          variant="body-small"
          weight="bold"
          color={row.direction === 'spike' ? 'danger' : 'info'}
        >
          {row.direction === 'spike' ? '▲ spike' : '▼ drop'}{' '}
          {formatMoney(row.amount, row.currency)}
        </Text>
        <Text as="div" variant="body-x-small" color="secondary">
          expected about {formatMoney(row.expected, row.currency)} · score{' '}
          {row.score.toFixed(1)}
        </Text>
      </Cell>
    ),
  },
];

function AnomalyTable(props: { anomalies: CostAnomaly[] }) {
  const rows = useMemo(
    () =>
      [...props.anomalies]
        .sort((a, b) => b.date.localeCompare(a.date) || b.score - a.score)
        .map((a, i) => ({ ...a, id: `${i}` })),
    [props.anomalies],
  );
  const { shown, toggle } = useShowAll(rows, LISTED_ANOMALIES);
  return (
    <Flex direction="column" gap="2">
      <Table
        columnConfig={COLUMNS}
        data={shown}
        pagination={{ type: 'none' }}
      />
      {toggle}
    </Flex>
  );
}

/** Days whose cost was far outside the recent pattern of their group. */
export function AnomaliesSection(props: {
  range: DateRange;
  filter?: CostFilter;
  defaultGroupBy?: CostDimension;
  reloadKey?: number;
}) {
  const {
    range,
    filter,
    defaultGroupBy = 'environment',
    reloadKey = 0,
  } = props;
  const [groupBy, setGroupBy] = useState<CostDimension>(defaultGroupBy);
  const api = useApi(finOpsApiRef);
  const load = useCallback(
    () => api.getAnomalies({ from: range.from, to: range.to, groupBy, filter }),
    [api, range.from, range.to, groupBy, filter],
  );
  const { value, error, loading, retry } = useLoad(
    load,
    JSON.stringify([range, groupBy, filter ?? {}, reloadKey]),
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the anomalies"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the anomalies" />;
  } else if (value.anomalies.length === 0) {
    body = (
      <Alert
        status="success"
        icon
        title={`No unusual day from ${rangeLabel(range)}.`}
      />
    );
  } else {
    body = <AnomalyTable anomalies={value.anomalies} />;
  }

  return (
    <Section
      id="finops-anomalies"
      title="Anomalies"
      description={`Days far outside the recent pattern of their group, ${rangeLabel(
        range,
      )}${
        value?.anomalies.length
          ? ` · ${plural(value.anomalies.length, 'anomaly', 'anomalies')}`
          : ''
      }`}
      actions={
        <>
          <DimensionSelect value={groupBy} onChange={setGroupBy} />
          <CsvButton
            filename={`cost-anomalies-${range.from}-${range.to}.csv`}
            label="Download the anomalies as CSV"
            csv={
              value?.anomalies.length ? () => anomaliesCsv(value) : undefined
            }
          />
        </>
      }
    >
      {body}
    </Section>
  );
}
