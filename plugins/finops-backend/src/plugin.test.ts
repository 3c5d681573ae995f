import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import finopsBackend from './index';
import { focusRow, toCsv } from './__testUtils__/focusFixtures';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ENVIRONMENTS_FILE = resolve(
  __dirname,
  '../../../config/environments.yaml',
);

const AZURE_ADMIN = {
  BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/1234',
  ProviderName: 'Microsoft',
  PublisherName: 'Microsoft',
  InvoiceIssuerName: 'Microsoft',
  ServiceName: 'Virtual Machines',
  RegionId: 'westus',
  SubAccountId: '3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
};

/** Writes the exports; returns the folder and the paths of the files. */
function writeExports(options: { unreadable?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'focus-'));
  mkdirSync(join(dir, 'aws'));
  const aws = join(dir, 'aws', '2026-03.csv');
  writeFileSync(
    aws,
    toCsv([
      // line 2
      focusRow({ BilledCost: '10', EffectiveCost: '8' }),
      // line 3: an account of no environment
      focusRow({
        BilledCost: '2',
        EffectiveCost: '1.5',
        SubAccountId: '999999999999',
        RegionId: 'eu-west-1',
      }),
      // line 4: malformed
      focusRow({ BilledCost: '12,5x' }),
    ]),
  );
  const azure = join(dir, 'azure.csv');
  writeFileSync(
    azure,
    toCsv([
      focusRow({ ...AZURE_ADMIN, BilledCost: '7.5', EffectiveCost: '7' }),
    ]),
  );
  // Not an export: ignored.
  writeFileSync(join(dir, 'README.txt'), 'not a FOCUS export');
  const broken = join(dir, 'broken.csv.gz');
  if (options.unreadable) {
    // Named as gzip but not gzip: the file cannot be read at all.
    writeFileSync(broken, 'this is not gzip');
  }
  return { dir, aws, azure, broken };
}

async function startPortal(
  databaseId: TestDatabaseId,
  options: { unreadable?: boolean } = {},
) {
  const files = writeExports(options);
  const knex = await databases.init(databaseId);
  // The mock is also a factory for itself, which its declared type omits.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const backend = await startTestBackend({
    features: [
      finopsBackend,
      mockServices.database.factory({ knex }),
      scheduler.factory(),
      mockServices.rootConfig.factory({
        data: {
          environments: { file: ENVIRONMENTS_FILE },
          finops: { focus: { directories: [files.dir] } },
        },
      }),
    ],
  });
  return {
    ...files,
    server: backend.server,
    stop: () => backend.stop(),
    ingest: () => scheduler.triggerTask('finops-focus:ingest'),
  };
}

describe.each(databases.eachSupportedId())(
  'the FinOps API on %s',
  databaseId => {
    it('sums the ingested costs per environment, unattributed included', async () => {
      const { server, stop, ingest } = await startPortal(databaseId);
      const before = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-03-01&to=2026-03-31',
      );
      expect(before.status).toBe(200);
      expect(before.body.costs).toEqual([]);

      await ingest();
      const res = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-03-01&to=2026-03-31',
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        from: '2026-03-01',
        to: '2026-03-31',
        costs: [
          {
            environment: 'admin-azure-westus',
            currency: 'USD',
            billed: expect.closeTo(7.5, 6),
            effective: expect.closeTo(7, 6),
          },
          {
            environment: 'workload-aws-useast1',
            currency: 'USD',
            billed: expect.closeTo(10, 6),
            effective: expect.closeTo(8, 6),
          },
          {
            environment: null,
            currency: 'USD',
            billed: expect.closeTo(2, 6),
            effective: expect.closeTo(1.5, 6),
          },
        ],
      });

      const april = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-04-01&to=2026-04-30',
      );
      expect(april.body.costs).toEqual([]);
      await stop();
    });

    it('lists the ingested files with their problems', async () => {
      const { server, stop, ingest, aws, azure } = await startPortal(
        databaseId,
      );
      await ingest();
      const res = await request(server).get('/api/finops/files');
      expect(res.status).toBe(200);
      expect(res.body.files).toEqual(
        [
          {
            key: aws,
            kind: 'focus',
            focusVersion: '1.0',
            rowsRead: 3,
            rowsIngested: 2,
            problemCount: 1,
            problems: [`${aws}:4 BilledCost: "12,5x" is not a decimal number`],
            ingestedAt: expect.any(String),
          },
          {
            key: azure,
            kind: 'focus',
            focusVersion: '1.0',
            rowsRead: 1,
            rowsIngested: 1,
            problemCount: 0,
            problems: [],
            ingestedAt: expect.any(String),
          },
        ].sort((a, b) => (a.key < b.key ? -1 : 1)),
      );
      expect(Date.parse(res.body.files[0].ingestedAt)).not.toBeNaN();
      await stop();
    });

    it('refuses a bad range clearly', async () => {
      const { server, stop } = await startPortal(databaseId);
      const yesterday = await request(server).get(
        '/api/finops/costs/by-environment?from=yesterday&to=2026-03-31',
      );
      expect(yesterday.status).toBe(400);
      expect(yesterday.body.error.name).toBe('InputError');
      expect(yesterday.body.error.message).toBe(
        'Invalid query: from must be a date as YYYY-MM-DD, got "yesterday"',
      );

      const missing = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-03-01',
      );
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toBe(
        'Invalid query: to is required, as YYYY-MM-DD',
      );

      const impossible = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-02-30&to=2026-03-31',
      );
      expect(impossible.status).toBe(400);

      const reversed = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-03-31&to=2026-03-01',
      );
      expect(reversed.status).toBe(400);
      expect(reversed.body.error.message).toBe(
        'Invalid query: from must not be after to',
      );
      await stop();
    });

    it('ingests the other files when one cannot be read at all', async () => {
      const { server, stop, ingest, aws, azure } = await startPortal(
        databaseId,
        { unreadable: true },
      );
      await ingest();
      const res = await request(server).get('/api/finops/files');
      expect(res.status).toBe(200);
      expect(res.body.files.map((f: { key: string }) => f.key).sort()).toEqual(
        [aws, azure].sort(),
      );
      const costs = await request(server).get(
        '/api/finops/costs/by-environment?from=2026-03-01&to=2026-03-31',
      );
      expect(costs.body.costs).toHaveLength(3);
      await stop();
    });
  },
);
