import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
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
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import request from 'supertest';
import { clustersForFleet, KubernetesSimulator } from 'kubernetes-simulator';
import { CostStore } from './database/CostStore';
import finopsBackend from './index';
import { COLUMNS, focusRow, toCsv } from './__testUtils__/focusFixtures';
import { focusParquet } from './__testUtils__/focusParquet';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FLEET_YAML = readFileSync(
  resolve(__dirname, '../../../config/environments.yaml'),
  'utf8',
);
const fleet = parseEnvironments(FLEET_YAML).environments;
const TOKEN = 'simulated';

const AZURE_ADMIN = {
  BillingAccountId: '/providers/Microsoft.Billing/billingAccounts/1234',
  ProviderName: 'Microsoft',
  ServiceName: 'Virtual Machines',
  RegionId: 'westus',
  SubAccountId: '3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b01',
};

/** A host of the exports and of the fleet file, as a bucket or Git host would be. */
async function startFileHost(files: Record<string, Buffer>) {
  const server = http.createServer((req, res) => {
    const body = files[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { etag: `"${body.length}"` }).end(body);
  });
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    stop: () => new Promise<void>(done => server.close(() => done())),
  };
}

describe.each(databases.eachSupportedId())(
  'the FinOps backend sources on %s',
  (databaseId: TestDatabaseId) => {
    let simulator: KubernetesSimulator;

    beforeAll(async () => {
      simulator = await KubernetesSimulator.start(
        clustersForFleet(fleet).map(spec => ({ ...spec, token: TOKEN })),
      );
    });

    afterAll(async () => {
      await simulator.stop();
    });

    it('reads exports and the fleet file from URLs, and the OpenCost of every cluster', async () => {
      const files = await startFileHost({
        '/fleet/environments.yaml': Buffer.from(FLEET_YAML),
        '/exports/2026-03.csv.gz': gzipSync(
          Buffer.from(
            toCsv([focusRow({ BilledCost: '10', EffectiveCost: '8' })]),
          ),
        ),
        '/exports/2026-03.parquet': focusParquet(
          COLUMNS.map(name => ({
            name,
            data: [
              focusRow({
                ...AZURE_ADMIN,
                BilledCost: '7.5',
                EffectiveCost: '7',
              })[name],
            ],
          })),
        ),
      });
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
              backend: { reading: { allow: [{ host: files.host }] } },
              environments: {
                file: `${files.url}/fleet/environments.yaml`,
                clusters: {
                  simulated: true,
                  overrides: Object.fromEntries(
                    simulator.names().map(name => [
                      name,
                      {
                        url: simulator.url(name),
                        serviceAccountToken: TOKEN,
                      },
                    ]),
                  ),
                },
              },
              finops: {
                focus: {
                  locations: [
                    `${files.url}/exports/2026-03.csv.gz`,
                    `${files.url}/exports/2026-03.parquet`,
                    `${files.url}/exports/missing.csv`,
                  ],
                },
                opencost: { serviceProxy: {}, days: 2 },
              },
            },
          }),
        ],
      });
      const store = await CostStore.create(knex, { skipMigrations: true });
      try {
        await simulator.update('workload-aws-useast1', { state: 'down' });
        await scheduler.triggerTask('finops-focus:ingest');
        await scheduler.triggerTask('finops-opencost:ingest');

        // Both exports, attributed with the fleet file read from its URL.
        expect(
          await store.costByEnvironment({
            from: '2026-03-01',
            to: '2026-03-31',
          }),
        ).toEqual([
          expect.objectContaining({
            environment: 'admin-azure-westus',
            billed: 7.5,
          }),
          expect.objectContaining({
            environment: 'workload-aws-useast1',
            billed: 10,
          }),
        ]);
        const sources = await store.listFiles();
        expect(sources.filter(s => s.kind === 'focus').map(s => s.key)).toEqual(
          [
            `${files.url}/exports/2026-03.csv.gz`,
            `${files.url}/exports/2026-03.parquet`,
          ],
        );

        // Every cluster's OpenCost but the one that is down.
        const openCost = sources.filter(s => s.kind === 'opencost');
        expect(openCost.map(s => s.key).sort()).toEqual(
          simulator
            .names()
            .map(name => `opencost:${name}`)
            .sort(),
        );
        expect(
          openCost.find(s => s.key === 'opencost:workload-aws-useast1')
            ?.problems,
        ).toEqual([
          expect.objectContaining({
            column: 'OpenCost',
            message: expect.stringContaining('ECONNREFUSED'),
          }),
        ]);
        const yesterday = new Date(Date.now() - 86_400_000)
          .toISOString()
          .slice(0, 10);
        const namespaces = await store.dailyByNamespace({
          from: yesterday,
          to: yesterday,
        });
        expect(namespaces).toContainEqual(
          expect.objectContaining({
            key: 'admin-azure-westus/kube-system',
            currency: 'USD',
          }),
        );
        expect(
          namespaces.some(n => n.key.startsWith('workload-aws-useast1/')),
        ).toBe(false);

        // The query API groups by namespace from these costs.
        const byNamespace = await request(backend.server).get(
          `/api/finops/costs?from=${yesterday}&to=${yesterday}&groupBy=namespace&environment=admin-azure-westus`,
        );
        expect(byNamespace.status).toBe(200);
        expect(
          byNamespace.body.groups.map((g: { key: string }) => g.key).sort(),
        ).toEqual(
          namespaces
            .filter(n => n.key.startsWith('admin-azure-westus/'))
            .map(n => n.key)
            .sort(),
        );
      } finally {
        await simulator.update('workload-aws-useast1', { state: undefined });
        await backend.stop();
        await files.stop();
      }
    });
  },
);
