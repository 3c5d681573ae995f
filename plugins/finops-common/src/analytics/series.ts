import type { CostGranularity, CostGroup, Money } from '../api';
import { periodStart } from './calendar';

/** The amount of one group in one currency over one period. */
export interface PeriodAmount {
  /** First day of the period, `YYYY-MM-DD`. */
  period: string;
  key: string | null;
  currency: string;
  amount: number;
}

/**
 * Sums daily amounts (`period` is the day) into periods of `granularity`.
 */
export function bucketDays(
  days: readonly PeriodAmount[],
  granularity: CostGranularity,
): PeriodAmount[] {
  const sums = new Map<string, PeriodAmount>();
  for (const day of days) {
    const period = periodStart(day.period, granularity);
    const id = JSON.stringify([period, day.key, day.currency]);
    const found = sums.get(id);
    if (found) {
      found.amount += day.amount;
    } else {
      sums.set(id, { ...day, period });
    }
  }
  return [...sums.values()];
}

/** Totals per currency, sorted by currency. */
export function totalsByCurrency(
  amounts: ReadonlyArray<{ currency: string; amount: number }>,
): Money[] {
  const totals = new Map<string, number>();
  for (const { currency, amount } of amounts) {
    totals.set(currency, (totals.get(currency) ?? 0) + amount);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ({ currency, amount }));
}

/**
 * One {@link CostGroup} per key and currency with its points in order,
 * largest total first (then by key, `null` last, then currency).
 */
export function toCostGroups(amounts: readonly PeriodAmount[]): CostGroup[] {
  const groups = new Map<string, CostGroup>();
  for (const { period, key, currency, amount } of amounts) {
    const id = JSON.stringify([key, currency]);
    const group = groups.get(id) ?? { key, currency, total: 0, points: [] };
    groups.set(id, group);
    group.total += amount;
    group.points.push({ period, amount });
  }
  for (const group of groups.values()) {
    group.points.sort((a, b) => a.period.localeCompare(b.period));
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.total - a.total ||
      compareKeys(a.key, b.key) ||
      a.currency.localeCompare(b.currency),
  );
}

/** Keys in order, `null` (no value) last. */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) {
    return 0;
  }
  if (a === null) {
    return 1;
  }
  if (b === null) {
    return -1;
  }
  return a.localeCompare(b);
}
