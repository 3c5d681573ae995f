import { createHash } from 'node:crypto';
import type { Environment } from '@multicloud/plugin-environments-common';
import type { PrometheusConnection, SloSettings } from '../config';

/** The Prometheus that holds the series of one environment. */
export interface PrometheusTarget {
  /** Identity of the Prometheus with its credentials: one client, one cache entry. */
  key: string;
  url: string;
  connection: PrometheusConnection;
  /** Added to every selector of the environment's queries (shared Prometheus). */
  matchers: Record<string, string>;
  /** The config key or file field the URL came from, for messages. */
  origin: string;
}

function keyOf(url: string, connection: PrometheusConnection): string {
  // Two environments share a client only when they would send the same
  // requests; the credentials are hashed so the key never shows them.
  const credentials = createHash('sha256')
    .update(JSON.stringify([connection.headers, connection.bearerToken ?? '']))
    .digest('hex')
    .slice(0, 12);
  return `${url.replace(/\/+$/, '')}#${credentials}`;
}

function target(
  url: string,
  connection: PrometheusConnection,
  matchers: Record<string, string>,
  origin: string,
): PrometheusTarget {
  return { key: keyOf(url, connection), url, connection, matchers, origin };
}

/**
 * Where the series of an environment are: its own entry under
 * `slo.prometheus.environments`, else the shared `slo.prometheus.url` (with
 * the environment label), else the fleet file's
 * `observability.prometheus_url` (unless `slo.prometheus.fleetFileUrls` is
 * false). `undefined` when none of these is set.
 */
export function resolvePrometheus(
  environment: string,
  fleetEntry: Pick<Environment, 'observability'> | undefined,
  settings: SloSettings['prometheus'],
): PrometheusTarget | undefined {
  const { defaults } = settings;
  const own = settings.environments[environment];
  const connection: PrometheusConnection = {
    headers: own?.headers ?? defaults.headers,
    bearerToken: own?.bearerToken ?? defaults.bearerToken,
    timeoutMs: own?.timeoutMs ?? defaults.timeoutMs,
  };
  if (own?.url) {
    return target(
      own.url,
      connection,
      own.environmentLabel ? { [own.environmentLabel]: environment } : {},
      `slo.prometheus.environments.${environment}.url`,
    );
  }
  if (settings.url) {
    return target(
      settings.url,
      connection,
      { [own?.environmentLabel ?? settings.environmentLabel]: environment },
      'slo.prometheus.url',
    );
  }
  const fromFile = settings.fleetFileUrls
    ? fleetEntry?.observability?.prometheus_url
    : undefined;
  if (fromFile) {
    return target(
      fromFile,
      connection,
      {},
      `observability.prometheus_url of ${environment} in the fleet file`,
    );
  }
  return undefined;
}
