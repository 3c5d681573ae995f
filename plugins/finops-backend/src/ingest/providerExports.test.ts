import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { formatCostProblem } from '@multicloud/plugin-finops-common';
import { CostStore } from '../database/CostStore';
import {
  FOUNDATION_SAMPLE,
  GCP_PARQUET,
  PROVIDER_EXPORTS,
} from '../__testUtils__/providerExports';
import { ingestFocusFile, localFocusFile } from './ingestFocusFile';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const environments = parseEnvironments(
  readFileSync(
    resolve(__dirname, '../../../../config/environments.yaml'),
    'utf8',
  ),
).environments;

describe.each(databases.eachSupportedId())(
  'FOCUS exports of the major clouds on %p',
  (databaseId: TestDatabaseId) => {
    let store: CostStore;
    let dir: string;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'provider-exports-'));
    });

    beforeEach(async () => {
      store = await CostStore.create(await databases.init(databaseId));
    });

    const ingest = (name: string, content: Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return ingestFocusFile({
        key: path,
        ...localFocusFile(path),
        environments,
        store,
      });
    };

    it.each(PROVIDER_EXPORTS.map(e => [e.title, e] as const))(
      'reads %s without a problem',
      async (_title, providerExport) => {
        const result = await ingest(
          providerExport.name,
          providerExport.content,
        );
        expect(
          result.status === 'ingested' &&
            result.problems.map(formatCostProblem),
        ).toEqual([]);
        expect(result).toMatchObject({
          status: 'ingested',
          version: providerExport.version,
          rowsRead: providerExport.rows,
          rowsIngested: providerExport.rows,
          problemCount: 0,
        });
        const costs = await store.costByEnvironment({
          from: '2026-03-01',
          to: '2026-03-31',
        });
        expect(
          costs.map(({ environment, billed }) => ({
            environment,
            billed: Number(billed.toFixed(9)),
          })),
        ).toEqual(providerExport.billed);
      },
    );

    it('keeps the dimensions of the rows of the sample data', async () => {
      await ingest(FOUNDATION_SAMPLE.name, FOUNDATION_SAMPLE.content);
      const key = join(dir, FOUNDATION_SAMPLE.name);
      const knex = await databases.init(databaseId);
      const fresh = await CostStore.create(knex);
      await ingestFocusFile({
        key,
        ...localFocusFile(key),
        environments,
        store: fresh,
      });
      const rows = await knex('cost_daily')
        .where({ file_key: key })
        .orderBy('provider');
      expect(
        rows.map(r => [r.provider, r.date, r.region, r.charge_category]),
      ).toEqual(
        expect.arrayContaining([
          ['aws', '2026-03-04', 'us-east-1', 'Usage'],
          // A NULL region is no region.
          ['aws', '2026-03-01', null, 'Credit'],
          ['azure', '2026-03-05', 'westus', 'Usage'],
          // Oracle's region comes from RegionName.
          ['oracle', '2026-03-06', 'eu-frankfurt-1', 'Adjustment'],
        ]),
      );
    });

    it('reads the labels and NUMERIC costs of Google Cloud', async () => {
      const knex = await databases.init(databaseId);
      const fresh = await CostStore.create(knex);
      const path = join(dir, `again-${GCP_PARQUET.name}`);
      writeFileSync(path, GCP_PARQUET.content);
      await ingestFocusFile({
        key: path,
        ...localFocusFile(path),
        environments,
        store: fresh,
      });
      const rows = await knex('cost_daily')
        .where({ file_key: path })
        .orderBy('billed_cost');
      expect(
        rows.map(r => ({
          environment: r.environment,
          entity: r.entity_ref,
          billed: Number(r.billed_cost),
          effective: Number(r.effective_cost),
          provider: r.provider,
          date: r.date,
        })),
      ).toEqual([
        {
          environment: 'workload-gcp-uscentral1',
          entity: null,
          billed: -1.25,
          effective: -1.25,
          provider: 'gcp',
          date: '2026-03-05',
        },
        {
          environment: 'workload-gcp-uscentral1',
          entity: null,
          billed: 0.000001,
          effective: 0.000001,
          provider: 'gcp',
          date: '2026-03-05',
        },
        {
          environment: 'workload-gcp-europewest4',
          entity: 'component:default/ledger-peer',
          billed: 3.2,
          effective: 2.88,
          provider: 'gcp',
          date: '2026-03-05',
        },
      ]);
    });
  },
);
