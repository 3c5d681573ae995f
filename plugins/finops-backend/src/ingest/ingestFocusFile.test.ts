import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { formatCostProblem } from '@multicloud/plugin-finops-common';
import type { Knex } from 'knex';
import { CostStore } from '../database/CostStore';
import { ingestFocusFile, localFocusFile } from './ingestFocusFile';
import { focusParquet } from '../__testUtils__/focusParquet';
import {
  AWS_ACCOUNT,
  AZURE_ADMIN,
  COLUMNS,
  focusRow,
  quote,
  toCsv,
} from '../__testUtils__/focusFixtures';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const environments = parseEnvironments(
  readFileSync(
    resolve(__dirname, '../../../../config/environments.yaml'),
    'utf8',
  ),
).environments;

const AZURE = {
  BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/1234',
  ProviderName: 'Microsoft',
  PublisherName: 'Microsoft',
  InvoiceIssuerName: 'Microsoft',
  ServiceName: 'Virtual Machines',
  RegionId: 'westus',
  SubAccountId: AZURE_ADMIN.toUpperCase(),
};

// Line 1 is the header; the Azure row spans lines 5 and 6.
const ROWS = [
  // line 2
  focusRow({
    BilledCost: '10',
    EffectiveCost: '8',
    Tags: '{"user:component":"ledger-peer"}',
  }),
  // line 3: same day and dimensions as line 2
  focusRow({
    BilledCost: '5.25',
    EffectiveCost: '4',
    ChargePeriodStart: '2026-03-01T13:00:00Z',
    Tags: '{"user:component":"ledger-peer"}',
  }),
  // line 4: a credit
  focusRow({
    BilledCost: '-3',
    EffectiveCost: '-3',
    ChargeCategory: 'Credit',
    ChargeClass: 'Correction',
    Tags: '{"user:component":"ledger-peer"}',
  }),
  // lines 5-6
  focusRow({
    ...AZURE,
    BilledCost: '7.5',
    EffectiveCost: '7.5',
    ChargeDescription: 'D8s v5\nwestus, "spot"',
    ChargePeriodStart: '2026-03-02T00:00:00+01:00',
    Tags: '{"team":"platform","backstage.io/component":"default/argocd"}',
  }),
  // line 7: an account and region of no environment
  focusRow({
    BilledCost: '2',
    EffectiveCost: '1.5',
    SubAccountId: '999999999999',
    RegionId: 'eu-west-1',
    ChargePeriodStart: '2026-03-02T10:00:00Z',
  }),
  // line 8: malformed
  focusRow({ BilledCost: '12,5x', ChargePeriodStart: '2026-03-02' }),
];

const CSV = toCsv(ROWS);

async function dailyRows(knex: Knex, fileKey: string) {
  const rows = await knex('cost_daily').where({ file_key: fileKey });
  return rows
    .map(({ file_key: _key, ...row }) => ({
      ...row,
      billed_cost: Number(row.billed_cost),
      effective_cost: Number(row.effective_cost),
      row_count: Number(row.row_count),
    }))
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.charge_category.localeCompare(b.charge_category) ||
        a.provider.localeCompare(b.provider) ||
        a.billed_cost - b.billed_cost,
    );
}

describe.each(databases.eachSupportedId())(
  'ingestFocusFile on %p',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: CostStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await CostStore.create(knex);
    });

    const ingest = (key: string, content: string | Buffer, gzip?: boolean) =>
      ingestFocusFile({
        key,
        open: () => Readable.from([Buffer.from(content)]),
        gzip,
        environments,
        store,
      });

    it('aggregates per day and environment and reports bad rows', async () => {
      const result = await ingest('exports/2026-03.csv', CSV);
      expect(result).toMatchObject({
        status: 'ingested',
        rowsRead: 6,
        rowsIngested: 5,
        problemCount: 1,
        version: '1.0',
      });
      expect(
        result.status === 'ingested' && result.problems.map(formatCostProblem),
      ).toEqual([
        'exports/2026-03.csv:8 BilledCost: "12,5x" is not a decimal number',
      ]);

      const rows = await dailyRows(knex, 'exports/2026-03.csv');
      expect(rows).toEqual([
        expect.objectContaining({
          date: '2026-03-01',
          provider: 'aws',
          charge_category: 'Credit',
          environment: 'workload-aws-useast1',
          entity_ref: 'component:default/ledger-peer',
          billed_cost: -3,
          effective_cost: -3,
          row_count: 1,
        }),
        expect.objectContaining({
          date: '2026-03-01',
          provider: 'aws',
          billing_account_id: '111122223333',
          sub_account_id: AWS_ACCOUNT,
          region: 'us-east-1',
          service_category: 'Compute',
          service_name: 'Amazon Elastic Compute Cloud',
          charge_category: 'Usage',
          environment: 'workload-aws-useast1',
          entity_ref: 'component:default/ledger-peer',
          currency: 'USD',
          billed_cost: 15.25,
          effective_cost: 12,
          row_count: 2,
        }),
        // 2026-03-02T00:00+01:00 is 2026-03-01 in UTC
        expect.objectContaining({
          date: '2026-03-01',
          provider: 'azure',
          environment: 'admin-azure-westus',
          entity_ref: 'component:default/argocd',
          billed_cost: 7.5,
          row_count: 1,
        }),
        expect.objectContaining({
          date: '2026-03-02',
          provider: 'aws',
          region: 'eu-west-1',
          environment: null,
          entity_ref: null,
          billed_cost: 2,
          effective_cost: 1.5,
          row_count: 1,
        }),
      ]);

      const state = await store.fileState('exports/2026-03.csv');
      expect(state).toMatchObject({
        focusVersion: '1.0',
        rowsRead: 6,
        rowsIngested: 5,
        problems: [
          {
            file: 'exports/2026-03.csv',
            line: 8,
            column: 'BilledCost',
            message: '"12,5x" is not a decimal number',
          },
        ],
      });
      expect(state?.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('sums cost by environment', async () => {
      await ingest('exports/2026-03.csv', CSV);
      const costs = await store.costByEnvironment({
        from: '2026-03-01',
        to: '2026-03-31',
      });
      expect(costs).toEqual([
        {
          environment: 'admin-azure-westus',
          currency: 'USD',
          billed: expect.closeTo(7.5, 6),
          effective: expect.closeTo(7.5, 6),
        },
        {
          environment: 'workload-aws-useast1',
          currency: 'USD',
          billed: expect.closeTo(12.25, 6),
          effective: expect.closeTo(9, 6),
        },
        {
          environment: null,
          currency: 'USD',
          billed: expect.closeTo(2, 6),
          effective: expect.closeTo(1.5, 6),
        },
      ]);
      expect(
        await store.costByEnvironment({ from: '2026-03-02', to: '2026-03-02' }),
      ).toEqual([
        { environment: null, currency: 'USD', billed: 2, effective: 1.5 },
      ]);
      expect(
        await store.costByEnvironment({ from: '2026-04-01', to: '2026-04-30' }),
      ).toEqual([]);
    });

    it('changes nothing when the same file comes again', async () => {
      await ingest('exports/2026-03.csv', CSV);
      const state = await store.fileState('exports/2026-03.csv');
      const rows = await dailyRows(knex, 'exports/2026-03.csv');

      await expect(ingest('exports/2026-03.csv', CSV)).resolves.toEqual({
        status: 'unchanged',
      });
      expect(await store.fileState('exports/2026-03.csv')).toEqual(state);
      expect(await dailyRows(knex, 'exports/2026-03.csv')).toEqual(rows);
    });

    it('replaces the rows of a corrected file', async () => {
      await ingest('exports/2026-03.csv', CSV);
      await ingest('exports/other.csv', toCsv([ROWS[0]]));

      const corrected = toCsv([
        ...ROWS.slice(0, 5),
        focusRow({ BilledCost: '1', EffectiveCost: '1', RegionId: '' }),
      ]);
      const result = await ingest('exports/2026-03.csv', corrected);
      expect(result).toMatchObject({
        status: 'ingested',
        rowsRead: 6,
        rowsIngested: 6,
        problems: [],
      });
      expect(await store.fileState('exports/2026-03.csv')).toMatchObject({
        rowsIngested: 6,
        problems: [],
      });
      const rows = await dailyRows(knex, 'exports/2026-03.csv');
      expect(rows.map(r => r.row_count)).toEqual([1, 1, 2, 1, 1]);
      expect(rows.filter(r => r.region === null)).toEqual([
        expect.objectContaining({
          date: '2026-03-01',
          environment: 'workload-aws-useast1',
          billed_cost: 1,
        }),
      ]);
      // The other file keeps its rows.
      expect(await dailyRows(knex, 'exports/other.csv')).toHaveLength(1);
    });

    it('reads a gzip export as the plain one', async () => {
      await ingest('exports/2026-03.csv', CSV);
      const zipped = gzipSync(Buffer.from(CSV));
      const byName = await ingest('exports/2026-03.csv.gz', zipped);
      const byFlag = await ingest('exports/zipped', zipped, true);
      const summary = {
        status: 'ingested',
        rowsRead: 6,
        rowsIngested: 5,
        problemCount: 1,
        version: '1.0',
      };
      expect(byName).toMatchObject(summary);
      expect(byFlag).toMatchObject(summary);

      const plain = await dailyRows(knex, 'exports/2026-03.csv');
      expect(await dailyRows(knex, 'exports/2026-03.csv.gz')).toEqual(plain);
      expect(await dailyRows(knex, 'exports/zipped')).toEqual(plain);
      await expect(ingest('exports/2026-03.csv.gz', zipped)).resolves.toEqual({
        status: 'unchanged',
      });
    });

    it('reads a Parquet export as the CSV one', async () => {
      await ingest('exports/2026-03.csv', CSV);
      const dir = mkdtempSync(join(tmpdir(), 'focus-parquet-'));
      const path = join(dir, '2026-03.parquet');
      writeFileSync(
        path,
        focusParquet(
          COLUMNS.map(name => ({ name, data: ROWS.map(r => r[name]) })),
        ),
      );
      const result = await ingestFocusFile({
        key: path,
        ...localFocusFile(path),
        environments,
        store,
      });
      // Lines are those of the same rows as CSV, one line per row.
      expect(result).toMatchObject({
        status: 'ingested',
        rowsRead: 6,
        rowsIngested: 5,
        problems: [
          {
            file: path,
            line: 7,
            column: 'BilledCost',
            message: '"12,5x" is not a decimal number',
          },
        ],
        version: '1.0',
      });
      expect(await dailyRows(knex, path)).toEqual(
        await dailyRows(knex, 'exports/2026-03.csv'),
      );
      await expect(
        ingestFocusFile({
          key: path,
          ...localFocusFile(path),
          environments,
          store,
        }),
      ).resolves.toEqual({ status: 'unchanged' });
      await expect(
        ingestFocusFile({
          key: 'https://exports.example.com/2026-03',
          open: () => Readable.from([readFileSync(path)]),
          format: 'parquet',
          environments,
          store,
        }),
      ).rejects.toThrow(/only read with random access/);
    });

    it('reports missing columns and records that are no CSV', async () => {
      const header = COLUMNS.filter(c => c !== 'ChargeCategory');
      const csv = [
        header.join(','),
        header.map(c => quote(ROWS[0][c] ?? '')).join(','),
        '1,2,3',
      ].join('\n');
      const result = await ingest('broken.csv', csv);
      expect(
        result.status === 'ingested' && result.problems.map(formatCostProblem),
      ).toEqual([
        'broken.csv:1 ChargeCategory: mandatory column of FOCUS 1.0 is missing',
        'broken.csv:2 ChargeCategory: value is missing',
        expect.stringMatching(/^broken\.csv:3 CSV: Invalid Record Length/),
      ]);
      await expect(ingest('empty.csv', '')).resolves.toMatchObject({
        rowsRead: 0,
        problems: [
          {
            file: 'empty.csv',
            line: 1,
            column: 'CSV',
            message: 'file is empty',
          },
        ],
      });
    });

    it('inserts many rows in batches', async () => {
      const rows = Array.from({ length: 1201 }, (_, i) => ({
        date: '2026-03-01',
        provider: 'aws',
        serviceName: `service-${i}`,
        chargeCategory: 'Usage',
        environment: i % 2 ? 'workload-aws-useast1' : undefined,
        currency: 'USD',
        billedCost: 1,
        effectiveCost: 0.5,
        rowCount: 1,
      }));
      const meta = {
        sha256: 'a'.repeat(64),
        focusVersion: '1.2',
        rowsRead: 1201,
        rowsIngested: 1201,
        problems: [],
      };
      await store.replaceFile('big.csv', meta, rows);
      expect(await knex('cost_daily').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect(await dailyRows(knex, 'big.csv')).toHaveLength(1201);
      expect(
        await store.costByEnvironment({ from: '2026-03-01', to: '2026-03-01' }),
      ).toEqual([
        {
          environment: 'workload-aws-useast1',
          currency: 'USD',
          billed: 600,
          effective: 300,
        },
        { environment: null, currency: 'USD', billed: 601, effective: 300.5 },
      ]);

      await store.replaceFile('big.csv', meta, rows.slice(0, 3));
      expect(await dailyRows(knex, 'big.csv')).toHaveLength(3);
      expect(await store.fileState('big.csv')).toMatchObject({
        key: 'big.csv',
        focusVersion: '1.2',
        rowsRead: 1201,
      });
    });
  },
);
