import { useCallback, useState, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Cell,
  CellText,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type {
  CostDimension,
  CostMover,
  MoversResponse,
} from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad, type DateRange } from '../../api';
import { toCsv } from '../../lib/csv';
import { rangeLabel } from '../../lib/dates';
import { dimensionLabel, keyLabel } from '../../lib/labels';
import { formatChange, formatMoney, formatRatio } from '../../lib/money';
import { CsvButton } from '../common/CsvButton';
import { DimensionSelect } from '../common/DimensionSelect';
import { GroupName } from '../common/GroupName';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';

/** How many movers the section asks for. */
const MOVERS_SHOWN = 10;

type Row = CostMover & { id: string };

export function moversCsv(response: MoversResponse): string {
  return toCsv(
    [
      'dimension',
      'key',
      'currency',
      'previous_from',
      'previous_to',
      'previous',
      'from',
      'to',
      'current',
      'change',
      'change_ratio',
    ],
    response.movers.map(m => [
      m.dimension,
      keyLabel(m.dimension, m.key),
      m.currency,
      response.previousFrom,
      response.previousTo,
      m.previous,
      response.from,
      response.to,
      m.current,
      m.change,
      m.changeRatio,
    ]),
  );
}

function columns(): ColumnConfig<Row>[] {
  return [
    {
      id: 'key',
      label: 'Group',
      isRowHeader: true,
      defaultWidth: '1.6fr',
      cell: row => (
        <Cell>
          <GroupName dimension={row.dimension} value={row.key} />
        </Cell>
      ),
    },
    {
      id: 'previous',
      label: 'Before',
      defaultWidth: 120,
      cell: row => <CellText title={formatMoney(row.previous, row.currency)} />,
    },
    {
      id: 'current',
      label: 'Now',
      defaultWidth: 120,
      cell: row => <CellText title={formatMoney(row.current, row.currency)} />,
    },
    {
      id: 'change',
      label: 'Change',
      defaultWidth: 150,
      cell: row => (
        <Cell>
          <Text
            as="span"
            variant="body-small"
            weight="bold"
            color={row.change > 0 ? 'warning' : 'success'}
          >
            {formatChange(row.change, row.currency)}
          </Text>{' '}
          <Text as="span" variant="body-x-small" color="secondary">
            {formatRatio(row.changeRatio) ?? 'new'}
          </Text>
        </Cell>
      ),
    },
  ];
}

/**
 * The largest changes of the range against the range of equal length just
 * before it, by a selectable dimension (service by default).
 */
export function MoversSection(props: { range: DateRange; reloadKey?: number }) {
  const { range, reloadKey = 0 } = props;
  const [groupBy, setGroupBy] = useState<CostDimension>('service');
  const api = useApi(finOpsApiRef);
  const load = useCallback(
    () =>
      api.getMovers({
        from: range.from,
        to: range.to,
        groupBy,
        limit: MOVERS_SHOWN,
      }),
    [api, range.from, range.to, groupBy],
  );
  const { value, error, loading, retry } = useLoad(
    load,
    JSON.stringify([range, groupBy, reloadKey]),
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the top movers"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the top movers" />;
  } else if (value.movers.length === 0) {
    body = (
      <Alert
        status="info"
        icon
        title="Nothing changed between the two periods."
      />
    );
  } else {
    body = (
      <Table
        columnConfig={columns()}
        data={value.movers.map((m, i) => ({ ...m, id: `${i}` }))}
        pagination={{ type: 'none' }}
      />
    );
  }

  return (
    <Section
      id="finops-movers"
      title="Top movers"
      description={
        value
          ? `${dimensionLabel(groupBy)}: ${rangeLabel(
              value,
            )} against ${rangeLabel({
              from: value.previousFrom,
              to: value.previousTo,
            })}`
          : `${rangeLabel(range)} against the period before`
      }
      actions={
        <>
          <DimensionSelect value={groupBy} onChange={setGroupBy} />
          <CsvButton
            filename={`top-movers-${groupBy}-${range.from}-${range.to}.csv`}
            label="Download the top movers as CSV"
            csv={value?.movers.length ? () => moversCsv(value) : undefined}
          />
        </>
      }
    >
      {body}
    </Section>
  );
}
