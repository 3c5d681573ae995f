/**
 * The fleet status API of `@multicloud/plugin-environments-backend`
 * (`GET /api/environments/fleet`), shared by the backend and the frontend.
 */

/**
 * - `healthy`: the API server answered, every node is ready, no pod is failing.
 * - `degraded`: it answered, but nodes are not ready or pods are failing.
 * - `unreachable`: it did not answer in time, refused, or answered with an error.
 * - `pending`: not probed yet.
 * - `disabled`: `enabled: false` in the file; not probed.
 * - `not-configured`: no `api_server` in the file; nothing to probe.
 */
export type ClusterHealth =
  | 'healthy'
  | 'degraded'
  | 'unreachable'
  | 'pending'
  | 'disabled'
  | 'not-configured';

export interface FailingPod {
  namespace: string;
  name: string;
  /** Pod phase, or the waiting reason of a container such as CrashLoopBackOff. */
  reason: string;
}

/** What the last probe of one cluster found. */
export interface ClusterStatus {
  health: ClusterHealth;
  /** Why it is unreachable or degraded, in words: "timed out after 5000 ms", "2 of 5 nodes not ready". */
  reason?: string;
  /** `gitVersion` of the API server, e.g. `v1.36.2`. */
  serverVersion?: string;
  nodes?: { ready: number; total: number };
  allocatable?: { cpuCores: number; memoryBytes: number };
  pods?: { total: number; notRunning: number; failing: FailingPod[] };
  deployments?: { total: number; unavailable: number; rollingOut: number };
  /** When the last probe finished (ISO time). */
  checkedAt?: string;
  /** When a probe last succeeded (ISO time). */
  lastSuccessAt?: string;
  /** How long the last probe took. */
  latencyMs?: number;
}

/** One environment of the fleet with its live status. */
export interface EnvironmentStatus {
  name: string;
  entityRef: string;
  provider: string;
  region: string;
  /** Display name of the region, or `site <id>` on premises. */
  regionName: string;
  /** Coordinates of the region, when the region catalogue knows them. */
  latitude?: number;
  longitude?: number;
  role: 'admin' | 'workload';
  type: 'cloud' | 'hci' | 'hybrid';
  enabled: boolean;
  owner?: string;
  rolloutWave?: number;
  kubernetes?: {
    flavour: string;
    /** The version the file declares, e.g. `1.36`. */
    version: string;
    apiServer?: string;
  };
  status: ClusterStatus;
}

export interface FleetStatusResponse {
  /** When this answer was assembled (ISO time). */
  generatedAt: string;
  /** True when the clusters are served by the Kubernetes API simulator of the embedded defaults. */
  simulated: boolean;
  /** Kubernetes minors that upstream still supports, oldest first. */
  supportedVersions: string[];
  /** The admin environment's declared Kubernetes version, for skew. */
  adminVersion?: string;
  /** Problems of the fleet file (one line each); environments with errors are not in the list. */
  problems: string[];
  environments: EnvironmentStatus[];
}
