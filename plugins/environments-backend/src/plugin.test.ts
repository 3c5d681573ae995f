import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type {
  EnvironmentStatus,
  FleetStatusResponse,
} from '@multicloud/plugin-environments-common';
import { KubernetesSimulator } from 'kubernetes-simulator';
import request from 'supertest';
import environmentsBackend from './index';

jest.setTimeout(60_000);

// Under CI=true (as ./scripts/test.sh runs it) a missing PostgreSQL fails
// loudly instead of being skipped.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const FLEET = `environments:
  - name: admin-azure-westus
    role: admin
    provider: azure
    type: cloud
    region: westus
    infrastructure:
      kubernetes: { provider: aks, version: "1.36", api_server: https://admin.example.invalid }
  - name: workload-aws-useast1
    role: workload
    provider: aws
    type: cloud
    region: us-east-1
    infrastructure:
      kubernetes: { provider: eks, version: "1.36", api_server: https://use1.example.invalid }
  - name: workload-gcp-europewest4
    role: workload
    provider: gcp
    type: cloud
    region: europe-west4
    infrastructure:
      kubernetes: { provider: gke, version: "1.35", api_server: https://euw4.example.invalid }
  - name: workload-oracle-frankfurt
    role: workload
    provider: oracle
    type: cloud
    region: eu-frankfurt-1
    infrastructure:
      kubernetes: { provider: oke, version: "1.35", api_server: https://fra.example.invalid }
  - name: hci-vsphere-ams01
    role: workload
    provider: onprem
    type: hci
    region: ams01
    hci: { platform: vsphere, cluster: vsan-ams-01 }
    infrastructure:
      kubernetes: { provider: tanzu, version: "1.35", api_server: https://ams.example.invalid }
  - name: workload-ibm-ussouth
    role: workload
    provider: ibm
    type: cloud
    region: us-south
    enabled: false
    infrastructure:
      kubernetes: { provider: iks, version: "1.34", api_server: https://ibm.example.invalid }
  - name: workload-aws-apsoutheast1
    role: workload
    provider: aws
    type: cloud
    region: ap-southeast-1
`;

const peer = (namespace = 'ledger') => ({
  namespace,
  name: 'ledger-peer',
  kubernetesId: 'ledger-peer',
  replicas: 2,
  image: 'ledger/peer:2.4.0',
});

let simulator: KubernetesSimulator;

beforeAll(async () => {
  simulator = await KubernetesSimulator.start([
    {
      name: 'admin-azure-westus',
      version: '1.36',
      nodes: 3,
      token: 'simulated',
    },
    {
      name: 'workload-aws-useast1',
      version: '1.36',
      nodes: 4,
      token: 'simulated',
      workloads: [peer()],
    },
    {
      name: 'workload-gcp-europewest4',
      version: '1.35',
      nodes: 3,
      nodesNotReady: 1,
      token: 'simulated',
      workloads: [{ ...peer(), failingPods: 1 }],
    },
    {
      name: 'workload-oracle-frankfurt',
      version: '1.35',
      nodes: 3,
      token: 'simulated',
      state: 'down',
    },
    {
      name: 'hci-vsphere-ams01',
      version: '1.35',
      nodes: 5,
      token: 'simulated',
      state: 'hang',
    },
  ]);
});

afterAll(async () => {
  await simulator?.stop();
});

/**
 * Stands in for the Kubernetes plugin's proxy (`/api/kubernetes/proxy`),
 * which loads its client as an ES module that Jest cannot import; the real
 * proxy is exercised by the browser tests against the same simulator.
 */
const kubernetesProxyStandIn = createBackendPlugin({
  pluginId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use(async (req, res, next) => {
          if (!req.path.startsWith('/proxy/')) return next();
          await httpAuth.credentials(req, { allow: ['service'] });
          const cluster = String(req.headers['backstage-kubernetes-cluster']);
          try {
            const upstream = await fetch(
              `${simulator.url(cluster)}${req.originalUrl.replace(
                /^.*?\/proxy/,
                '',
              )}`,
              { headers: { Authorization: 'Bearer simulated' } },
            );
            res
              .status(upstream.status)
              .type('json')
              .send(await upstream.text());
          } catch (error) {
            res.status(500).json({ error: { message: String(error) } });
          }
          return undefined;
        });
      },
    });
  },
});

async function startPortal(
  databaseId: TestDatabaseId,
  shared?: { knex: Awaited<ReturnType<typeof databases.init>> },
) {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-'));
  const file = join(dir, 'environments.yaml');
  writeFileSync(file, FLEET);
  const knex = shared?.knex ?? (await databases.init(databaseId));
  // The mock is also a factory for itself, which its declared type omits.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService>;
  };
  const overrides = Object.fromEntries(
    simulator.names().map(name => [
      name,
      {
        url: simulator.url(name),
        authProvider: 'serviceAccount',
        serviceAccountToken: 'simulated',
        skipMetricsLookup: true,
      },
    ]),
  );
  const backend = await startTestBackend({
    features: [
      kubernetesProxyStandIn,
      environmentsBackend,
      mockServices.database.factory({ knex }),
      scheduler.factory(),
      mockServices.rootConfig.factory({
        data: {
          environments: {
            file,
            clusters: { simulated: true, overrides },
            status: { timeout: { seconds: 2 }, concurrency: 4 },
          },
        },
      }),
    ],
  });
  return {
    knex,
    server: backend.server,
    stop: () => backend.stop(),
    refresh: () => scheduler.triggerTask('environments-fleet-status:refresh'),
  };
}

const byName = (fleet: FleetStatusResponse) =>
  Object.fromEntries(fleet.environments.map(e => [e.name, e]));

describe.each(databases.eachSupportedId())(
  'the fleet status API on %s',
  databaseId => {
    it('answers cold with every cluster probed: healthy, degraded, refused, hanging, disabled, not configured', async () => {
      const { server, stop } = await startPortal(databaseId);
      const res = await request(server).get('/api/environments/fleet');
      expect(res.status).toBe(200);
      const fleet: FleetStatusResponse = res.body;
      expect(fleet.simulated).toBe(true);
      expect(fleet.adminVersion).toBe('1.36');
      const envs = byName(fleet);

      expect(envs['workload-aws-useast1'].status).toMatchObject({
        health: 'healthy',
        serverVersion: expect.stringMatching(/^v1\.36\.\d+$/),
        nodes: { ready: 4, total: 4 },
        allocatable: { cpuCores: 32 },
        deployments: { total: expect.any(Number), unavailable: 0 },
      });
      expect(envs['workload-aws-useast1']).toMatchObject({
        entityRef: 'resource:default/workload-aws-useast1',
        regionName: 'US East (N. Virginia)',
        kubernetes: { flavour: 'eks', version: '1.36' },
      });
      expect(envs['workload-gcp-europewest4'].status.health).toBe('degraded');
      expect(envs['workload-gcp-europewest4'].status.reason).toContain(
        '1 of 3 nodes not ready',
      );
      expect(
        envs['workload-gcp-europewest4'].status.pods?.failing[0],
      ).toMatchObject({
        reason: 'CrashLoopBackOff',
      });
      expect(envs['workload-oracle-frankfurt'].status.health).toBe(
        'unreachable',
      );
      expect(envs['hci-vsphere-ams01'].status).toMatchObject({
        health: 'unreachable',
        reason: 'did not answer within 2000 ms',
      });
      expect(envs['workload-ibm-ussouth'].status.health).toBe('disabled');
      expect(envs['workload-aws-apsoutheast1'].status.health).toBe(
        'not-configured',
      );
      await stop();
    });

    it('turns a killed cluster red at the next round while the others stay fresh', async () => {
      const { server, stop, refresh } = await startPortal(databaseId);
      const first = byName(
        (await request(server).get('/api/environments/fleet')).body,
      );
      expect(first['admin-azure-westus'].status.health).toBe('healthy');

      await simulator.update('admin-azure-westus', { state: 'down' });
      try {
        await refresh();
        const second = byName(
          (await request(server).get('/api/environments/fleet')).body,
        );
        expect(second['admin-azure-westus'].status.health).toBe('unreachable');
        // What was last known stays, with its age.
        expect(second['admin-azure-westus'].status.serverVersion).toMatch(
          /^v1\.36/,
        );
        expect(second['admin-azure-westus'].status.lastSuccessAt).toBe(
          first['admin-azure-westus'].status.lastSuccessAt,
        );
        expect(second['workload-aws-useast1'].status.health).toBe('healthy');
        expect(
          Date.parse(second['workload-aws-useast1'].status.checkedAt!),
        ).toBeGreaterThan(
          Date.parse(first['workload-aws-useast1'].status.checkedAt!),
        );
      } finally {
        await simulator.update('admin-azure-westus', { state: 'up' });
      }
      await stop();
    });

    it('lets a second replica answer from what the first one probed', async () => {
      const first = await startPortal(databaseId);
      const second = await startPortal(databaseId, { knex: first.knex });
      const probed = byName(
        (await request(first.server).get('/api/environments/fleet')).body,
      );
      const served = byName(
        (await request(second.server).get('/api/environments/fleet')).body,
      );
      // Same stored probe, not a new one.
      expect(served['workload-aws-useast1'].status.checkedAt).toBe(
        probed['workload-aws-useast1'].status.checkedAt,
      );
      await second.stop();
      await first.stop();
    });

    it('answers for one environment, and refuses bad names clearly', async () => {
      const { server, stop } = await startPortal(databaseId);
      const one = await request(server).get(
        '/api/environments/fleet/workload-aws-useast1',
      );
      expect(one.status).toBe(200);
      expect((one.body as EnvironmentStatus).status.health).toBe('healthy');

      const missing = await request(server).get(
        '/api/environments/fleet/nowhere',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain(
        'There is no valid environment "nowhere"',
      );

      const bad = await request(server).get('/api/environments/fleet/Bad_Name');
      expect(bad.status).toBe(400);
      await stop();
    });
  },
);
