/**
 * Annotation of a catalog entity that names the files of its SLO
 * definitions (`./slos.yaml`, or URLs), as the SLO backend reads it.
 */
export const SLO_DEFINITIONS_ANNOTATION = 'multicloud.io/slo-definitions';
