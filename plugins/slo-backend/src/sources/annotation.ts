import { ANNOTATION_DOMAIN } from '@multicloud/plugin-environments-common';

/**
 * Annotation of a catalog entity that says where its SLO definitions are:
 * one or more locations separated by commas, each a URL (`url:` prefix
 * optional) or a path relative to the entity's own location
 * (`./slos.yaml`). The definitions belong to that entity unless they name
 * another.
 */
export const SLO_DEFINITIONS_ANNOTATION = `${ANNOTATION_DOMAIN}/slo-definitions`;
