import { EvaluationCache } from './EvaluationCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  let now = 1_000_000;
  const refreshErrors: unknown[] = [];
  const cache = new EvaluationCache<string>({
    ttlMs: 60_000,
    now: () => now,
    onRefreshError: (_key, error) => refreshErrors.push(error),
  });
  return {
    cache,
    refreshErrors,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('EvaluationCache', () => {
  it('computes once for concurrent asks and serves the result within the TTL', async () => {
    const { cache, advance } = setup();
    const computation = deferred<string>();
    const compute = jest.fn(() => computation.promise);

    const first = cache.get('prom-a', 'v1', compute);
    const second = cache.get('prom-a', 'v1', compute);
    computation.resolve('result');

    expect(await first).toEqual({ value: 'result', computedAt: 1_000_000 });
    expect(await second).toEqual({ value: 'result', computedAt: 1_000_000 });
    advance(59_999);
    expect((await cache.get('prom-a', 'v1', compute)).value).toBe('result');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps each key apart', async () => {
    const { cache } = setup();
    const a = await cache.get('prom-a', 'v1', async () => 'a');
    const b = await cache.get('prom-b', 'v1', async () => 'b');
    expect([a.value, b.value]).toEqual(['a', 'b']);
  });

  it('serves a stale result at once while one refresh runs behind it', async () => {
    const { cache, advance } = setup();
    await cache.get('prom-a', 'v1', async () => 'old');
    advance(60_000);

    const refresh = deferred<string>();
    const compute = jest.fn(() => refresh.promise);
    expect((await cache.get('prom-a', 'v1', compute)).value).toBe('old');
    expect((await cache.get('prom-a', 'v1', compute)).value).toBe('old');
    expect(compute).toHaveBeenCalledTimes(1);

    refresh.resolve('new');
    await refresh.promise;
    await new Promise(r => setImmediate(r));
    expect((await cache.get('prom-a', 'v1', compute)).value).toBe('new');
  });

  it('keeps the stale result when its refresh fails, and reports the failure', async () => {
    const { cache, advance, refreshErrors } = setup();
    await cache.get('prom-a', 'v1', async () => 'old');
    advance(60_000);
    const failure = new Error('boom');
    expect(
      (
        await cache.get('prom-a', 'v1', async () => {
          throw failure;
        })
      ).value,
    ).toBe('old');
    await new Promise(r => setImmediate(r));
    expect(refreshErrors).toEqual([failure]);
    expect((await cache.get('prom-a', 'v1', async () => 'next')).value).toBe(
      'old',
    );
  });

  it('computes again, and waits, when the inputs changed', async () => {
    const { cache } = setup();
    await cache.get('prom-a', 'v1', async () => 'for v1');
    expect((await cache.get('prom-a', 'v2', async () => 'for v2')).value).toBe(
      'for v2',
    );
  });

  it('never lets a computation for older inputs overwrite a newer result', async () => {
    const { cache } = setup();
    const slow = deferred<string>();
    const old = cache.get('prom-a', 'v1', () => slow.promise);
    const current = await cache.get('prom-a', 'v2', async () => 'for v2');
    slow.resolve('for v1');
    await old;
    expect(current.value).toBe('for v2');
    expect(
      (await cache.get('prom-a', 'v2', async () => 'recomputed')).value,
    ).toBe('for v2');
  });

  it('forgets keys that are no longer asked for', async () => {
    const { cache } = setup();
    await cache.get('prom-a', 'v1', async () => 'a');
    cache.retain(['prom-b']);
    expect((await cache.get('prom-a', 'v1', async () => 'again')).value).toBe(
      'again',
    );
  });
});
