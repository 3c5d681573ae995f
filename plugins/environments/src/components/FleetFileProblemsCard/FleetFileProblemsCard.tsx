import { useEffect, useMemo, useState } from 'react';
import { ANNOTATION_VIEW_URL } from '@backstage/catalog-model';
import {
  EntityInfoCard,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Alert,
  Button,
  Cell,
  CellText,
  Flex,
  Link,
  Table,
  Text,
  useTable,
  type ColumnConfig,
} from '@backstage/ui';
import {
  environmentIndexOf,
  loadedEnvironmentRef,
  readFleetFile,
  skippedLabel,
  sortProblems,
  type FleetFileProblem,
  type FleetFileSkipped,
  type FleetFileStatus,
} from '../../lib/fleetFile';
import { timeAgo } from '../../lib/time';

const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// Git hosts open `…/environments.yaml#L14` at the line, so a problem is one
// click away from where it has to be fixed.
function lineUrl(viewUrl: string | undefined, line: number) {
  if (!viewUrl || line < 1) return undefined;
  return `${viewUrl.replace(/#.*$/, '')}#L${line}`;
}

type ProblemRow = FleetFileProblem & { id: string };

function Summary(props: { status: FleetFileStatus }) {
  const { status } = props;
  const errors = status.problems.filter(p => p.severity === 'error').length;
  const warnings = status.problems.length - errors;
  const separator = (
    <Text as="span" color="secondary" aria-hidden>
      ·
    </Text>
  );
  return (
    <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
      <Text as="span">
        {plural(status.environments.length, 'environment')} loaded
      </Text>
      {separator}
      <Text
        as="span"
        color={status.skipped.length ? 'danger' : undefined}
        weight={status.skipped.length ? 'bold' : undefined}
      >
        {status.skipped.length} skipped
      </Text>
      {separator}
      <Text
        as="span"
        color={errors ? 'danger' : undefined}
        weight={errors ? 'bold' : undefined}
      >
        {plural(errors, 'error')}
      </Text>
      {separator}
      <Text
        as="span"
        color={warnings ? 'warning' : undefined}
        weight={warnings ? 'bold' : undefined}
      >
        {plural(warnings, 'warning')}
      </Text>
      {status.readAt && (
        <>
          {separator}
          <Text as="span" color="secondary">
            read{' '}
            <time
              dateTime={status.readAt.toISOString()}
              title={status.readAt.toLocaleString()}
            >
              {timeAgo(status.readAt)}
            </time>
          </Text>
        </>
      )}
    </Flex>
  );
}

function EnvironmentCell(props: {
  problem: FleetFileProblem;
  status: FleetFileStatus;
}) {
  const { problem, status } = props;
  const ref = loadedEnvironmentRef(status.environments, problem.environment);
  if (ref) {
    return (
      <Cell>
        <EntityRefLink entityRef={ref} hideIcon>
          {problem.environment}
        </EntityRefLink>
      </Cell>
    );
  }
  // A problem in an environment that was skipped (or has no readable name)
  // still belongs to one entry of the list; name it so it can be found.
  const index = environmentIndexOf(problem.path);
  const skipped = status.skipped.find(s => s.index === index);
  const label =
    problem.environment ??
    (skipped ? skippedLabel(skipped) : undefined) ??
    (index !== undefined ? `environments[${index}]` : undefined);
  if (!label) {
    return (
      <Cell>
        <Text as="span" color="secondary">
          whole file
        </Text>
      </Cell>
    );
  }
  return (
    <Cell>
      <Flex direction="column" gap="0.5">
        <Text as="span">{label}</Text>
        {skipped && (
          <Text as="span" variant="body-small" color="secondary">
            not loaded
          </Text>
        )}
      </Flex>
    </Cell>
  );
}

function ProblemsTable(props: {
  status: FleetFileStatus;
  viewUrl: string | undefined;
}) {
  const { status, viewUrl } = props;
  const data = useMemo<ProblemRow[]>(
    () =>
      sortProblems(status.problems).map((problem, i) => ({
        ...problem,
        id: String(i),
      })),
    [status.problems],
  );
  const columnConfig = useMemo<ColumnConfig<ProblemRow>[]>(
    () => [
      {
        id: 'severity',
        label: 'Severity',
        defaultWidth: 110,
        cell: problem => (
          <Cell>
            <Text
              as="span"
              weight="bold"
              color={problem.severity === 'error' ? 'danger' : 'warning'}
            >
              {problem.severity === 'error' ? 'Error' : 'Warning'}
            </Text>
          </Cell>
        ),
      },
      {
        id: 'location',
        label: 'Line:column',
        defaultWidth: 120,
        cell: problem => (
          <CellText
            title={`${problem.line}:${problem.column}`}
            href={lineUrl(viewUrl, problem.line)}
          />
        ),
      },
      {
        id: 'environment',
        label: 'Environment',
        cell: problem => <EnvironmentCell problem={problem} status={status} />,
      },
      {
        id: 'path',
        label: 'Field',
        cell: problem => (
          <Cell>
            {problem.path ? (
              <code style={MONOSPACE}>{problem.path}</code>
            ) : (
              <Text as="span" color="secondary">
                —
              </Text>
            )}
          </Cell>
        ),
      },
      {
        id: 'message',
        label: 'Problem',
        isRowHeader: true,
        defaultWidth: '2fr',
        cell: problem => (
          <Cell>
            <Text as="span">{problem.message}</Text>
          </Cell>
        ),
      },
    ],
    [status, viewUrl],
  );
  const { tableProps } = useTable({
    mode: 'complete',
    data,
    paginationOptions: { pageSize: 20 },
  });
  return <Table columnConfig={columnConfig} {...tableProps} />;
}

function CopyButton(props: { text: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  // The clipboard API exists only in secure contexts (https, localhost).
  if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <Button
      size="small"
      variant="secondary"
      onPress={() =>
        navigator.clipboard.writeText(props.text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

/** The problems as the catalog module logs them, one per line, for pasting into a ticket or a chat. */
function ProblemsText(props: { problems: FleetFileProblem[] }) {
  const text = props.problems.map(p => p.text).join('\n');
  return (
    <Accordion>
      <AccordionTrigger title="Problems as text" />
      <AccordionPanel>
        <Flex direction="column" gap="2" align="start">
          <pre
            style={{
              ...MONOSPACE,
              margin: 0,
              padding: 'var(--bui-space-3, 12px)',
              width: '100%',
              boxSizing: 'border-box',
              overflowX: 'auto',
              whiteSpace: 'pre',
              fontSize: 'var(--bui-font-size-2, 0.75rem)',
              background: 'var(--bui-bg-neutral-2, transparent)',
              borderRadius: 'var(--bui-radius-2, 4px)',
            }}
          >
            {text}
          </pre>
          <CopyButton text={text} />
        </Flex>
      </AccordionPanel>
    </Accordion>
  );
}

function SkippedList(props: {
  skipped: FleetFileSkipped[];
  viewUrl: string | undefined;
}) {
  const { skipped, viewUrl } = props;
  return (
    <Flex direction="column" gap="1">
      <Text as="h4" variant="title-x-small" weight="bold">
        Skipped environments
      </Text>
      <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {skipped.map(s => {
          const href = lineUrl(viewUrl, s.line);
          const where = s.line > 0 ? `line ${s.line}` : undefined;
          return (
            <li key={s.index}>
              <Text as="span">
                <code style={MONOSPACE}>{skippedLabel(s)}</code>
                {where && (
                  <>
                    {', '}
                    {href ? (
                      <Link href={href} target="_blank" rel="noopener">
                        {where}
                      </Link>
                    ) : (
                      where
                    )}
                  </>
                )}
              </Text>
            </li>
          );
        })}
      </ul>
    </Flex>
  );
}

/**
 * The health of one fleet file (environments.yaml) as of its last read:
 * what loaded, what was skipped and every problem, so that whoever edits the
 * file sees in the portal what the catalog module would otherwise only log.
 */
export function FleetFileProblemsCard() {
  const { entity } = useEntity();
  const status = useMemo(() => readFleetFile(entity), [entity]);
  const viewUrl = entity.metadata.annotations?.[ANNOTATION_VIEW_URL];
  const hasErrors = status.problems.some(p => p.severity === 'error');
  const advice = [
    `Fix these in ${status.target}`,
    hasErrors || status.skipped.length
      ? '; skipped environments stay out of the catalog until the file is valid.'
      : '.',
    ' The portal reloads the file on its schedule.',
  ].join('');

  return (
    <EntityInfoCard title="Fleet file problems">
      <Flex direction="column" gap="4">
        <Summary status={status} />
        {status.problems.length === 0 ? (
          <Alert
            status="success"
            icon
            title={`No problems: every environment of ${status.target} loaded`}
          />
        ) : (
          <>
            <Alert
              status={hasErrors ? 'danger' : 'warning'}
              icon
              title={advice}
            />
            <ProblemsTable status={status} viewUrl={viewUrl} />
            <ProblemsText problems={sortProblems(status.problems)} />
          </>
        )}
        {status.skipped.length > 0 && (
          <SkippedList skipped={status.skipped} viewUrl={viewUrl} />
        )}
      </Flex>
    </EntityInfoCard>
  );
}
