import type { CostMover } from '../api';
import { compareKeys } from './series';

/** The amount of one group in one currency over a period. */
export interface GroupAmount {
  key: string | null;
  currency: string;
  amount: number;
}

/** Default number of movers listed. */
export const DEFAULT_MOVERS_LIMIT = 10;

/** Changes smaller than this are rounding, not movement. */
const MIN_CHANGE = 1e-6;

/**
 * The groups whose amount changed most between two periods of equal length,
 * largest absolute change first. A group present in only one period counts
 * zero in the other; groups that did not change are left out.
 */
export function topMovers(
  current: readonly GroupAmount[],
  previous: readonly GroupAmount[],
  limit: number = DEFAULT_MOVERS_LIMIT,
): Array<Omit<CostMover, 'dimension'>> {
  const byGroup = new Map<
    string,
    { key: string | null; currency: string; current: number; previous: number }
  >();
  const entry = (group: GroupAmount) => {
    const id = JSON.stringify([group.key, group.currency]);
    const found = byGroup.get(id) ?? {
      key: group.key,
      currency: group.currency,
      current: 0,
      previous: 0,
    };
    byGroup.set(id, found);
    return found;
  };
  current.forEach(group => {
    entry(group).current += group.amount;
  });
  previous.forEach(group => {
    entry(group).previous += group.amount;
  });

  return [...byGroup.values()]
    .map(group => {
      const change = group.current - group.previous;
      return {
        ...group,
        change,
        ...(group.previous !== 0 && {
          changeRatio: change / Math.abs(group.previous),
        }),
      };
    })
    .filter(mover => Math.abs(mover.change) >= MIN_CHANGE)
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        compareKeys(a.key, b.key) ||
        a.currency.localeCompare(b.currency),
    )
    .slice(0, limit);
}
