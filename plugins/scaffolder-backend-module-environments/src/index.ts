/**
 * Scaffolder actions of the multi-cloud fleet suite: add a workload region,
 * add an HCI cluster, retire an environment, validate environments.yaml.
 *
 * @packageDocumentation
 */

export { scaffolderModuleEnvironmentsActions as default } from './module';
export { createAddRegionAction } from './actions/regionAdd';
export { createAddHciClusterAction } from './actions/hciAdd';
export { createRetireEnvironmentAction } from './actions/environmentRetire';
export { createValidateAction } from './actions/validate';
export {
  createLocalFetchAction,
  createLocalPublishAction,
} from './actions/local';
