import { Fragment, useMemo } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Cell,
  Column,
  Flex,
  Table,
  Text,
  useTable,
  type ColumnConfig,
  type SortDescriptor,
} from '@backstage/ui';
import type { SloState, SloSummary } from '@multicloud/plugin-slo-common';
import { formatBudget, formatRatio, formatWindow } from '../../lib/format';
import {
  overallState,
  shownStatuses,
  sloTitle,
  stateRank,
  stateStyle,
  worstBudget,
  type SloFilter,
} from '../../lib/slos';
import { NotEvaluatedCell, SloCell } from '../SloCell';

const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };
// Widths of the header cells, which set the columns of a fixed table
// layout; eight environments and the SLO fit a 1600-pixel screen beside the
// sidebar, more scroll.
const SLO_COLUMN_WIDTH = 250;
const BUDGET_COLUMN_WIDTH = 132;
// Wide enough for `apsoutheast1`, the longest part of a sample name.
const ENVIRONMENT_COLUMN_WIDTH = 112;
const PAGE_SIZE = 50;

export interface SloMatrixRow {
  id: string;
  slo: SloSummary;
  /** Lowest budget left in the environments shown. */
  budget?: number;
  /** Worst state in the environments shown, and its rank. */
  state?: SloState;
  rank: number;
}

/** Where a cell leads, if anywhere; and which one is selected. */
export interface SloMatrixLinks {
  cellHref?: (slo: SloSummary, environment: string) => string;
  selected?: { slo: string; environment: string };
}

export function matrixRows(
  slos: readonly SloSummary[],
  filter: SloFilter,
): SloMatrixRow[] {
  return slos.map(slo => {
    const shown = shownStatuses(slo, filter);
    const state = overallState(shown);
    return {
      id: slo.id,
      slo,
      budget: worstBudget(shown),
      state,
      rank: stateRank(state ?? ''),
    };
  });
}

type SortValue = string | number | undefined;

const SORT_KEYS: Record<string, (row: SloMatrixRow) => SortValue> = {
  slo: r => sloTitle(r.slo),
  budget: r => r.budget,
};

/**
 * Sorts by one column; rows without a value go last either way. Ties on
 * budget fall back to the worst state, then the name, so that a query error
 * stays above a quiet "no data".
 */
export function sortRows(
  rows: SloMatrixRow[],
  sort: SortDescriptor,
): SloMatrixRow[] {
  const keyOf = SORT_KEYS[String(sort.column)];
  if (!keyOf) return rows;
  const sign = sort.direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    const tie = a.rank - b.rank || a.slo.name.localeCompare(b.slo.name);
    if (x === undefined || y === undefined) {
      if (x === y) return tie;
      return x === undefined ? 1 : -1;
    }
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y));
    return sign * order || tie;
  });
}

/** `workload-azure-westeurope` with break opportunities after its dashes. */
function Breakable(props: { text: string }) {
  const parts = props.text.split('-');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

function columns(
  environments: readonly string[],
  showComponent: boolean,
  links: SloMatrixLinks,
): ColumnConfig<SloMatrixRow>[] {
  const fixed: ColumnConfig<SloMatrixRow>[] = [
    {
      id: 'slo',
      label: 'SLO',
      isRowHeader: true,
      isSortable: true,
      header: () => (
        <Column
          id="slo"
          isRowHeader
          allowsSorting
          style={{ width: SLO_COLUMN_WIDTH }}
        >
          SLO
        </Column>
      ),
      cell: ({ slo }) => {
        const title = sloTitle(slo);
        return (
          <Cell>
            <Flex direction="column" gap="0.5">
              <Text as="span" weight="bold">
                {title}
              </Text>
              <Text as="span" variant="body-small" color="secondary">
                {showComponent && (
                  <>
                    <EntityRefLink entityRef={slo.entityRef} hideIcon />
                    {' · '}
                  </>
                )}
                {formatRatio(slo.objective)} {formatWindow(slo.window)}
              </Text>
              {slo.id !== title && (
                <Text
                  as="span"
                  variant="body-x-small"
                  color="secondary"
                  style={MONOSPACE}
                >
                  {slo.id}
                </Text>
              )}
            </Flex>
          </Cell>
        );
      },
    },
    {
      id: 'budget',
      label: 'Budget left',
      isSortable: true,
      header: () => (
        <Column
          id="budget"
          allowsSorting
          style={{ width: BUDGET_COLUMN_WIDTH }}
        >
          Budget left
        </Column>
      ),
      cell: ({ budget, state }) => {
        const bad = state === 'breached' || state === 'warning';
        return (
          <Cell>
            <Text
              as="span"
              weight="bold"
              style={{
                color:
                  bad && budget !== undefined
                    ? stateStyle(state).color
                    : undefined,
              }}
              title="Lowest error budget left across the environments shown"
            >
              {formatBudget(budget)}
            </Text>
          </Cell>
        );
      },
    },
  ];
  const perEnvironment = environments.map(
    (environment): ColumnConfig<SloMatrixRow> => ({
      id: `env:${environment}`,
      label: environment,
      // The header must be a Column; this one lets long names wrap at dashes.
      header: () => (
        <Column
          id={`env:${environment}`}
          style={{ width: ENVIRONMENT_COLUMN_WIDTH }}
        >
          <span
            style={{
              display: 'block',
              fontSize: '0.75rem',
              lineHeight: 1.3,
              whiteSpace: 'normal',
            }}
          >
            <Breakable text={environment} />
          </span>
        </Column>
      ),
      cell: ({ slo }) => {
        const status = slo.environments.find(
          e => e.environment === environment,
        );
        return (
          <Cell>
            {status ? (
              <SloCell
                status={status}
                objective={slo.objective}
                href={links.cellHref?.(slo, environment)}
                selected={
                  links.selected?.slo === slo.id &&
                  links.selected.environment === environment
                }
              />
            ) : (
              <NotEvaluatedCell environment={environment} />
            )}
          </Cell>
        );
      },
    }),
  );
  return [...fixed, ...perEnvironment];
}

/**
 * SLOs as rows, environments as columns: each cell the state and budget
 * left of one SLO in one environment. Sorted by budget left, worst first.
 */
export function SloMatrix(props: {
  rows: SloMatrixRow[];
  environments: readonly string[];
  showComponent?: boolean;
  links?: SloMatrixLinks;
  emptyText?: string;
}) {
  const {
    rows,
    environments,
    showComponent = true,
    links = {},
    emptyText = 'No SLO matches the filters.',
  } = props;
  const { cellHref, selected } = links;
  const columnConfig = useMemo(
    () => columns(environments, showComponent, { cellHref, selected }),
    [environments, showComponent, cellHref, selected],
  );
  const { tableProps } = useTable<SloMatrixRow>({
    mode: 'complete',
    data: rows,
    initialSort: { column: 'budget', direction: 'ascending' },
    sortFn: sortRows,
    // A pager only when there is more than one page.
    paginationOptions: {
      pageSize: PAGE_SIZE,
      type: rows.length > PAGE_SIZE ? 'page' : 'none',
    },
  });
  const minWidth =
    SLO_COLUMN_WIDTH +
    BUDGET_COLUMN_WIDTH +
    environments.length * ENVIRONMENT_COLUMN_WIDTH;
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table
        columnConfig={columnConfig}
        {...tableProps}
        style={{ minWidth }}
        emptyState={
          <Text as="p" color="secondary">
            {emptyText}
          </Text>
        }
      />
    </div>
  );
}
