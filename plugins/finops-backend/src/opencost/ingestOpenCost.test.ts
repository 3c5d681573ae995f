import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  mockServices,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  parseEnvironments,
  type Environment,
} from '@multicloud/plugin-environments-common';
import {
  clustersForFleet,
  KubernetesSimulator,
  OPENCOST_PROXY_PATH,
} from 'kubernetes-simulator';
import type { Knex } from 'knex';
import { CostStore } from '../database/CostStore';
import { readOpenCostConfig, type OpenCostConfig } from './config';
import {
  allocationRows,
  ingestOpenCost,
  openCostSourceKey,
} from './ingestOpenCost';
import { OpenCostClient } from './OpenCostClient';
import { openCostTargets } from './targets';

jest.setTimeout(60_000);

// Under CI=true a missing PostgreSQL fails loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const fleet = parseEnvironments(
  readFileSync(
    resolve(__dirname, '../../../../config/environments.yaml'),
    'utf8',
  ),
).environments;

// Noon on 2026-03-03 (UTC), for the simulated OpenCost and the ingestion.
const NOW = new Date('2026-03-03T12:00:00Z');
const TOKEN = 'simulated';

const USEAST = 'workload-aws-useast1';
const ADMIN = 'admin-azure-westus';

function config(openCost: object): OpenCostConfig {
  return readOpenCostConfig(
    new ConfigReader({ finops: { opencost: openCost } }),
  )!;
}

describe('openCostTargets', () => {
  const kubernetes = fleet.filter(
    e => e.enabled && e.infrastructure?.kubernetes,
  );

  it('reaches each cluster through its API server, or directly', () => {
    const { targets, skipped } = openCostTargets(
      fleet,
      config({
        serviceProxy: {},
        currency: 'EUR',
        clusters: {
          [USEAST]: {
            baseUrl: 'https://opencost.useast1.example.com/',
            token: 't0k3n',
            currency: 'USD',
          },
          [ADMIN]: { enabled: false },
          'not-in-the-fleet': { baseUrl: 'https://x.example.com' },
        },
      }),
      Object.fromEntries(
        kubernetes.map(e => [
          e.name,
          {
            url: `https://${e.name}.example.com:6443`,
            serviceAccountToken: TOKEN,
          },
        ]),
      ),
    );
    expect(targets).toHaveLength(kubernetes.length - 1);
    expect(targets.find(t => t.environment === USEAST)).toEqual({
      environment: USEAST,
      baseUrl: 'https://opencost.useast1.example.com',
      token: 't0k3n',
      skipTLSVerify: false,
      currency: 'USD',
    });
    const other = targets.find(t => t.environment !== USEAST)!;
    expect(other).toEqual({
      environment: other.environment,
      baseUrl: `https://${other.environment}.example.com:6443/api/v1/namespaces/opencost/services/opencost:9003/proxy`,
      token: TOKEN,
      skipTLSVerify: false,
      currency: 'EUR',
    });
    expect(targets.some(t => t.environment === ADMIN)).toBe(false);
    expect(skipped).toEqual([
      {
        environment: 'not-in-the-fleet',
        reason: 'it is no Kubernetes environment of the fleet file',
      },
    ]);
  });

  it('says why a cluster cannot be reached', () => {
    const { targets, skipped } = openCostTargets(
      fleet,
      config({
        serviceProxy: { namespace: 'cost', service: 'oc', port: 'http' },
      }),
      { [USEAST]: { url: 'https://10.0.0.1', serviceAccountToken: TOKEN } },
    );
    expect(targets).toEqual([
      expect.objectContaining({
        environment: USEAST,
        baseUrl:
          'https://10.0.0.1/api/v1/namespaces/cost/services/oc:http/proxy',
      }),
    ]);
    expect(skipped).toContainEqual({
      environment: ADMIN,
      reason: `its API server needs a token: set environments.clusters.overrides.${ADMIN}.serviceAccountToken, finops.opencost.clusters.${ADMIN}.token, or finops.opencost.clusters.${ADMIN}.baseUrl`,
    });
    // Without serviceProxy, only clusters with a baseUrl are pulled.
    expect(openCostTargets(fleet, config({}), {}).targets).toEqual([]);
  });

  it('refuses config it cannot use', () => {
    expect(() => config({ days: 0 })).toThrow(
      'finops.opencost.days must be a whole number from 1 to 90, not 0',
    );
    expect(() => config({ currency: 'usd' })).toThrow(
      'finops.opencost.currency must be an ISO 4217 code such as USD, not "usd"',
    );
    expect(() =>
      config({ clusters: { a: { baseUrl: 'opencost:9003' } } }),
    ).toThrow(
      'finops.opencost.clusters.a.baseUrl must be an http(s) URL, not "opencost:9003"',
    );
    expect(config({ requestTimeout: { seconds: 5 } }).requestTimeoutMs).toBe(
      5000,
    );
  });
});

describe('allocationRows', () => {
  const context = {
    key: 'opencost:x',
    environment: 'x',
    currency: 'USD',
    range: { from: '2026-03-01', to: '2026-03-03' },
  };
  const window = {
    start: '2026-03-02T00:00:00Z',
    end: '2026-03-03T00:00:00Z',
  };

  it('reads names, properties and costs as OpenCost writes them', () => {
    const { rows, read, problems } = allocationRows(
      [
        {},
        {
          'ledger/deployment:ledger-peer': {
            name: 'ledger/deployment:ledger-peer',
            properties: {
              cluster: 'cluster-one',
              namespace: 'ledger',
              controller: 'ledger-peer',
              controllerKind: 'deployment',
              labels: { backstage_io_kubernetes_id: 'ledger-peer' },
            },
            window,
            cpuCost: 1,
            ramCost: 0.5,
            gpuCost: null,
            totalCost: 1.5,
          },
          // No controller; the entity comes from the namespace.
          'batch/__unallocated__': {
            name: 'batch/__unallocated__',
            properties: {
              namespace: 'batch',
              namespaceAnnotations: { 'backstage.io/kubernetes-id': 'nightly' },
            },
            start: '2026-03-02T00:00:00Z',
            cpuCost: 0.25,
            ramCost: 0.25,
          },
          // Only the name says where it runs.
          'argo/statefulset:argo-db': { window, pvCost: 2, totalCost: 2 },
          'bad/deployment:x': { window, totalCost: 'lots' },
          'early/deployment:y': {
            window: { start: '2026-02-27T00:00:00Z' },
            totalCost: 1,
          },
          'none/deployment:z': { totalCost: 1 },
        },
      ],
      context,
    );
    expect(read).toBe(6);
    expect(rows).toEqual([
      expect.objectContaining({
        date: '2026-03-02',
        environment: 'x',
        cluster: 'cluster-one',
        namespace: 'ledger',
        controllerKind: 'deployment',
        controller: 'ledger-peer',
        entityRef: 'component:default/ledger-peer',
        currency: 'USD',
        cpuCost: 1,
        ramCost: 0.5,
        gpuCost: 0,
        totalCost: 1.5,
      }),
      expect.objectContaining({
        namespace: 'batch',
        entityRef: 'component:default/nightly',
        totalCost: 0.5,
      }),
      expect.objectContaining({
        namespace: 'argo',
        controllerKind: 'statefulset',
        controller: 'argo-db',
        pvCost: 2,
        totalCost: 2,
      }),
    ]);
    expect(rows[1].controller).toBeUndefined();
    expect(problems).toEqual([
      {
        file: 'opencost:x',
        line: 2,
        column: 'bad/deployment:x',
        message: 'totalCost: Invalid input: expected number, received string',
      },
      {
        file: 'opencost:x',
        line: 2,
        column: 'early/deployment:y',
        message:
          'starts on 2026-02-27, outside the days asked for (2026-03-01 to 2026-03-03)',
      },
      {
        file: 'opencost:x',
        line: 2,
        column: 'none/deployment:z',
        message: 'has no window',
      },
    ]);
  });
});

describe.each(databases.eachSupportedId())(
  'ingestOpenCost on %p',
  (databaseId: TestDatabaseId) => {
    let simulator: KubernetesSimulator;
    let knex: Knex;
    let store: CostStore;
    const logger = mockServices.logger.mock();
    const environments: Environment[] = fleet;

    beforeAll(async () => {
      simulator = await KubernetesSimulator.start(
        clustersForFleet(fleet).map(spec => ({ ...spec, token: TOKEN })),
        { clock: () => NOW.getTime() },
      );
    });

    afterAll(async () => {
      await simulator.stop();
    });

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await CostStore.create(knex);
      for (const name of simulator.names()) {
        await simulator.update(name, { state: undefined, opencost: undefined });
      }
    });

    const run = () => {
      const { targets } = openCostTargets(
        environments,
        config({ serviceProxy: {}, days: 3 }),
        Object.fromEntries(
          simulator
            .names()
            .map(name => [
              name,
              { url: simulator.url(name), serviceAccountToken: TOKEN },
            ]),
        ),
      );
      return ingestOpenCost({
        targets,
        client: OpenCostClient.create({ timeoutMs: 5000 }),
        store,
        logger,
        days: 3,
        now: () => NOW,
      });
    };

    it('stores the cost of every namespace and workload of every cluster per day', async () => {
      const result = await run();
      expect(result.failed).toEqual([]);
      expect(result.ingested).toEqual(
        simulator.names().map(openCostSourceKey).sort(),
      );

      const days = await store.dailyByNamespace(
        { from: '2026-03-01', to: '2026-03-31' },
        { environment: USEAST },
      );
      expect(days.map(d => `${d.date} ${d.key}`)).toEqual([
        `2026-03-01 ${USEAST}/kube-system`,
        `2026-03-01 ${USEAST}/ledger`,
        `2026-03-01 ${USEAST}/monitoring`,
        `2026-03-02 ${USEAST}/kube-system`,
        `2026-03-02 ${USEAST}/ledger`,
        `2026-03-02 ${USEAST}/monitoring`,
        `2026-03-03 ${USEAST}/kube-system`,
        `2026-03-03 ${USEAST}/ledger`,
        `2026-03-03 ${USEAST}/monitoring`,
      ]);
      expect(days.every(d => d.currency === 'USD' && d.amount > 0)).toBe(true);

      // The same numbers as OpenCost's own answer for the namespace.
      const direct = await fetch(
        `${simulator.url(
          USEAST,
        )}${OPENCOST_PROXY_PATH}/allocation/compute?window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z&step=1d&aggregate=namespace`,
        { headers: { authorization: `Bearer ${TOKEN}` } },
      );
      const ledger = (await direct.json()).data[0].ledger.totalCost;
      expect(days[1].amount).toBeCloseTo(ledger, 4);

      const workloads = await knex('opencost_daily')
        .where({ environment: USEAST, date: '2026-03-01', namespace: 'ledger' })
        .orderBy('controller');
      expect(workloads.length).toBeGreaterThan(0);
      for (const workload of workloads) {
        expect(workload).toMatchObject({
          source_key: openCostSourceKey(USEAST),
          cluster: USEAST,
          controller_kind: 'deployment',
          entity_ref: `component:default/${workload.controller}`,
        });
      }
      expect(await store.fileState(openCostSourceKey(USEAST))).toMatchObject({
        kind: 'opencost',
        rowsRead: expect.any(Number),
        problems: [],
      });

      expect(await run()).toMatchObject({ ingested: [], failed: [] });
    });

    it('reports a cluster whose OpenCost is down or missing and pulls the others', async () => {
      await run();
      const before = await store.dailyByNamespace(
        { from: '2026-03-01', to: '2026-03-03' },
        { environment: USEAST },
      );
      await simulator.update(USEAST, { state: 'down' });
      await simulator.update(ADMIN, { opencost: false });

      const result = await run();
      expect(result.failed).toEqual([
        {
          key: openCostSourceKey(ADMIN),
          error: expect.stringContaining(
            'answered 404: services "opencost" not found',
          ),
        },
        {
          key: openCostSourceKey(USEAST),
          error: expect.stringContaining('ECONNREFUSED'),
        },
      ]);
      expect(result.unchanged).toHaveLength(simulator.names().length - 2);

      // What was stored stays, with the failure on the source.
      expect(
        await store.dailyByNamespace(
          { from: '2026-03-01', to: '2026-03-03' },
          { environment: USEAST },
        ),
      ).toEqual(before);
      expect(await store.fileState(openCostSourceKey(USEAST))).toMatchObject({
        kind: 'opencost',
        rowsRead: 0,
        problems: [
          {
            file: openCostSourceKey(USEAST),
            line: 0,
            column: 'OpenCost',
            message: expect.stringMatching(
              /^cannot reach OpenCost at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/opencost\/services\/opencost:9003\/proxy: ECONNREFUSED$/,
            ),
          },
        ],
      });

      // Back up: read again, whatever its hash was.
      await simulator.update(USEAST, { state: undefined });
      expect((await run()).ingested).toEqual([openCostSourceKey(USEAST)]);
    });
  },
);
