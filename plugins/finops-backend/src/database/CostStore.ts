import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { CostProblem } from '@multicloud/plugin-finops-common';
import type { Knex } from 'knex';

/** Problems kept per file in `cost_files`. */
export const MAX_STORED_PROBLEMS = 100;

const INSERT_BATCH_SIZE = 500;

/** What was ingested: a FOCUS export, or the OpenCost of a cluster. */
export type CostSourceKind = 'focus' | 'opencost';

/** What is known of an ingested file or OpenCost source. */
export interface CostFileState {
  key: string;
  kind: CostSourceKind;
  sha256: string;
  /** The FOCUS version of an export; absent for OpenCost. */
  focusVersion?: string;
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

/** What {@link CostStore.replaceOpenCostDays} records of an OpenCost pull. */
export interface OpenCostSourceMeta {
  /** SHA-256 of the allocations as read, to skip a pull that changed nothing. */
  sha256: string;
  /** Allocations read, malformed ones included. */
  rowsRead: number;
  rowsIngested: number;
  problems: CostProblem[];
  /** Defaults to now. */
  ingestedAt?: string;
}

/** The in-cluster cost of one workload (or namespace) on one day. */
export interface NamespaceDailyRow {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  environment: string;
  /** Cluster id as OpenCost reports it. */
  cluster?: string;
  namespace: string;
  /** `deployment`, `statefulset`, ...; absent for pods without controller. */
  controllerKind?: string;
  controller?: string;
  entityRef?: string;
  currency: string;
  cpuCost: number;
  gpuCost: number;
  ramCost: number;
  pvCost: number;
  networkCost: number;
  loadBalancerCost: number;
  sharedCost: number;
  externalCost: number;
  totalCost: number;
}

/** The in-cluster cost of one namespace on one day, in one currency. */
export interface NamespaceDailyCost {
  date: string;
  /** `<environment>/<namespace>`. */
  key: string;
  currency: string;
  amount: number;
}

interface FileRecord {
  key: string;
  kind: CostSourceKind;
  sha256: string;
  focus_version: string | null;
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

/**
 * Ingested FOCUS exports and OpenCost allocations with their daily costs, in
 * the plugin's database.
 */
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
          kind: 'focus',
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
   * Replaces the in-cluster costs of an OpenCost source for the days from
   * `range.from` to `range.to` (inclusive) and records the pull, in one
   * transaction. Days outside the range keep their rows: each pull covers
   * the last few days, and older days stay as history.
   */
  async replaceOpenCostDays(
    key: string,
    meta: OpenCostSourceMeta,
    range: { from: string; to: string },
    rows: Iterable<NamespaceDailyRow>,
  ): Promise<void> {
    await this.db.transaction(async trx => {
      await trx('opencost_daily')
        .where({ source_key: key })
        .andWhere('date', '>=', range.from)
        .andWhere('date', '<=', range.to)
        .delete();

      let batch: NamespaceRecord[] = [];
      for (const row of rows) {
        batch.push(toNamespaceRecord(key, row));
        if (batch.length >= INSERT_BATCH_SIZE) {
          await trx('opencost_daily').insert(batch);
          batch = [];
        }
      }
      if (batch.length > 0) {
        await trx('opencost_daily').insert(batch);
      }

      await trx<FileRecord>('cost_files')
        .insert({
          key,
          kind: 'opencost',
          sha256: meta.sha256,
          focus_version: null,
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
   * Records that an OpenCost source could not be read, with the reason. Its
   * costs stay as they were; its hash is cleared so that the next answer is
   * read whatever it is.
   */
  async recordOpenCostFailure(
    key: string,
    problem: CostProblem,
    at?: string,
  ): Promise<void> {
    await this.db<FileRecord>('cost_files')
      .insert({
        key,
        kind: 'opencost',
        sha256: '',
        focus_version: null,
        rows_read: 0,
        rows_ingested: 0,
        problems: JSON.stringify([problem]),
        ingested_at: at ?? new Date().toISOString(),
      })
      .onConflict('key')
      .merge();
  }

  /**
   * The in-cluster cost (OpenCost's total) of each namespace per day and
   * currency, from `range.from` to `range.to` (inclusive), keyed
   * `<environment>/<namespace>`. Sorted by date, key, then currency.
   */
  async dailyByNamespace(
    range: { from: string; to: string },
    filter: { environment?: string } = {},
  ): Promise<NamespaceDailyCost[]> {
    const rows: Array<{
      date: string;
      environment: string;
      namespace: string;
      currency: string;
      amount: number | string | null;
    }> = await this.db('opencost_daily')
      .select('date', 'environment', 'namespace', 'currency')
      .sum({ amount: 'total_cost' })
      .where('date', '>=', range.from)
      .andWhere('date', '<=', range.to)
      .modify(query => {
        if (filter.environment !== undefined) {
          query.andWhere('environment', filter.environment);
        }
      })
      .groupBy('date', 'environment', 'namespace', 'currency');
    return rows
      .map(row => ({
        date: row.date,
        key: `${row.environment}/${row.namespace}`,
        currency: row.currency,
        amount: Number(row.amount ?? 0),
      }))
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.key.localeCompare(b.key) ||
          a.currency.localeCompare(b.currency),
      );
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
    kind: row.kind,
    sha256: row.sha256,
    ...(row.focus_version ? { focusVersion: row.focus_version } : {}),
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

interface NamespaceRecord {
  source_key: string;
  date: string;
  environment: string;
  cluster: string | null;
  namespace: string;
  controller_kind: string | null;
  controller: string | null;
  entity_ref: string | null;
  currency: string;
  cpu_cost: number;
  gpu_cost: number;
  ram_cost: number;
  pv_cost: number;
  network_cost: number;
  load_balancer_cost: number;
  shared_cost: number;
  external_cost: number;
  total_cost: number;
}

function toNamespaceRecord(
  sourceKey: string,
  row: NamespaceDailyRow,
): NamespaceRecord {
  return {
    source_key: sourceKey,
    date: row.date,
    environment: row.environment,
    cluster: row.cluster ?? null,
    namespace: row.namespace,
    controller_kind: row.controllerKind ?? null,
    controller: row.controller ?? null,
    entity_ref: row.entityRef ?? null,
    currency: row.currency,
    cpu_cost: row.cpuCost,
    gpu_cost: row.gpuCost,
    ram_cost: row.ramCost,
    pv_cost: row.pvCost,
    network_cost: row.networkCost,
    load_balancer_cost: row.loadBalancerCost,
    shared_cost: row.sharedCost,
    external_cost: row.externalCost,
    total_cost: row.totalCost,
  };
}
