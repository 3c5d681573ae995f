import type {
  CostDimension,
  CostGroup,
  CostSeriesResponse,
} from '@multicloud/plugin-finops-common';
import { toCsv } from './csv';
import { currenciesOf } from './money';
import { dimensionLabel, keyLabel } from './labels';

/** The groups of one currency, largest first, with their share of it. */
export interface CurrencyBreakdown {
  currency: string;
  total: number;
  groups: Array<CostGroup & { share: number }>;
}

/** Splits a series response by currency: amounts of two currencies never meet. */
export function byCurrency(response: CostSeriesResponse): CurrencyBreakdown[] {
  return currenciesOf(response.groups).map(currency => {
    const groups = response.groups
      .filter(group => group.currency === currency)
      .sort((a, b) => b.total - a.total);
    const total =
      response.totals.find(t => t.currency === currency)?.amount ??
      groups.reduce((sum, group) => sum + group.total, 0);
    return {
      currency,
      total,
      groups: groups.map(group => ({
        ...group,
        share: total > 0 ? group.total / total : 0,
      })),
    };
  });
}

/** A series of the stacked chart: `g0`, `g1`… (dots in names would read as paths). */
export interface StackKey {
  id: string;
  label: string;
  /** The group's key; `undefined` for the stack of the rest. */
  key?: string | null;
  /** Place of the group among all, largest first: its colour. */
  rank?: number;
}

/**
 * The stacked bars of one currency: the largest groups, and the one without
 * a value (unattributed) wherever it ranks, each on its own; the rest as one.
 */
export function stackRows(
  dimension: CostDimension,
  groups: CostGroup[],
  top: number,
): { keys: StackKey[]; rows: Array<Record<string, number | string>> } {
  const ranked = groups.map((group, rank) => ({ group, rank }));
  const shown = ranked.filter(
    ({ group, rank }) => rank < top || group.key === null,
  );
  const rest = ranked.filter(
    ({ group, rank }) => rank >= top && group.key !== null,
  );
  const keys: StackKey[] = shown.map(({ group, rank }, i) => ({
    id: `g${i}`,
    label: keyLabel(dimension, group.key),
    key: group.key,
    rank,
  }));
  if (rest.length > 0) {
    keys.push({ id: 'other', label: `${rest.length} more` });
  }
  const amountOf = (group: CostGroup, period: string) =>
    group.points.find(point => point.period === period)?.amount ?? 0;
  const periods = [
    ...new Set(groups.flatMap(group => group.points.map(p => p.period))),
  ].sort();
  const rows = periods.map(period => {
    const row: Record<string, number | string> = { period };
    shown.forEach(({ group }, i) => {
      row[`g${i}`] = amountOf(group, period);
    });
    if (rest.length > 0) {
      row.other = rest.reduce(
        (sum, { group }) => sum + amountOf(group, period),
        0,
      );
    }
    return row;
  });
  return { keys, rows };
}

/** One row per group, currency and period, as the section shows them. */
export function breakdownCsv(response: CostSeriesResponse): string {
  return toCsv(
    [
      dimensionLabel(response.groupBy),
      'currency',
      'granularity',
      'period_start',
      'amount',
    ],
    byCurrency(response).flatMap(({ currency, groups }) =>
      groups.flatMap(group =>
        group.points.map(point => [
          keyLabel(response.groupBy, group.key),
          currency,
          response.granularity,
          point.period,
          point.amount,
        ]),
      ),
    ),
  );
}
