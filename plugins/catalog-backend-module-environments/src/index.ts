/**
 * Catalog module that imports every environment of environments.yaml as a
 * Resource entity.
 *
 * @packageDocumentation
 */

export { catalogModuleEnvironmentsEntityProvider as default } from './module';
export {
  EnvironmentsEntityProvider,
  type EnvironmentsSource,
  type ReadTarget,
} from './providers/EnvironmentsEntityProvider';
