import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** Where OpenCost runs in each cluster, reached through the API server. */
export interface OpenCostServiceProxy {
  namespace: string;
  service: string;
  /** Port number or name of the service. */
  port: string;
}

/** `finops.opencost.clusters.<environment>`. */
export interface OpenCostClusterConfig {
  /** OpenCost's API reached directly (an ingress, a port-forward). */
  baseUrl?: string;
  /** Bearer token for `baseUrl`, or for the API server's service proxy. */
  token?: string;
  /** Currency of this cluster's OpenCost; default `finops.opencost.currency`. */
  currency?: string;
  /** False to leave the cluster out. */
  enabled: boolean;
}

/** `finops.opencost`, with its defaults. */
export interface OpenCostConfig {
  /** When set, clusters without a `baseUrl` are reached this way. */
  serviceProxy?: OpenCostServiceProxy;
  clusters: Record<string, OpenCostClusterConfig>;
  /** ISO 4217 code of the costs OpenCost reports (it does not say). */
  currency: string;
  /** Days pulled on each run, today included. */
  days: number;
  requestTimeoutMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 10 },
};
const DEFAULT_DAYS = 3;
const MAX_DAYS = 90;
const DEFAULT_TIMEOUT_MS = 30_000;
const CURRENCY = /^[A-Z]{3}$/;

function currencyAt(config: Config, key: string): string | undefined {
  const value = config.getOptionalString(key);
  if (value !== undefined && !CURRENCY.test(value)) {
    throw new Error(
      `finops.opencost.${key} must be an ISO 4217 code such as USD, not "${value}"`,
    );
  }
  return value;
}

/**
 * Reads `finops.opencost`; `undefined` when it is not set, which leaves
 * OpenCost out. Throws on a value that cannot be used, naming its key.
 */
export function readOpenCostConfig(root: Config): OpenCostConfig | undefined {
  const config = root.getOptionalConfig('finops.opencost');
  if (!config) {
    return undefined;
  }
  const proxy = config.getOptionalConfig('serviceProxy');
  const days = config.getOptionalNumber('days') ?? DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new Error(
      `finops.opencost.days must be a whole number from 1 to ${MAX_DAYS}, not ${days}`,
    );
  }
  const clusters: Record<string, OpenCostClusterConfig> = {};
  const clustersConfig = config.getOptionalConfig('clusters');
  for (const name of clustersConfig?.keys() ?? []) {
    const cluster = clustersConfig!.getConfig(name);
    const baseUrl = cluster.getOptionalString('baseUrl');
    if (baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(baseUrl)) {
      throw new Error(
        `finops.opencost.clusters.${name}.baseUrl must be an http(s) URL, not "${baseUrl}"`,
      );
    }
    clusters[name] = {
      baseUrl: baseUrl?.replace(/\/+$/, ''),
      token: cluster.getOptionalString('token'),
      currency: currencyAt(config, `clusters.${name}.currency`),
      enabled: cluster.getOptionalBoolean('enabled') ?? true,
    };
  }
  return {
    serviceProxy: proxy
      ? {
          namespace: proxy.getOptionalString('namespace') ?? 'opencost',
          service: proxy.getOptionalString('service') ?? 'opencost',
          port: String(proxy.getOptional<string | number>('port') ?? 9003),
        }
      : undefined,
    clusters,
    currency: currencyAt(config, 'currency') ?? 'USD',
    days,
    requestTimeoutMs: config.has('requestTimeout')
      ? durationToMilliseconds(
          readDurationFromConfig(config, { key: 'requestTimeout' }),
        )
      : DEFAULT_TIMEOUT_MS,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
