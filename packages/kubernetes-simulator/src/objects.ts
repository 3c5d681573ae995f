import { createHash } from 'node:crypto';
import type {
  SimulatedClusterSpec,
  SimulatedNodePool,
  SimulatedWorkload,
} from './types';

/**
 * The Kubernetes objects of a simulated cluster, derived from its spec alone
 * (names, uids, addresses and restart counts are hashes of the cluster and
 * object names), with times relative to a fixed instant: the same spec and
 * instant always give the same objects.
 */

export const DEFAULT_CPU_PER_NODE = 8;
export const DEFAULT_MEMORY_PER_NODE_GI = 32;
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

/** An object as the API server serves it; `kind`/`apiVersion` are added on a single GET, as list items carry none. */
export interface KubeObject {
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** One API resource the simulator serves. */
export interface ResourceType {
  /** `v1` for the core group, `apps/v1` and so on. */
  groupVersion: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    groupVersion: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    groupVersion: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    groupVersion: 'v1',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
  },
  {
    groupVersion: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
  },
  {
    groupVersion: 'v1',
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
  },
  {
    groupVersion: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    groupVersion: 'v1',
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    namespaced: true,
  },
  {
    groupVersion: 'v1',
    plural: 'limitranges',
    singular: 'limitrange',
    kind: 'LimitRange',
    namespaced: true,
    shortNames: ['limits'],
  },
  {
    groupVersion: 'v1',
    plural: 'resourcequotas',
    singular: 'resourcequota',
    kind: 'ResourceQuota',
    namespaced: true,
    shortNames: ['quota'],
  },
  {
    groupVersion: 'v1',
    plural: 'persistentvolumeclaims',
    singular: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
  },
  {
    groupVersion: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    groupVersion: 'apps/v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    groupVersion: 'apps/v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
  },
  {
    groupVersion: 'apps/v1',
    plural: 'statefulsets',
    singular: 'statefulset',
    kind: 'StatefulSet',
    namespaced: true,
    shortNames: ['sts'],
  },
  {
    groupVersion: 'apps/v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
  },
  {
    groupVersion: 'autoscaling/v2',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
  },
  {
    groupVersion: 'autoscaling/v1',
    plural: 'horizontalpodautoscalers',
    singular: 'horizontalpodautoscaler',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    shortNames: ['hpa'],
  },
  {
    groupVersion: 'networking.k8s.io/v1',
    plural: 'ingresses',
    singular: 'ingress',
    kind: 'Ingress',
    namespaced: true,
    shortNames: ['ing'],
  },
  {
    groupVersion: 'batch/v1',
    plural: 'jobs',
    singular: 'job',
    kind: 'Job',
    namespaced: true,
  },
  {
    groupVersion: 'batch/v1',
    plural: 'cronjobs',
    singular: 'cronjob',
    kind: 'CronJob',
    namespaced: true,
    shortNames: ['cj'],
  },
];

export function findResourceType(
  groupVersion: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    r => r.groupVersion === groupVersion && r.plural === plural,
  );
}

/** Objects of a resource are shared by all versions of its group. */
function storeKey(groupVersion: string, plural: string): string {
  const group = groupVersion.includes('/') ? groupVersion.split('/')[0] : '';
  return `${group}/${plural}`;
}

export function digest(...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function hashNumber(...parts: Array<string | number>): number {
  return parseInt(digest(...parts).slice(0, 8), 16);
}

/** The alphabet Kubernetes uses for generated name suffixes. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function nameSuffix(length: number, ...parts: Array<string | number>) {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest();
  let suffix = '';
  for (let i = 0; i < length; i++) {
    suffix += SAFE_ALPHABET[bytes[i] % SAFE_ALPHABET.length];
  }
  return suffix;
}

function uidOf(...parts: Array<string | number>): string {
  const hex = digest('uid', ...parts);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function dnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return label || 'pool';
}

/** `1.36` -> { major: '1', minor: '36' } */
export function splitVersion(version: string): {
  major: string;
  minor: string;
} {
  const [major = '1', minor = '0'] = version.replace(/^v/, '').split('.');
  return { major, minor };
}

/** `v1.36.<patch>`, the patch a hash of the cluster name. */
export function gitVersionOf(name: string, version: string): string {
  const { major, minor } = splitVersion(version);
  return `v${major}.${minor}.${1 + (hashNumber('patch', name) % 8)}`;
}

/** The body of GET /version. */
export function versionInfo(name: string, version: string) {
  const { major, minor } = splitVersion(version);
  const gitVersion = gitVersionOf(name, version);
  const patch = Number(gitVersion.split('.')[2]);
  const minorNumber = Number(minor) || 0;
  // A minor every four months (1.33 in April 2025), a patch every month.
  const buildDate = Date.UTC(2025, 3 + (minorNumber - 33) * 4 + patch, 14, 9);
  return {
    major,
    minor,
    emulationMajor: major,
    emulationMinor: minor,
    minCompatibilityMajor: major,
    minCompatibilityMinor: String(Math.max(0, minorNumber - 1)),
    gitVersion,
    gitCommit: digest('commit', gitVersion).slice(0, 40),
    gitTreeState: 'clean',
    buildDate: timestamp(buildDate),
    goVersion: 'go1.25.4',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The image of the release before: the last non-zero number of the tag goes down by one. */
export function previousImage(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= slash) return `${image}:previous`;
  const repository = image.slice(0, colon);
  const tag = image.slice(colon + 1);
  const numbers = [...tag.matchAll(/\d+/g)];
  for (let i = numbers.length - 1; i >= 0; i--) {
    const match = numbers[i];
    const value = Number(match[0]);
    if (value > 0) {
      const at = match.index ?? 0;
      const previous = `${tag.slice(0, at)}${value - 1}${tag.slice(
        at + match[0].length,
      )}`;
      return `${repository}:${previous}`;
    }
  }
  return `${repository}:${tag}-previous`;
}

interface NodePlan {
  name: string;
  index: number;
  pool: SimulatedNodePool;
  ready: boolean;
  ip: string;
  podCidr: string;
  pods: number;
}

type PodCondition = 'running' | 'crashloop' | 'pending';

interface ReplicaSetPlan {
  name: string;
  hash: string;
  image: string;
  revision: number;
  created: number;
  pods: PodCondition[];
}

/** The node pools of a spec, in order; a spec without pools has one. */
export function poolsOf(spec: SimulatedClusterSpec): SimulatedNodePool[] {
  if (spec.nodePools && spec.nodePools.length > 0) return spec.nodePools;
  return [
    {
      name: 'pool',
      count: spec.nodes,
      cpu: spec.cpuPerNode ?? DEFAULT_CPU_PER_NODE,
      memoryGi: spec.memoryPerNodeGi ?? DEFAULT_MEMORY_PER_NODE_GI,
    },
  ];
}

function planNodes(spec: SimulatedClusterSpec): NodePlan[] {
  const pools = poolsOf(spec);
  const count = Math.max(0, Math.floor(spec.nodes));
  const notReady = Math.min(count, Math.max(0, spec.nodesNotReady ?? 0));
  const nodes: NodePlan[] = [];
  let poolIndex = 0;
  let inPool = 0;
  for (let i = 0; i < count; i++) {
    while (poolIndex < pools.length - 1 && inPool >= pools[poolIndex].count) {
      poolIndex++;
      inPool = 0;
    }
    const pool = pools[poolIndex];
    const poolName = dnsLabel(pool.name);
    nodes.push({
      name: `${poolName}-${nameSuffix(5, spec.name, poolName)}-${inPool}`,
      index: i,
      pool,
      ready: i < count - notReady,
      ip: `10.224.${Math.floor(i / 250)}.${4 + (i % 250)}`,
      podCidr: `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`,
      pods: 0,
    });
    inPool++;
  }
  return nodes;
}

/** Replica sets and pod conditions of a workload, newest replica set first. */
function planReplicaSets(
  clusterName: string,
  workload: SimulatedWorkload,
  deploymentCreated: number,
  epoch: number,
): ReplicaSetPlan[] {
  const replicas = Math.max(0, Math.floor(workload.replicas));
  const key = [clusterName, workload.namespace, workload.name];
  const replicaSet = (image: string, revision: number, created: number) => {
    const hash = nameSuffix(10, ...key, image, revision);
    return {
      name: `${workload.name}-${hash}`,
      hash,
      image,
      revision,
      created,
      pods: [] as PodCondition[],
    };
  };
  let sets: ReplicaSetPlan[];
  if (workload.rollingOut) {
    const updated = Math.floor(replicas / 2);
    const started = epoch - (4 + (hashNumber(...key, 'rollout') % 8)) * MINUTE;
    const current = replicaSet(workload.image, 2, started);
    const previous = replicaSet(
      previousImage(workload.image),
      1,
      deploymentCreated,
    );
    current.pods = Array.from({ length: updated }, (_, i) =>
      i === updated - 1 ? 'pending' : 'running',
    );
    previous.pods = Array.from(
      { length: updated > 0 ? replicas - updated + 1 : replicas },
      () => 'running',
    );
    sets = [current, previous];
  } else {
    const current = replicaSet(workload.image, 1, deploymentCreated);
    current.pods = Array.from({ length: replicas }, () => 'running');
    sets = [current];
  }
  let failing = Math.max(0, Math.floor(workload.failingPods ?? 0));
  for (const set of sets) {
    for (let i = 0; i < set.pods.length && failing > 0; i++) {
      if (set.pods[i] === 'running') {
        set.pods[i] = 'crashloop';
        failing--;
      }
    }
  }
  return sets;
}

/** Requests and limits of each container of a workload. */
export function containerResources(workload: SimulatedWorkload) {
  const choice = hashNumber('resources', workload.name) % 3;
  const cpu = ['100m', '250m', '500m'][choice];
  const memory = [128, 256, 512][choice];
  return {
    requests: { cpu, memory: `${memory}Mi` },
    limits: { memory: `${memory * 2}Mi` },
  };
}

/** Labels of a workload's pods. */
export function podLabels(workload: SimulatedWorkload): Record<string, string> {
  return {
    app: workload.name,
    'app.kubernetes.io/name': workload.name,
    ...(workload.kubernetesId
      ? { [KUBERNETES_ID_LABEL]: workload.kubernetesId }
      : {}),
  };
}

export interface ClusterObjects {
  /** Resource version of the lists. */
  resourceVersion: string;
  list(groupVersion: string, plural: string): KubeObject[];
  /** Log text of a pod's container; undefined for a pod whose container has not started. */
  podLog(namespace: string, name: string): string | undefined;
}

/** All objects of a cluster at `epoch` (ms), with resource versions from `revision`. */
export function buildClusterObjects(
  spec: SimulatedClusterSpec,
  epoch: number,
  revision: number,
): ClusterObjects {
  const store = new Map<string, KubeObject[]>();
  const logs = new Map<string, string>();
  let counter = 100_000 + revision * 10_000;
  const add = (groupVersion: string, plural: string, object: KubeObject) => {
    const key = storeKey(groupVersion, plural);
    const list = store.get(key) ?? [];
    list.push(object);
    store.set(key, list);
  };
  const meta = (
    kind: string,
    name: string,
    created: number,
    extra: Partial<ObjectMeta> = {},
  ): ObjectMeta => ({
    name,
    ...(extra.namespace ? { namespace: extra.namespace } : {}),
    uid: uidOf(spec.name, kind, extra.namespace ?? '', name),
    resourceVersion: String(++counter),
    creationTimestamp: timestamp(created),
    ...extra,
  });

  const gitVersion = gitVersionOf(spec.name, spec.version);
  const clusterCreated =
    epoch - (90 + (hashNumber(spec.name, 'created') % 300)) * DAY;
  const workloads = spec.workloads ?? [];

  // Namespaces, with the root CA config map every namespace gets
  const namespaces = [
    ...new Set([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      ...workloads.map(w => w.namespace),
    ]),
  ].sort();
  for (const namespace of namespaces) {
    const created =
      namespace.startsWith('kube-') || namespace === 'default'
        ? clusterCreated
        : clusterCreated + (1 + (hashNumber(spec.name, namespace) % 20)) * DAY;
    add('v1', 'namespaces', {
      metadata: meta('Namespace', namespace, created, {
        labels: { 'kubernetes.io/metadata.name': namespace },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    add('v1', 'configmaps', {
      metadata: meta('ConfigMap', 'kube-root-ca.crt', created, {
        namespace,
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      }),
      data: {
        'ca.crt': `-----BEGIN CERTIFICATE-----\n${Buffer.from(
          digest('ca', spec.name),
        ).toString('base64')}\n-----END CERTIFICATE-----\n`,
      },
    });
  }

  // Nodes
  const nodes = planNodes(spec);
  for (const node of nodes) {
    const created = epoch - (1 + (hashNumber(node.name, 'boot') % 20)) * DAY;
    const heartbeat = timestamp(epoch);
    const transition = timestamp(created + MINUTE);
    const capacity = {
      cpu: String(node.pool.cpu),
      memory: `${Math.round(node.pool.memoryGi * 1024 * 1024)}Ki`,
      pods: '110',
      'ephemeral-storage': '129886128Ki',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
    };
    const pressure = (type: string, reason: string, message: string) => ({
      type,
      status: 'False',
      lastHeartbeatTime: heartbeat,
      lastTransitionTime: transition,
      reason,
      message,
    });
    add('v1', 'nodes', {
      metadata: meta('Node', node.name, created, {
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': node.name,
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': node.pool.vmSize ?? 'standard',
          'simulator.example/pool': dnsLabel(node.pool.name),
        },
        annotations: {
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      }),
      spec: {
        podCIDR: node.podCidr,
        podCIDRs: [node.podCidr],
        providerID: `simulated://${spec.name}/${node.name}`,
        ...(node.ready
          ? {}
          : {
              taints: [
                {
                  key: 'node.kubernetes.io/not-ready',
                  effect: 'NoSchedule',
                  timeAdded: timestamp(epoch - 12 * MINUTE),
                },
              ],
            }),
      },
      status: {
        capacity,
        allocatable: capacity,
        conditions: [
          pressure(
            'MemoryPressure',
            'KubeletHasSufficientMemory',
            'kubelet has sufficient memory available',
          ),
          pressure(
            'DiskPressure',
            'KubeletHasNoDiskPressure',
            'kubelet has no disk pressure',
          ),
          pressure(
            'PIDPressure',
            'KubeletHasSufficientPID',
            'kubelet has sufficient PID available',
          ),
          node.ready
            ? {
                type: 'Ready',
                status: 'True',
                lastHeartbeatTime: heartbeat,
                lastTransitionTime: transition,
                reason: 'KubeletReady',
                message: 'kubelet is posting ready status',
              }
            : {
                type: 'Ready',
                status: 'False',
                lastHeartbeatTime: heartbeat,
                lastTransitionTime: timestamp(epoch - 12 * MINUTE),
                reason: 'KubeletNotReady',
                message:
                  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
              },
        ],
        addresses: [
          { type: 'InternalIP', address: node.ip },
          { type: 'Hostname', address: node.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: digest('machine', node.name).slice(0, 32),
          systemUUID: uidOf('system', node.name),
          bootID: uidOf('boot', node.name),
          kernelVersion: '6.8.0-1041-generic',
          osImage: 'Ubuntu 24.04.3 LTS',
          containerRuntimeVersion: 'containerd://2.1.4',
          kubeletVersion: gitVersion,
          kubeProxyVersion: gitVersion,
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    });
  }

  // The API server's own service
  let serviceCount = 0;
  add('v1', 'services', {
    metadata: meta('Service', 'kubernetes', clusterCreated, {
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    }),
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.0.0.1',
      clusterIPs: ['10.0.0.1'],
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  });

  // Deployments, their replica sets, pods and services
  const schedulable = nodes.filter(n => n.ready);
  const targets = schedulable.length > 0 ? schedulable : nodes;
  let podCount = 0;
  for (const workload of workloads) {
    const { namespace, name } = workload;
    const replicas = Math.max(0, Math.floor(workload.replicas));
    const labels = podLabels(workload);
    const created =
      epoch - (3 + (hashNumber(spec.name, namespace, name) % 40)) * DAY;
    const sets = planReplicaSets(spec.name, workload, created, epoch);
    const deploymentMeta = meta('Deployment', name, created, {
      namespace,
      generation: sets[0].revision,
      labels,
      annotations: {
        'deployment.kubernetes.io/revision': String(sets[0].revision),
      },
    });
    const deploymentOwner: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name,
      uid: deploymentMeta.uid,
      controller: true,
      blockOwnerDeletion: true,
    };
    const resources = containerResources(workload);
    const template = (image: string, hash?: string) => ({
      metadata: {
        labels: { ...labels, ...(hash ? { 'pod-template-hash': hash } : {}) },
      },
      spec: {
        containers: [
          {
            name,
            image,
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
            resources,
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        serviceAccountName: 'default',
        schedulerName: 'default-scheduler',
      },
    });
    const maxSurge = Math.max(1, Math.ceil(replicas * 0.25));
    const maxUnavailable = Math.floor(replicas * 0.25);

    let total = 0;
    let ready = 0;
    for (const set of sets) {
      const rsLabels = { ...labels, 'pod-template-hash': set.hash };
      const rsMeta = meta('ReplicaSet', set.name, set.created, {
        namespace,
        generation: 1,
        labels: rsLabels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge),
          'deployment.kubernetes.io/revision': String(set.revision),
        },
        ownerReferences: [deploymentOwner],
      });
      const setReady = set.pods.filter(p => p === 'running').length;
      total += set.pods.length;
      ready += setReady;
      add('apps/v1', 'replicasets', {
        metadata: rsMeta,
        spec: {
          replicas: set.pods.length,
          selector: {
            matchLabels: { app: name, 'pod-template-hash': set.hash },
          },
          template: template(set.image, set.hash),
        },
        status: {
          replicas: set.pods.length,
          fullyLabeledReplicas: set.pods.length,
          readyReplicas: setReady,
          availableReplicas: setReady,
          observedGeneration: 1,
        },
      });
      const rsOwner: OwnerReference = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: set.name,
        uid: rsMeta.uid,
        controller: true,
        blockOwnerDeletion: true,
      };

      for (const [i, condition] of set.pods.entries()) {
        const podName = `${set.name}-${nameSuffix(5, spec.name, set.name, i)}`;
        const node =
          targets.length > 0 ? targets[podCount % targets.length] : undefined;
        podCount++;
        const podIp = node
          ? `${node.podCidr.split('.').slice(0, 3).join('.')}.${
              10 + node.pods++
            }`
          : undefined;
        const podCreated =
          set.revision > 1
            ? set.created + i * 40_000
            : Math.max(
                set.created,
                epoch - (1 + (hashNumber(podName) % 72)) * HOUR,
              );
        const podMeta = meta('Pod', podName, podCreated, {
          namespace,
          labels: { ...labels, 'pod-template-hash': set.hash },
          ownerReferences: [rsOwner],
        });
        const started = podCreated + 8_000;
        const running = condition === 'running';
        const restarts =
          condition === 'crashloop'
            ? 6 + (hashNumber(podName, 'restarts') % 30)
            : 0;
        const cond = (type: string, ok: boolean, extra = {}) => ({
          type,
          status: ok ? 'True' : 'False',
          lastProbeTime: null,
          lastTransitionTime: timestamp(
            ok && condition !== 'pending' ? started : podCreated + 2_000,
          ),
          ...extra,
        });
        const notReady = {
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${name}]`,
        };
        let state: Record<string, unknown>;
        let lastState: Record<string, unknown> = {};
        if (condition === 'running') {
          state = { running: { startedAt: timestamp(started) } };
        } else if (condition === 'crashloop') {
          state = {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 5m0s restarting failed container=${name} pod=${podName}_${namespace}(${podMeta.uid})`,
            },
          };
          lastState = {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: timestamp(epoch - 3 * MINUTE),
              finishedAt: timestamp(epoch - 3 * MINUTE + 4_000),
              containerID: `containerd://${digest(
                'container',
                podName,
                restarts - 1,
              )}`,
            },
          };
        } else {
          state = { waiting: { reason: 'ContainerCreating' } };
        }
        const imageRepository = set.image.replace(/:[^:/]*$/, '');
        add('v1', 'pods', {
          metadata: podMeta,
          spec: {
            ...template(set.image).spec,
            ...(node ? { nodeName: node.name } : {}),
            tolerations: [
              {
                key: 'node.kubernetes.io/not-ready',
                operator: 'Exists',
                effect: 'NoExecute',
                tolerationSeconds: 300,
              },
              {
                key: 'node.kubernetes.io/unreachable',
                operator: 'Exists',
                effect: 'NoExecute',
                tolerationSeconds: 300,
              },
            ],
          },
          status: {
            phase: condition === 'pending' ? 'Pending' : 'Running',
            conditions: [
              cond('PodReadyToStartContainers', condition !== 'pending'),
              cond('Initialized', true),
              cond('Ready', running, running ? {} : notReady),
              cond('ContainersReady', running, running ? {} : notReady),
              cond('PodScheduled', true),
            ],
            ...(node ? { hostIP: node.ip, hostIPs: [{ ip: node.ip }] } : {}),
            ...(podIp && condition !== 'pending'
              ? { podIP: podIp, podIPs: [{ ip: podIp }] }
              : {}),
            startTime: timestamp(podCreated),
            containerStatuses: [
              {
                name,
                state,
                lastState,
                ready: running,
                restartCount: restarts,
                image: set.image,
                imageID:
                  condition === 'pending'
                    ? ''
                    : `${imageRepository}@sha256:${digest('image', set.image)}`,
                ...(condition === 'pending'
                  ? {}
                  : {
                      containerID: `containerd://${digest(
                        'container',
                        podName,
                        restarts,
                      )}`,
                    }),
                started: running,
              },
            ],
            qosClass: 'Burstable',
          },
        });

        const event = (
          reason: string,
          type: 'Normal' | 'Warning',
          message: string,
          count: number,
          first: number,
        ) =>
          add('v1', 'events', {
            metadata: meta(
              'Event',
              `${podName}.${digest('event', podName, reason).slice(0, 16)}`,
              first,
              { namespace },
            ),
            involvedObject: {
              kind: 'Pod',
              namespace,
              name: podName,
              uid: podMeta.uid,
              apiVersion: 'v1',
              fieldPath: `spec.containers{${name}}`,
            },
            reason,
            message,
            source: { component: 'kubelet', host: node?.name },
            firstTimestamp: timestamp(first),
            lastTimestamp: timestamp(epoch - MINUTE),
            count,
            type,
            reportingComponent: 'kubelet',
            reportingInstance: node?.name ?? '',
          });
        if (condition === 'crashloop') {
          event(
            'BackOff',
            'Warning',
            `Back-off restarting failed container ${name} in pod ${podName}_${namespace}(${podMeta.uid})`,
            restarts * 4,
            podCreated + HOUR,
          );
          logs.set(
            `${namespace}/${podName}`,
            `${timestamp(
              epoch - 3 * MINUTE,
            )} INFO starting ${name}\n${timestamp(
              epoch - 3 * MINUTE + 3_000,
            )} ERROR failed to open the ledger store: connection refused\n${timestamp(
              epoch - 3 * MINUTE + 4_000,
            )} FATAL exiting with status 1\n`,
          );
        } else if (condition === 'pending') {
          event(
            'Pulling',
            'Normal',
            `Pulling image "${set.image}"`,
            1,
            podCreated + 2_000,
          );
        } else {
          logs.set(
            `${namespace}/${podName}`,
            `${timestamp(started)} INFO starting ${name} (${
              set.image
            })\n${timestamp(
              started + 2_000,
            )} INFO listening on :8080\n${timestamp(
              started + 5_000,
            )} INFO ready\n`,
          );
        }
      }
    }

    const available = ready;
    const minAvailable = replicas - maxUnavailable;
    const [current] = sets;
    add('apps/v1', 'deployments', {
      metadata: deploymentMeta,
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: template(workload.image),
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
        },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {
        observedGeneration: current.revision,
        replicas: total,
        updatedReplicas: current.pods.length,
        readyReplicas: ready,
        availableReplicas: available,
        unavailableReplicas: Math.max(0, total - available),
        conditions: [
          available >= minAvailable
            ? {
                type: 'Available',
                status: 'True',
                lastUpdateTime: timestamp(created + MINUTE),
                lastTransitionTime: timestamp(created + MINUTE),
                reason: 'MinimumReplicasAvailable',
                message: 'Deployment has minimum availability.',
              }
            : {
                type: 'Available',
                status: 'False',
                lastUpdateTime: timestamp(epoch - 50 * MINUTE),
                lastTransitionTime: timestamp(epoch - 50 * MINUTE),
                reason: 'MinimumReplicasUnavailable',
                message: 'Deployment does not have minimum availability.',
              },
          workload.rollingOut
            ? {
                type: 'Progressing',
                status: 'True',
                lastUpdateTime: timestamp(epoch - MINUTE),
                lastTransitionTime: timestamp(current.created),
                reason: 'ReplicaSetUpdated',
                message: `ReplicaSet "${current.name}" is progressing.`,
              }
            : {
                type: 'Progressing',
                status: 'True',
                lastUpdateTime: timestamp(created + MINUTE),
                lastTransitionTime: timestamp(created),
                reason: 'NewReplicaSetAvailable',
                message: `ReplicaSet "${current.name}" has successfully progressed.`,
              },
        ],
      },
    });

    const clusterIp = `10.0.${Math.floor(serviceCount / 240)}.${
      10 + (serviceCount % 240)
    }`;
    serviceCount++;
    add('v1', 'services', {
      metadata: meta('Service', name, created, { namespace, labels }),
      spec: {
        type: 'ClusterIP',
        clusterIP: clusterIp,
        clusterIPs: [clusterIp],
        selector: { app: name },
        ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    });
  }

  return {
    resourceVersion: String(++counter),
    list: (groupVersion, plural) =>
      store.get(storeKey(groupVersion, plural)) ?? [],
    podLog: (namespace, name) => logs.get(`${namespace}/${name}`),
  };
}
