import type {
  SloEnvironmentStatus,
  SloSummary,
} from '@multicloud/plugin-slo-common';
import { NO_FILTER, stateRank } from '../../lib/slos';
import { matrixRows, sortRows } from '../SloMatrix';

export interface Selection {
  slo: SloSummary;
  status: SloEnvironmentStatus;
}

/** The environment of an SLO that most needs a look: least budget left, else worst state. */
function worstStatus(slo: SloSummary): SloEnvironmentStatus | undefined {
  return [...slo.environments].sort((a, b) => {
    const x = a.budgetRemaining;
    const y = b.budgetRemaining;
    if (x !== undefined && y !== undefined && x !== y) return x - y;
    if (x === undefined && y !== undefined) return 1;
    if (y === undefined && x !== undefined) return -1;
    return stateRank(a.state) - stateRank(b.state);
  })[0];
}

/**
 * The SLO × environment the URL asks for, or when it asks for none (or one
 * that is gone), the worst one: the SLO with the least budget left, in its
 * worst environment.
 */
export function selectStatus(
  slos: readonly SloSummary[],
  wanted: { slo?: string | null; environment?: string | null },
): Selection | undefined {
  const slo = slos.find(s => s.id === wanted.slo);
  const status = slo?.environments.find(
    e => e.environment === wanted.environment,
  );
  if (slo && status) return { slo, status };
  if (slo) {
    const worst = worstStatus(slo);
    return worst ? { slo, status: worst } : undefined;
  }
  const rows = sortRows(matrixRows(slos, NO_FILTER), {
    column: 'budget',
    direction: 'ascending',
  });
  for (const row of rows) {
    const worst = worstStatus(row.slo);
    if (worst) return { slo: row.slo, status: worst };
  }
  return undefined;
}
