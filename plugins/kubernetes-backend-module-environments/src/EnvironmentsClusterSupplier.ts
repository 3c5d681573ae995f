import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import type {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import {
  findRegion,
  isCloudProvider,
  type Environment,
} from '@multicloud/plugin-environments-common';
import type {
  ClusterOverride,
  EnvironmentsFileSource,
} from '@multicloud/plugin-environments-node';

/**
 * The cluster of one enabled environment with an API server, as the
 * Kubernetes plugin sees it. The file names the auth method; tokens and
 * certificates come from the Kubernetes plugin's own config or an override.
 */
export function environmentToCluster(
  env: Environment,
  override: ClusterOverride = {},
): ClusterDetails | undefined {
  const k8s = env.infrastructure?.kubernetes;
  const url = override.url ?? k8s?.api_server;
  if (!env.enabled || !k8s || !url) return undefined;
  const oidcTokenProvider = k8s.auth?.oidcTokenProvider;
  const region = isCloudProvider(env.provider)
    ? findRegion(env.provider, env.region)?.displayName ?? env.region
    : `site ${env.region}`;
  return {
    name: env.name,
    title: `${env.name} (${region})`,
    url,
    authMetadata: {
      [ANNOTATION_KUBERNETES_AUTH_PROVIDER]:
        override.authProvider ?? k8s.auth?.provider ?? 'serviceAccount',
      ...(override.serviceAccountToken
        ? { serviceAccountToken: override.serviceAccountToken }
        : {}),
      ...(typeof oidcTokenProvider === 'string' && !override.authProvider
        ? { [ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER]: oidcTokenProvider }
        : {}),
    },
    skipTLSVerify: override.skipTLSVerify ?? k8s.skip_tls_verify ?? false,
    skipMetricsLookup: override.skipMetricsLookup ?? false,
    ...(override.caData ? { caData: override.caData } : {}),
    ...(!override.caData && k8s.ca_file && !override.url
      ? { caFile: k8s.ca_file }
      : {}),
    ...(k8s.dashboard_url ? { dashboardUrl: k8s.dashboard_url } : {}),
  };
}

/**
 * Supplies the clusters of environments.yaml. `refresh` reads the file;
 * `getClusters` answers from the last read, as the Kubernetes plugin asks
 * for clusters on every request.
 */
export class EnvironmentsClusterSupplier implements KubernetesClustersSupplier {
  #clusters: ClusterDetails[] = [];

  constructor(
    private readonly source: EnvironmentsFileSource,
    private readonly overrides: Record<string, ClusterOverride>,
    private readonly logger: LoggerService,
  ) {}

  async refresh(): Promise<void> {
    const result = await this.source.read();
    const clusters = result.environments
      .map(env => environmentToCluster(env, this.overrides[env.name]))
      .filter((c): c is ClusterDetails => !!c);
    if (clusters.length !== this.#clusters.length) {
      this.logger.info(
        `${clusters.length} clusters from ${this.source.target}`,
      );
    }
    this.#clusters = clusters;
  }

  async getClusters(): Promise<ClusterDetails[]> {
    return this.#clusters;
  }
}
