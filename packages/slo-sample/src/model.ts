/**
 * The counters of one service in one environment, minute by minute: what
 * the generator writes as samples and what the truth reads its numbers
 * from, so the two can never disagree.
 */
import {
  ABSENT,
  COARSE_STEP_SECONDS,
  FINE_SPAN_MINUTES,
  FINE_STEP_SECONDS,
  HISTORY_MINUTES,
  type Episode,
  type LatencyProfile,
  type Scenario,
  type SeriesPair,
} from './design';

const COARSE_EVERY = COARSE_STEP_SECONDS / FINE_STEP_SECONDS;

function inEpisode(episode: Episode, minute: number): boolean {
  if (!episode.every) return minute > episode.from && minute <= episode.to;
  // Shift the minute into the period of the first occurrence.
  const shifted =
    minute -
    Math.floor((minute - episode.from - 1) / episode.every) * episode.every;
  return shifted > episode.from && shifted <= episode.to;
}

/** A count the design says is whole; anything else is a mistake in the design. */
function whole(value: number, what: string): number {
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) > 1e-6) {
    throw new Error(
      `the design gives ${value} ${what} in a minute; choose rates whose counts per minute are whole numbers`,
    );
  }
  return rounded;
}

/** The names of the counters of a pair, as `PairModel.counter` takes them. */
export type CounterName = 'requests' | 'errors' | 'sumMs' | `bucket${number}`;

/**
 * Cumulative counters of one pair from the start of the history to the end
 * of the ahead span, one value per minute, all starting at 0 (the service
 * started when the history does).
 */
export class PairModel {
  /** First minute of the history (relative to `now`). */
  readonly firstMinute = -HISTORY_MINUTES;
  private readonly counters = new Map<CounterName, Float64Array>();

  static create(
    pair: SeriesPair,
    options: { aheadMinutes: number },
  ): PairModel {
    if (pair.scenario === ABSENT) {
      throw new Error(
        `${pair.service} in ${pair.environment} has no series to model`,
      );
    }
    return new PairModel(pair, pair.scenario, options.aheadMinutes);
  }

  private constructor(
    readonly pair: SeriesPair,
    readonly scenario: Scenario,
    readonly lastMinute: number,
  ) {
    const length = lastMinute - this.firstMinute + 1;
    const buckets = pair.metrics.latency?.buckets ?? [];
    const names: CounterName[] = ['requests', 'errors'];
    if (pair.metrics.latency) {
      names.push('sumMs', ...buckets.map((_, i) => `bucket${i}` as const));
    }
    for (const name of names) this.counters.set(name, new Float64Array(length));
    const requests = this.counters.get('requests')!;
    const errors = this.counters.get('errors')!;
    const sumMs = this.counters.get('sumMs');
    const bucketArrays = buckets.map(
      (_, i) => this.counters.get(`bucket${i}`)!,
    );

    for (let i = 1; i < length; i++) {
      const minute = this.firstMinute + i;
      const { errorRatio, latency } = this.behaviourAt(minute);
      const count = scenario.requestsPerMinute;
      requests[i] = requests[i - 1] + count;
      errors[i] = errors[i - 1] + whole(count * errorRatio, 'failed requests');
      if (latency && sumMs) {
        sumMs[i] =
          sumMs[i - 1] +
          whole(count * latency.meanSeconds * 1000, 'milliseconds of latency');
        bucketArrays.forEach((array, b) => {
          array[i] =
            array[i - 1] +
            whole(count * latency.atOrUnder[b], 'requests in a bucket');
        });
      }
    }
  }

  private behaviourAt(minute: number): {
    errorRatio: number;
    latency?: LatencyProfile;
  } {
    let { errorRatio, latency } = this.scenario;
    for (const episode of this.scenario.episodes ?? []) {
      if (!inEpisode(episode, minute)) continue;
      errorRatio = episode.errorRatio ?? errorRatio;
      latency = episode.latency ?? latency;
    }
    if (this.pair.metrics.latency && !latency) {
      throw new Error(
        `the scenario of ${this.pair.service} in ${this.pair.environment} needs a latency profile`,
      );
    }
    return { errorRatio, latency };
  }

  /** The value of a counter at the end of `minute`. */
  counter(name: CounterName, minute: number): number {
    return this.values(name)[minute - this.firstMinute];
  }

  /** All values of a counter, the first at the end of `firstMinute`. */
  values(name: CounterName): Float64Array {
    const array = this.counters.get(name);
    if (!array) {
      throw new Error(`${this.pair.service} has no counter "${name}"`);
    }
    return array;
  }

  /** Whether Prometheus holds a sample at the end of `minute`. */
  sampled(minute: number): boolean {
    if (minute < this.firstMinute || minute > this.lastMinute) return false;
    const { gap } = this.scenario;
    if (gap && minute > gap.from && minute <= gap.to) return false;
    return (
      this.pair.metrics.fullResolution === true ||
      minute >= -FINE_SPAN_MINUTES ||
      minute % COARSE_EVERY === 0
    );
  }

  /**
   * The first and last sampled minutes in `[from, to]`, or undefined when
   * there are fewer than two: Prometheus needs two samples for `increase`.
   */
  samplesIn(
    from: number,
    to: number,
  ): { first: number; last: number } | undefined {
    let first = Math.max(from, this.firstMinute);
    while (first <= to && !this.sampled(first)) first++;
    let last = Math.min(to, this.lastMinute);
    while (last > first && !this.sampled(last)) last--;
    return last > first ? { first, last } : undefined;
  }
}
