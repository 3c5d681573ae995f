import { resolve } from 'node:path';
import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { CostStore, type NamespaceDailyRow } from './CostStore';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const MIGRATIONS = resolve(__dirname, '../../migrations');

const ZERO = {
  cpuCost: 0,
  gpuCost: 0,
  ramCost: 0,
  pvCost: 0,
  networkCost: 0,
  loadBalancerCost: 0,
  sharedCost: 0,
  externalCost: 0,
};

function workload(
  date: string,
  namespace: string,
  controller: string | undefined,
  totalCost: number,
  environment = 'workload-aws-useast1',
): NamespaceDailyRow {
  return {
    ...ZERO,
    date,
    environment,
    cluster: environment,
    namespace,
    ...(controller ? { controllerKind: 'deployment', controller } : {}),
    currency: 'USD',
    cpuCost: totalCost / 2,
    ramCost: totalCost / 2,
    totalCost,
  };
}

const PULL = {
  sha256: 'b'.repeat(64),
  rowsRead: 3,
  rowsIngested: 3,
  problems: [],
  ingestedAt: '2026-03-03T10:00:00.000Z',
};

describe.each(databases.eachSupportedId())(
  'CostStore on %p',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    it('keeps the files ingested before OpenCost came, as FOCUS files', async () => {
      await knex.migrate.up({
        directory: MIGRATIONS,
        name: '20261121_init.js',
      });
      await knex('cost_files').insert({
        key: 'exports/old.csv',
        sha256: 'a'.repeat(64),
        focus_version: '1.0',
        rows_read: 1,
        rows_ingested: 1,
        problems: '[]',
        ingested_at: '2026-03-01T00:00:00.000Z',
      });
      const store = await CostStore.create(knex);
      expect(await store.listFiles()).toEqual([
        {
          key: 'exports/old.csv',
          kind: 'focus',
          sha256: 'a'.repeat(64),
          focusVersion: '1.0',
          rowsRead: 1,
          rowsIngested: 1,
          problems: [],
          ingestedAt: '2026-03-01T00:00:00.000Z',
        },
      ]);
    });

    it('replaces the days an OpenCost pull covers and keeps the older ones', async () => {
      const store = await CostStore.create(knex);
      await store.replaceOpenCostDays(
        'opencost:workload-aws-useast1',
        PULL,
        { from: '2026-03-01', to: '2026-03-02' },
        [
          workload('2026-03-01', 'ledger', 'ledger-peer', 3),
          workload('2026-03-01', 'ledger', 'ledger-gateway', 1.5),
          workload('2026-03-02', 'ledger', 'ledger-peer', 3),
          workload('2026-03-02', 'kube-system', undefined, 0.25),
        ],
      );
      await store.replaceOpenCostDays(
        'opencost:admin-azure-westus',
        PULL,
        { from: '2026-03-01', to: '2026-03-02' },
        [
          workload(
            '2026-03-02',
            'argocd',
            'argocd-server',
            2,
            'admin-azure-westus',
          ),
        ],
      );
      // The next pull covers March 2 and 3: March 1 stays as it was.
      await store.replaceOpenCostDays(
        'opencost:workload-aws-useast1',
        { ...PULL, ingestedAt: '2026-03-04T10:00:00.000Z' },
        { from: '2026-03-02', to: '2026-03-03' },
        [
          workload('2026-03-02', 'ledger', 'ledger-peer', 4),
          workload('2026-03-03', 'ledger', 'ledger-peer', 5),
        ],
      );

      expect(
        await store.dailyByNamespace({ from: '2026-03-01', to: '2026-03-31' }),
      ).toEqual([
        {
          date: '2026-03-01',
          key: 'workload-aws-useast1/ledger',
          currency: 'USD',
          amount: 4.5,
        },
        {
          date: '2026-03-02',
          key: 'admin-azure-westus/argocd',
          currency: 'USD',
          amount: 2,
        },
        {
          date: '2026-03-02',
          key: 'workload-aws-useast1/ledger',
          currency: 'USD',
          amount: 4,
        },
        {
          date: '2026-03-03',
          key: 'workload-aws-useast1/ledger',
          currency: 'USD',
          amount: 5,
        },
      ]);
      expect(
        await store.dailyByNamespace(
          { from: '2026-03-02', to: '2026-03-02' },
          { environment: 'admin-azure-westus' },
        ),
      ).toEqual([
        {
          date: '2026-03-02',
          key: 'admin-azure-westus/argocd',
          currency: 'USD',
          amount: 2,
        },
      ]);
      expect(
        await store.dailyByNamespace(
          { from: '2026-03-01', to: '2026-03-31' },
          { environment: 'nowhere' },
        ),
      ).toEqual([]);

      const rows = await knex('opencost_daily')
        .where({
          source_key: 'opencost:workload-aws-useast1',
          date: '2026-03-01',
        })
        .orderBy('controller');
      expect(
        rows.map(r => ({
          controller_kind: r.controller_kind,
          controller: r.controller,
          cpu_cost: Number(r.cpu_cost),
          total_cost: Number(r.total_cost),
        })),
      ).toEqual([
        {
          controller_kind: 'deployment',
          controller: 'ledger-gateway',
          cpu_cost: 0.75,
          total_cost: 1.5,
        },
        {
          controller_kind: 'deployment',
          controller: 'ledger-peer',
          cpu_cost: 1.5,
          total_cost: 3,
        },
      ]);

      expect(await store.fileState('opencost:workload-aws-useast1')).toEqual({
        key: 'opencost:workload-aws-useast1',
        kind: 'opencost',
        sha256: 'b'.repeat(64),
        rowsRead: 3,
        rowsIngested: 3,
        problems: [],
        ingestedAt: '2026-03-04T10:00:00.000Z',
      });
    });

    it('records FOCUS files as such', async () => {
      const store = await CostStore.create(knex);
      await store.replaceFile(
        'exports/2026-03.csv',
        {
          sha256: 'c'.repeat(64),
          focusVersion: '1.2',
          rowsRead: 0,
          rowsIngested: 0,
          problems: [],
        },
        [],
      );
      expect(await store.fileState('exports/2026-03.csv')).toMatchObject({
        kind: 'focus',
        focusVersion: '1.2',
      });
    });
  },
);
