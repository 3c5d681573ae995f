import type { Environment } from '@multicloud/plugin-environments-common';
import type { ClusterOverride } from '@multicloud/plugin-environments-node';
import type { OpenCostConfig } from './config';

/** The OpenCost of one environment's cluster, and how to reach it. */
export interface OpenCostTarget {
  environment: string;
  /** OpenCost's API, without a trailing slash: `<baseUrl>/allocation/compute`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** PEM certificate(s) of the CA that signed the server's certificate. */
  caData?: string;
  skipTLSVerify: boolean;
  currency: string;
}

/** An environment with Kubernetes whose OpenCost is not pulled, and why. */
export interface SkippedOpenCostTarget {
  environment: string;
  reason: string;
}

/**
 * The OpenCost to pull for each enabled Kubernetes environment of the fleet.
 * `finops.opencost.clusters.<name>.baseUrl` reaches it directly; otherwise,
 * when `finops.opencost.serviceProxy` is set, it is reached through the
 * cluster's API server (`environments.clusters.overrides.<name>.url` or the
 * `api_server` of the file) at
 * `/api/v1/namespaces/<namespace>/services/<service>:<port>/proxy`, with
 * the service account token of the override (the one the Kubernetes plugin
 * uses) or `finops.opencost.clusters.<name>.token`. Environments without a
 * way in are skipped with the reason.
 */
export function openCostTargets(
  environments: Environment[],
  config: OpenCostConfig,
  overrides: Record<string, ClusterOverride>,
): { targets: OpenCostTarget[]; skipped: SkippedOpenCostTarget[] } {
  const targets: OpenCostTarget[] = [];
  const skipped: SkippedOpenCostTarget[] = [];
  for (const environment of environments) {
    const kubernetes = environment.infrastructure?.kubernetes;
    if (!environment.enabled || !kubernetes) {
      continue;
    }
    const name = environment.name;
    const cluster = config.clusters[name];
    if (cluster?.enabled === false) {
      continue;
    }
    const currency = cluster?.currency ?? config.currency;
    if (cluster?.baseUrl) {
      targets.push({
        environment: name,
        baseUrl: cluster.baseUrl,
        token: cluster.token,
        skipTLSVerify: false,
        currency,
      });
      continue;
    }
    const proxy = config.serviceProxy;
    if (!proxy) {
      continue;
    }
    const override = overrides[name] ?? {};
    const apiServer = override.url ?? kubernetes.api_server;
    if (!apiServer) {
      skipped.push({
        environment: name,
        reason: `it has no api_server in the fleet file nor a url in environments.clusters.overrides.${name}`,
      });
      continue;
    }
    const token = cluster?.token ?? override.serviceAccountToken;
    if (!token) {
      skipped.push({
        environment: name,
        reason: `its API server needs a token: set environments.clusters.overrides.${name}.serviceAccountToken, finops.opencost.clusters.${name}.token, or finops.opencost.clusters.${name}.baseUrl`,
      });
      continue;
    }
    targets.push({
      environment: name,
      baseUrl: `${apiServer.replace(/\/+$/, '')}/api/v1/namespaces/${
        proxy.namespace
      }/services/${proxy.service}:${proxy.port}/proxy`,
      token,
      caData: override.caData,
      skipTLSVerify:
        override.skipTLSVerify ?? kubernetes.skip_tls_verify ?? false,
      currency,
    });
  }
  for (const name of Object.keys(config.clusters)) {
    if (
      !environments.some(e => e.name === name && e.infrastructure?.kubernetes)
    ) {
      skipped.push({
        environment: name,
        reason: 'it is no Kubernetes environment of the fleet file',
      });
    }
  }
  return { targets, skipped };
}
