import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  type Entity,
  type EntityLink,
} from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import {
  consoleUrl,
  ENVIRONMENT_ANNOTATIONS as A,
  ENVIRONMENT_LABELS as L,
  ENVIRONMENT_RESOURCE_TYPE,
  ENVIRONMENTS_FILE_RESOURCE_TYPE,
  environmentEntityName,
  environmentEntityRef,
  environmentsFileEntityName,
  findRegion,
  formatProblem,
  isCloudProvider,
  KUBERNETES_CLUSTER_RESOURCE_TYPE,
  PROVIDER_DISPLAY_NAMES,
  type Environment,
  type EnvironmentsFileProblem,
  type ParseEnvironmentsResult,
} from '@multicloud/plugin-environments-common';

/** What every entity of one source shares. */
export interface MappingContext {
  sourceId: string;
  /** `file:/abs/path` or `url:https://…`, for the location annotations. */
  locationKey: string;
  /** The URL of the file in its Git host, for view links; absent for local files. */
  viewUrl?: string;
  namespace: string;
  defaultOwner: string;
  system?: string;
}

const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_KEY_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

function definedOnly(
  record: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

function viewUrlAt(viewUrl: string | undefined, line: number | undefined) {
  if (!viewUrl) return undefined;
  return line ? `${viewUrl}#L${line}` : viewUrl;
}

/** Where the environment is, for people: "Amazon Web Services, US East (N. Virginia)". */
function place(env: Environment): string {
  const region = isCloudProvider(env.provider)
    ? findRegion(env.provider, env.region)?.displayName ?? env.region
    : `site ${env.region}`;
  return `${PROVIDER_DISPLAY_NAMES[env.provider]}, ${region}`;
}

function links(env: Environment): EntityLink[] {
  const result: EntityLink[] = [];
  const k8s = env.infrastructure?.kubernetes;
  if (isCloudProvider(env.provider)) {
    result.push({
      url: consoleUrl(env.provider, env.region),
      title: `${PROVIDER_DISPLAY_NAMES[env.provider]} console`,
      icon: 'cloud',
      type: 'console',
    });
  }
  if (k8s?.dashboard_url) {
    result.push({
      url: k8s.dashboard_url,
      title: 'Cluster dashboard',
      icon: 'dashboard',
      type: 'dashboard',
    });
  }
  if (env.observability?.prometheus_url) {
    result.push({
      url: env.observability.prometheus_url,
      title: 'Prometheus',
      icon: 'dashboard',
      type: 'monitoring',
    });
  }
  return result;
}

/** Labels for the environment's own `tags` that fit label rules, plus our filter labels. */
function labels(env: Environment): Record<string, string> {
  const result: Record<string, string> = {
    [L.provider]: env.provider,
    [L.role]: env.role,
    [L.type]: env.type,
    [L.region]: env.region,
    [L.enabled]: String(env.enabled),
  };
  for (const [key, value] of Object.entries(env.tags ?? {})) {
    if (LABEL_KEY_NAME.test(key) && LABEL_VALUE.test(value)) {
      result[key] = value;
    }
  }
  return result;
}

function catalogTags(env: Environment): string[] {
  const tags = [
    env.provider,
    env.role,
    env.type,
    env.infrastructure?.kubernetes?.provider,
    env.hci?.platform,
    env.enabled ? undefined : 'disabled',
  ];
  return [...new Set(tags.filter((t): t is string => !!t && TAG.test(t)))];
}

function nodeCount(env: Environment): number | undefined {
  const pools = env.infrastructure?.kubernetes?.node_pools;
  if (!pools) return undefined;
  return Object.values(pools).reduce((sum, pool) => sum + pool.count, 0);
}

/** The catalog entity of one valid environment. */
export function environmentToEntity(
  env: Environment,
  ctx: MappingContext,
  extra: { admin?: Environment; line?: number },
): Entity {
  const k8s = env.infrastructure?.kubernetes;
  const n = nodeCount(env);
  const annotations = definedOnly({
    [ANNOTATION_LOCATION]: ctx.locationKey,
    [ANNOTATION_ORIGIN_LOCATION]: ctx.locationKey,
    [ANNOTATION_VIEW_URL]: viewUrlAt(ctx.viewUrl, extra.line),
    [A.environment]: env.name,
    [A.source]: ctx.sourceId,
    [A.provider]: env.provider,
    [A.type]: env.type,
    [A.region]: env.region,
    [A.role]: env.role,
    [A.enabled]: String(env.enabled),
    [A.kubernetesFlavour]: k8s?.provider,
    [A.kubernetesVersion]: k8s?.version,
    [A.nodeCount]: n === undefined ? undefined : String(n),
    [A.networkCidr]: env.infrastructure?.network?.cidr,
    [A.hciPlatform]: env.hci?.platform,
    [A.hciCluster]: env.hci?.cluster,
    [A.arcEnabled]: env.hci?.arc ? String(env.hci.arc.enabled) : undefined,
    [A.arcResourceGroup]: env.hci?.arc?.resource_group,
    [A.arcLocation]: env.hci?.arc?.location,
    [A.rolloutWave]:
      env.rollout?.wave === undefined ? undefined : String(env.rollout.wave),
    [A.prometheusUrl]: env.observability?.prometheus_url,
    [A.costAccounts]: env.cost?.accounts?.join(','),
    [A.budgetMonthly]:
      env.cost?.budget_monthly === undefined
        ? undefined
        : String(env.cost.budget_monthly),
    [A.currency]: env.cost?.currency,
    [A.components]: env.components?.join(','),
    [A.links]: env.links?.length
      ? env.links.map(l => `${l.to}=${l.cost ?? 1}`).join(',')
      : undefined,
    [A.tags]: env.tags ? JSON.stringify(env.tags) : undefined,
    // Read by the Kubernetes plugin's catalog cluster locator; credentials
    // stay with the Kubernetes plugin, the file only names the method.
    [ANNOTATION_KUBERNETES_API_SERVER]: k8s?.api_server,
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: k8s?.api_server
      ? k8s.auth?.provider ?? 'serviceAccount'
      : undefined,
    [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]:
      k8s?.api_server && typeof k8s.auth?.oidcTokenProvider === 'string'
        ? k8s.auth.oidcTokenProvider
        : undefined,
    [ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY]:
      k8s?.api_server && k8s.skip_tls_verify ? 'true' : undefined,
    [ANNOTATION_KUBERNETES_DASHBOARD_URL]: k8s?.api_server
      ? k8s.dashboard_url
      : undefined,
  });

  const dependsOn =
    env.role === 'workload' && extra.admin
      ? [environmentEntityRef(extra.admin.name, ctx.namespace)]
      : [];

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: environmentEntityName(env.name),
      namespace: ctx.namespace,
      // People know environments by name; the title only flags a disabled one.
      ...(env.enabled ? {} : { title: `${env.name} (disabled)` }),
      description: `${
        env.description ??
        `${env.role === 'admin' ? 'Admin' : 'Workload'} environment`
      } (${place(env)})`,
      annotations,
      labels: labels(env),
      tags: catalogTags(env),
      links: links(env),
    },
    spec: {
      type: k8s ? KUBERNETES_CLUSTER_RESOURCE_TYPE : ENVIRONMENT_RESOURCE_TYPE,
      owner: env.owner ?? ctx.defaultOwner,
      ...(ctx.system ? { system: ctx.system } : {}),
      ...(dependsOn.length ? { dependsOn } : {}),
    },
  };
}

/**
 * The entity that stands for the file itself: it carries the problems of the
 * last read, so that people see them in the portal and not only in a log.
 */
export function environmentsFileToEntity(
  result: ParseEnvironmentsResult,
  ctx: MappingContext,
  target: string,
  readAt: Date,
): Entity {
  const errors = result.problems.filter(p => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const summary = [
    `${result.environments.length} environment${
      result.environments.length === 1 ? '' : 's'
    } loaded`,
    result.skipped.length ? `${result.skipped.length} skipped` : undefined,
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : undefined,
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: environmentsFileEntityName(ctx.sourceId),
      namespace: ctx.namespace,
      title: `Fleet file: ${target}`,
      description: `${target}: ${summary}`,
      annotations: definedOnly({
        [ANNOTATION_LOCATION]: ctx.locationKey,
        [ANNOTATION_ORIGIN_LOCATION]: ctx.locationKey,
        [ANNOTATION_VIEW_URL]: ctx.viewUrl,
        [A.source]: ctx.sourceId,
      }),
      tags: result.problems.length ? ['has-problems'] : [],
    },
    spec: {
      type: ENVIRONMENTS_FILE_RESOURCE_TYPE,
      owner: ctx.defaultOwner,
      ...(ctx.system ? { system: ctx.system } : {}),
      target,
      readAt: readAt.toISOString(),
      environments: result.environments.map(e =>
        environmentEntityRef(e.name, ctx.namespace),
      ),
      skipped: result.skipped.map(s => ({ ...s })),
      problems: result.problems.map(p => {
        const problem: EnvironmentsFileProblem = {
          ...p,
          text: formatProblem(p),
        };
        return { ...problem };
      }),
    },
  };
}
