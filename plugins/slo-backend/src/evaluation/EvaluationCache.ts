interface Entry<T> {
  version: string;
  value: T;
  computedAt: number;
}

interface Flight<T> {
  id: number;
  version: string;
  promise: Promise<Entry<T>>;
}

/**
 * Results by key (one key per Prometheus), valid for a TTL and for one
 * version of their inputs. Concurrent asks share one computation; a result
 * past its TTL is served while a single refresh runs behind it, so only a
 * cold key or changed inputs ever make a caller wait.
 */
export class EvaluationCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #flights = new Map<string, Flight<T>>();
  #lastFlightId = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      now: () => number;
      /** A refresh behind a stale result failed; the stale result stays. */
      onRefreshError: (key: string, error: unknown) => void;
    },
  ) {}

  async get(
    key: string,
    version: string,
    compute: () => Promise<T>,
  ): Promise<{ value: T; computedAt: number }> {
    const entry = this.#entries.get(key);
    if (entry && entry.version === version) {
      if (this.options.now() - entry.computedAt >= this.options.ttlMs) {
        this.start(key, version, compute).promise.catch(error =>
          this.options.onRefreshError(key, error),
        );
      }
      return { value: entry.value, computedAt: entry.computedAt };
    }
    const { value, computedAt } = await this.start(key, version, compute)
      .promise;
    return { value, computedAt };
  }

  /** Forgets keys that are no longer asked for (a Prometheus removed from config). */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const key of this.#entries.keys()) {
      if (!keep.has(key)) this.#entries.delete(key);
    }
  }

  private start(
    key: string,
    version: string,
    compute: () => Promise<T>,
  ): Flight<T> {
    const running = this.#flights.get(key);
    if (running && running.version === version) return running;
    const id = ++this.#lastFlightId;
    const isCurrent = () => this.#flights.get(key)?.id === id;
    const promise = (async () => {
      const value = await compute();
      const entry = { version, value, computedAt: this.options.now() };
      // A flight for older inputs never overwrites a newer result.
      if (isCurrent()) this.#entries.set(key, entry);
      return entry;
    })().finally(() => {
      if (isCurrent()) this.#flights.delete(key);
    });
    const flight: Flight<T> = { id, version, promise };
    this.#flights.set(key, flight);
    return flight;
  }
}
