import { KubernetesSimulator } from './KubernetesSimulator';
import { OPENCOST_PROXY_PATH, parseWindow } from './opencost';
import type { SimulatedClusterSpec } from './types';

type Json = any;

// Noon on 2026-03-03 (UTC): the clock of the simulated OpenCost.
const NOW = Date.UTC(2026, 2, 3, 12);

const SPECS: SimulatedClusterSpec[] = [
  {
    name: 'alpha',
    version: '1.36',
    nodes: 3,
    token: 'secret',
    workloads: [
      {
        namespace: 'ledger',
        name: 'ledger-peer',
        kubernetesId: 'ledger-peer',
        replicas: 3,
        image: 'registry.example.internal/ledger/ledger-peer:2.5.0',
      },
      {
        namespace: 'ledger',
        name: 'ledger-gateway',
        kubernetesId: 'ledger-gateway',
        replicas: 2,
        image: 'registry.example.internal/ledger/ledger-gateway:2.5.0',
      },
      {
        namespace: 'kube-system',
        name: 'coredns',
        replicas: 2,
        image: 'registry.k8s.io/coredns/coredns:v1.12.1',
      },
    ],
  },
  { name: 'beta', version: '1.35', nodes: 1, opencost: false },
];

const AUTH = { headers: { authorization: 'Bearer secret' } };

describe('the simulated OpenCost', () => {
  let simulator: KubernetesSimulator;

  beforeAll(async () => {
    simulator = await KubernetesSimulator.start(SPECS, { clock: () => NOW });
  });

  afterAll(async () => {
    await simulator.stop();
  });

  const allocation = (query: string, cluster = 'alpha') =>
    fetch(
      `${simulator.url(
        cluster,
      )}${OPENCOST_PROXY_PATH}/allocation/compute?${query}`,
      AUTH,
    );

  it('answers one set per day, per namespace and workload', async () => {
    const response = await allocation(
      'window=2026-03-01T00:00:00Z,2026-03-04T00:00:00Z&step=1d&aggregate=namespace,controller&accumulate=false',
    );
    expect(response.status).toBe(200);
    const body: Json = await response.json();
    expect(body.code).toBe(200);
    // March 1 and 2 whole, March 3 until noon, nothing after.
    expect(body.data).toHaveLength(3);
    expect(Object.keys(body.data[0]).sort()).toEqual([
      'kube-system/deployment:coredns',
      'ledger/deployment:ledger-gateway',
      'ledger/deployment:ledger-peer',
    ]);
    const peer = body.data[0]['ledger/deployment:ledger-peer'];
    expect(peer).toMatchObject({
      name: 'ledger/deployment:ledger-peer',
      properties: {
        cluster: 'alpha',
        namespace: 'ledger',
        controller: 'ledger-peer',
        controllerKind: 'deployment',
        labels: {
          app: 'ledger-peer',
          app_kubernetes_io_name: 'ledger-peer',
          backstage_io_kubernetes_id: 'ledger-peer',
        },
      },
      window: { start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-02T00:00:00Z',
      minutes: 1440,
      gpuCost: 0,
    });
    const parts =
      peer.cpuCost +
      peer.gpuCost +
      peer.ramCost +
      peer.pvCost +
      peer.networkCost +
      peer.loadBalancerCost +
      peer.sharedCost +
      peer.externalCost;
    expect(peer.totalCost).toBeCloseTo(parts, 4);
    expect(peer.cpuCost).toBeGreaterThan(0);
    // The gateway has a load balancer.
    expect(
      body.data[0]['ledger/deployment:ledger-gateway'].loadBalancerCost,
    ).toBeCloseTo(0.6, 5);

    const today = body.data[2]['ledger/deployment:ledger-peer'];
    expect(today.window).toEqual({
      start: '2026-03-03T00:00:00Z',
      end: '2026-03-03T12:00:00Z',
    });
    expect(today.cpuCost).toBeCloseTo(peer.cpuCost / 2, 4);
  });

  it('is the same on every run', async () => {
    const query =
      'window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z&step=1d&aggregate=namespace';
    const first: Json = await (await allocation(query)).json();
    const second: Json = await (await allocation(query)).json();
    expect(second).toEqual(first);
    // Namespaces sum their workloads.
    const byWorkload: Json = await (
      await allocation(
        'window=2026-03-01T00:00:00Z,2026-03-02T00:00:00Z&step=1d&aggregate=namespace,controller',
      )
    ).json();
    expect(first.data[0].ledger.totalCost).toBeCloseTo(
      byWorkload.data[0]['ledger/deployment:ledger-peer'].totalCost +
        byWorkload.data[0]['ledger/deployment:ledger-gateway'].totalCost,
      4,
    );
    expect(first.data[0].ledger.properties).toMatchObject({
      cluster: 'alpha',
      namespace: 'ledger',
    });
    expect(first.data[0].ledger.properties.controller).toBeUndefined();
  });

  it('reads the windows and aggregates OpenCost takes', async () => {
    const idle: Json = await (
      await fetch(
        `${simulator.url(
          'alpha',
        )}${OPENCOST_PROXY_PATH}/allocation?window=yesterday&aggregate=cluster&includeIdle=true`,
        AUTH,
      )
    ).json();
    expect(Object.keys(idle.data[0]).sort()).toEqual(['__idle__', 'alpha']);
    expect(idle.data[0].alpha.window).toEqual({
      start: '2026-03-02T00:00:00Z',
      end: '2026-03-03T00:00:00Z',
    });

    const byLabel: Json = await (
      await allocation('window=1d&aggregate=label:app.kubernetes.io/name')
    ).json();
    expect(Object.keys(byLabel.data[0]).sort()).toEqual([
      'coredns',
      'ledger-gateway',
      'ledger-peer',
    ]);

    for (const [query, message] of [
      ['aggregate=namespace', 'Missing required parameter: window'],
      ['window=soon&aggregate=namespace', 'Invalid window parameter: soon'],
      ['window=1d&aggregate=node', 'Invalid aggregate parameter: node'],
      [
        'window=1d&step=often&aggregate=namespace',
        'Invalid step parameter: often',
      ],
    ]) {
      const response = await allocation(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 400, message });
    }
  });

  it('is reached only as an API server reaches it', async () => {
    const healthz = await fetch(
      `${simulator.url('alpha')}${OPENCOST_PROXY_PATH}/healthz`,
      AUTH,
    );
    expect(await healthz.text()).toBe('OK');
    // The API server wants its token.
    const anonymous = await fetch(
      `${simulator.url(
        'alpha',
      )}${OPENCOST_PROXY_PATH}/allocation?window=1d&aggregate=namespace`,
    );
    expect(anonymous.status).toBe(401);
    // Not installed: the service does not exist.
    const missing = await allocation('window=1d&aggregate=namespace', 'beta');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      reason: 'NotFound',
      message: 'services "opencost" not found',
    });
    // A service of a workload has no endpoints in the simulator.
    const other = await fetch(
      `${simulator.url(
        'alpha',
      )}/api/v1/namespaces/ledger/services/ledger-peer:8080/proxy/`,
      AUTH,
    );
    expect(other.status).toBe(503);
  });

  it('can be removed and installed again at run time', async () => {
    await simulator.update('alpha', { opencost: false });
    expect(simulator.status('alpha').opencost).toBe(false);
    expect((await allocation('window=1d&aggregate=namespace')).status).toBe(
      404,
    );
    await simulator.update('alpha', { opencost: undefined });
    expect((await allocation('window=1d&aggregate=namespace')).status).toBe(
      200,
    );
  });
});

describe('parseWindow', () => {
  it('reads durations, keywords and pairs', () => {
    expect(parseWindow('7d', NOW)).toEqual({
      start: NOW - 7 * 86_400_000,
      end: NOW,
    });
    expect(parseWindow('today', NOW)).toEqual({
      start: Date.UTC(2026, 2, 3),
      end: NOW,
    });
    expect(parseWindow('month', NOW)?.start).toBe(Date.UTC(2026, 2, 1));
    expect(parseWindow('1772323200,1772409600', NOW)).toEqual({
      start: Date.UTC(2026, 2, 1),
      end: Date.UTC(2026, 2, 2),
    });
    expect(parseWindow('2026-03-02T00:00:00Z,2026-03-01T00:00:00Z', NOW)).toBe(
      undefined,
    );
  });
});
