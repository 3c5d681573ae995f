import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { SloDefinition } from '@multicloud/plugin-slo-common';
import { ratioDefinition } from '../__testUtils__/definitions';
import { fakePrometheus, partsOf } from '../__testUtils__/fakePrometheus';
import { readSloSettings } from '../config';
import type { FetchFn } from '../prometheus/PrometheusClient';
import { SloRegistry } from './SloRegistry';
import { SloService } from './SloService';

const WINDOWS = ['5m', '1h', '30m', '6h', '2h', '1d', '3d'];

function setup(options: { definitions: SloDefinition[]; fetch: FetchFn }) {
  let now = new Date('2026-03-01T12:00:00Z').getTime();
  const settings = readSloSettings(
    new ConfigReader({
      slo: {
        prometheus: {
          cacheTtl: { seconds: 60 },
          environments: {
            'workload-up': { url: 'http://up.test' },
            'workload-down': { url: 'http://down.test' },
          },
        },
      },
    }),
  );
  const registry = SloRegistry.create({
    definitions: {
      read: async () => ({ definitions: options.definitions, problems: [] }),
    },
    configuredEnvironments: Object.keys(settings.prometheus.environments),
    logger: mockServices.logger.mock(),
  });
  const service = SloService.create({
    registry,
    settings: settings.prometheus,
    logger: mockServices.logger.mock(),
    fetch: options.fetch,
    now: () => new Date(now),
  });
  return {
    service,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** `up.test` answers with the SLI of the SLO's job; `down.test` refuses. */
function twoPrometheus(sli: Record<string, number>) {
  return fakePrometheus((query, url) => {
    if (url.startsWith('http://down.test')) return { refused: true };
    const job = /job="([^"]+)"/.exec(query)?.[1] ?? '';
    return {
      values: {
        sli: sli[job],
        ...Object.fromEntries(WINDOWS.map(w => [w, 0.2])),
      },
    };
  });
}

const checkout = ratioDefinition({ id: 'checkout', name: 'checkout' });
const cart = ratioDefinition({
  id: 'cart',
  name: 'cart',
  entityRef: 'component:default/cart',
  indicator: {
    kind: 'ratio',
    form: 'good-total',
    good: 'http_requests_total{job="cart",code!~"5.."}',
    total: 'http_requests_total{job="cart"}',
  },
});

describe('SloService', () => {
  it('evaluates each Prometheus on its own: a refused one leaves the other answering', async () => {
    const prometheus = twoPrometheus({ checkout: 0.999, cart: 0.992 });
    const { service } = setup({
      definitions: [checkout, cart],
      fetch: prometheus.fetch,
    });

    const { slos, notice } = await service.list();

    expect(notice).toBeUndefined();
    // Worst budget first: cart has 20 % left, checkout 90 %.
    expect(slos.map(s => [s.id, s.worstBudgetRemaining])).toEqual([
      ['cart', expect.closeTo(0.2, 9)],
      ['checkout', expect.closeTo(0.9, 9)],
    ]);
    const [up, down] = slos[1].environments;
    expect(up).toMatchObject({ environment: 'workload-up', state: 'ok' });
    expect(down).toMatchObject({
      environment: 'workload-down',
      state: 'unknown',
      error:
        'Prometheus at http://down.test refused the connection. Check that Prometheus runs and that slo.prometheus.environments.workload-down.url points at its HTTP API.',
    });
    expect(slos[0].environments[0].state).toBe('warning');
  });

  it('shares one evaluation between concurrent requests and serves it for the TTL', async () => {
    const prometheus = twoPrometheus({ checkout: 0.999, cart: 0.992 });
    const { service, advance } = setup({
      definitions: [checkout, cart],
      fetch: prometheus.fetch,
    });

    const [a, b] = await Promise.all([service.list(), service.list()]);
    expect(a).toEqual(b);
    const upQueries = () =>
      prometheus.queries.filter(q => q.url.startsWith('http://up.test')).length;
    expect(upQueries()).toBe(2);

    advance(30_000);
    await service.get('checkout');
    await service.list({ entityRef: 'component:default/cart' });
    expect(upQueries()).toBe(2);

    // Past the TTL: the old results at once, one refresh behind them.
    advance(31_000);
    const stale = await service.get('checkout');
    expect(stale.environments[0].evaluatedAt).toBe('2026-03-01T12:00:00.000Z');
    await new Promise(r => setImmediate(r));
    expect(upQueries()).toBe(4);
    const fresh = await service.get('checkout');
    expect(fresh.environments[0].evaluatedAt).toBe('2026-03-01T12:01:01.000Z');
  });

  it('filters by entity however the ref is written', async () => {
    const { service } = setup({
      definitions: [checkout, cart],
      fetch: twoPrometheus({ checkout: 0.999, cart: 0.992 }).fetch,
    });
    const { slos } = await service.list({ entityRef: 'Component:cart' });
    expect(slos.map(s => s.id)).toEqual(['cart']);
  });

  it('charts SLI, budget and burn rates from one range query, with gaps as null', async () => {
    const calls: string[] = [];
    const fetch: FetchFn = async (url, init) => {
      const form = new URLSearchParams(init.body);
      calls.push(url);
      const start = Number(form.get('start'));
      const step = Number(form.get('step'));
      const parts = partsOf(form.get('query')!);
      return new Response(
        JSON.stringify({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: parts.map(part => ({
              metric: { slo_window: part },
              // The middle point is missing: a gap.
              values: [
                [start, part === 'sli' ? '0.999' : '0.5'],
                [start + 2 * step, part === 'sli' ? 'NaN' : '0.25'],
              ],
            })),
          },
        }),
      );
    };
    const { service } = setup({ definitions: [checkout], fetch });

    const series = await service.series('checkout', {
      environment: 'workload-up',
      rangeSeconds: 600,
      stepSeconds: 300,
    });

    expect(calls).toEqual(['http://up.test/api/v1/query_range']);
    const end = new Date('2026-03-01T12:00:00Z').getTime() / 1000;
    expect(series).toMatchObject({
      id: 'checkout',
      environment: 'workload-up',
      start: end - 600,
      end,
      step: 300,
    });
    expect(series.sli).toEqual([
      { t: end - 600, v: 0.999 },
      { t: end - 300, v: null },
      { t: end, v: null },
    ]);
    expect(series.budgetRemaining.map(p => p.v)).toEqual([0.5, null, 0.25]);
    expect(Object.keys(series.burnRates)).toEqual([
      '1h',
      '5m',
      '6h',
      '30m',
      '1d',
      '2h',
      '3d',
    ]);
    expect(series.error).toBeUndefined();
  });
});
