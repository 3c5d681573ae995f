/** The domain of every annotation and label the suite writes. */
export const ANNOTATION_DOMAIN = 'multicloud.io';

/** Annotation keys on environment entities, declared once for every plugin. */
export const ENVIRONMENT_ANNOTATIONS = {
  /** Name of the environment in environments.yaml. */
  environment: `${ANNOTATION_DOMAIN}/environment`,
  /** Id of the configured source (file) the environment came from. */
  source: `${ANNOTATION_DOMAIN}/source`,
  provider: `${ANNOTATION_DOMAIN}/provider`,
  type: `${ANNOTATION_DOMAIN}/environment-type`,
  region: `${ANNOTATION_DOMAIN}/region`,
  role: `${ANNOTATION_DOMAIN}/role`,
  enabled: `${ANNOTATION_DOMAIN}/enabled`,
  kubernetesFlavour: `${ANNOTATION_DOMAIN}/kubernetes-flavour`,
  kubernetesVersion: `${ANNOTATION_DOMAIN}/kubernetes-version`,
  nodeCount: `${ANNOTATION_DOMAIN}/node-count`,
  networkCidr: `${ANNOTATION_DOMAIN}/network-cidr`,
  hciPlatform: `${ANNOTATION_DOMAIN}/hci-platform`,
  hciCluster: `${ANNOTATION_DOMAIN}/hci-cluster`,
  arcEnabled: `${ANNOTATION_DOMAIN}/arc-enabled`,
  arcResourceGroup: `${ANNOTATION_DOMAIN}/arc-resource-group`,
  arcLocation: `${ANNOTATION_DOMAIN}/arc-location`,
  rolloutWave: `${ANNOTATION_DOMAIN}/rollout-wave`,
  prometheusUrl: `${ANNOTATION_DOMAIN}/prometheus-url`,
  costAccounts: `${ANNOTATION_DOMAIN}/cost-accounts`,
  budgetMonthly: `${ANNOTATION_DOMAIN}/budget-monthly`,
  currency: `${ANNOTATION_DOMAIN}/currency`,
  components: `${ANNOTATION_DOMAIN}/components`,
  /** Network links to other environments, as `name=cost` pairs separated by commas. */
  links: `${ANNOTATION_DOMAIN}/links`,
  /** The environment's `tags` map, as JSON (labels carry the ones that fit label rules). */
  tags: `${ANNOTATION_DOMAIN}/tags`,
} as const;

/** Label keys on environment entities, for filtering in the catalog. */
export const ENVIRONMENT_LABELS = {
  provider: `${ANNOTATION_DOMAIN}/provider`,
  role: `${ANNOTATION_DOMAIN}/role`,
  type: `${ANNOTATION_DOMAIN}/environment-type`,
  region: `${ANNOTATION_DOMAIN}/region`,
  enabled: `${ANNOTATION_DOMAIN}/enabled`,
} as const;

/** `spec.type` of a Resource entity for an environment that runs Kubernetes. */
export const KUBERNETES_CLUSTER_RESOURCE_TYPE = 'kubernetes-cluster';
/** `spec.type` of a Resource entity for an environment without Kubernetes. */
export const ENVIRONMENT_RESOURCE_TYPE = 'environment';
/** `spec.type` of the Resource entity that stands for one environments.yaml source and its problems. */
export const ENVIRONMENTS_FILE_RESOURCE_TYPE = 'environments-file';

/** Entity name of the Resource that stands for a source of environments. */
export function environmentsFileEntityName(sourceId: string): string {
  return `environments-file-${sourceId}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** Entity name of an environment: its name in the file, which is already a DNS label. */
export function environmentEntityName(environmentName: string): string {
  return environmentName;
}

/** Entity ref of an environment, e.g. `resource:default/workload-aws-useast1`. */
export function environmentEntityRef(
  environmentName: string,
  namespace = 'default',
): string {
  return `resource:${namespace}/${environmentEntityName(environmentName)}`;
}
