/**
 * Ingestion of a 1,000,000-row FOCUS CSV export of the sample fleet into the
 * daily costs (ingestFocusFile + CostStore on SQLite, as the plugin does),
 * against DuckDB reading the same file with read_csv and summing it to the
 * same daily grain (the baseline). Then the month-by-environment query (the
 * cost series grouped by environment per month) over the ingested data, 200
 * runs over the four months, against the same query on DuckDB's table
 * (which has no environments of its own: they come from the fleet's
 * accounts by a join).
 * Each contender runs in its own process, so that its peak memory is its
 * own. With BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING set, ours
 * also runs on PostgreSQL.
 *
 *   yarn bench finops-ingest [rows] [--cpu-prof]
 *
 * The generated file is kept under the system's temporary folder, keyed by
 * the generator's sources, the fleet and the row count, so that reruns skip
 * generating it; generation is never part of the figures.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import {
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { CostQueries } from '../plugins/finops-backend/src/database/CostQueries';
import { CostStore } from '../plugins/finops-backend/src/database/CostStore';
import { ingestFocusFile } from '../plugins/finops-backend/src/ingest/ingestFocusFile';
import { runInChild } from './lib/measure';

const repoRoot = resolve(__dirname, '..');
const fleetFile = join(repoRoot, 'config/environments.yaml');
const generatorDir = join(repoRoot, 'packages/focus-sample/src');
/** The last day of the generated charges: fixed, so the file is too. */
const DAY = '2026-11-21';
const SEED = 20261;
const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'];
const QUERY_RUNS = 200;
const WARMUP_RUNS = 10;

/** What a contender's process reports. */
interface ChildResult {
  label: string;
  rows: number;
  ingestMs: number;
  /** CPU time of the process during ingestion, all threads. */
  cpuMs: number;
  /** RSS after start-up (modules loaded, database open), in MB. */
  idleMb: number;
  /** Highest RSS of the process up to the end of ingestion, in MB. */
  peakMb: number;
  /** Rows of the aggregated table. */
  dailyRows: number;
  /** Sum of EffectiveCost per currency. */
  totals: Record<string, number>;
  /** The month-by-environment query of the first month, per environment and currency. */
  month: Record<string, number>;
  /** Wall time of the query; CPU time too, which a busy machine does not stretch. */
  query: {
    p50: number;
    p95: number;
    max: number;
    cpuP50: number;
    cpuP95: number;
  };
}

function monthRange(month: string) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${String(last).padStart(2, '0')}`,
  };
}

function loadFleet(): Environment[] {
  return parseEnvironments(readFileSync(fleetFile, 'utf8')).environments;
}

/** Samples RSS while work runs; the kernel's high-water mark covers the rest. */
function peakSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function idleMb(): number {
  (global as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

async function timeQueries(run: (month: string) => Promise<unknown>) {
  for (let i = 0; i < WARMUP_RUNS; i++) {
    await run(MONTHS[i % MONTHS.length]);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run(MONTHS[i % MONTHS.length]);
    wall.push(performance.now() - start);
    cpu.push(cpuMsSince(cpuStart));
  }
  const at = (times: number[], q: number) =>
    [...times].sort((a, b) => a - b)[Math.ceil(q * times.length) - 1];
  return {
    p50: at(wall, 0.5),
    p95: at(wall, 0.95),
    max: at(wall, 1),
    cpuP50: at(cpu, 0.5),
    cpuP95: at(cpu, 0.95),
  };
}

/** A fresh, empty PostgreSQL database; dropped by the returned function. */
async function freshPostgres(
  connectionString: string,
): Promise<{ knex: Knex; drop: () => Promise<void> }> {
  const name = `finops_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: connectionString });
  await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
  await admin.raw('CREATE DATABASE ??', [name]);
  const url = new URL(connectionString);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ??', [name]);
      await admin.destroy();
    },
  };
}

async function oursChild(engine: 'sqlite' | 'postgres', file: string) {
  const environments = loadFleet();
  let knex: Knex;
  let drop = async () => {};
  if (engine === 'sqlite') {
    // As the backend opens SQLite (app-config.yaml: better-sqlite3, :memory:).
    knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
  } else {
    ({ knex, drop } = await freshPostgres(
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
    ));
  }
  const store = await CostStore.create(knex);
  const queries = CostQueries.create(knex);
  const idle = idleMb();
  const stopSampler = peakSampler();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await ingestFocusFile({
    key: file,
    open: () => createReadStream(file),
    environments,
    store,
  });
  const ingestMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  const peak = stopSampler();
  if (result.status !== 'ingested' || result.problemCount > 0) {
    throw new Error(`ingestion went wrong: ${JSON.stringify(result)}`);
  }

  const totals: Array<{ currency: string; total: number | string }> =
    await knex('cost_daily')
      .select('currency')
      .sum({ total: 'effective_cost' })
      .groupBy('currency');
  const [{ count }] = await knex('cost_daily').count({ count: '*' });
  const monthQuery = (month: string) =>
    queries.series({
      range: monthRange(month),
      metric: 'effective',
      groupBy: 'environment',
      granularity: 'month',
    });
  const first = await monthQuery(MONTHS[0]);
  const query = await timeQueries(monthQuery);
  await drop();
  await knex.destroy().catch(() => {});
  const out: ChildResult = {
    label:
      engine === 'sqlite'
        ? 'ours: ingestFocusFile + CostStore, SQLite'
        : 'ours: ingestFocusFile + CostStore, PostgreSQL',
    rows: result.rowsIngested,
    ingestMs,
    cpuMs,
    idleMb: idle,
    peakMb: peak,
    dailyRows: Number(count),
    totals: Object.fromEntries(totals.map(t => [t.currency, Number(t.total)])),
    month: Object.fromEntries(
      first.map(p => [`${p.key ?? '(unattributed)'} ${p.currency}`, p.amount]),
    ),
    query,
  };
  console.log(JSON.stringify(out));
}

async function duckdbChild(file: string) {
  // Loaded here only: the parent and our contender never map DuckDB.
  const { DuckDBInstance } =
    require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`SET TimeZone = 'UTC'`);
  const threads = (
    await db.runAndReadAll(`SELECT current_setting('threads') AS threads`)
  ).getRowObjectsJS()[0].threads;
  // Environments come from the accounts of the fleet file: DuckDB's table
  // has no attribution of its own.
  await db.run(
    'CREATE TABLE account_environment (sub_account_id VARCHAR, environment VARCHAR)',
  );
  for (const env of loadFleet()) {
    for (const account of env.cost?.accounts ?? []) {
      await db.run('INSERT INTO account_environment VALUES ($1, $2)', [
        account,
        env.name,
      ]);
    }
  }
  const idle = idleMb();
  const stopSampler = peakSampler();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await db.run(`
    CREATE TABLE cost_daily AS
    SELECT CAST(ChargePeriodStart AS DATE) AS date,
           ProviderName AS provider,
           SubAccountId AS sub_account_id,
           RegionId AS region,
           ServiceCategory AS service_category,
           ServiceName AS service_name,
           ChargeCategory AS charge_category,
           BillingCurrency AS currency,
           sum(BilledCost) AS billed_cost,
           sum(EffectiveCost) AS effective_cost,
           count(*) AS row_count
    FROM read_csv('${file.replace(/'/g, "''")}', header = true, types = {
      'ChargePeriodStart': 'TIMESTAMPTZ',
      'BilledCost': 'DECIMAL(18,4)',
      'EffectiveCost': 'DECIMAL(18,4)'
    })
    GROUP BY ALL`);
  const ingestMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  const peak = stopSampler();

  const summary = (
    await db.runAndReadAll(
      `SELECT CAST(sum(row_count) AS BIGINT) AS rows, count(*) AS daily FROM cost_daily`,
    )
  ).getRowObjectsJS()[0];
  const totals = (
    await db.runAndReadAll(
      `SELECT currency, CAST(sum(effective_cost) AS DOUBLE) AS total
       FROM cost_daily GROUP BY currency`,
    )
  ).getRowObjectsJS();
  const statement = await db.prepare(`
    SELECT strftime(date, '%Y-%m') AS period, e.environment AS key, d.currency,
           CAST(sum(d.effective_cost) AS DOUBLE) AS amount
    FROM cost_daily d LEFT JOIN account_environment e USING (sub_account_id)
    WHERE d.date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
    GROUP BY ALL`);
  const monthQuery = async (month: string) => {
    const { from, to } = monthRange(month);
    statement.bind([from, to]);
    return (await statement.runAndReadAll()).getRowObjectsJS() as Array<{
      key: string | null;
      currency: string;
      amount: number;
    }>;
  };
  const first = await monthQuery(MONTHS[0]);
  const query = await timeQueries(monthQuery);
  const out: ChildResult = {
    label: `DuckDB: read_csv + GROUP BY (baseline, ${threads} threads)`,
    rows: Number(summary.rows),
    ingestMs,
    cpuMs,
    idleMb: idle,
    peakMb: peak,
    dailyRows: Number(summary.daily),
    totals: Object.fromEntries(
      totals.map(t => [String(t.currency), Number(t.total)]),
    ),
    month: Object.fromEntries(
      first.map(p => [`${p.key ?? '(unattributed)'} ${p.currency}`, p.amount]),
    ),
    query,
  };
  console.log(JSON.stringify(out));
}

/** The generated export, made once per generator version, fleet and size. */
function benchFile(rows: number): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(generatorDir).sort()) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      hash.update(name).update(readFileSync(join(generatorDir, name)));
    }
  }
  hash.update(readFileSync(fleetFile)).update(`${rows}:${DAY}:${SEED}`);
  const dir = join(tmpdir(), 'multicloud-bench');
  const file = join(
    dir,
    `focus-${rows}-${hash.digest('hex').slice(0, 12)}.csv`,
  );
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.partial`;
    const start = performance.now();
    execFileSync(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        join(generatorDir, 'cli.ts'),
        '--fleet',
        fleetFile,
        '--rows',
        String(rows),
        '--now',
        DAY,
        '--seed',
        String(SEED),
        '--out',
        partial,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    renameSync(partial, file);
    console.log(
      `(generated ${file} in ${((performance.now() - start) / 1000).toFixed(
        1,
      )} s; not part of the figures)`,
    );
  }
  return file;
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** Whether two sets of sums have the same keys and agree to the cent. */
function sumsAgree(
  a: Record<string, number>,
  b: Record<string, number>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  // Four decimals per row: sums of a million of them agree to the cent.
  return [...keys].every(
    key => key in a && key in b && Math.abs(a[key] - b[key]) < 0.01,
  );
}

function main() {
  const args = process.argv.slice(2);
  const profile = args.includes('--cpu-prof');
  const rows = Number(args.find(arg => /^\d+$/.test(arg)) ?? 1_000_000);
  const file = benchFile(rows);
  const size = statSync(file).size;
  const profileDir = join(tmpdir(), 'multicloud-bench', 'profiles');
  const nodeArgs = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
    : [];

  const ours = runInChild<ChildResult>(
    __filename,
    ['child', 'sqlite', file],
    nodeArgs,
  );
  const duck = runInChild<ChildResult>(__filename, ['child', 'duckdb', file]);
  const postgres = process.env
    .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? runInChild<ChildResult>(__filename, ['child', 'postgres', file])
    : undefined;
  const contenders = [ours, duck, ...(postgres ? [postgres] : [])];

  const width = Math.max(...contenders.map(c => c.label.length));
  const table = (cells: string[]) =>
    console.log(
      `  ${cells[0].padEnd(width)}${cells
        .slice(1)
        .map(cell => cell.padStart(12))
        .join('')}`,
    );
  console.log(
    `FOCUS CSV export of ${fmt(rows)} rows (${fmt(
      size / 1e6,
    )} MB) summed to the daily grain; each contender in its own process`,
  );
  table([
    '',
    'wall ms',
    'rows/s',
    'CPU ms',
    'peak RSS',
    'above idle',
    'daily rows',
  ]);
  for (const c of contenders) {
    table([
      c.label,
      fmt(c.ingestMs),
      fmt(c.rows / (c.ingestMs / 1000)),
      fmt(c.cpuMs),
      `${fmt(c.peakMb)} MB`,
      `${fmt(c.peakMb - c.idleMb)} MB`,
      fmt(c.dailyRows),
    ]);
  }
  const ratio = (a: number, b: number) => (a / Math.max(b, 0.1)).toFixed(2);
  console.log(
    `  ratio (ours / DuckDB): ${ratio(
      ours.ingestMs,
      duck.ingestMs,
    )}x wall time, ${ratio(ours.cpuMs, duck.cpuMs)}x CPU time, ${ratio(
      ours.peakMb,
      duck.peakMb,
    )}x peak RSS, ${ratio(
      ours.peakMb - ours.idleMb,
      duck.peakMb - duck.idleMb,
    )}x memory above idle`,
  );
  console.log(
    `  (CPU ms: all threads of the process${
      postgres ? '; for PostgreSQL the client only, not the server' : ''
    }. On a busy machine wall time stretches, CPU time much less.)`,
  );
  for (const c of contenders.filter(c => c !== duck)) {
    const totals = sumsAgree(c.totals, duck.totals);
    const month = sumsAgree(c.month, duck.month);
    console.log(
      `  check ${c.label.replace(/^ours: .*, /, '')}: rows ${fmt(
        c.rows,
      )} vs ${fmt(duck.rows)}; EffectiveCost per currency ${Object.keys(
        c.totals,
      )
        .sort()
        .map(
          currency =>
            `${currency} ${fmt(c.totals[currency], 2)} vs ${fmt(
              duck.totals[currency] ?? NaN,
              2,
            )}`,
        )
        .join(', ')}: ${totals ? 'agree' : 'DIFFER'}; ${
        MONTHS[0]
      } by environment (${Object.keys(c.month).length} groups): ${
        month ? 'agree' : 'DIFFER'
      }`,
    );
  }
  console.log(
    `month by environment (cost series, groupBy environment, granularity month), ${QUERY_RUNS} runs over ${MONTHS.join(
      ', ',
    )}`,
  );
  for (const c of contenders) {
    console.log(
      `  ${c.label.padEnd(width)}  p50 ${fmt(c.query.p50, 2).padStart(
        7,
      )} ms  p95 ${fmt(c.query.p95, 2).padStart(7)} ms  max ${fmt(
        c.query.max,
        2,
      ).padStart(7)} ms   CPU p50 ${fmt(c.query.cpuP50, 2).padStart(
        6,
      )} ms  p95 ${fmt(c.query.cpuP95, 2).padStart(6)} ms`,
    );
  }
  console.log(
    `  ratio (ours / DuckDB): ${ratio(
      ours.query.p95,
      duck.query.p95,
    )}x p95, ${ratio(ours.query.cpuP95, duck.query.cpuP95)}x CPU p95`,
  );
  if (profile) {
    console.log(`  CPU profile of ours in ${profileDir}`);
  }
  const failed = contenders
    .filter(c => c !== duck)
    .some(
      c =>
        c.rows !== duck.rows ||
        !sumsAgree(c.totals, duck.totals) ||
        !sumsAgree(c.month, duck.month),
    );
  if (failed) {
    process.exitCode = 1;
  }
}

const [mode, engine, childFile] = process.argv.slice(2);
if (mode === 'child') {
  const run =
    engine === 'duckdb'
      ? duckdbChild(childFile)
      : oursChild(engine as 'sqlite' | 'postgres', childFile);
  run.catch(error => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
