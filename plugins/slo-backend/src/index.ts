/**
 * The SLO backend of the multi-cloud fleet suite: OpenSLO and Sloth SLOs
 * evaluated against Prometheus per environment.
 *
 * @packageDocumentation
 */

export { sloPlugin as default } from './plugin';
export { SLO_DEFINITIONS_ANNOTATION } from '@multicloud/plugin-slo-common';
