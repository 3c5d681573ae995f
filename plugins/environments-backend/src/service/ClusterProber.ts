import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  ClusterStatus,
  FailingPod,
} from '@multicloud/plugin-environments-common';

/** Finds out how one cluster is doing. */
export interface ClusterProber {
  probe(cluster: string, signal: AbortSignal): Promise<ClusterStatus>;
}

/** Answers of the Kubernetes API that a probe reads; only the fields used. */
interface NodeList {
  items: Array<{
    status?: {
      conditions?: Array<{ type: string; status: string }>;
      allocatable?: { cpu?: string; memory?: string };
    };
  }>;
}
interface PodList {
  items: Array<{
    metadata: { name: string; namespace?: string };
    status?: {
      phase?: string;
      reason?: string;
      containerStatuses?: Array<{
        state?: { waiting?: { reason?: string } };
      }>;
    };
  }>;
}
interface DeploymentList {
  items: Array<{
    spec?: { replicas?: number };
    status?: {
      unavailableReplicas?: number;
      updatedReplicas?: number;
      replicas?: number;
    };
  }>;
}

const FAILING_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'Error',
]);

/** `8`, `7500m` -> cores. */
export function parseCpu(value: string | undefined): number {
  if (!value) return 0;
  return value.endsWith('m')
    ? Number(value.slice(0, -1)) / 1000
    : Number(value);
}

const MEMORY_UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

/** `32Gi`, `33554432Ki`, `1e9` -> bytes. */
export function parseMemory(value: string | undefined): number {
  if (!value) return 0;
  const match = /^([0-9.e+]+)([KMGT]i?)?$/.exec(value);
  if (!match) return 0;
  return Number(match[1]) * (match[2] ? MEMORY_UNITS[match[2]] : 1);
}

/**
 * Probes clusters through the Kubernetes plugin's proxy, so that cluster
 * credentials stay where the Kubernetes plugin keeps them.
 */
export class KubernetesProxyProber implements ClusterProber {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async probe(cluster: string, signal: AbortSignal): Promise<ClusterStatus> {
    const base = `${await this.deps.discovery.getBaseUrl('kubernetes')}/proxy`;
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'kubernetes',
    });
    const get = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${base}${path}`, {
        signal,
        headers: {
          Authorization: `Bearer ${token}`,
          'Backstage-Kubernetes-Cluster': cluster,
          Accept: 'application/json',
        },
      });
      if (!response.ok) {
        const body = await response.text();
        let detail = '';
        try {
          const parsed = JSON.parse(body);
          detail = parsed.message ?? parsed.error?.message ?? '';
        } catch {
          // not JSON
        }
        throw new Error(
          `${path} answered ${response.status}${detail ? `: ${detail}` : ''}`,
        );
      }
      return (await response.json()) as T;
    };

    const started = Date.now();
    // All four at once: a slow cluster costs one round trip, not two.
    const [versionResult, nodes, pods, deployments] = await Promise.allSettled([
      get<{ gitVersion?: string }>('/version'),
      get<NodeList>('/api/v1/nodes'),
      get<PodList>('/api/v1/pods?fieldSelector=status.phase%21%3DSucceeded'),
      get<DeploymentList>('/apis/apps/v1/deployments'),
    ]);
    if (versionResult.status === 'rejected') throw versionResult.reason;
    const version = versionResult.value;
    const latencyMs = Date.now() - started;
    const status: ClusterStatus = {
      health: 'healthy',
      serverVersion: version.gitVersion,
      latencyMs,
    };
    const problems: string[] = [];

    if (nodes.status === 'fulfilled') {
      const items = nodes.value.items;
      const ready = items.filter(n =>
        n.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      ).length;
      status.nodes = { ready, total: items.length };
      status.allocatable = {
        cpuCores: items.reduce(
          (s, n) => s + parseCpu(n.status?.allocatable?.cpu),
          0,
        ),
        memoryBytes: items.reduce(
          (s, n) => s + parseMemory(n.status?.allocatable?.memory),
          0,
        ),
      };
      if (ready < items.length) {
        problems.push(
          `${items.length - ready} of ${items.length} nodes not ready`,
        );
      }
    } else {
      problems.push(`cannot list nodes (${nodes.reason.message})`);
    }

    if (pods.status === 'fulfilled') {
      const failing: FailingPod[] = [];
      let notRunning = 0;
      for (const pod of pods.value.items) {
        const waiting = pod.status?.containerStatuses
          ?.map(c => c.state?.waiting?.reason)
          .find(reason => reason && FAILING_REASONS.has(reason));
        const phase = pod.status?.phase ?? 'Unknown';
        if (phase !== 'Running' || waiting) {
          notRunning++;
          failing.push({
            namespace: pod.metadata.namespace ?? 'default',
            name: pod.metadata.name,
            reason: waiting ?? pod.status?.reason ?? phase,
          });
        }
      }
      status.pods = {
        total: pods.value.items.length,
        notRunning,
        failing: failing.slice(0, 20),
      };
      if (notRunning > 0) {
        problems.push(
          `${notRunning} pod${notRunning === 1 ? '' : 's'} not running`,
        );
      }
    } else {
      problems.push(`cannot list pods (${pods.reason.message})`);
    }

    if (deployments.status === 'fulfilled') {
      const items = deployments.value.items;
      const unavailable = items.filter(
        d => (d.status?.unavailableReplicas ?? 0) > 0,
      ).length;
      const rollingOut = items.filter(
        d => (d.status?.updatedReplicas ?? 0) < (d.spec?.replicas ?? 0),
      ).length;
      status.deployments = { total: items.length, unavailable, rollingOut };
      if (unavailable > 0) {
        problems.push(
          `${unavailable} deployment${
            unavailable === 1 ? '' : 's'
          } unavailable`,
        );
      }
    } else {
      problems.push(`cannot list deployments (${deployments.reason.message})`);
    }

    if (problems.length > 0) {
      status.health = 'degraded';
      status.reason = problems.join('; ');
    }
    return status;
  }
}
