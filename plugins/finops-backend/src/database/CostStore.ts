import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { CostProblem } from '@multicloud/plugin-finops-common';
import type { Knex } from 'knex';

/** Problems kept per file in `cost_files`. */
export const MAX_STORED_PROBLEMS = 100;

const INSERT_BATCH_SIZE = 500;

/** What is known of an ingested file. */
export interface CostFileState {
  key: string;
  sha256: string;
  focusVersion: string;
  rowsRead: number;
  rowsIngested: number;
  /** The first {@link MAX_STORED_PROBLEMS} problems of the file. */
  problems: CostProblem[];
  ingestedAt: string;
}

/** What {@link CostStore.replaceFile} records of a file besides its rows. */
export interface CostFileMeta {
  sha256: string;
  focusVersion: string;
  rowsRead: number;
  rowsIngested: number;
  problems: CostProblem[];
  /** Defaults to now. */
  ingestedAt?: string;
}

/** The charges of a file summed per day and dimension. */
export interface CostDailyRow {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  provider: string;
  billingAccountId?: string;
  subAccountId?: string;
  region?: string;
  serviceCategory?: string;
  serviceName?: string;
  chargeCategory: string;
  /** `undefined` when the charges are unattributed. */
  environment?: string;
  entityRef?: string;
  currency: string;
  billedCost: number;
  effectiveCost: number;
  /** Number of export rows summed into this one. */
  rowCount: number;
}

/** Cost of one environment (or of the unattributed charges) in a currency. */
export interface EnvironmentCost {
  /** `null` for the charges attributed to no environment. */
  environment: string | null;
  currency: string;
  billed: number;
  effective: number;
}

interface FileRecord {
  key: string;
  sha256: string;
  focus_version: string;
  rows_read: number | string;
  rows_ingested: number | string;
  problems: string;
  ingested_at: string;
}

interface DailyRecord {
  file_key: string;
  date: string;
  provider: string;
  billing_account_id: string | null;
  sub_account_id: string | null;
  region: string | null;
  service_category: string | null;
  service_name: string | null;
  charge_category: string;
  environment: string | null;
  entity_ref: string | null;
  currency: string;
  billed_cost: number;
  effective_cost: number;
  row_count: number;
}

/** Ingested FOCUS exports and their daily costs, in the plugin's database. */
export class CostStore {
  /**
   * Creates the store and, unless `skipMigrations`, brings the schema up to
   * date with the migrations of this package.
   */
  static async create(
    knex: Knex,
    options?: { skipMigrations?: boolean },
  ): Promise<CostStore> {
    if (!options?.skipMigrations) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@multicloud/plugin-finops-backend',
          'migrations',
        ),
      });
    }
    return new CostStore(knex);
  }

  private constructor(private readonly db: Knex) {}

  /** What is known of an ingested file; `undefined` when never ingested. */
  async fileState(key: string): Promise<CostFileState | undefined> {
    const row = await this.db<FileRecord>('cost_files').where({ key }).first();
    return row ? toFileState(row) : undefined;
  }

  /** What is known of every ingested file, sorted by key. */
  async listFiles(): Promise<CostFileState[]> {
    const rows = await this.db<FileRecord>('cost_files').orderBy('key');
    return rows.map(toFileState);
  }

  /**
   * Replaces the daily rows of a file and records its state, in one
   * transaction: readers see either the old rows or the new ones.
   */
  async replaceFile(
    key: string,
    meta: CostFileMeta,
    dailyRows: Iterable<CostDailyRow>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx('cost_daily').where({ file_key: key }).delete();

      let batch: DailyRecord[] = [];
      for (const row of dailyRows) {
        batch.push(toRecord(key, row));
        if (batch.length >= INSERT_BATCH_SIZE) {
          await trx('cost_daily').insert(batch);
          batch = [];
        }
      }
      if (batch.length > 0) {
        await trx('cost_daily').insert(batch);
      }

      await trx<FileRecord>('cost_files')
        .insert({
          key,
          sha256: meta.sha256,
          focus_version: meta.focusVersion,
          rows_read: meta.rowsRead,
          rows_ingested: meta.rowsIngested,
          problems: JSON.stringify(meta.problems.slice(0, MAX_STORED_PROBLEMS)),
          ingested_at: meta.ingestedAt ?? new Date().toISOString(),
        })
        .onConflict('key')
        .merge();
    });
  }

  /**
   * Billed and effective cost per environment and currency of the days from
   * `from` to `to` (both `YYYY-MM-DD`, inclusive). Unattributed charges have
   * the environment `null`. Sorted by environment (null last), then currency.
   */
  async costByEnvironment(range: {
    from: string;
    to: string;
  }): Promise<EnvironmentCost[]> {
    const rows: Array<{
      environment: string | null;
      currency: string;
      billed: number | string | null;
      effective: number | string | null;
    }> = await this.db('cost_daily')
      .select('environment', 'currency')
      .sum({ billed: 'billed_cost', effective: 'effective_cost' })
      .where('date', '>=', range.from)
      .andWhere('date', '<=', range.to)
      .groupBy('environment', 'currency');

    return rows
      .map(row => ({
        environment: row.environment ?? null,
        currency: row.currency,
        billed: Number(row.billed ?? 0),
        effective: Number(row.effective ?? 0),
      }))
      .sort(
        (a, b) =>
          compareNullLast(a.environment, b.environment) ||
          a.currency.localeCompare(b.currency),
      );
  }
}

function compareNullLast(a: string | null, b: string | null): number {
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

function toFileState(row: FileRecord): CostFileState {
  return {
    key: row.key,
    sha256: row.sha256,
    focusVersion: row.focus_version,
    rowsRead: Number(row.rows_read),
    rowsIngested: Number(row.rows_ingested),
    problems: JSON.parse(row.problems),
    ingestedAt: row.ingested_at,
  };
}

function toRecord(fileKey: string, row: CostDailyRow): DailyRecord {
  return {
    file_key: fileKey,
    date: row.date,
    provider: row.provider,
    billing_account_id: row.billingAccountId ?? null,
    sub_account_id: row.subAccountId ?? null,
    region: row.region ?? null,
    service_category: row.serviceCategory ?? null,
    service_name: row.serviceName ?? null,
    charge_category: row.chargeCategory,
    environment: row.environment ?? null,
    entity_ref: row.entityRef ?? null,
    currency: row.currency,
    billed_cost: row.billedCost,
    effective_cost: row.effectiveCost,
    row_count: row.rowCount,
  };
}
