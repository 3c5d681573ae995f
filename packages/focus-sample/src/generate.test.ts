import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import {
  attributeToEnvironment,
  detectFocusVersion,
  normalizeFocusRow,
  type CostRow,
} from '@multicloud/plugin-finops-common';
import { fileProviderOf } from './billing';
import { defaultMonths } from './cli';
import {
  FOCUS_1_0_HEADER,
  anomalyEnvironment,
  generateFocusExports,
  overBudgetEnvironment,
} from './generate';
import { parseCsv } from './csv';

const fleetText = readFileSync(
  resolve(__dirname, '../../../config/environments.yaml'),
  'utf8',
);
const parsed = parseEnvironments(fleetText);
const environments = parsed.environments;
const months = ['2026-09', '2026-10'];
const now = new Date('2026-11-21T09:30:00Z');
const files = generateFocusExports(environments, { months, seed: 7, now });

interface Parsed {
  file: string;
  header: string[];
  rows: CostRow[];
}

const problems: unknown[] = [];
const widths: string[] = [];
const normalized: Parsed[] = files.map(file => {
  const [header, ...lines] = parseCsv(file.text);
  const rows: CostRow[] = [];
  lines.forEach((cells, index) => {
    if (cells.length !== header.length) {
      widths.push(`${file.name}:${index + 2} has ${cells.length} cells`);
    }
    const record = Object.fromEntries(
      header.map((name, column) => [name, cells[column]]),
    );
    const result = normalizeFocusRow(record, {
      file: file.name,
      line: index + 2,
      version: '1.0',
    });
    problems.push(...result.problems);
    if (result.row) rows.push(result.row);
  });
  return { file: file.name, header, rows };
});
const allRows = normalized.flatMap(file => file.rows);

describe('generateFocusExports', () => {
  it('writes rows that normalise without problems', () => {
    expect(widths).toEqual([]);
    expect(problems).toEqual([]);
    expect(allRows.length).toBeGreaterThan(2000);
  });

  it('parses the sample fleet', () => {
    expect(parsed.fatal).toBe(false);
    expect(environments.length).toBeGreaterThan(5);
  });

  it('writes one file per provider and month, plus the on-premises sites', () => {
    expect(files.map(file => file.name).sort()).toEqual(
      ['aws', 'azure', 'gcp', 'ibm', 'onprem', 'oracle']
        .flatMap(provider => months.map(month => `${provider}/${month}.csv`))
        .sort(),
    );
    const onprem = normalized.filter(file => file.file.startsWith('onprem/'));
    for (const file of onprem) {
      expect(new Set(file.rows.map(row => row.provider))).toEqual(
        new Set(['azure']),
      );
    }
  });

  it('writes headers with every mandatory FOCUS 1.0 column', () => {
    for (const file of normalized) {
      expect(detectFocusVersion(file.header)).toEqual({
        version: '1.0',
        missing: [],
      });
      expect(file.rows.length).toBeGreaterThan(100);
    }
  });

  it('is deterministic', () => {
    const again = generateFocusExports(environments, { months, seed: 7, now });
    expect(again).toEqual(files);
    const other = generateFocusExports(environments, {
      months,
      seed: 8,
      now,
    });
    expect(other[0].text).not.toEqual(files[0].text);
  });

  it('lands each enabled environment near its budget, one clearly over', () => {
    const over = overBudgetEnvironment(environments);
    expect(over).toBeDefined();
    const totals = new Map<string, number>();
    for (const row of allRows) {
      if (row.chargeCategory !== 'Usage') continue;
      const { environment } = attributeToEnvironment(row, environments);
      if (!environment) continue;
      const key = `${environment}:${row.date.slice(0, 7)}`;
      totals.set(key, (totals.get(key) ?? 0) + row.billedCost);
    }
    const billed = environments.filter(
      env => env.enabled && fileProviderOf(env),
    );
    expect(billed.length).toBeGreaterThan(5);
    const outside: string[] = [];
    const overRatios: number[] = [];
    for (const env of billed) {
      for (const month of months) {
        const ratio =
          (totals.get(`${env.name}:${month}`) ?? 0) / env.cost!.budget_monthly!;
        if (env.name === over) {
          overRatios.push(ratio);
        } else if (ratio < 0.7 || ratio > 1.3) {
          outside.push(`${env.name} ${month}: ${ratio.toFixed(2)}`);
        }
      }
    }
    expect(outside).toEqual([]);
    expect(overRatios).toHaveLength(months.length);
    expect(Math.min(...overRatios)).toBeGreaterThan(1.3);
    const disabled = environments.find(env => !env.enabled)!;
    const disabledRows = allRows.filter(
      row => row.subAccountId === disabled.cost!.accounts![0],
    );
    expect(disabledRows.length).toBeGreaterThan(0);
    expect(
      disabledRows.every(
        row =>
          row.chargeCategory !== 'Usage' || row.serviceCategory === 'Storage',
      ),
    ).toBe(true);
  });

  it('uses the currency of each environment', () => {
    const oracle = normalized.filter(file => file.file.startsWith('oracle/'));
    expect(
      oracle.flatMap(file => file.rows).every(row => row.currency === 'EUR'),
    ).toBe(true);
    const aws = normalized.filter(file => file.file.startsWith('aws/'));
    expect(
      aws.flatMap(file => file.rows).every(row => row.currency === 'USD'),
    ).toBe(true);
  });

  it('puts one anomaly day in the latest month', () => {
    const name = anomalyEnvironment(environments, 7)!;
    const env = environments.find(e => e.name === name)!;
    const daily = new Map<string, number>();
    for (const row of allRows) {
      if (
        row.subAccountId !== env.cost!.accounts![0] ||
        !row.date.startsWith('2026-10')
      )
        continue;
      if (row.chargeCategory !== 'Usage') continue;
      daily.set(row.date, (daily.get(row.date) ?? 0) + row.billedCost);
    }
    const values = [...daily.values()].sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    expect(values[values.length - 1]).toBeGreaterThan(median * 2);
  });

  it('has negative credits and refunds in every file and a tax row', () => {
    for (const file of normalized) {
      const credits = file.rows.filter(row => row.chargeCategory === 'Credit');
      const refunds = file.rows.filter(
        row => row.chargeCategory === 'Adjustment',
      );
      expect(credits.length).toBeGreaterThan(0);
      expect(refunds.length).toBeGreaterThan(0);
      for (const row of [...credits, ...refunds]) {
        expect(row.billedCost).toBeLessThan(0);
        expect(row.effectiveCost).toBeLessThan(0);
      }
    }
    expect(allRows.some(row => row.chargeCategory === 'Tax')).toBe(true);
  });

  it('tags part of the rows and leaves shared costs unattributed', () => {
    expect(
      allRows.some(row => row.tags['env-name'] || row.tags.environment),
    ).toBe(true);
    expect(allRows.some(row => row.tags.component === 'ledger-peer')).toBe(
      true,
    );
    expect(allRows.some(row => row.tags['user:component'])).toBe(true);
    const accounts = new Set(
      environments.flatMap(env => env.cost?.accounts ?? []),
    );
    const unattributed = allRows.filter(
      row =>
        Object.keys(row.tags).length === 0 &&
        row.subAccountId !== undefined &&
        !accounts.has(row.subAccountId) &&
        !attributeToEnvironment(row, environments).environment,
    );
    expect(unattributed.length).toBeGreaterThan(0);
    expect(unattributed.some(row => row.serviceCategory === 'Networking')).toBe(
      true,
    );
  });
});

describe('generateFocusExports up to now', () => {
  const today = new Date('2026-10-17T15:00:00Z');
  const partial = generateFocusExports(environments, {
    months: ['2026-09', '2026-10', '2026-11'],
    seed: 7,
    now: today,
  });
  const rowsOf = (name: string, list = partial) => {
    const [header, ...lines] = parseCsv(
      list.find(file => file.name === name)!.text,
    );
    return lines.map(cells =>
      Object.fromEntries(header.map((column, i) => [column, cells[i]])),
    );
  };
  const octoberRows = partial
    .filter(file => file.name.endsWith('/2026-10.csv'))
    .flatMap(file => rowsOf(file.name));

  it('writes no month after now and the month of now up to its day', () => {
    expect(partial.map(file => file.name).sort()).toEqual(
      ['aws', 'azure', 'gcp', 'ibm', 'onprem', 'oracle']
        .flatMap(provider =>
          ['2026-09', '2026-10'].map(month => `${provider}/${month}.csv`),
        )
        .sort(),
    );
    const days = new Set(
      octoberRows
        .filter(row => row.ChargeFrequency === 'Usage-Based')
        .map(row => row.ChargePeriodStart.slice(0, 10)),
    );
    expect(days.size).toBe(17);
    expect([...days].sort().pop()).toBe('2026-10-17');
    // The billing period stays the whole month, as in a real export.
    expect(new Set(octoberRows.map(row => row.BillingPeriodEnd))).toEqual(
      new Set(['2026-11-01T00:00:00Z']),
    );
  });

  it('writes the same usage for the days it has as the whole month does', () => {
    const anomaly = anomalyEnvironment(environments, 7);
    for (const provider of ['aws', 'oracle', 'onprem']) {
      const usage = (rows: Array<Record<string, string>>) =>
        rows.filter(
          row =>
            row.ChargeCategory === 'Usage' &&
            row.SubAccountName !== anomaly &&
            row.ChargePeriodStart <= '2026-10-17T00:00:00Z',
        );
      expect(usage(rowsOf(`${provider}/2026-10.csv`))).toEqual(
        usage(rowsOf(`${provider}/2026-10.csv`, files)),
      );
    }
  });

  it('bills tax only for a month that has ended', () => {
    const tax = (month: string) =>
      partial
        .filter(file => file.name.endsWith(`/${month}.csv`))
        .flatMap(file => rowsOf(file.name))
        .filter(row => row.ChargeCategory === 'Tax');
    expect(tax('2026-09')).toHaveLength(1);
    expect(tax('2026-10')).toHaveLength(0);
    expect(
      octoberRows.filter(row => row.ChargeCategory === 'Credit').length,
    ).toBe(6);
  });

  it('spends the month to date at the pace of the budget', () => {
    // Weekdays cost 1, weekend days 0.72: the share of the month's weight
    // that lies in the days written.
    const weight = (day: number) => {
      const weekday = new Date(Date.UTC(2026, 9, day)).getUTCDay();
      return weekday === 0 || weekday === 6 ? 0.72 : 1;
    };
    let written = 0;
    let whole = 0;
    for (let day = 1; day <= 31; day++) {
      whole += weight(day);
      if (day <= 17) written += weight(day);
    }
    const over = overBudgetEnvironment(environments);
    const anomaly = anomalyEnvironment(environments, 7);
    const paces: Record<string, number> = {};
    for (const env of environments.filter(
      e => e.enabled && fileProviderOf(e),
    )) {
      const monthToDate = octoberRows
        .filter(
          row =>
            row.ChargeCategory === 'Usage' && row.SubAccountName === env.name,
        )
        .reduce((sum, row) => sum + Number(row.BilledCost), 0);
      paces[env.name] =
        monthToDate / (written / whole) / env.cost!.budget_monthly!;
    }
    expect(paces[over!]).toBeGreaterThan(1.3);
    const others = Object.entries(paces)
      .filter(([name]) => name !== over && name !== anomaly)
      .map(([, pace]) => pace);
    expect(others.length).toBeGreaterThan(4);
    expect(Math.min(...others)).toBeGreaterThan(0.7);
    expect(Math.max(...others)).toBeLessThan(1.3);
  });

  it('puts the anomaly a few days before now', () => {
    const env = environments.find(
      e => e.name === anomalyEnvironment(environments, 7),
    )!;
    const daily = new Map<string, number>();
    for (const row of octoberRows) {
      if (row.ChargeCategory !== 'Usage' || row.SubAccountName !== env.name) {
        continue;
      }
      const day = row.ChargePeriodStart.slice(0, 10);
      daily.set(day, (daily.get(day) ?? 0) + Number(row.BilledCost));
    }
    const values = [...daily.values()].sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const spike = [...daily].find(([, cost]) => cost > median * 2);
    expect(spike?.[0]).toBe('2026-10-15');
  });

  it('stops at the real day when no now is given', () => {
    const current = new Date().toISOString().slice(0, 7);
    const [file] = generateFocusExports(environments, { months: [current] });
    const last = parseCsv(file.text)
      .slice(1)
      .map(cells => cells[FOCUS_1_0_HEADER.indexOf('ChargePeriodStart')])
      .sort()
      .pop()!;
    expect(last.slice(0, 10) <= new Date().toISOString().slice(0, 10)).toBe(
      true,
    );
  });
});

describe('defaultMonths', () => {
  it('is the three months before the one of now and that month', () => {
    expect(defaultMonths(new Date('2026-01-15T12:00:00Z'))).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
  });
});
