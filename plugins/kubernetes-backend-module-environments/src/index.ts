/**
 * Kubernetes backend module: the clusters of environments.yaml, next to the
 * clusters configured the usual way.
 *
 * @packageDocumentation
 */

export { kubernetesModuleEnvironmentsClusterSupplier as default } from './module';
export {
  EnvironmentsClusterSupplier,
  environmentToCluster,
} from './EnvironmentsClusterSupplier';
