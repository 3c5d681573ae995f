/**
 * Writes sample FOCUS 1.0 exports for a fleet file:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     packages/focus-sample/src/cli.ts \
 *     --fleet config/environments.yaml --out /tmp/focus \
 *     [--months 2026-09,2026-10,2026-11] [--seed 20261] [--gzip]
 *
 * One file per provider and month (`<out>/<provider>/<YYYY-MM>.csv`, or
 * `.csv.gz` with --gzip), then a summary of files, rows and totals.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  formatProblem,
  parseEnvironments,
} from '@multicloud/plugin-environments-common';
import { DEFAULT_SEED, generateFocusExports } from './generate';
import { splitCsvLine } from './csv';

const USAGE =
  'Usage: cli.ts --fleet <environments.yaml> --out <dir> [--months YYYY-MM,...] [--seed n] [--gzip]';

interface Options {
  fleet: string;
  out: string;
  months: string[];
  seed: number;
  gzip: boolean;
}

/** The three months ending with the one of `now`, as `YYYY-MM`. */
export function defaultMonths(now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let back = 2; back >= 0; back--) {
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
    const match = /^--(fleet|out|months|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument "${arg}"`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') {
      throw new Error(`--${match[1]} needs a value`);
    }
    values[match[1]] = value;
  }
  if (!values.fleet) throw new Error('--fleet is required');
  if (!values.out) throw new Error('--out is required');
  const months = values.months
    ? values.months.split(',').map(month => month.trim())
    : defaultMonths();
  for (const month of months) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new Error(`--months: "${month}" is not a month (YYYY-MM)`);
    }
  }
  const seed = Number(values.seed ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) {
    throw new Error(`--seed must be an integer, not "${values.seed}"`);
  }
  return { fleet: values.fleet, out: values.out, months, seed, gzip };
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

function main(): void {
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
  const files = generateFocusExports(parsed.environments, {
    months: options.months,
    seed: options.seed,
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
    } files, ${rows} rows in ${out} (months ${options.months.join(', ')})\n`,
  );
  for (const [currency, total] of [...totals].sort()) {
    process.stdout.write(`  total ${currency} ${total.toFixed(2)}\n`);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(1);
  }
}
