/**
 * Comment-preserving, validated edits of environments.yaml, the fleet file of
 * the multi-cloud fleet suite, for backend plugins that change it.
 *
 * @packageDocumentation
 */

export { EnvironmentsDocument } from './EnvironmentsDocument';
export { unifiedDiff } from './diff';
