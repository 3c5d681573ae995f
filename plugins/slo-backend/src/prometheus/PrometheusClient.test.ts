import {
  PrometheusClient,
  PrometheusQueryError,
  PrometheusUnavailableError,
  type FetchFn,
} from './PrometheusClient';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function recordingFetch(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: Parameters<FetchFn>[1] }> = [];
  const fetch: FetchFn = async (url, init) => {
    calls.push({ url, init });
    return answer();
  };
  return { fetch, calls };
}

const NOW = new Date('2026-03-01T12:00:00Z');

describe('PrometheusClient', () => {
  it('POSTs an instant query as a form with the configured headers and token', async () => {
    const { fetch, calls } = recordingFetch(() =>
      json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { job: 'checkout' }, value: [1772366400, '0.995'] },
            { metric: { job: 'cart' }, value: [1772366400, 'NaN'] },
          ],
        },
      }),
    );
    const client = PrometheusClient.create({
      url: 'http://prometheus.test:9090/',
      headers: { 'X-Scope-OrgID': 'fleet' },
      bearerToken: 's3cret',
      timeoutMs: 1000,
      fetch,
    });

    const samples = await client.query('up', NOW);

    expect(samples).toEqual([
      { labels: { job: 'checkout' }, value: 0.995 },
      { labels: { job: 'cart' }, value: NaN },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('http://prometheus.test:9090/api/v1/query');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toMatchObject({
      'X-Scope-OrgID': 'fleet',
      Authorization: 'Bearer s3cret',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    const form = new URLSearchParams(calls[0].init.body);
    expect(form.get('query')).toBe('up');
    expect(form.get('time')).toBe(String(NOW.getTime() / 1000));
  });

  it('reads a scalar answer as one sample', async () => {
    const { fetch } = recordingFetch(() =>
      json({
        status: 'success',
        data: { resultType: 'scalar', result: [1772366400, '1'] },
      }),
    );
    const client = PrometheusClient.create({
      url: 'http://p',
      timeoutMs: 1000,
      fetch,
    });
    expect(await client.query('vector(1)', NOW)).toEqual([
      { labels: {}, value: 1 },
    ]);
  });

  it('asks a range query with start, end and step', async () => {
    const { fetch, calls } = recordingFetch(() =>
      json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { slo_window: 'sli' },
              values: [
                [100, '0.9'],
                [160, '0.95'],
              ],
            },
          ],
        },
      }),
    );
    const client = PrometheusClient.create({
      url: 'http://p',
      timeoutMs: 1000,
      fetch,
    });
    const series = await client.queryRange('x', {
      start: new Date(100_000),
      end: new Date(160_000),
      stepSeconds: 60,
    });
    expect(series).toEqual([
      {
        labels: { slo_window: 'sli' },
        points: [
          { t: 100, v: 0.9 },
          { t: 160, v: 0.95 },
        ],
      },
    ]);
    expect(calls[0].url).toBe('http://p/api/v1/query_range');
    const form = new URLSearchParams(calls[0].init.body);
    expect([form.get('start'), form.get('end'), form.get('step')]).toEqual([
      '100',
      '160',
      '60',
    ]);
  });

  it("turns a PromQL error into a query error with Prometheus's message", async () => {
    const { fetch } = recordingFetch(() =>
      json(
        {
          status: 'error',
          errorType: 'bad_data',
          error: "1:14: parse error: unexpected right parenthesis ')'",
        },
        400,
      ),
    );
    const client = PrometheusClient.create({
      url: 'http://p',
      timeoutMs: 1000,
      fetch,
    });
    const failure = client.query('sum(rate(x[5m])))', NOW);
    await expect(failure).rejects.toBeInstanceOf(PrometheusQueryError);
    await expect(failure).rejects.toMatchObject({
      errorType: 'bad_data',
      message: "1:14: parse error: unexpected right parenthesis ')'",
    });
  });

  it('reports a refused connection as Prometheus being unavailable', async () => {
    const fetch: FetchFn = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
          code: 'ECONNREFUSED',
        }),
      });
    };
    const client = PrometheusClient.create({
      url: 'http://127.0.0.1:1',
      timeoutMs: 1000,
      fetch,
    });
    const failure = client.query('up', NOW);
    await expect(failure).rejects.toBeInstanceOf(PrometheusUnavailableError);
    await expect(failure).rejects.toThrow(
      'Prometheus at http://127.0.0.1:1 refused the connection',
    );
  });

  it('gives up on a Prometheus that does not answer within the timeout', async () => {
    const fetch: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(init.signal.reason));
      });
    const client = PrometheusClient.create({
      url: 'http://blackhole',
      timeoutMs: 20,
      fetch,
    });
    await expect(client.query('up', NOW)).rejects.toThrow(
      'Prometheus at http://blackhole did not answer within 20 ms',
    );
  });

  it('tells an answer that is not the Prometheus API apart, with a hint for auth failures', async () => {
    const html = recordingFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
    );
    await expect(
      PrometheusClient.create({
        url: 'http://proxy',
        timeoutMs: 1000,
        fetch: html.fetch,
      }).query('up', NOW),
    ).rejects.toThrow(
      'Prometheus at http://proxy answered HTTP 502 without a Prometheus API response: is this the address of the Prometheus HTTP API?',
    );

    const denied = recordingFetch(
      () => new Response('Unauthorized', { status: 401 }),
    );
    await expect(
      PrometheusClient.create({
        url: 'http://guarded',
        timeoutMs: 1000,
        fetch: denied.fetch,
      }).query('up', NOW),
    ).rejects.toThrow('check the headers or bearer token configured for it');
  });
});
