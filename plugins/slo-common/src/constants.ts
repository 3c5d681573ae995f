import { ANNOTATION_DOMAIN } from '@multicloud/plugin-environments-common';

/**
 * Annotation keys an OpenSLO document may carry in `metadata.annotations`
 * (or `metadata.labels`), declared once for every SLO plugin.
 */
export const SLO_ANNOTATIONS = {
  /**
   * The catalog entity the SLO belongs to, when it is not the component named
   * by `spec.service`: `component:default/checkout`, `system:payments`, or a
   * bare name (a component in the default namespace).
   */
  entityRef: `${ANNOTATION_DOMAIN}/entity-ref`,
  /**
   * The environments the SLO is evaluated in, separated by commas; `*` matches
   * any run of characters (`workload-aws-*`). Without it: every enabled
   * environment of the fleet.
   */
  environments: `${ANNOTATION_DOMAIN}/environments`,
} as const;

/**
 * Annotation of a catalog entity that says where its SLO definitions are:
 * one or more locations separated by commas, each a URL (`url:` prefix
 * optional) or a path relative to the entity's own location
 * (`./slos.yaml`). The definitions belong to that entity unless they name
 * another.
 */
export const SLO_DEFINITIONS_ANNOTATION = `${ANNOTATION_DOMAIN}/slo-definitions`;

/**
 * Sloth labels end up on Prometheus series, whose label names cannot hold
 * `multicloud.io/`; a Sloth spec says the same things with these labels,
 * which the rule generator does not copy onto the series.
 */
export const SLOTH_LABELS = {
  entityRef: 'multicloud_entity_ref',
  environments: 'multicloud_environments',
} as const;

/**
 * The label that names the environment of a series when one Prometheus holds
 * several environments (`environment="workload-aws-useast1"`).
 */
export const DEFAULT_ENVIRONMENT_LABEL = 'environment';

/** The window of a Sloth SLO, which has none in its spec (Sloth's default). */
export const SLOTH_DEFAULT_WINDOW = '30d';

/**
 * Step of the subqueries that sample an expression over a window (threshold
 * SLIs, precomputed ratios, expressions that are not a plain counter).
 */
export const DEFAULT_RESOLUTION = '1m';
