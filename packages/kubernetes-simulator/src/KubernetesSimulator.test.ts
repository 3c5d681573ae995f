import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnvironments } from '@multicloud/plugin-environments-common';
import { clustersForFleet } from './fleet';
import { KubernetesSimulator } from './KubernetesSimulator';
import { gitVersionOf, KUBERNETES_ID_LABEL } from './objects';
import type { SimulatedClusterSpec } from './types';
import { InvalidSpecError } from './validate';

/* eslint-disable jest/no-conditional-expect */

type Json = any;

interface Pod {
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    ownerReferences: Array<{ kind: string; name: string; uid: string }>;
  };
  spec: {
    nodeName: string;
    containers: Array<{ name: string; image: string; resources: Json }>;
  };
  status: {
    phase: string;
    podIP?: string;
    startTime: string;
    conditions: Array<{ type: string; status: string }>;
    containerStatuses: Array<{
      ready: boolean;
      restartCount: number;
      state: { waiting?: { reason: string }; running?: unknown };
    }>;
  };
}

const SPECS: SimulatedClusterSpec[] = [
  {
    name: 'alpha',
    version: '1.36',
    nodes: 3,
    nodesNotReady: 1,
    workloads: [
      {
        namespace: 'ledger',
        name: 'ledger-peer',
        kubernetesId: 'ledger-peer',
        replicas: 3,
        image: 'registry.example.internal/ledger/ledger-peer:2.5.0',
        failingPods: 1,
      },
      {
        namespace: 'ledger',
        name: 'ledger-gateway',
        kubernetesId: 'ledger-gateway',
        replicas: 2,
        image: 'registry.example.internal/ledger/ledger-gateway:2.6.0',
        rollingOut: true,
      },
      {
        namespace: 'kube-system',
        name: 'coredns',
        replicas: 2,
        image: 'registry.k8s.io/coredns/coredns:v1.12.1',
      },
    ],
  },
  {
    name: 'beta',
    version: '1.35',
    nodes: 2,
    cpuPerNode: 4,
    memoryPerNodeGi: 16,
    token: 'secret',
  },
  { name: 'gamma', version: '1.34', nodes: 1 },
];

async function get(url: string, init?: RequestInit): Promise<Json> {
  const response = await fetch(url, init);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.status).toBe(200);
  return response.json();
}

/** The error code under a rejected fetch (`fetch failed` wraps it). */
async function fetchErrorCode(url: string): Promise<string | undefined> {
  try {
    await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).name;
  }
  return undefined;
}

/** A pooled connection that the server has just cut may fail once with a socket error before a new connection is refused. */
async function expectRefused(url: string) {
  let code = await fetchErrorCode(url);
  if (code !== 'ECONNREFUSED') code = await fetchErrorCode(url);
  expect(code).toBe('ECONNREFUSED');
}

describe('KubernetesSimulator', () => {
  let simulator: KubernetesSimulator;
  let alpha: string;

  beforeAll(async () => {
    simulator = await KubernetesSimulator.start(SPECS);
    alpha = simulator.url('alpha');
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('gives every cluster its own port on loopback', () => {
    expect(simulator.names()).toEqual(['alpha', 'beta', 'gamma']);
    const urls = simulator.names().map(name => simulator.url(name));
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(urls).size).toBe(3);
    expect(simulator.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(() => simulator.url('nope')).toThrow('nope');
  });

  it('answers /version with the minor of the spec and a patch from the name', async () => {
    const version = await get(`${alpha}/version`);
    expect(version).toMatchObject({
      major: '1',
      minor: '36',
      platform: 'linux/amd64',
      gitVersion: gitVersionOf('alpha', '1.36'),
    });
    expect(version.gitVersion).toMatch(/^v1\.36\.\d+$/);
    expect(gitVersionOf('alpha', '1.36')).toBe(gitVersionOf('alpha', '1.36'));
  });

  it('serves discovery documents', async () => {
    const api = await get(`${alpha}/api`);
    expect(api).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const v1 = await get(`${alpha}/api/v1`);
    expect(v1.kind).toBe('APIResourceList');
    expect(v1.resources.map((r: Json) => r.name)).toEqual(
      expect.arrayContaining(['pods', 'nodes', 'services', 'configmaps']),
    );
    const apis = await get(`${alpha}/apis`);
    expect(apis.kind).toBe('APIGroupList');
    const groups = apis.groups.map((g: Json) => g.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        'apps',
        'autoscaling',
        'batch',
        'networking.k8s.io',
      ]),
    );
    expect(groups).not.toContain('metrics.k8s.io');
    const apps = await get(`${alpha}/apis/apps/v1`);
    expect(apps.resources.map((r: Json) => r.name)).toEqual([
      'deployments',
      'replicasets',
      'statefulsets',
      'daemonsets',
    ]);
  });

  it('lists nodes, ready and not ready, with their size and kubelet', async () => {
    const nodes = await get(`${alpha}/api/v1/nodes`);
    expect(nodes).toMatchObject({
      kind: 'NodeList',
      apiVersion: 'v1',
      metadata: { resourceVersion: expect.any(String) },
    });
    expect(nodes.items).toHaveLength(3);
    const ready = (node: Json) =>
      node.status.conditions.find((c: Json) => c.type === 'Ready').status;
    expect(nodes.items.map(ready)).toEqual(['True', 'True', 'False']);
    for (const node of nodes.items) {
      expect(node.status.allocatable.cpu).toBe('8');
      expect(node.status.allocatable.memory).toBe(`${32 * 1024 * 1024}Ki`);
      expect(node.status.nodeInfo.kubeletVersion).toBe(
        gitVersionOf('alpha', '1.36'),
      );
    }

    const beta = await get(`${simulator.url('beta')}/api/v1/nodes`, {
      headers: { authorization: 'Bearer secret' },
    });
    expect(beta.items).toHaveLength(2);
    expect(beta.items[0].status.allocatable).toMatchObject({
      cpu: '4',
      memory: `${16 * 1024 * 1024}Ki`,
    });
    const name = beta.items[1].metadata.name;
    const node = await get(`${simulator.url('beta')}/api/v1/nodes/${name}`, {
      headers: { authorization: 'Bearer secret' },
    });
    expect(node).toMatchObject({ kind: 'Node', metadata: { name } });
  });

  it('selects pods by label, with owners, containers and CrashLoopBackOff', async () => {
    const list = await get(
      `${alpha}/api/v1/pods?labelSelector=${encodeURIComponent(
        `${KUBERNETES_ID_LABEL}=ledger-peer`,
      )}`,
    );
    expect(list.kind).toBe('PodList');
    const pods: Pod[] = list.items;
    expect(pods).toHaveLength(3);

    const replicaSets = await get(
      `${alpha}/apis/apps/v1/namespaces/ledger/replicasets?labelSelector=app%3Dledger-peer`,
    );
    expect(replicaSets.items).toHaveLength(1);
    const [replicaSet] = replicaSets.items;
    for (const pod of pods) {
      expect(pod.metadata.labels).toMatchObject({
        app: 'ledger-peer',
        [KUBERNETES_ID_LABEL]: 'ledger-peer',
      });
      expect(pod.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          kind: 'ReplicaSet',
          name: replicaSet.metadata.name,
          uid: replicaSet.metadata.uid,
        }),
      ]);
      expect(pod.spec.containers[0].image).toBe(
        'registry.example.internal/ledger/ledger-peer:2.5.0',
      );
      expect(pod.spec.containers[0].resources.requests.cpu).toBeDefined();
      expect(pod.status.phase).toBe('Running');
      expect(pod.status.podIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(Date.parse(pod.status.startTime)).not.toBeNaN();
    }
    const crashing = pods.filter(
      p =>
        p.status.containerStatuses[0].state.waiting?.reason ===
        'CrashLoopBackOff',
    );
    expect(crashing).toHaveLength(1);
    expect(crashing[0].status.containerStatuses[0]).toMatchObject({
      ready: false,
      restartCount: expect.any(Number),
    });
    expect(
      crashing[0].status.containerStatuses[0].restartCount,
    ).toBeGreaterThan(0);
    expect(pods.filter(p => p.status.containerStatuses[0].ready).length).toBe(
      2,
    );

    // Pods of not-ready nodes are avoided
    const nodes = await get(`${alpha}/api/v1/nodes`);
    const notReady = nodes.items[2].metadata.name;
    const all = await get(`${alpha}/api/v1/pods`);
    expect(
      all.items.filter((p: Pod) => p.spec.nodeName === notReady),
    ).toHaveLength(0);
  });

  it('filters pods by phase: a rollout has a Pending pod, CrashLoopBackOff pods are Running', async () => {
    const all = await get(`${alpha}/api/v1/pods`);
    // ledger-peer 3, ledger-gateway 1 new (Pending) + 2 old, coredns 2
    expect(all.items).toHaveLength(8);
    const notRunning = await get(
      `${alpha}/api/v1/pods?fieldSelector=${encodeURIComponent(
        'status.phase!=Running',
      )}`,
    );
    expect(notRunning.items).toHaveLength(1);
    const [pending] = notRunning.items as Pod[];
    expect(pending.metadata.labels.app).toBe('ledger-gateway');
    expect(pending.status.phase).toBe('Pending');
    expect(pending.status.containerStatuses[0].state.waiting?.reason).toBe(
      'ContainerCreating',
    );
    expect(pending.status.podIP).toBeUndefined();
    const running = await get(
      `${alpha}/api/v1/pods?fieldSelector=status.phase%3DRunning`,
    );
    expect(running.items).toHaveLength(7);
    const kubeSystem = await get(
      `${alpha}/api/v1/pods?fieldSelector=metadata.namespace%3Dkube-system`,
    );
    expect(kubeSystem.items.map((p: Pod) => p.metadata.labels.app)).toEqual([
      'coredns',
      'coredns',
    ]);
  });

  it('reads label selectors: !=, exists, in, notin and AND', async () => {
    const count = async (selector: string) =>
      (
        await get(
          `${alpha}/api/v1/pods?labelSelector=${encodeURIComponent(selector)}`,
        )
      ).items.length;
    expect(await count(KUBERNETES_ID_LABEL)).toBe(6);
    expect(await count(`!${KUBERNETES_ID_LABEL}`)).toBe(2);
    expect(await count(`${KUBERNETES_ID_LABEL}!=ledger-peer`)).toBe(5);
    expect(await count('app in (ledger-peer, coredns)')).toBe(5);
    expect(await count('app notin (ledger-peer,coredns)')).toBe(3);
    expect(await count('app==coredns')).toBe(2);
    expect(
      await count(`${KUBERNETES_ID_LABEL}=ledger-peer,app=ledger-gateway`),
    ).toBe(0);
    expect(await count('app in (ledger-gateway),pod-template-hash')).toBe(3);

    const bad = await fetch(
      `${alpha}/api/v1/pods?labelSelector=${encodeURIComponent('app in (x')}`,
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('lists deployments with replica counts, conditions and a rollout', async () => {
    const list = await get(`${alpha}/apis/apps/v1/deployments`);
    expect(list).toMatchObject({
      kind: 'DeploymentList',
      apiVersion: 'apps/v1',
      metadata: { resourceVersion: expect.any(String) },
    });
    const byName = Object.fromEntries(
      list.items.map((d: Json) => [d.metadata.name, d]),
    );
    expect(Object.keys(byName)).toEqual([
      'ledger-peer',
      'ledger-gateway',
      'coredns',
    ]);
    const peer = byName['ledger-peer'];
    expect(peer.metadata.labels[KUBERNETES_ID_LABEL]).toBe('ledger-peer');
    expect(peer.spec).toMatchObject({
      replicas: 3,
      selector: { matchLabels: { app: 'ledger-peer' } },
    });
    expect(peer.status).toMatchObject({
      replicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 3,
      unavailableReplicas: 1,
    });
    expect(peer.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Available', status: 'False' }),
        expect.objectContaining({ type: 'Progressing', status: 'True' }),
      ]),
    );
    const gateway = byName['ledger-gateway'];
    expect(gateway.status.updatedReplicas).toBeLessThan(gateway.spec.replicas);
    expect(gateway.status.conditions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'Progressing',
          reason: 'ReplicaSetUpdated',
        }),
      ]),
    );
    expect(byName.coredns.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      updatedReplicas: 2,
    });

    // The rollout has two replica sets, both owned by the deployment
    const sets = await get(
      `${alpha}/apis/apps/v1/replicasets?labelSelector=app%3Dledger-gateway`,
    );
    expect(sets.items).toHaveLength(2);
    for (const set of sets.items) {
      expect(set.metadata.ownerReferences[0]).toMatchObject({
        kind: 'Deployment',
        name: 'ledger-gateway',
        uid: gateway.metadata.uid,
      });
    }
    expect(
      sets.items.map((s: Json) => s.spec.template.spec.containers[0].image),
    ).toEqual([
      'registry.example.internal/ledger/ledger-gateway:2.6.0',
      'registry.example.internal/ledger/ledger-gateway:2.5.0',
    ]);

    const services = await get(`${alpha}/api/v1/services`);
    expect(services.items.map((s: Json) => s.metadata.name)).toEqual([
      'kubernetes',
      'ledger-peer',
      'ledger-gateway',
      'coredns',
    ]);
  });

  it('serves namespaced routes and single objects', async () => {
    const ledger = await get(`${alpha}/api/v1/namespaces/ledger/pods`);
    expect(ledger.items).toHaveLength(6);
    expect(
      ledger.items.every((p: Pod) => p.metadata.namespace === 'ledger'),
    ).toBe(true);
    const none = await get(`${alpha}/api/v1/namespaces/nowhere/pods`);
    expect(none).toMatchObject({ kind: 'PodList', items: [] });
    const system = await get(
      `${alpha}/apis/apps/v1/namespaces/kube-system/deployments`,
    );
    expect(system.items.map((d: Json) => d.metadata.name)).toEqual(['coredns']);

    const deployment = await get(
      `${alpha}/apis/apps/v1/namespaces/ledger/deployments/ledger-peer`,
    );
    expect(deployment).toMatchObject({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'ledger-peer', namespace: 'ledger' },
    });
    const missing = await fetch(
      `${alpha}/apis/apps/v1/namespaces/ledger/deployments/nope`,
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
    });

    const pods: Pod[] = (await get(`${alpha}/api/v1/namespaces/ledger/pods`))
      .items;
    const log = await fetch(
      `${alpha}/api/v1/namespaces/ledger/pods/${pods[0].metadata.name}/log`,
    );
    expect(log.status).toBe(200);
    expect(log.headers.get('content-type')).toBe('text/plain');
    expect(await log.text()).toContain(pods[0].metadata.labels.app);
    const pending = pods.find(p => p.status.phase === 'Pending')!;
    const waiting = await fetch(
      `${alpha}/api/v1/namespaces/ledger/pods/${pending.metadata.name}/log`,
    );
    expect(waiting.status).toBe(400);
    expect(await waiting.json()).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
    });

    const namespace = await get(`${alpha}/api/v1/namespaces/ledger`);
    expect(namespace).toMatchObject({
      kind: 'Namespace',
      status: { phase: 'Active' },
    });

    for (const [path, kind] of [
      ['/api/v1/configmaps', 'ConfigMapList'],
      ['/api/v1/namespaces/ledger/services', 'ServiceList'],
      ['/api/v1/limitranges', 'LimitRangeList'],
      ['/api/v1/namespaces/ledger/resourcequotas', 'ResourceQuotaList'],
      ['/apis/apps/v1/statefulsets', 'StatefulSetList'],
      ['/apis/apps/v1/namespaces/ledger/daemonsets', 'DaemonSetList'],
      [
        '/apis/autoscaling/v2/namespaces/ledger/horizontalpodautoscalers',
        'HorizontalPodAutoscalerList',
      ],
      [
        '/apis/autoscaling/v1/horizontalpodautoscalers',
        'HorizontalPodAutoscalerList',
      ],
      ['/apis/networking.k8s.io/v1/namespaces/ledger/ingresses', 'IngressList'],
      ['/apis/batch/v1/jobs', 'JobList'],
      ['/apis/batch/v1/namespaces/ledger/cronjobs', 'CronJobList'],
    ]) {
      const list = await get(`${alpha}${path}`);
      expect(list).toMatchObject({ kind, items: expect.any(Array) });
    }
  });

  it('answers unknown paths and the metrics API with a 404 Status', async () => {
    for (const path of [
      '/nope',
      '/api/v2/pods',
      '/api/v1/widgets',
      '/apis/apps/v1/namespaces/ledger/pods',
      '/apis/metrics.k8s.io/v1beta1/pods',
      '/apis/metrics.k8s.io/v1beta1/namespaces/ledger/pods',
    ]) {
      const response = await fetch(`${alpha}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
    }
  });

  it('wants the bearer token of a cluster that has one', async () => {
    const url = `${simulator.url('beta')}/version`;
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic c2VjcmV0' },
    ];
    for (const headers of attempts) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    const version = await get(url, {
      headers: { authorization: 'Bearer secret' },
    });
    expect(version.gitVersion).toMatch(/^v1\.35\.\d+$/);
  });

  it('goes down (connection refused) and comes back on the same URL', async () => {
    const url = `${simulator.url('gamma')}/version`;
    await get(url);
    await simulator.update('gamma', { state: 'down' });
    await expectRefused(url);
    expect(simulator.url('gamma')).toBe(url.replace('/version', ''));
    await simulator.update('gamma', { state: 'up' });
    expect((await get(url)).minor).toBe('34');
  });

  it('hangs without answering until the client gives up', async () => {
    const url = `${simulator.url('gamma')}/version`;
    await simulator.update('gamma', { state: 'hang' });
    const started = Date.now();
    await expect(
      fetch(url, { signal: AbortSignal.timeout(300) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await simulator.update('gamma', { state: 'up' });
    await get(url);
  });

  it('fails every request with 500 or 401 in the states error and unauthorized', async () => {
    const url = `${simulator.url('gamma')}/api/v1/pods`;
    await simulator.update('gamma', { state: 'error' });
    const error = await fetch(url);
    expect(error.status).toBe(500);
    expect(await error.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'InternalError',
      code: 500,
    });
    await simulator.update('gamma', { state: 'unauthorized' });
    const denied = await fetch(url);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ kind: 'Status', code: 401 });
    await simulator.update('gamma', { state: undefined });
    expect(simulator.status('gamma').state).toBe('up');
    await get(url);
  });

  it('adds latency to every response', async () => {
    const url = `${simulator.url('gamma')}/version`;
    await simulator.update('gamma', { latencyMs: 200 });
    const started = performance.now();
    await get(url);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    await simulator.update('gamma', { latencyMs: 0 });
    const again = performance.now();
    await get(url);
    expect(performance.now() - again).toBeLessThan(200);
  });

  it('changes objects at run time', async () => {
    await simulator.update('gamma', {
      nodes: 2,
      nodesNotReady: 2,
      workloads: [
        { namespace: 'apps', name: 'web', replicas: 2, image: 'web:1.0.0' },
      ],
    });
    const url = simulator.url('gamma');
    const nodes = await get(`${url}/api/v1/nodes`);
    expect(nodes.items).toHaveLength(2);
    const pods = await get(`${url}/api/v1/namespaces/apps/pods`);
    expect(pods.items).toHaveLength(2);
    await simulator.update('gamma', { nodes: 1, workloads: undefined });
    expect((await get(`${url}/api/v1/pods`)).items).toHaveLength(0);
  });

  it('refuses invalid changes and unknown clusters', async () => {
    await expect(
      simulator.update('gamma', { state: 'sideways' as any }),
    ).rejects.toThrow(InvalidSpecError);
    await expect(simulator.update('gamma', { nodes: -1 })).rejects.toThrow(
      /nodes must be a whole number/,
    );
    await expect(simulator.update('nope', { state: 'down' })).rejects.toThrow(
      'there is no cluster "nope"',
    );
  });

  describe('control API', () => {
    const post = (name: string, body: string) =>
      fetch(`${simulator.controlUrl}/clusters/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });

    it('lists the clusters', async () => {
      const body = await get(`${simulator.controlUrl}/clusters`);
      expect(body.clusters).toEqual([
        expect.objectContaining({
          name: 'alpha',
          url: alpha,
          state: 'up',
          latencyMs: 0,
        }),
        expect.objectContaining({ name: 'beta', tokenRequired: true }),
        expect.objectContaining({ name: 'gamma' }),
      ]);
    });

    it('changes a cluster with a POST', async () => {
      const url = `${simulator.url('gamma')}/version`;
      const down = await post('gamma', '{"state":"down"}');
      expect(down.status).toBe(200);
      expect(await down.json()).toMatchObject({
        name: 'gamma',
        state: 'down',
        url: simulator.url('gamma'),
      });
      await expectRefused(url);

      const slow = await post('gamma', '{"state":"up","latencyMs":150}');
      expect(await slow.json()).toMatchObject({
        state: 'up',
        latencyMs: 150,
      });
      const started = performance.now();
      await get(url);
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);

      const reset = await post('gamma', '{"latencyMs":null}');
      expect(await reset.json()).toMatchObject({ latencyMs: 0 });
      const one = await get(`${simulator.controlUrl}/clusters/gamma`);
      expect(one).toMatchObject({ name: 'gamma', state: 'up' });
    });

    it('answers 404 for an unknown cluster and 400 for a bad body', async () => {
      const unknown = await post('nope', '{"state":"down"}');
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error).toContain('nope');

      for (const body of [
        'not json',
        '[1]',
        '{"state":"sideways"}',
        '{"latencyMs":-5}',
        '{"colour":"blue"}',
        '{"version":null}',
      ]) {
        const response = await post('gamma', body);
        expect(response.status).toBe(400);
        expect((await response.json()).error).toEqual(expect.any(String));
      }
      expect(simulator.status('gamma').state).toBe('up');
      expect((await fetch(`${simulator.controlUrl}/other`)).status).toBe(404);
    });
  });
});

describe('clustersForFleet', () => {
  const text = readFileSync(
    resolve(__dirname, '../../../config/environments.yaml'),
    'utf8',
  );
  const { environments } = parseEnvironments(text);
  const specs = clustersForFleet(environments);
  let simulator: KubernetesSimulator;

  beforeAll(async () => {
    simulator = await KubernetesSimulator.start(
      specs.map(spec => ({ ...spec, token: 'simulated' })),
    );
  });

  afterAll(async () => {
    await simulator.stop();
  });

  const auth = { headers: { authorization: 'Bearer simulated' } };

  it('has a cluster per enabled environment with Kubernetes, the same every time', () => {
    const expected = environments
      .filter(e => e.enabled && e.infrastructure?.kubernetes)
      .map(e => e.name);
    expect(specs.map(s => s.name)).toEqual(expected);
    expect(specs.map(s => s.name)).not.toContain('workload-gcp-uscentral1');
    expect(clustersForFleet(environments)).toEqual(specs);

    const useast1 = specs.find(s => s.name === 'workload-aws-useast1')!;
    expect(useast1).toMatchObject({ version: '1.37', nodes: 9 });
    expect(useast1.nodePools).toEqual([
      { name: 'system', count: 3, vmSize: 'm6i.xlarge', cpu: 4, memoryGi: 16 },
      { name: 'ledger', count: 6, vmSize: 'r6i.2xlarge', cpu: 8, memoryGi: 64 },
    ]);
    expect(
      useast1.workloads!.filter(w => w.namespace === 'ledger').map(w => w.name),
    ).toEqual(['ledger-peer', 'ledger-gateway', 'ledger-orderer']);

    const failing = specs.filter(s => s.workloads!.some(w => w.failingPods));
    expect(failing.map(s => s.name)).toEqual(['workload-oracle-frankfurt']);
    const rolling = specs.filter(s => s.workloads!.some(w => w.rollingOut));
    expect(rolling.map(s => s.name)).toEqual(['workload-aws-useast1']);

    for (const spec of specs) {
      expect(spec.workloads!.map(w => w.name)).toEqual(
        expect.arrayContaining(['coredns', 'metrics-server', 'prometheus']),
      );
      for (const workload of spec.workloads!) {
        if (workload.namespace === 'ledger') {
          expect(workload.kubernetesId).toBe(workload.name);
          expect(workload.replicas).toBeGreaterThanOrEqual(2);
          expect(workload.replicas).toBeLessThanOrEqual(3);
        }
      }
    }
  });

  it('serves the fleet: versions, nodes by pool, services and their trouble', async () => {
    const url = simulator.url('workload-aws-useast1');
    const version = await get(`${url}/version`, auth);
    expect(version.gitVersion).toMatch(/^v1\.37\.\d+$/);

    const nodes = await get(`${url}/api/v1/nodes`, auth);
    expect(nodes.items).toHaveLength(9);
    expect(
      nodes.items.map((n: Json) => n.status.allocatable.cpu).sort(),
    ).toEqual(['4', '4', '4', '8', '8', '8', '8', '8', '8']);

    const peers = await get(
      `${url}/api/v1/pods?labelSelector=${encodeURIComponent(
        `${KUBERNETES_ID_LABEL}=ledger-peer`,
      )}`,
      auth,
    );
    expect(peers.items.length).toBeGreaterThanOrEqual(3);

    let pending = 0;
    let crashing: string[] = [];
    for (const name of simulator.names()) {
      const pods = await get(`${simulator.url(name)}/api/v1/pods`, auth);
      for (const pod of pods.items as Pod[]) {
        if (pod.status.phase === 'Pending') pending++;
        if (
          pod.status.containerStatuses[0].state.waiting?.reason ===
          'CrashLoopBackOff'
        ) {
          crashing = [...crashing, `${name}/${pod.metadata.labels.app}`];
        }
      }
    }
    expect(pending).toBe(1);
    expect(crashing).toEqual(['workload-oracle-frankfurt/ledger-archive']);

    const admin = await get(
      `${simulator.url(
        'admin-azure-westus',
      )}/apis/apps/v1/namespaces/ledger/deployments`,
      auth,
    );
    expect(admin.items).toHaveLength(0);
    const monitoring = await get(
      `${simulator.url(
        'admin-azure-westus',
      )}/apis/apps/v1/namespaces/monitoring/deployments`,
      auth,
    );
    expect(monitoring.items.map((d: Json) => d.metadata.name)).toEqual([
      'prometheus',
    ]);
  });
});

describe('clusters that start down', () => {
  it('keep their port from every other cluster: a down URL never reaches a healthy cluster', async () => {
    const specs = Array.from({ length: 40 }, (_, i) => ({
      name: `c${i}`,
      version: '1.36',
      nodes: i + 1,
      ...(i % 4 === 0 ? { state: 'down' as const } : {}),
    }));
    const sim = await KubernetesSimulator.start(specs);
    try {
      const ports = new Set(specs.map(s => new URL(sim.url(s.name)).port));
      expect(ports.size).toBe(specs.length);
      for (const [i, spec] of specs.entries()) {
        const answer = fetch(`${sim.url(spec.name)}/api/v1/nodes`).then(r =>
          r.json(),
        );
        if (i % 4 === 0) {
          await expect(answer).rejects.toThrow();
        } else {
          expect((await answer).items).toHaveLength(i + 1);
        }
      }
    } finally {
      await sim.stop();
    }
  });
});
