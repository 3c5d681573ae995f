import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_ENVIRONMENT_LABEL } from '@multicloud/plugin-slo-common';

/** How to talk to one Prometheus, as configured. */
export interface PrometheusConnection {
  headers: Record<string, string>;
  bearerToken?: string;
  timeoutMs: number;
}

/** `slo.prometheus.environments.<name>`: everything optional, merged over the shared settings. */
export interface PrometheusEnvironmentOverride {
  url?: string;
  environmentLabel?: string;
  headers?: Record<string, string>;
  bearerToken?: string;
  timeoutMs?: number;
}

export interface SloSettings {
  definitions: {
    files: string[];
    directories: string[];
    urls: string[];
    catalog: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
  };
  prometheus: {
    /** `slo.prometheus.url`: one Prometheus for every environment. */
    url?: string;
    /** Label that tells the environments apart in the shared Prometheus. */
    environmentLabel: string;
    /** `slo.prometheus.fleetFileUrls`: whether the fleet file's URLs are asked. */
    fleetFileUrls: boolean;
    /** Headers, token and timeout for every Prometheus without its own. */
    defaults: PrometheusConnection;
    environments: Record<string, PrometheusEnvironmentOverride>;
    /** Queries in flight at once per Prometheus. */
    concurrency: number;
    cacheTtlMs: number;
  };
}

/**
 * The first request reads the sources itself; the first scheduled read waits
 * until the backend (and the catalog in it) answers HTTP.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 10 },
};

function readMs(config: Config | undefined, key: string): number | undefined {
  return config?.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : undefined;
}

function readHeaders(
  config: Config | undefined,
): Record<string, string> | undefined {
  const headers = config?.getOptionalConfig('headers');
  if (!headers) return undefined;
  return Object.fromEntries(
    headers.keys().map(name => [name, headers.getString(name)]),
  );
}

/** Reads `slo.*`; every key is optional, so an app without it still starts. */
export function readSloSettings(config: Config): SloSettings {
  const definitions = config.getOptionalConfig('slo.definitions');
  const prometheus = config.getOptionalConfig('slo.prometheus');
  const overridesConfig = prometheus?.getOptionalConfig('environments');
  const environments: Record<string, PrometheusEnvironmentOverride> = {};
  for (const name of overridesConfig?.keys() ?? []) {
    const c = overridesConfig!.getConfig(name);
    environments[name] = {
      url: c.getOptionalString('url'),
      environmentLabel: c.getOptionalString('environmentLabel'),
      headers: readHeaders(c),
      bearerToken: c.getOptionalString('bearerToken'),
      timeoutMs: readMs(c, 'timeout'),
    };
  }
  return {
    definitions: {
      files: definitions?.getOptionalStringArray('files') ?? [],
      directories: definitions?.getOptionalStringArray('directories') ?? [],
      urls: definitions?.getOptionalStringArray('urls') ?? [],
      catalog: definitions?.getOptionalBoolean('catalog') ?? true,
      schedule: definitions?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            definitions.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
    },
    prometheus: {
      url: prometheus?.getOptionalString('url'),
      environmentLabel:
        prometheus?.getOptionalString('environmentLabel') ??
        DEFAULT_ENVIRONMENT_LABEL,
      fleetFileUrls: prometheus?.getOptionalBoolean('fleetFileUrls') ?? true,
      defaults: {
        headers: readHeaders(prometheus) ?? {},
        bearerToken: prometheus?.getOptionalString('bearerToken'),
        timeoutMs: readMs(prometheus, 'timeout') ?? 5000,
      },
      environments,
      concurrency: prometheus?.getOptionalNumber('concurrency') ?? 8,
      cacheTtlMs: readMs(prometheus, 'cacheTtl') ?? 60_000,
    },
  };
}
