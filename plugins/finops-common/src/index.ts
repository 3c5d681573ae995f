/**
 * FOCUS cost and usage model of the multi-cloud fleet suite: the columns of
 * FOCUS 1.0 to 1.2, row normalisation with precise errors, and attribution
 * of charges to environments and catalog entities.
 *
 * @packageDocumentation
 */

export {
  FOCUS_VERSIONS,
  FOCUS_COLUMNS,
  detectFocusVersion,
  isCustomColumn,
  mandatoryColumns,
  type FocusColumn,
  type FocusColumnType,
  type FocusVersion,
  type FocusVersionDetection,
} from './focus';
export {
  CHARGE_CATEGORIES,
  CHARGE_CLASSES,
  EXTENSION_TAG_COLUMNS,
  NORMALIZED_COLUMNS,
  REQUIRED_COLUMNS,
  formatCostProblem,
  normalizeFocusRow,
  parseDecimal,
  parseTags,
  providerIdOf,
  utcDateOf,
  type CostProblem,
  type CostRow,
  type FocusRowContext,
  type NormalizedFocusRow,
} from './row';
export {
  ENTITY_TAG_KEYS,
  ENVIRONMENT_TAG_KEYS,
  KUBERNETES_ENTITY_LABEL_KEYS,
  attributeToEntity,
  attributeToEnvironment,
  entityRefFromKubernetesLabels,
  entityRefFromTag,
  type AttributionMethod,
  type EnvironmentAttribution,
} from './attribution';
export * from './api';
export * from './analytics';
