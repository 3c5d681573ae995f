/**
 * Backend helpers for environments.yaml, the fleet file of the multi-cloud
 * fleet suite: reading it (path or URL, keeping the last good read) and
 * comment-preserving, validated edits.
 *
 * @packageDocumentation
 */

export { EnvironmentsDocument } from './EnvironmentsDocument';
export { unifiedDiff } from './diff';
export {
  EnvironmentsFileSource,
  isUrlTarget,
  readClusterSettings,
  readEnvironmentsTarget,
  type ClusterOverride,
} from './source';
