/**
 * Simulated Kubernetes API servers on 127.0.0.1 for the embedded defaults,
 * tests and benchmarks: clusters with versions, nodes, pods and deployments,
 * and configurable latency and failures, so that real Kubernetes clients run
 * against them unchanged.
 *
 * @packageDocumentation
 */

export { KubernetesSimulator } from './KubernetesSimulator';
export {
  clustersForFleet,
  machineSize,
  PLATFORM_WORKLOADS,
  SAMPLE_NAMESPACE,
  SAMPLE_NEXT_RELEASE,
  SAMPLE_RELEASE,
  SAMPLE_SERVICES,
} from './fleet';
export { gitVersionOf, KUBERNETES_ID_LABEL } from './objects';
export {
  OPENCOST_NAMESPACE,
  OPENCOST_PORT,
  OPENCOST_PROXY_PATH,
  OPENCOST_SERVICE,
} from './opencost';
export { InvalidSpecError } from './validate';
export {
  SIMULATED_STATES,
  type SimulatedClusterPatch,
  type SimulatedClusterSpec,
  type SimulatedClusterStatus,
  type SimulatedNodePool,
  type SimulatedState,
  type SimulatedWorkload,
} from './types';
