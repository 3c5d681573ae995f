import { useCallback, useMemo, type ReactNode } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Alert,
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import { environmentEntityRef } from '@multicloud/plugin-environments-common';
import type {
  BudgetState,
  BudgetStatus,
} from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad } from '../../api';
import { longDayLabel } from '../../lib/dates';
import { formatMoney, formatMoneyList } from '../../lib/money';
import { plural } from '../../lib/labels';
import {
  BUDGET_STATE_ORDER,
  BudgetBar,
  BudgetChip,
  BudgetSummary,
} from '../common/budget';
import { CsvButton } from '../common/CsvButton';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';
import { budgetsCsv } from './budgetsCsv';

type Row = BudgetStatus & { id: string };

function rank(state: BudgetState): number {
  const index = BUDGET_STATE_ORDER.indexOf(state);
  return index === -1 ? BUDGET_STATE_ORDER.length : index;
}

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'environment',
    label: 'Environment',
    isRowHeader: true,
    defaultWidth: '1.2fr',
    cell: row => (
      <Cell>
        <EntityRefLink
          entityRef={environmentEntityRef(row.environment)}
          hideIcon
        >
          {row.environment}
        </EntityRefLink>
      </Cell>
    ),
  },
  {
    id: 'state',
    label: 'State',
    defaultWidth: 170,
    cell: row => (
      <Cell>
        <BudgetChip state={row.state} />
      </Cell>
    ),
  },
  {
    id: 'budget',
    label: 'Budget',
    defaultWidth: 130,
    cell: row => (
      <CellText
        title={
          row.budget ? formatMoney(row.budget.amount, row.budget.currency) : '—'
        }
        description={row.budget ? 'per month' : undefined}
      />
    ),
  },
  {
    id: 'use',
    label: 'Month to date and forecast against the budget',
    defaultWidth: '2.4fr',
    minWidth: 320,
    cell: row => (
      <Cell>
        <Flex direction="column" gap="1" style={{ padding: '4px 0' }}>
          <BudgetBar status={row} />
          <BudgetSummary status={row} />
        </Flex>
      </Cell>
    ),
  },
  {
    id: 'monthToDate',
    label: 'Month to date',
    defaultWidth: 150,
    cell: row => (
      <CellText
        title={row.monthToDate.length ? formatMoneyList(row.monthToDate) : '—'}
      />
    ),
  },
];

function Counts(props: { budgets: BudgetStatus[] }) {
  const counts = new Map<BudgetState, number>();
  for (const b of props.budgets) {
    counts.set(b.state, (counts.get(b.state) ?? 0) + 1);
  }
  return (
    <Flex gap="2" style={{ flexWrap: 'wrap' }} aria-label="Budget states">
      {BUDGET_STATE_ORDER.filter(state => counts.has(state)).map(state => (
        <Flex key={state} gap="1" align="center">
          <BudgetChip state={state} />
          <Text as="span" variant="body-small" weight="bold">
            {counts.get(state)}
          </Text>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * Every environment of the fleet file against its `cost.budget_monthly`:
 * month to date and forecast as bars, worst first.
 */
export function BudgetsSection(props: { reloadKey?: number }) {
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getBudgets(), [api]);
  const { value, error, loading, retry } = useLoad(
    load,
    String(props.reloadKey ?? 0),
  );
  const rows = useMemo<Row[]>(
    () =>
      (value?.budgets ?? [])
        .map(b => ({ ...b, id: b.environment }))
        .sort(
          (a, b) =>
            rank(a.state) - rank(b.state) ||
            (b.forecastUsed ?? b.used ?? -1) -
              (a.forecastUsed ?? a.used ?? -1) ||
            a.environment.localeCompare(b.environment),
        ),
    [value],
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the budgets"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the budgets" />;
  } else if (rows.length === 0) {
    body = (
      <Alert
        status="info"
        icon
        title="No environment to compare with a budget."
        description="Budgets come from cost.budget_monthly of each environment in environments.yaml; set environments.file in app-config.yaml so the FinOps backend reads it."
      />
    );
  } else {
    body = (
      <Flex direction="column" gap="3">
        <Counts budgets={rows} />
        <div style={{ overflowX: 'auto' }}>
          <Table
            columnConfig={COLUMNS}
            data={rows}
            pagination={{ type: 'none' }}
            style={{ minWidth: 900 }}
          />
        </div>
      </Flex>
    );
  }

  return (
    <Section
      id="finops-budgets"
      title="Budgets"
      description={
        value
          ? `${plural(
              value.budgets.length,
              'environment',
            )} against cost.budget_monthly of environments.yaml, as of ${longDayLabel(
              value.asOf,
            )}. The bar is the month to date, the light part the forecast, the line the budget.`
          : undefined
      }
      actions={
        <CsvButton
          filename="budgets.csv"
          label="Download the budgets as CSV"
          csv={value?.budgets.length ? () => budgetsCsv(value) : undefined}
        />
      }
    >
      {body}
    </Section>
  );
}
