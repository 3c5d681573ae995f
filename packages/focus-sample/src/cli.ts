/**
 * Writes sample FOCUS 1.0 exports for a fleet file:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/focus-sample/src/cli.ts \
 *     --fleet config/environments.yaml --out /tmp/focus \
 *     [--months 2026-08,2026-09,2026-10,2026-11] [--now 2026-11-21] \
 *     [--seed 20261] [--gzip]
 *
 * One file per provider and month (`<out>/<provider>/<YYYY-MM>.csv`, or
 * `.csv.gz` with --gzip), with charges up to the day of --now (default
 * today), then a summary of files, rows and totals.
 *
 * With `--rows <n>`, writes instead one export of the whole fleet with n
 * rows to the file --out, streamed, for volume tests.
 */
import { once } from 'node:events';
import {
  createWriteStream,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import {
  formatProblem,
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import { DEFAULT_SEED, generateFocusExports } from './generate';
import { splitCsvLine } from './csv';
import { generateFocusRows } from './volume';

const USAGE = [
  'Usage: cli.ts --fleet <environments.yaml> --out <dir> [--months YYYY-MM,...] [--now YYYY-MM-DD] [--seed n] [--gzip]',
  '       cli.ts --fleet <environments.yaml> --rows <n> --out <file.csv> [--now YYYY-MM-DD] [--seed n] [--gzip]',
].join('\n');

interface Options {
  fleet: string;
  out: string;
  months: string[];
  now: Date;
  seed: number;
  gzip: boolean;
  rows?: number;
}

/** The three months before the one of `now` and that month, as `YYYY-MM`. */
export function defaultMonths(now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let back = 3; back >= 0; back--) {
    const date = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1),
    );
    months.push(date.toISOString().slice(0, 7));
  }
  return months;
}

function parseArgs(argv: string[]): Options {
  const values: Record<string, string> = {};
  let gzip = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (arg === '--gzip') {
      gzip = true;
      continue;
    }
    const match = /^--(fleet|out|months|now|seed|rows)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') {
      throw new Error(`--${match[1]} needs a value`);
    }
    values[match[1]] = value;
  }
  if (!values.fleet) throw new Error('--fleet is required');
  if (!values.out) throw new Error('--out is required');
  const now = values.now ? parseDay(values.now) : new Date();
  const months = values.months
    ? values.months.split(',').map(month => month.trim())
    : defaultMonths(now);
  for (const month of months) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new Error(`--months: "${month}" is not a month (YYYY-MM)`);
    }
  }
  const seed = Number(values.seed ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) {
    throw new Error(`--seed must be an integer, not "${values.seed}"`);
  }
  let rows: number | undefined;
  if (values.rows !== undefined) {
    if (values.months) {
      throw new Error('--months and --rows do not go together');
    }
    rows = Number(values.rows);
    if (!Number.isInteger(rows) || rows < 1) {
      throw new Error(
        `--rows must be a positive integer, not "${values.rows}"`,
      );
    }
  }
  return {
    fleet: values.fleet,
    out: values.out,
    months,
    now,
    seed,
    gzip,
    rows,
  };
}

/** Midnight UTC of a `YYYY-MM-DD` day. */
function parseDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match
    ? new Date(
        Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])),
      )
    : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`--now: "${text}" is not a day (YYYY-MM-DD)`);
  }
  return date;
}

/** Sums BilledCost per BillingCurrency over the data lines of a CSV. */
function summarize(text: string, totals: Map<string, number>): number {
  const lines = text.split('\n').filter(line => line !== '');
  const header = splitCsvLine(lines[0]);
  const costIndex = header.indexOf('BilledCost');
  const currencyIndex = header.indexOf('BillingCurrency');
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const currency = cells[currencyIndex];
    totals.set(
      currency,
      (totals.get(currency) ?? 0) + Number(cells[costIndex]),
    );
  }
  return lines.length - 1;
}

/** Lines written to the stream per write call. */
const LINES_PER_CHUNK = 2000;

/**
 * Streams one export of `options.rows` rows to `options.out`, a chunk of
 * lines at a time and waiting whenever the stream asks to, so that memory
 * stays flat whatever the number of rows.
 */
async function writeRows(
  environments: Environment[],
  options: Options & { rows: number },
): Promise<void> {
  const path = resolve(
    options.gzip && !options.out.endsWith('.gz')
      ? `${options.out}.gz`
      : options.out,
  );
  mkdirSync(dirname(path), { recursive: true });
  const file = createWriteStream(path);
  let out: Writable = file;
  if (options.gzip) {
    out = createGzip();
    out.pipe(file);
  }
  let chunk: string[] = [];
  for (const line of generateFocusRows(environments, {
    rows: options.rows,
    seed: options.seed,
    now: options.now,
  })) {
    chunk.push(line);
    if (chunk.length === LINES_PER_CHUNK) {
      if (!out.write(`${chunk.join('\n')}\n`)) {
        await once(out, 'drain');
      }
      chunk = [];
    }
  }
  if (chunk.length > 0) {
    out.write(`${chunk.join('\n')}\n`);
  }
  out.end();
  await finished(file);
  process.stdout.write(
    `${path}  ${options.rows} rows, ${(statSync(path).size / 1e6).toFixed(
      1,
    )} MB\n`,
  );
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const fleetFile = resolve(options.fleet);
  const parsed = parseEnvironments(readFileSync(fleetFile, 'utf8'), {
    file: options.fleet,
  });
  for (const problem of parsed.problems) {
    process.stderr.write(`${formatProblem(problem)}\n`);
  }
  if (parsed.fatal) {
    process.exit(1);
  }
  if (options.rows !== undefined) {
    await writeRows(parsed.environments, { ...options, rows: options.rows });
    return;
  }
  const files = generateFocusExports(parsed.environments, {
    months: options.months,
    seed: options.seed,
    now: options.now,
  });
  const out = resolve(options.out);
  const totals = new Map<string, number>();
  let rows = 0;
  for (const file of files) {
    const name = options.gzip ? `${file.name}.gz` : file.name;
    const path = join(out, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      options.gzip ? gzipSync(Buffer.from(file.text, 'utf8')) : file.text,
    );
    const count = summarize(file.text, totals);
    rows += count;
    process.stdout.write(`${name}  ${count} rows\n`);
  }
  process.stdout.write(
    `\n${
      files.length
    } files, ${rows} rows in ${out} (months ${options.months.join(
      ', ',
    )}, charges up to ${options.now.toISOString().slice(0, 10)})\n`,
  );
  for (const [currency, total] of [...totals].sort()) {
    process.stdout.write(`  total ${currency} ${total.toFixed(2)}\n`);
  }
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(1);
  });
}
