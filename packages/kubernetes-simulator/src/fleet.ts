import type { Environment } from '@multicloud/plugin-environments-common';
import { DEFAULT_CPU_PER_NODE, DEFAULT_MEMORY_PER_NODE_GI } from './objects';
import type {
  SimulatedClusterSpec,
  SimulatedNodePool,
  SimulatedWorkload,
} from './types';

/** The sample services of the fleet and their replica counts. */
export const SAMPLE_SERVICES: Readonly<Record<string, number>> = {
  'ledger-peer': 3,
  'ledger-gateway': 2,
  'ledger-orderer': 3,
  'ledger-explorer': 2,
  'ledger-archive': 2,
  'hsm-gateway': 2,
};

/** Namespace of the sample services. */
export const SAMPLE_NAMESPACE = 'ledger';
/** Release of the sample services that runs everywhere. */
export const SAMPLE_RELEASE = '2.5.0';
/** Release being rolled out on the canary. */
export const SAMPLE_NEXT_RELEASE = '2.6.0';
const SAMPLE_REGISTRY = 'registry.fleet.example.internal/ledger';

/** Workloads every cluster runs. */
export const PLATFORM_WORKLOADS: readonly SimulatedWorkload[] = [
  {
    namespace: 'kube-system',
    name: 'coredns',
    replicas: 2,
    image: 'registry.k8s.io/coredns/coredns:v1.12.1',
  },
  {
    namespace: 'kube-system',
    name: 'metrics-server',
    replicas: 1,
    image: 'registry.k8s.io/metrics-server/metrics-server:v0.8.0',
  },
  {
    namespace: 'monitoring',
    name: 'prometheus',
    replicas: 1,
    image: 'quay.io/prometheus/prometheus:v3.5.0',
  },
];

/**
 * Cores and memory (GiB) of a machine type, read from its name for the
 * usual naming schemes of the clouds (Azure `Standard_D8s_v5`, AWS
 * `r6i.2xlarge`, GCP `n2-highmem-8`, IBM `bx2.8x32`, Oracle `VM.Standard.E4.Flex`,
 * vSphere `best-effort-large`); undefined for a name it cannot read.
 */
export function machineSize(
  vmSize: string,
): { cpu: number; memoryGi: number } | undefined {
  const size = vmSize.trim();
  // IBM: bx2.8x32, mx2.16x128
  let m = /^[a-z]+\d*[a-z]*\.(\d+)x(\d+)$/i.exec(size);
  if (m) return { cpu: Number(m[1]), memoryGi: Number(m[2]) };
  // Azure: Standard_D8s_v5, Standard_E8s_v5, Standard_A4_v2, Standard_F4s_v2
  m = /^(?:Standard|Basic)_([A-Z]+)(\d+)[a-z-]*(?:_v\d+)?$/i.exec(size);
  if (m) {
    const cpu = Number(m[2]);
    const family = m[1].toUpperCase();
    const perCore: Record<string, number> = {
      A: 2,
      B: 4,
      D: 4,
      E: 8,
      F: 2,
      M: 28,
    };
    return { cpu, memoryGi: cpu * (perCore[family[0]] ?? 4) };
  }
  // AWS: m6i.xlarge, r6i.2xlarge, c7g.large
  m =
    /^([a-z]+)\d+[a-z-]*\.(\d*)(x?large|medium|small|micro|nano|metal)$/i.exec(
      size,
    );
  if (m) {
    const multiple = m[2] ? Number(m[2]) : 1;
    const sizes: Record<string, number> = {
      nano: 2,
      micro: 2,
      small: 2,
      medium: 1,
      large: 2,
      xlarge: 4,
      metal: 96,
    };
    const cpu =
      m[3].toLowerCase() === 'xlarge'
        ? 4 * multiple
        : sizes[m[3].toLowerCase()];
    const perCore: Record<string, number> = { c: 2, m: 4, r: 8, t: 4, x: 16 };
    return { cpu, memoryGi: cpu * (perCore[m[1][0].toLowerCase()] ?? 4) };
  }
  // GCP: e2-standard-4, n2-highmem-8, c3-highcpu-22
  m = /^[a-z]\d[a-z]?-(standard|highmem|highcpu|custom)-(\d+)/i.exec(size);
  if (m) {
    const cpu = Number(m[2]);
    const perCore: Record<string, number> = {
      standard: 4,
      highmem: 8,
      highcpu: 1,
      custom: 4,
    };
    return { cpu, memoryGi: cpu * perCore[m[1].toLowerCase()] };
  }
  // Oracle flexible shapes: sized at 4 OCPUs (8 vCPUs) with 16 GB per OCPU
  if (/^VM\.[A-Za-z]+\.[A-Za-z0-9]+\.Flex$/.test(size)) {
    return { cpu: 8, memoryGi: 64 };
  }
  // vSphere with Tanzu VM classes
  const classes: Record<string, { cpu: number; memoryGi: number }> = {
    xsmall: { cpu: 2, memoryGi: 2 },
    small: { cpu: 2, memoryGi: 4 },
    medium: { cpu: 2, memoryGi: 8 },
    large: { cpu: 4, memoryGi: 16 },
    xlarge: { cpu: 4, memoryGi: 32 },
    '2xlarge': { cpu: 8, memoryGi: 64 },
  };
  m = /^(?:best-effort|guaranteed)-([a-z0-9]+)$/i.exec(size);
  if (m && classes[m[1].toLowerCase()]) return classes[m[1].toLowerCase()];
  return undefined;
}

function nodePools(environment: Environment): SimulatedNodePool[] {
  const pools = environment.infrastructure?.kubernetes?.node_pools ?? {};
  return Object.entries(pools).map(([name, pool]) => {
    const size = machineSize(pool.vm_size) ?? {
      cpu: DEFAULT_CPU_PER_NODE,
      memoryGi: DEFAULT_MEMORY_PER_NODE_GI,
    };
    return { name, count: pool.count, vmSize: pool.vm_size, ...size };
  });
}

const hasSamples = (environment: Environment) =>
  (environment.components ?? []).some(c => c in SAMPLE_SERVICES);

/**
 * Deterministic clusters for a fleet: one per enabled environment that has
 * `infrastructure.kubernetes`, with the declared version, the nodes of its
 * node pools (at least one) sized by machine type, a deployment in namespace
 * `ledger` for each of its components that is a sample service (labelled
 * with that name as kubernetes-id), and the platform workloads (coredns,
 * metrics-server, prometheus).
 *
 * Two things are not quite healthy, the same every time: the first Oracle
 * environment with sample services (otherwise the last environment with
 * sample services) has one pod of its last sample service in
 * CrashLoopBackOff, and the environment of the lowest rollout wave (the
 * canary) rolls out the next release of its first sample service; when both
 * would be the same environment, the rollout goes to the next wave.
 */
export function clustersForFleet(
  environments: Environment[],
): SimulatedClusterSpec[] {
  const candidates = environments.filter(
    e => e.enabled && e.infrastructure?.kubernetes,
  );
  const withSamples = candidates.filter(hasSamples);
  const failing =
    withSamples.find(e => e.provider === 'oracle') ??
    withSamples[withSamples.length - 1];
  const byWave = withSamples
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e !== failing || withSamples.length === 1)
    .sort(
      (a, b) =>
        (a.e.rollout?.wave ?? Number.MAX_SAFE_INTEGER) -
          (b.e.rollout?.wave ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    );
  const rolling = byWave[0]?.e;

  return candidates.map(environment => {
    const kubernetes = environment.infrastructure!.kubernetes!;
    const pools = nodePools(environment);
    const total = pools.reduce((sum, p) => sum + p.count, 0);
    const largest = [...pools].sort((a, b) => b.count - a.count)[0];
    const samples = [
      ...new Set(
        (environment.components ?? []).filter(c => c in SAMPLE_SERVICES),
      ),
    ];
    const workloads: SimulatedWorkload[] = samples.map((service, i) => {
      const rollingOut = environment === rolling && i === 0;
      const crashing = environment === failing && i === samples.length - 1;
      return {
        namespace: SAMPLE_NAMESPACE,
        name: service,
        kubernetesId: service,
        replicas: SAMPLE_SERVICES[service],
        image: `${SAMPLE_REGISTRY}/${service}:${
          rollingOut ? SAMPLE_NEXT_RELEASE : SAMPLE_RELEASE
        }`,
        ...(crashing ? { failingPods: 1 } : {}),
        ...(rollingOut ? { rollingOut: true } : {}),
      };
    });
    return {
      name: environment.name,
      version: kubernetes.version,
      nodes: Math.max(1, total),
      cpuPerNode: largest?.cpu ?? DEFAULT_CPU_PER_NODE,
      memoryPerNodeGi: largest?.memoryGi ?? DEFAULT_MEMORY_PER_NODE_GI,
      ...(pools.length > 0 ? { nodePools: pools } : {}),
      workloads: [...PLATFORM_WORKLOADS.map(w => ({ ...w })), ...workloads],
    };
  });
}
