import { Alert, Flex, Text } from '@backstage/ui';
import {
  formatSloProblem,
  type SloProblem,
} from '@multicloud/plugin-slo-common';
import { plural } from '../../lib/format';

const MONOSPACE = { fontFamily: 'var(--bui-font-monospace, monospace)' };

function title(problems: readonly SloProblem[]): string {
  const errors = problems.filter(p => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [
    errors ? plural(errors, 'error') : undefined,
    warnings ? plural(warnings, 'warning') : undefined,
  ]
    .filter(Boolean)
    .join(' and ');
  return errors
    ? `SLO definitions have ${counts}: the definitions in error are left out, every other SLO is evaluated`
    : `SLO definitions have ${counts}`;
}

/**
 * Problems of the SLO sources, one per line as `file:line field: message`,
 * so that whoever edits a definition sees what the backend skipped and why.
 */
export function SloProblems(props: { problems: readonly SloProblem[] }) {
  const { problems } = props;
  if (problems.length === 0) return null;
  // Errors first, then by file and line.
  const severityRank = (p: SloProblem) => (p.severity === 'error' ? 0 : 1);
  const sorted = [...problems].sort(
    (a, b) =>
      severityRank(a) - severityRank(b) ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  return (
    <Alert
      status={problems.some(p => p.severity === 'error') ? 'danger' : 'warning'}
      icon
      title={title(problems)}
      description={
        <Flex direction="column" gap="1">
          <ul
            aria-label="Problems of SLO definitions"
            style={{ margin: 0, paddingLeft: '1.25rem' }}
          >
            {sorted.map((problem, i) => (
              <li key={i} data-severity={problem.severity}>
                <Text as="span" variant="body-small">
                  <code style={MONOSPACE}>{formatSloProblem(problem)}</code>
                </Text>
              </li>
            ))}
          </ul>
        </Flex>
      }
    />
  );
}
