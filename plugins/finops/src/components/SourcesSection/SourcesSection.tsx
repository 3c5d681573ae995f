import { useCallback, useMemo, type ReactNode } from 'react';
import { EmptyState, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Cell,
  CellText,
  Flex,
  Table,
  Text,
  type ColumnConfig,
} from '@backstage/ui';
import type {
  CostSourceInfo,
  FilesResponse,
} from '@multicloud/plugin-finops-common';
import { finOpsApiRef, useLoad } from '../../api';
import { NO_COST_DATA_ADVICE, NO_COST_DATA_TITLE } from '../../lib/advice';
import { toCsv } from '../../lib/csv';
import { plural } from '../../lib/labels';
import { CsvButton } from '../common/CsvButton';
import { LoadError, Loading } from '../common/LoadState';
import { Section } from '../common/Section';
import { useShowAll } from '../common/ShowAll';

const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };

type Row = CostSourceInfo & { id: string };

export function sourcesCsv(response: FilesResponse): string {
  return toCsv(
    [
      'source',
      'kind',
      'focus_version',
      'rows_read',
      'rows_ingested',
      'problem_count',
      'ingested_at',
      'problem',
    ],
    response.files.flatMap(file => {
      const base = [
        file.key,
        file.kind,
        file.focusVersion,
        file.rowsRead,
        file.rowsIngested,
        file.problemCount,
        file.ingestedAt,
      ];
      return file.problems.length
        ? file.problems.map(problem => [...base, problem])
        : [[...base, null]];
    }),
  );
}

/** Sources listed before "Show all": problems come first. */
const LISTED_SOURCES = 10;

const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const COLUMNS: ColumnConfig<Row>[] = [
  {
    id: 'key',
    label: 'Source',
    isRowHeader: true,
    defaultWidth: '2fr',
    cell: row => (
      <Cell>
        <code style={{ ...MONOSPACE, wordBreak: 'break-all' }}>{row.key}</code>
      </Cell>
    ),
  },
  {
    id: 'kind',
    label: 'Kind',
    defaultWidth: 120,
    cell: row => (
      <CellText
        title={row.kind === 'opencost' ? 'OpenCost' : 'FOCUS'}
        description={
          row.focusVersion ? `version ${row.focusVersion}` : undefined
        }
      />
    ),
  },
  {
    id: 'rows',
    label: 'Rows',
    defaultWidth: 170,
    cell: row => (
      <CellText
        title={`${row.rowsIngested.toLocaleString(
          'en-US',
        )} of ${row.rowsRead.toLocaleString('en-US')} ingested`}
      />
    ),
  },
  {
    id: 'problems',
    label: 'Problems',
    defaultWidth: 110,
    cell: row => (
      <Cell>
        <Text
          as="span"
          variant="body-small"
          weight={row.problemCount > 0 ? 'bold' : undefined}
          color={row.problemCount > 0 ? 'danger' : 'secondary'}
        >
          {row.problemCount > 0 ? plural(row.problemCount, 'problem') : 'none'}
        </Text>
      </Cell>
    ),
  },
  {
    id: 'ingestedAt',
    label: 'Ingested',
    defaultWidth: 140,
    cell: row => {
      const at = new Date(row.ingestedAt);
      return (
        <CellText
          title={
            Number.isNaN(at.getTime()) ? row.ingestedAt : DATE_TIME.format(at)
          }
        />
      );
    },
  },
];

function Problems(props: { files: CostSourceInfo[] }) {
  const withProblems = props.files.filter(f => f.problemCount > 0);
  if (withProblems.length === 0) return null;
  const total = withProblems.reduce((sum, f) => sum + f.problemCount, 0);
  return (
    <WarningPanel
      defaultExpanded
      title={`${plural(total, 'row')} of ${plural(
        withProblems.length,
        'source',
      )} could not be ingested; the rest of the data is shown`}
    >
      <Flex direction="column" gap="3">
        {withProblems.map(file => (
          <section key={file.key} aria-label={`Problems of ${file.key}`}>
            <Text as="h4" variant="body-small" weight="bold">
              <code style={MONOSPACE}>{file.key}</code>
            </Text>
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {file.problems.map((problem, i) => (
                <li key={i}>
                  <code style={MONOSPACE}>{problem}</code>
                </li>
              ))}
            </ul>
            {file.problemCount > file.problems.length && (
              <Text as="p" variant="body-small" color="secondary">
                and{' '}
                {plural(
                  file.problemCount - file.problems.length,
                  'more problem',
                )}
              </Text>
            )}
          </section>
        ))}
      </Flex>
    </WarningPanel>
  );
}

function Sources(props: { files: CostSourceInfo[] }) {
  const rows = useMemo(
    () =>
      [...props.files]
        .sort(
          (a, b) =>
            b.problemCount - a.problemCount || a.key.localeCompare(b.key),
        )
        .map(f => ({ ...f, id: f.key })),
    [props.files],
  );
  const { shown, toggle } = useShowAll(rows, LISTED_SOURCES);
  return (
    <Flex direction="column" gap="3">
      <Problems files={props.files} />
      <div style={{ overflowX: 'auto' }}>
        <Table
          columnConfig={COLUMNS}
          data={shown}
          pagination={{ type: 'none' }}
          style={{ minWidth: 760 }}
        />
      </div>
      {toggle}
    </Flex>
  );
}

/** What the backend has ingested, and what was wrong with it. */
export function SourcesSection(props: { reloadKey?: number }) {
  const api = useApi(finOpsApiRef);
  const load = useCallback(() => api.getFiles(), [api]);
  const { value, error, loading, retry } = useLoad(
    load,
    String(props.reloadKey ?? 0),
  );

  let body: ReactNode;
  if (error) {
    body = (
      <LoadError
        what="the ingested sources"
        error={error}
        onRetry={retry}
        retrying={loading}
      />
    );
  } else if (!value) {
    body = <Loading label="Loading the ingested sources" />;
  } else if (value.files.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={NO_COST_DATA_TITLE}
        description={NO_COST_DATA_ADVICE}
      />
    );
  } else {
    body = <Sources files={value.files} />;
  }

  return (
    <Section
      id="finops-sources"
      title="Ingested sources"
      description={
        value
          ? `${plural(value.files.length, 'source')}, ${value.files
              .reduce((sum, f) => sum + f.rowsIngested, 0)
              .toLocaleString('en-US')} rows ingested`
          : undefined
      }
      actions={
        <CsvButton
          filename="cost-sources.csv"
          label="Download the ingested sources as CSV"
          csv={value?.files.length ? () => sourcesCsv(value) : undefined}
        />
      }
    >
      {body}
    </Section>
  );
}
