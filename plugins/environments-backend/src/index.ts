/**
 * The fleet status API of the multi-cloud fleet suite.
 *
 * @packageDocumentation
 */

export { environmentsPlugin as default } from './plugin';
export { FleetStatusService } from './service/FleetStatusService';
export {
  KubernetesProxyProber,
  type ClusterProber,
} from './service/ClusterProber';
