import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import {
  attributeToEnvironment,
  detectFocusVersion,
  normalizeFocusRow,
  type CostProblem,
  type CostRow,
} from '@multicloud/plugin-finops-common';
import { fileProviderOf } from './billing';
import { splitCsvLine } from './csv';
import { generateFocusRows } from './volume';

const { environments } = parseEnvironments(
  readFileSync(resolve(__dirname, '../../../config/environments.yaml'), 'utf8'),
);
const now = new Date('2026-11-21T09:30:00Z');
const count = 20_000;
const lines = [
  ...generateFocusRows(environments, { rows: count, seed: 3, now }),
];
const header = splitCsvLine(lines[0]);
const problems: CostProblem[] = [];
const widths: number[] = [];
const rows: CostRow[] = lines.slice(1).flatMap((line, index) => {
  const cells = splitCsvLine(line);
  if (cells.length !== header.length) widths.push(index + 2);
  const result = normalizeFocusRow(
    Object.fromEntries(header.map((name, column) => [name, cells[column]])),
    { file: 'volume.csv', line: index + 2, version: '1.0' },
  );
  problems.push(...result.problems);
  return result.row ? [result.row] : [];
});
const distinct = (values: Array<string | undefined>) =>
  new Set(values.filter(value => value !== undefined));

describe('generateFocusRows', () => {
  it('writes the header and exactly the rows asked for, all usable', () => {
    expect(detectFocusVersion(header)).toEqual({ version: '1.0', missing: [] });
    expect(lines).toHaveLength(count + 1);
    expect(widths).toEqual([]);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(count);
  });

  it('covers three months before the one of now and that month up to now', () => {
    const dates = rows.map(row => row.date).sort();
    expect(dates[0]).toBe('2026-08-01');
    expect(dates[dates.length - 1]).toBe('2026-11-21');
    expect(distinct(dates).size).toBe(31 + 30 + 31 + 21);
    const perDay = new Map<string, number>();
    for (const date of dates) perDay.set(date, (perDay.get(date) ?? 0) + 1);
    // Every day has the same rows; the last one may stop short.
    const counts = [...perDay.values()];
    expect(new Set(counts.slice(0, -1)).size).toBe(1);
    expect(counts[counts.length - 1]).toBeLessThanOrEqual(counts[0]);
  });

  it('has the variety of a real fleet export', () => {
    expect(distinct(rows.map(row => row.provider))).toEqual(
      new Set(['azure', 'aws', 'gcp', 'ibm', 'oracle']),
    );
    expect(distinct(rows.map(row => row.region)).size).toBeGreaterThan(12);
    expect(distinct(rows.map(row => row.serviceName)).size).toBeGreaterThan(40);
    expect(distinct(rows.map(row => row.chargeCategory))).toEqual(
      new Set(['Usage', 'Credit', 'Tax']),
    );
    expect(distinct(rows.map(row => row.currency))).toEqual(
      new Set(['USD', 'EUR']),
    );
    expect(distinct(rows.map(row => row.resourceId)).size).toBeGreaterThan(140);
    for (const row of rows.filter(r => r.chargeCategory === 'Credit')) {
      expect(row.billedCost).toBeLessThan(0);
    }
  });

  it('attributes most rows to the billed environments, leaves some unattributed', () => {
    const byEnvironment = new Map<string, number>();
    let tagged = 0;
    for (const row of rows) {
      const { environment, by } = attributeToEnvironment(row, environments);
      const key = environment ?? '';
      byEnvironment.set(key, (byEnvironment.get(key) ?? 0) + 1);
      if (by === 'tag') tagged++;
    }
    const billed = environments.filter(env => fileProviderOf(env));
    expect([...byEnvironment.keys()].sort()).toEqual(
      ['', ...billed.map(env => env.name)].sort(),
    );
    const unattributed = (byEnvironment.get('') ?? 0) / rows.length;
    expect(unattributed).toBeGreaterThan(0.05);
    expect(unattributed).toBeLessThan(0.2);
    expect(tagged / rows.length).toBeGreaterThan(0.4);
    expect(tagged / rows.length).toBeLessThan(0.9);
  });

  it('is deterministic for a seed and a day', () => {
    const once = [
      ...generateFocusRows(environments, { rows: 500, seed: 3, now }),
    ];
    const again = [
      ...generateFocusRows(environments, { rows: 500, seed: 3, now }),
    ];
    expect(again).toEqual(once);
    const same = [
      ...generateFocusRows(environments, {
        rows: 500,
        seed: 3,
        now: new Date('2026-11-21T23:59:00Z'),
      }),
    ];
    expect(same).toEqual(again);
    const other = [
      ...generateFocusRows(environments, { rows: 500, seed: 4, now }),
    ];
    expect(other).not.toEqual(again);
  });

  it('yields its lines one at a time', () => {
    const lazy = generateFocusRows(environments, {
      rows: 2_000_000,
      seed: 3,
      now,
    });
    expect(lazy.next().value).toBe(lines[0]);
    expect(lazy.next().value).toMatch(/^,\d+\.\d{4},/);
    lazy.return();
  });

  it('rejects a row count that is not a whole number', () => {
    expect(() =>
      generateFocusRows(environments, { rows: 1.5, now }).next(),
    ).toThrow('rows must be a whole number, not 1.5');
  });
});
