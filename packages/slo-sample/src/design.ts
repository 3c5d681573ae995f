/**
 * What the sample Prometheus holds: which series each sample service has,
 * and how many requests, errors and slow requests each of them counts in
 * each minute of each environment. Everything is relative to `now`, so the
 * same design gives the same SLIs whenever it is generated, and the truth
 * (`truth.ts`) is computed from these numbers, not measured.
 *
 * Time is counted in minutes relative to `now`: minute `j` is the interval
 * `(now + (j - 1) min, now + j min]`, so minute 0 ends at `now` and minute
 * -59 starts an hour before it.
 */
import type { Environment } from '@multicloud/plugin-environments-common';

/** Seconds between samples over the last days and ahead of `now`. */
export const FINE_STEP_SECONDS = 60;
/**
 * Seconds between samples further back. Five times fewer samples keep the
 * backfill fast; every SLO window of the samples still starts on a sample
 * because `now` is a multiple of this step.
 */
export const COARSE_STEP_SECONDS = 300;
/** How far back samples come every minute: past the longest burn-rate window (3d). */
export const FINE_SPAN_MINUTES = 4 * 1440;
/** How far back the series go: past the longest SLO window (a 31-day month). */
export const HISTORY_MINUTES = 35 * 1440;
/**
 * How far past `now` the series run by default. Prometheus answers a query
 * at time t from samples up to t only, so samples ahead of `now` change no
 * answer at `now`; they let a portal that keeps running see live-looking
 * data for that long.
 */
export const DEFAULT_AHEAD_MINUTES = 2 * 1440;

const DAY = 1440;

/** `now` as the design uses it: rounded down to the coarse step. */
export function alignNow(date: Date): Date {
  const step = COARSE_STEP_SECONDS * 1000;
  return new Date(Math.floor(date.getTime() / step) * step);
}

/** How the latencies of one minute's requests spread over the histogram buckets. */
export interface LatencyProfile {
  /** Fraction of the requests at or under each bucket bound (cumulative, same order as the buckets). */
  atOrUnder: number[];
  /** Mean latency in seconds (the histogram's `_sum`). */
  meanSeconds: number;
}

/** Minutes `j` with `from < j <= to` behave differently. */
export interface Episode {
  from: number;
  to: number;
  errorRatio?: number;
  latency?: LatencyProfile;
  /** Repeats every that many minutes, before and after (a nightly job). */
  every?: number;
}

/** The traffic of one service in one environment. */
export interface Scenario {
  /** What it shows, for people reading the CLI output and the README. */
  summary: string;
  requestsPerMinute: number;
  /** Fraction of requests that fail outside episodes. */
  errorRatio: number;
  /** Latency outside episodes, for services with a latency histogram. */
  latency?: LatencyProfile;
  episodes?: Episode[];
  /**
   * No samples for minutes `from < j <= to` (the scrapes were lost; the
   * counters kept counting, as a running service's do).
   */
  gap?: { from: number; to: number };
}

/** A service whose series were never collected in that environment. */
export const ABSENT = 'absent' as const;

/** The series one service exposes. */
export interface ServiceMetrics {
  /** A request counter with one series for successes and one for failures. */
  requests?: {
    /** Family name (OpenMetrics: without `_total`). */
    family: string;
    help: string;
    /** The label that holds the outcome, and its value for each. */
    label: string;
    ok: string;
    error: string;
  };
  /** A latency histogram. */
  latency?: {
    family: string;
    help: string;
    /** Upper bounds in seconds, ascending; `+Inf` is added. */
    buckets: number[];
  };
  /**
   * Sampled every minute for the whole history: its SLO counts one-minute
   * time slices over the whole window, which needs a sample every minute.
   */
  fullResolution?: boolean;
}

/** The label naming the service of every series. */
export const SERVICE_LABEL = 'service';
/** The label naming the environment of every series (the SLO backend's default). */
export const ENVIRONMENT_LABEL = 'environment';

const GRPC_REQUESTS: ServiceMetrics['requests'] = {
  family: 'grpc_server_handled',
  help: 'Completed gRPC calls by status code.',
  label: 'grpc_code',
  ok: 'OK',
  error: 'Unavailable',
};

const HTTP_REQUESTS: ServiceMetrics['requests'] = {
  family: 'http_requests',
  help: 'Completed HTTP requests by status code.',
  label: 'code',
  ok: '200',
  error: '503',
};

/** The sample components of `examples/entities.yaml` and their series. */
export const SAMPLE_SERVICES: Readonly<Record<string, ServiceMetrics>> = {
  'ledger-peer': { requests: GRPC_REQUESTS },
  'ledger-orderer': { requests: GRPC_REQUESTS },
  'ledger-gateway': {
    requests: HTTP_REQUESTS,
    latency: {
      family: 'http_request_duration_seconds',
      help: 'Latency of HTTP requests.',
      buckets: [0.1, 0.25, 0.5, 1],
    },
  },
  'ledger-explorer': { requests: HTTP_REQUESTS },
  'hsm-gateway': {
    latency: {
      family: 'hsm_sign_duration_seconds',
      help: 'Latency of signing operations on the hardware security modules.',
      buckets: [0.1, 0.25, 1],
    },
    fullResolution: true,
  },
};

const GATEWAY_NORMAL: LatencyProfile = {
  atOrUnder: [0.9, 0.97, 0.998, 0.9995],
  meanSeconds: 0.06,
};
const GATEWAY_REGRESSION: LatencyProfile = {
  atOrUnder: [0.4, 0.7, 0.92, 0.985],
  meanSeconds: 0.25,
};
const HSM_NORMAL: LatencyProfile = {
  atOrUnder: [0.95, 0.998, 0.9995],
  meanSeconds: 0.04,
};
const HSM_SLOW: LatencyProfile = {
  atOrUnder: [0.6, 0.95, 0.995],
  meanSeconds: 0.18,
};

/** Outside the sample fleet's design every service is healthy. */
export const DEFAULT_SCENARIOS: Readonly<Record<string, Scenario>> = {
  'ledger-peer': {
    summary: 'healthy',
    requestsPerMinute: 10000,
    errorRatio: 0.0002,
  },
  'ledger-orderer': {
    summary: 'healthy',
    requestsPerMinute: 10000,
    errorRatio: 0.0003,
  },
  'ledger-gateway': {
    summary: 'healthy',
    requestsPerMinute: 10000,
    errorRatio: 0.0001,
    latency: GATEWAY_NORMAL,
  },
  'ledger-explorer': {
    summary: 'healthy',
    requestsPerMinute: 1000,
    errorRatio: 0.001,
  },
  'hsm-gateway': {
    summary: 'healthy',
    requestsPerMinute: 6000,
    errorRatio: 0,
    latency: HSM_NORMAL,
  },
};

/**
 * The sample fleet's design, by service and environment. The comments give
 * the numbers the truth works out (objectives from `config/slos`).
 */
export const SAMPLE_SCENARIOS: Readonly<
  Record<string, Readonly<Record<string, Scenario | typeof ABSENT>>>
> = {
  'ledger-peer': {
    // 0.01 % errors: burn rate 0.1 everywhere, 90 % of the budget left.
    'workload-azure-westeurope': {
      summary: 'healthy',
      requestsPerMinute: 10000,
      errorRatio: 0.0001,
    },
    // The canary burns fast: 3 % errors for the last 50 minutes. 1h burn
    // 25.0 and 5m burn 30 > 14.4: the page alert fires; 6h burn 4.3 < 6.
    'workload-aws-useast1': {
      summary: 'fast burn: 3 % errors for the last 50 minutes (page)',
      requestsPerMinute: 10000,
      errorRatio: 0.0002,
      episodes: [{ from: -50, to: Infinity, errorRatio: 0.03 }],
    },
    // Half the requests failed for two hours ten days ago: the 28-day
    // budget is overspent (about -69 %) although nothing burns now.
    'workload-aws-apsoutheast1': {
      summary: 'budget overspent: a two-hour outage ten days ago',
      requestsPerMinute: 10000,
      errorRatio: 0.0002,
      episodes: [{ from: -10 * DAY - 120, to: -10 * DAY, errorRatio: 0.5 }],
    },
    // 0.4 % errors for two days: burn 4 over 1d and 2h (> 3) and 2.7 over
    // 3d, 4 over 6h (> 1): both ticket alerts fire, no page (6h burn 4 < 6).
    'workload-gcp-europewest4': {
      summary: 'slow burn: 0.4 % errors for two days (ticket)',
      requestsPerMinute: 10000,
      errorRatio: 0.0002,
      episodes: [{ from: -2 * DAY, to: Infinity, errorRatio: 0.004 }],
    },
    // The peer's metrics were never collected there.
    'workload-ibm-ussouth': ABSENT,
    // An hour of 50 % errors twenty days ago used 84 % of the budget: 16 %
    // left is under the 25 % warning threshold.
    'workload-oracle-frankfurt': {
      summary: 'budget low: an hour of errors twenty days ago',
      requestsPerMinute: 10000,
      errorRatio: 0.0001,
      episodes: [{ from: -20 * DAY - 60, to: -20 * DAY, errorRatio: 0.5 }],
    },
    // An hour of 4 % errors that ended two hours ago: the 6h burn (6.9)
    // is above 6 but the 30m one (0.3) is not, so the page has stopped.
    'hci-azurestack-fra01': {
      summary: 'recovered: an hour of errors that ended two hours ago',
      requestsPerMinute: 10000,
      errorRatio: 0.0003,
      episodes: [{ from: -180, to: -120, errorRatio: 0.04 }],
    },
    // The site's metrics stopped arriving 20 minutes ago: no 5m burn rate.
    'hci-vsphere-ams01': {
      summary: 'gap: no samples for the last 20 minutes',
      requestsPerMinute: 10000,
      errorRatio: 0.0002,
      gap: { from: -20, to: Infinity },
    },
  },
  'ledger-gateway': {
    'workload-azure-westeurope': DEFAULT_SCENARIOS['ledger-gateway'],
    // A release made 8 % of requests slower than 500 ms six hours ago:
    // latency burn 8 over 6h and 30m (> 6, page), 2.2 over 1d (< 3).
    'workload-aws-useast1': {
      summary: 'latency regression for the last six hours (page)',
      requestsPerMinute: 10000,
      errorRatio: 0.0001,
      latency: GATEWAY_NORMAL,
      episodes: [{ from: -360, to: Infinity, latency: GATEWAY_REGRESSION }],
    },
    // Two hours of 5 % errors two days ago use part of this month's
    // availability budget (how much depends on the day of the month).
    'workload-aws-apsoutheast1': {
      summary: 'two hours of errors two days ago',
      requestsPerMinute: 10000,
      errorRatio: 0.0001,
      latency: GATEWAY_NORMAL,
      episodes: [{ from: -2 * DAY - 120, to: -2 * DAY, errorRatio: 0.05 }],
    },
  },
  'hsm-gateway': {
    // Every night eight minutes of slow signing (5 % over 250 ms) spoil 12
    // one-minute slices (the p99 reads the last five minutes): 336 of the
    // window's 40321 slices, 83 % of a 99 % budget: warning.
    'hci-azurestack-fra01': {
      summary: 'nightly slow signing: 83 % of the time-slice budget used',
      requestsPerMinute: 6000,
      errorRatio: 0,
      latency: HSM_NORMAL,
      episodes: [{ from: -188, to: -180, every: DAY, latency: HSM_SLOW }],
    },
  },
};

/** One service in one environment, with its traffic. */
export interface SeriesPair {
  service: string;
  environment: string;
  metrics: ServiceMetrics;
  /** `absent` when no series exist for the pair. */
  scenario: Scenario | typeof ABSENT;
}

/**
 * The services of the sample catalogue that each enabled environment runs
 * (its `components`), with their scenario: the sample fleet's design, or
 * healthy traffic for environments it does not name.
 */
export function planSeries(
  environments: ReadonlyArray<Environment>,
): SeriesPair[] {
  const pairs: SeriesPair[] = [];
  for (const environment of environments) {
    if (!environment.enabled) continue;
    for (const service of environment.components ?? []) {
      const metrics = SAMPLE_SERVICES[service];
      if (!metrics) continue;
      pairs.push({
        service,
        environment: environment.name,
        metrics,
        scenario:
          SAMPLE_SCENARIOS[service]?.[environment.name] ??
          DEFAULT_SCENARIOS[service],
      });
    }
  }
  return pairs;
}
