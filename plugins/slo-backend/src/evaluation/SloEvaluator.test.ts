import { ratioDefinition } from '../__testUtils__/definitions';
import { fakePrometheus, partsOf } from '../__testUtils__/fakePrometheus';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import type { PrometheusTarget } from '../prometheus/targets';
import { SloEvaluator, itemKey, type EvaluationItem } from './SloEvaluator';

const NOW = new Date('2026-03-01T12:00:00Z');

const shared: PrometheusTarget = {
  key: 'http://prometheus.test#0',
  url: 'http://prometheus.test',
  connection: { headers: {}, timeoutMs: 1000 },
  matchers: {},
  origin: 'slo.prometheus.url',
};

function item(
  id: string,
  environment: string,
  target = shared,
): EvaluationItem {
  return {
    definition: ratioDefinition({ id, name: id }),
    environment,
    target: { ...target, matchers: { environment } },
  };
}

/** Every window of the default pairs at the same burn rate. */
function allWindows(rate: number): Record<string, number> {
  return Object.fromEntries(
    ['5m', '1h', '30m', '6h', '2h', '1d', '3d'].map(w => [w, rate]),
  );
}

describe('SloEvaluator', () => {
  it('computes SLI, budget, burn rates and state from one query per SLO and environment', async () => {
    const { fetch, queries } = fakePrometheus(() => ({
      values: { sli: 0.995, ...allWindows(0.5) },
    }));
    const client = PrometheusClient.create({
      url: shared.url,
      timeoutMs: 1000,
      fetch,
    });
    const results = await new SloEvaluator({ concurrency: 4 }).evaluate(
      client,
      [item('checkout', 'workload-a'), item('checkout', 'workload-b')],
      NOW,
    );

    expect(queries).toHaveLength(2);
    expect(partsOf(queries[0].query)).toEqual([
      'sli',
      ...['1h', '5m', '6h', '30m', '1d', '2h', '3d'],
    ]);
    // Every selector is restricted to the environment of the item.
    expect(queries[0].query).toContain(
      'http_requests_total{job="checkout", code!~"5..", environment="workload-a"}',
    );
    expect(queries[1].query).toContain('environment="workload-b"');

    const status = results.get(itemKey('checkout', 'workload-a'))!;
    expect(status.state).toBe('ok');
    expect(status.sli).toBe(0.995);
    expect(status.met).toBe(true);
    expect(status.budget).toBeCloseTo(0.01, 12);
    expect(status.budgetRemaining).toBeCloseTo(0.5, 12);
    expect(status.evaluatedAt).toBe(NOW.toISOString());
    expect(status.burnRates).toEqual([
      expect.objectContaining({
        long: '1h',
        short: '5m',
        factor: 14.4,
        longRate: 0.5,
        shortRate: 0.5,
        firing: false,
      }),
      expect.objectContaining({
        long: '6h',
        short: '30m',
        factor: 6,
        firing: false,
      }),
      expect.objectContaining({
        long: '1d',
        short: '2h',
        factor: 3,
        firing: false,
      }),
      expect.objectContaining({
        long: '3d',
        short: '6h',
        factor: 1,
        firing: false,
      }),
    ]);
  });

  it('fires an alert only when both of its windows burn faster than its factor', async () => {
    const { fetch } = fakePrometheus(() => ({
      values: { sli: 0.995, ...allWindows(0.5), '1h': 20, '5m': 16, '6h': 7 },
    }));
    const results = await new SloEvaluator({ concurrency: 1 }).evaluate(
      PrometheusClient.create({ url: shared.url, timeoutMs: 1000, fetch }),
      [item('checkout', 'workload-a')],
      NOW,
    );
    const status = results.get(itemKey('checkout', 'workload-a'))!;
    expect(status.burnRates.map(b => b.firing)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(status.state).toBe('breached');
  });

  it('says no-data, and where it looked, when Prometheus has no series for the SLI', async () => {
    const { fetch } = fakePrometheus(() => ({ values: { sli: NaN } }));
    const results = await new SloEvaluator({ concurrency: 1 }).evaluate(
      PrometheusClient.create({ url: shared.url, timeoutMs: 1000, fetch }),
      [item('checkout', 'workload-a')],
      NOW,
    );
    const status = results.get(itemKey('checkout', 'workload-a'))!;
    expect(status.state).toBe('no-data');
    expect(status.sli).toBeUndefined();
    expect(status.burnRates.every(b => b.longRate === null)).toBe(true);
    expect(status.error).toContain(
      'has no data for the SLI over the 28d window with environment="workload-a"',
    );
  });

  it("makes a PromQL error the error of that SLO alone, with Prometheus's message", async () => {
    const { fetch } = fakePrometheus(query =>
      query.includes('broken')
        ? {
            error: {
              errorType: 'bad_data',
              message:
                'invalid parameter "query": 1:10: parse error: unexpected character',
            },
          }
        : { values: { sli: 0.999, ...allWindows(0.1) } },
    );
    const broken: EvaluationItem = {
      ...item('broken', 'workload-a'),
      definition: ratioDefinition({
        id: 'broken',
        indicator: {
          kind: 'ratio',
          form: 'bad-total',
          bad: 'broken_total{code=~"5.."}',
          total: 'broken_total',
        },
      }),
    };
    const results = await new SloEvaluator({ concurrency: 2 }).evaluate(
      PrometheusClient.create({ url: shared.url, timeoutMs: 1000, fetch }),
      [broken, item('checkout', 'workload-a')],
      NOW,
    );
    expect(results.get(itemKey('broken', 'workload-a'))).toMatchObject({
      state: 'error',
      error:
        'Prometheus rejected the query (bad_data): invalid parameter "query": 1:10: parse error: unexpected character',
    });
    expect(results.get(itemKey('checkout', 'workload-a'))?.state).toBe('ok');
  });

  it('marks every SLO of a Prometheus that cannot be reached unknown, and stops asking it', async () => {
    const { fetch, queries } = fakePrometheus(() => ({ refused: true }));
    const items = Array.from({ length: 20 }, (_, i) =>
      item(`slo-${i}`, 'workload-a'),
    );
    const results = await new SloEvaluator({ concurrency: 2 }).evaluate(
      PrometheusClient.create({ url: shared.url, timeoutMs: 1000, fetch }),
      items,
      NOW,
    );
    expect(queries.length).toBeLessThanOrEqual(2);
    expect(results.size).toBe(20);
    for (const status of results.values()) {
      expect(status.state).toBe('unknown');
      expect(status.error).toBe(
        'Prometheus at http://prometheus.test refused the connection. Check that Prometheus runs and that slo.prometheus.url points at its HTTP API.',
      );
    }
  });

  it('asks for aggregated queries when the SLI gives several series', async () => {
    const { fetch } = fakePrometheus(() => ({
      values: { sli: [0.99, 0.98], ...allWindows(1) },
    }));
    const results = await new SloEvaluator({ concurrency: 1 }).evaluate(
      PrometheusClient.create({ url: shared.url, timeoutMs: 1000, fetch }),
      [item('checkout', 'workload-a')],
      NOW,
    );
    const status = results.get(itemKey('checkout', 'workload-a'))!;
    expect(status.state).toBe('error');
    expect(status.error).toContain(
      'the SLI query gives 2 series where one is expected',
    );
  });
});
