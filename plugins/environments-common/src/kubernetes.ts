/**
 * Kubernetes minor versions the upstream project still supports with
 * patches, oldest first, as of this release of the suite (November 2026:
 * 1.35, 1.36, 1.37; each minor gets about 14 months). Views compare the
 * fleet with it; apps may pass their own list where their clouds offer
 * extended support.
 */
export const SUPPORTED_KUBERNETES_MINORS: readonly string[] = [
  '1.35',
  '1.36',
  '1.37',
];

/**
 * The version a new environment gets when the fleet has no admin region to
 * follow: one behind the newest, which every managed service already offers.
 */
export const DEFAULT_KUBERNETES_VERSION =
  SUPPORTED_KUBERNETES_MINORS[SUPPORTED_KUBERNETES_MINORS.length - 2];
