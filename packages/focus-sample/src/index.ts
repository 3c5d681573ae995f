/**
 * Sample FOCUS cost and usage exports for the fleet file: several providers
 * and months, tags, credits, refunds and tax; and large exports of the
 * whole fleet for volume tests.
 *
 * @packageDocumentation
 */

export { fileProviderOf } from './billing';
export {
  DEFAULT_SEED,
  FOCUS_1_0_HEADER,
  anomalyEnvironment,
  generateFocusExports,
  overBudgetEnvironment,
  type FocusExportFile,
  type GenerateFocusOptions,
} from './generate';
export { generateFocusRows, type GenerateFocusRowsOptions } from './volume';
