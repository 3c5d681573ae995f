/** A deployment of a simulated cluster, with its replica sets, pods and service. */
export interface SimulatedWorkload {
  namespace: string;
  name: string;
  /**
   * Value of the `backstage.io/kubernetes-id` label on the deployment, its
   * replica set and pods (what Backstage's Kubernetes plugin selects by).
   */
  kubernetesId?: string;
  replicas: number;
  image: string;
  /**
   * Pods of it in CrashLoopBackOff (count toward replicas). Such a pod is
   * phase `Running` with a container that is not ready and waits with reason
   * `CrashLoopBackOff` (as on a real cluster); it is not `Pending`.
   */
  failingPods?: number;
  /**
   * A rollout in progress: updatedReplicas < replicas. The deployment has a
   * new replica set (this image) with half of the replicas, rounded down, the
   * newest of which is `Pending` (container `ContainerCreating`, no pod IP
   * yet), and the previous replica set (the image one release before) with
   * the rest plus one surge pod.
   */
  rollingOut?: boolean;
}

/**
 * How a simulated API server behaves. up: answers; down: the port refuses
 * connections; hang: accepts and never answers; error: 500 on every request;
 * unauthorized: 401 on every request.
 */
export type SimulatedState = 'up' | 'down' | 'hang' | 'error' | 'unauthorized';

export const SIMULATED_STATES: readonly SimulatedState[] = [
  'up',
  'down',
  'hang',
  'error',
  'unauthorized',
];

/** Machines of one node pool. */
export interface SimulatedNodePool {
  /** Pool name, the first part of its node names. */
  name: string;
  count: number;
  /** Instance type, shown as the `node.kubernetes.io/instance-type` label. */
  vmSize?: string;
  /** Cores per node. */
  cpu: number;
  memoryGi: number;
}

export interface SimulatedClusterSpec {
  name: string;
  /**
   * Minor version such as '1.36'; /version answers gitVersion
   * 'v1.36.<patch>' (patch derived deterministically from the name).
   */
  version: string;
  nodes: number;
  /** The last `nodesNotReady` nodes report condition Ready=False. */
  nodesNotReady?: number;
  /** Cores per node, default 8. */
  cpuPerNode?: number;
  /** Memory per node in GiB, default 32. */
  memoryPerNodeGi?: number;
  /**
   * Node pools, in order: node i belongs to the pool whose counts cover it
   * and has that pool's size; nodes beyond the pools' total belong to the
   * last pool. Without pools, the nodes form one pool named `pool` of
   * `cpuPerNode`/`memoryPerNodeGi`. `nodes` is always the node count.
   */
  nodePools?: SimulatedNodePool[];
  workloads?: SimulatedWorkload[];
  /** Added to every response. */
  latencyMs?: number;
  /** Default 'up'. */
  state?: SimulatedState;
  /** When set, a request without `Authorization: Bearer <token>` gets 401. */
  token?: string;
  /**
   * Whether OpenCost is installed, answering its allocation API through the
   * service proxy at `/api/v1/namespaces/opencost/services/opencost:9003/proxy`.
   * Default true.
   */
  opencost?: boolean;
}

/** A change to a cluster; an optional field set to undefined (or null on the control API) goes back to its default. */
export type SimulatedClusterPatch = Partial<Omit<SimulatedClusterSpec, 'name'>>;

/** What the control API tells about a cluster. */
export interface SimulatedClusterStatus {
  name: string;
  url: string;
  state: SimulatedState;
  latencyMs: number;
  version: string;
  gitVersion: string;
  nodes: number;
  nodesNotReady: number;
  cpuPerNode: number;
  memoryPerNodeGi: number;
  tokenRequired: boolean;
  opencost: boolean;
  workloads: SimulatedWorkload[];
}
