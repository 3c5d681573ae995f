/**
 * Sample FOCUS cost and usage exports for the fleet file: several providers
 * and months, tags, credits, refunds and tax.
 *
 * @packageDocumentation
 */

export {
  DEFAULT_SEED,
  FOCUS_1_0_HEADER,
  anomalyEnvironment,
  fileProviderOf,
  generateFocusExports,
  overBudgetEnvironment,
  type FocusExportFile,
  type GenerateFocusOptions,
} from './generate';
