import {
  bucketDays,
  type CostDimension,
  type CostFilter,
  type CostGranularity,
  type CostMetric,
  type DayRange,
  type GroupAmount,
  type PeriodAmount,
} from '@multicloud/plugin-finops-common';
import type { Knex } from 'knex';

/** The dimensions stored with the FOCUS costs: all but in-cluster `namespace`. */
export type StoredCostDimension = Exclude<CostDimension, 'namespace'>;

/** The column of `cost_daily` behind each stored dimension. */
export const DIMENSION_COLUMNS: Readonly<Record<StoredCostDimension, string>> =
  {
    environment: 'environment',
    provider: 'provider',
    serviceCategory: 'service_category',
    service: 'service_name',
    region: 'region',
    subAccount: 'sub_account_id',
    chargeCategory: 'charge_category',
    entity: 'entity_ref',
  };

const FILTER_COLUMNS: Readonly<Record<keyof CostFilter, string>> = {
  environment: 'environment',
  provider: 'provider',
  serviceCategory: 'service_category',
  entity: 'entity_ref',
};

const METRIC_COLUMNS: Readonly<Record<CostMetric, string>> = {
  effective: 'effective_cost',
  billed: 'billed_cost',
};

/** What to sum: a range of days, a cost column, filters and a grouping. */
export interface CostQuery {
  range: DayRange;
  metric: CostMetric;
  filter?: CostFilter;
  /** Without it, everything is one group with the key `null`. */
  groupBy?: StoredCostDimension;
  /** Only these FOCUS charge categories (e.g. `Usage`); default all. */
  chargeCategories?: readonly string[];
}

interface SumRecord {
  date?: string;
  key: string | null;
  currency: string;
  amount: number | string | null;
}

/**
 * Sums of the daily FOCUS costs of `cost_daily`, grouped in the database so
 * that only one row per group, currency and period leaves it.
 */
export class CostQueries {
  static create(knex: Knex): CostQueries {
    return new CostQueries(knex);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * The cost of each period of `granularity`, group and currency. Periods
   * are named by their first day; the first and last may be cut by the
   * range. Periods without cost are absent.
   */
  async series(
    query: CostQuery & { granularity: CostGranularity },
  ): Promise<PeriodAmount[]> {
    // The database sums per day, grouped in the order of the covering index
    // (date, environment, currency), which SQLite then reads in order
    // without sorting; a year of days by environment is a few ten thousand
    // rows. For the same reason the days of an ungrouped query are read per
    // environment and added up here. Weeks and months are summed here too:
    // they have no SQL form that every engine computes alike, and grouping
    // by an expression would make SQLite sort every row.
    const records: SumRecord[] = await this.sumQuery(
      { ...query, groupBy: query.groupBy ?? 'environment' },
      { daily: true },
    );
    const days = records.map(record => ({
      period: String(record.date),
      key: query.groupBy ? record.key : null,
      currency: record.currency,
      amount: Number(record.amount ?? 0),
    }));
    return query.groupBy && query.granularity === 'day'
      ? days
      : bucketDays(days, query.granularity);
  }

  /** The cost of each group and currency over the whole range. */
  async totals(query: CostQuery): Promise<GroupAmount[]> {
    const records: SumRecord[] = await this.sumQuery(query);
    return records.map(record => ({
      key: record.key,
      currency: record.currency,
      amount: Number(record.amount ?? 0),
    }));
  }

  /** The first and the last day with any cost; `undefined` when none. */
  async dataRange(): Promise<DayRange | undefined> {
    // Two subqueries: each alone is one step down the index on the day,
    // while min and max in one query would read every row.
    const [row]: Array<{ first: string | null; last: string | null }> =
      await this.db.select({
        first: this.db('cost_daily').min('date'),
        last: this.db('cost_daily').max('date'),
      });
    return row?.first && row.last
      ? { from: row.first, to: row.last }
      : undefined;
  }

  private sumQuery(
    query: CostQuery,
    options: { daily?: boolean } = {},
  ): Knex.QueryBuilder {
    const key = query.groupBy ? DIMENSION_COLUMNS[query.groupBy] : undefined;
    const groups = [
      ...(options.daily ? ['date'] : []),
      ...(key ? [key] : []),
      'currency',
    ];
    const builder = this.db('cost_daily')
      .select({
        ...(options.daily && { date: 'date' }),
        key: key ? this.db.ref(key) : this.db.raw('null'),
        currency: 'currency',
      })
      .sum({ amount: METRIC_COLUMNS[query.metric] })
      .where('date', '>=', query.range.from)
      .andWhere('date', '<=', query.range.to)
      .groupBy(groups);
    for (const [name, column] of Object.entries(FILTER_COLUMNS)) {
      const value = query.filter?.[name as keyof CostFilter];
      if (value !== undefined) {
        builder.andWhere(column, value);
      }
    }
    if (query.chargeCategories) {
      builder.whereIn('charge_category', [...query.chargeCategories]);
    }
    return builder;
  }
}
