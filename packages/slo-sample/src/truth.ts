/**
 * What an SLO evaluation of the sample series must find, worked out from
 * the design (`design.ts`) rather than from Prometheus: the SLI over each
 * SLO's window, the budget left, and the burn rate over both windows of
 * every alert pair, for the sample SLOs of `config/slos`.
 *
 * The numbers follow Prometheus 2 (the version the harness runs), queried
 * at `now` exactly:
 *
 * - A range `[w]` at time t holds the samples with `t - w <= time <= t`
 *   (both ends). `increase` over it is the last sample minus the first one,
 *   scaled up to the range when the samples do not reach its ends; every
 *   series of a service is sampled at the same times, so the scale cancels
 *   in a ratio. An occurrences SLI over a window is therefore
 *
 *       good(last) - good(first)
 *       ------------------------   (first, last: the window's first and last sample)
 *       total(last) - total(first)
 *
 *   With `now` and every window a multiple of the sample step (`now` is
 *   rounded down to 5 minutes; the windows start on samples), this is the
 *   exact share of good requests in the window. A window with fewer than two
 *   samples (a gap) has no value.
 * - A time-slice SLI (`Timeslices`) evaluates its indicator at every slice
 *   end `now - w, ..., now` (a subquery includes both ends, so a 28-day
 *   window has 40321 one-minute slices). The sample indicator is
 *   `histogram_quantile(q, rate(bucket[r]))` compared with a bucket bound:
 *   the quantile is at or under the bound exactly when that bucket holds at
 *   least `q` of the requests of the last `r` minutes.
 * - Burn rate over w = error ratio over w / (1 - objective); a pair fires
 *   when both of its rates are above its factor. Budget left = 1 - (1 -
 *   SLI) / (1 - objective). The state follows slo-common's `sloState`.
 *
 * Evaluated later than `now` (a portal that keeps running), the windows
 * slide over the same design and the numbers drift away from these.
 */
import type { Environment } from '@multicloud/plugin-environments-common';
import {
  DEFAULT_BURN_RATE_WINDOWS,
  budgetRemaining,
  burnRateStatus,
  durationSeconds,
  errorBudget,
  sloEnvironments,
  sloState,
  windowElapsedSeconds,
  type BudgetingMethod,
  type BurnRate,
  type BurnRateWindow,
  type SloEnvironments,
  type SloState,
  type SloWindow,
} from '@multicloud/plugin-slo-common';
import {
  ABSENT,
  SAMPLE_SERVICES,
  alignNow,
  planSeries,
  type SeriesPair,
} from './design';
import { PairModel } from './model';

/** What the sample SLO counts, in terms of the series the design writes. */
export type SampleIndicator =
  /** Bad: requests with the error code; total: all requests. */
  | { kind: 'errors' }
  /** Good: requests at or under a bucket bound of the latency histogram. */
  | { kind: 'latency'; bound: number }
  /** A slice is good when the `quantile` of the last `rateMinutes` minutes is at or under `bound` (a bucket bound). */
  | { kind: 'quantile'; quantile: number; bound: number; rateMinutes: number };

/** One SLO of `config/slos`, as the truth needs it. */
export interface SampleSlo {
  /** The id the SLO backend gives it. */
  id: string;
  /** The file under `config/slos` that defines it. */
  file: string;
  service: string;
  objective: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  /** Length of a time slice, in minutes (Timeslices). */
  sliceMinutes?: number;
  environments: SloEnvironments;
  indicator: SampleIndicator;
  alertWindows: ReadonlyArray<BurnRateWindow>;
}

const DEFAULT_ALERTS = DEFAULT_BURN_RATE_WINDOWS.map(
  ({ long, short, factor, severity }) => ({ long, short, factor, severity }),
);

/** The sample SLOs, one entry per definition in `config/slos`. */
export const SAMPLE_SLOS: ReadonlyArray<SampleSlo> = [
  {
    id: 'ledger-peer-availability',
    file: 'ledger-peer.yaml',
    service: 'ledger-peer',
    objective: 0.999,
    window: { kind: 'rolling', duration: '28d' },
    budgetingMethod: 'Occurrences',
    environments: { kind: 'only', patterns: ['workload-*', 'hci-*'] },
    indicator: { kind: 'errors' },
    alertWindows: DEFAULT_ALERTS,
  },
  {
    id: 'ledger-gateway-latency',
    file: 'ledger-gateway.yaml',
    service: 'ledger-gateway',
    objective: 0.99,
    window: { kind: 'rolling', duration: '28d' },
    budgetingMethod: 'Occurrences',
    environments: {
      kind: 'only',
      patterns: ['workload-azure-westeurope', 'workload-aws-*'],
    },
    indicator: { kind: 'latency', bound: 0.5 },
    alertWindows: DEFAULT_ALERTS,
  },
  {
    id: 'ledger-gateway-availability',
    file: 'ledger-gateway.yaml',
    service: 'ledger-gateway',
    objective: 0.9995,
    window: {
      kind: 'calendar',
      duration: '1M',
      startTime: '2026-01-01 00:00:00',
      timeZone: 'UTC',
    },
    budgetingMethod: 'Occurrences',
    environments: {
      kind: 'only',
      patterns: ['workload-azure-westeurope', 'workload-aws-*'],
    },
    indicator: { kind: 'errors' },
    alertWindows: DEFAULT_ALERTS,
  },
  {
    id: 'ledger-explorer-availability',
    file: 'ledger-explorer.yaml',
    service: 'ledger-explorer',
    objective: 0.995,
    window: { kind: 'rolling', duration: '7d' },
    budgetingMethod: 'Occurrences',
    environments: { kind: 'only', patterns: ['workload-gcp-europewest4'] },
    indicator: { kind: 'errors' },
    alertWindows: DEFAULT_ALERTS,
  },
  {
    id: 'hsm-gateway-signing-latency',
    file: 'hsm-gateway.yaml',
    service: 'hsm-gateway',
    objective: 0.99,
    window: { kind: 'rolling', duration: '28d' },
    budgetingMethod: 'Timeslices',
    sliceMinutes: 1,
    environments: { kind: 'only', patterns: ['hci-azurestack-fra01'] },
    indicator: {
      kind: 'quantile',
      quantile: 0.99,
      bound: 0.25,
      rateMinutes: 5,
    },
    alertWindows: DEFAULT_ALERTS,
  },
  {
    id: 'ledger-orderer-requests-availability',
    file: 'ledger-orderer.sloth.yaml',
    service: 'ledger-orderer',
    objective: 0.999,
    window: { kind: 'rolling', duration: '30d' },
    budgetingMethod: 'Occurrences',
    environments: { kind: 'only', patterns: ['workload-aws-useast1'] },
    indicator: { kind: 'errors' },
    alertWindows: DEFAULT_ALERTS,
  },
];

/**
 * How far a value computed by Prometheus at `now` may be from the truth:
 * only float rounding separates them (sums of float64 counters below 2^53).
 */
export const TRUTH_TOLERANCE = 1e-9;

/** What the evaluation of one SLO in one environment must give. */
export interface SloEnvironmentTruth {
  sloId: string;
  environment: string;
  /** The scenario of the design behind the numbers. */
  scenario: string;
  state: SloState;
  /** SLI over the SLO window; null without data. */
  sli: number | null;
  budgetRemaining: number | null;
  /** The range of the SLI query in seconds (the elapsed part of a calendar window). */
  windowSeconds: number;
  burnRates: BurnRate[];
}

/** The truth of every sample SLO in every environment it is evaluated in. */
export interface SampleTruth {
  /** `now` as used (rounded down to 5 minutes): query at this time. */
  now: Date;
  slos: SloEnvironmentTruth[];
}

/** The error ratio of an SLO over the `minutes` before `now`; null without data. */
function errorRatio(
  slo: SampleSlo,
  model: PairModel,
  minutes: number,
  nowMinute: number,
): number | null {
  const { indicator } = slo;
  if (indicator.kind === 'quantile') {
    const slice = slo.sliceMinutes ?? 1;
    const bucket = bucketCounter(slo, indicator.bound);
    let good = 0;
    let total = 0;
    for (let end = -minutes; end <= 0; end++) {
      // Subquery steps are multiples of the slice since the epoch.
      if ((nowMinute + end) % slice !== 0) continue;
      const samples = model.samplesIn(end - indicator.rateMinutes, end);
      if (!samples) continue;
      total++;
      const count =
        model.counter('requests', samples.last) -
        model.counter('requests', samples.first);
      const atOrUnder =
        model.counter(bucket, samples.last) -
        model.counter(bucket, samples.first);
      if (count > 0 && atOrUnder >= indicator.quantile * count) good++;
    }
    return total === 0 ? null : 1 - good / total;
  }
  const samples = model.samplesIn(-minutes, 0);
  if (!samples) return null;
  const delta = (name: Parameters<PairModel['counter']>[0]) =>
    model.counter(name, samples.last) - model.counter(name, samples.first);
  const total = delta('requests');
  if (total === 0) return null;
  if (indicator.kind === 'errors') return delta('errors') / total;
  return (total - delta(bucketCounter(slo, indicator.bound))) / total;
}

function bucketCounter(slo: SampleSlo, bound: number): `bucket${number}` {
  const buckets = SAMPLE_SERVICES[slo.service]?.latency?.buckets ?? [];
  const index = buckets.indexOf(bound);
  if (index < 0) {
    throw new Error(
      `${slo.id}: ${bound} is not a bucket bound of ${
        slo.service
      } (${buckets.join(', ')})`,
    );
  }
  return `bucket${index}`;
}

function windowSecondsOf(slo: SampleSlo, now: Date): number {
  return slo.window.kind === 'rolling'
    ? durationSeconds(slo.window.duration)
    : windowElapsedSeconds(slo.window, now);
}

/** The truth of one SLO in one environment. */
function truthOf(
  slo: SampleSlo,
  environment: string,
  pair: SeriesPair | undefined,
  model: PairModel | undefined,
  now: Date,
): SloEnvironmentTruth {
  const windowSeconds = windowSecondsOf(slo, now);
  const nowMinute = now.getTime() / 60000;
  const ratio = (seconds: number) =>
    model ? errorRatio(slo, model, seconds / 60, nowMinute) : null;
  const burn = (window: string) => {
    const r = ratio(durationSeconds(window));
    return r === null ? null : r / errorBudget(slo.objective);
  };
  const windowRatio = ratio(windowSeconds);
  const sli = windowRatio === null ? null : 1 - windowRatio;
  const remaining = sli === null ? null : budgetRemaining(sli, slo.objective);
  const burnRates = slo.alertWindows.map(w =>
    burnRateStatus(w, burn(w.long), burn(w.short)),
  );
  return {
    sloId: slo.id,
    environment,
    scenario:
      !pair || pair.scenario === ABSENT ? 'no series' : pair.scenario.summary,
    state: sloState({
      sli: sli ?? undefined,
      budgetRemaining: remaining ?? undefined,
      burnRates,
    }),
    sli,
    budgetRemaining: remaining,
    windowSeconds,
    burnRates,
  };
}

/**
 * The truth of the sample SLOs for a fleet at `now` (rounded down to 5
 * minutes, as the generator does): one entry per SLO and enabled
 * environment it applies to, in SLO and fleet order.
 */
export function computeTruth(
  environments: ReadonlyArray<Environment>,
  now: Date,
): SampleTruth {
  const aligned = alignNow(now);
  const pairs = new Map(
    planSeries(environments).map(p => [
      `${p.service}\u0000${p.environment}`,
      p,
    ]),
  );
  const models = new Map<SeriesPair, PairModel>();
  const modelOf = (pair: SeriesPair | undefined) => {
    if (!pair || pair.scenario === ABSENT) return undefined;
    let model = models.get(pair);
    if (!model) {
      model = PairModel.create(pair, { aheadMinutes: 0 });
      models.set(pair, model);
    }
    return model;
  };
  const slos: SloEnvironmentTruth[] = [];
  for (const slo of SAMPLE_SLOS) {
    for (const environment of sloEnvironments(slo, environments)) {
      const pair = pairs.get(`${slo.service}\u0000${environment.name}`);
      slos.push(truthOf(slo, environment.name, pair, modelOf(pair), aligned));
    }
  }
  return { now: aligned, slos };
}
