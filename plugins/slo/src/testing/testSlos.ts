import type {
  BurnRate,
  SloEnvironmentStatus,
  SloSeriesResponse,
  SloSummary,
  SlosResponse,
} from '@multicloud/plugin-slo-common';

export const EVALUATED_AT = '2026-11-21T08:00:00.000Z';

/** The four window pairs of the Google SRE workbook, at the given rates. */
export function burnRates(
  rates: Array<[number | null, number | null]>,
): BurnRate[] {
  const windows = [
    { long: '1h', short: '5m', factor: 14.4, severity: 'page' as const },
    { long: '6h', short: '30m', factor: 6, severity: 'page' as const },
    { long: '1d', short: '2h', factor: 3, severity: 'ticket' as const },
    { long: '3d', short: '6h', factor: 1, severity: 'ticket' as const },
  ];
  return windows.map((window, i) => {
    const [longRate, shortRate] = rates[i] ?? [null, null];
    return {
      ...window,
      longRate,
      shortRate,
      firing:
        longRate !== null &&
        shortRate !== null &&
        longRate > window.factor &&
        shortRate > window.factor,
    };
  });
}

const QUIET = burnRates([
  [0.2, 0.1],
  [0.3, 0.2],
  [0.4, 0.3],
  [0.5, 0.4],
]);

function status(
  environment: string,
  patch: Partial<SloEnvironmentStatus>,
): SloEnvironmentStatus {
  return {
    environment,
    state: 'ok',
    burnRates: [],
    evaluatedAt: EVALUATED_AT,
    ...patch,
  };
}

export const PROMQL_ERROR =
  'bad_data: 1:47: parse error: unexpected "}" in label matching, expected string';

export const UNREACHABLE =
  'Prometheus at http://prometheus.aws-useast1.internal:9090 did not answer within 5 s';

export const NO_SERIES =
  'No series for the good or total query in this environment; check the metric names and the environment label';

/**
 * Three SLOs of three components over three environments, with one of each
 * state: a breached, page-alerting peer in AWS; a gateway warning on a
 * ticket alert; an orderer whose Prometheus in AWS is unreachable. The
 * gateway is not evaluated in GCP at all.
 */
export function testSlos(): SloSummary[] {
  return [
    {
      id: 'ledger-orderer-availability',
      name: 'ledger-orderer-availability',
      entityRef: 'component:default/ledger-orderer',
      format: 'sloth/prometheus/v1',
      objective: 0.9995,
      window: { kind: 'rolling', duration: '30d' },
      budgetingMethod: 'Occurrences',
      sli: { kind: 'ratio', queries: { errors: 'x', total: 'y' } },
      source: { file: 'slos/orderer.yaml', line: 1 },
      environments: [
        status('workload-aws-useast1', {
          state: 'unknown',
          error: UNREACHABLE,
        }),
        status('workload-azure-westeurope', {
          state: 'ok',
          sli: 0.99978,
          met: true,
          budgetRemaining: 0.56,
          budget: 0.0005,
          burnRates: QUIET,
        }),
        status('workload-gcp-europewest4', {
          state: 'ok',
          sli: 0.99991,
          met: true,
          budgetRemaining: 0.82,
          budget: 0.0005,
          burnRates: QUIET,
        }),
      ],
      worstBudgetRemaining: 0.56,
    },
    {
      id: 'ledger-peer-availability',
      name: 'ledger-peer-availability',
      displayName: 'Ledger Peer availability',
      description: 'Endorsement requests answered without a server error',
      entityRef: 'component:default/ledger-peer',
      format: 'openslo/v1',
      objective: 0.999,
      window: { kind: 'rolling', duration: '28d' },
      budgetingMethod: 'Occurrences',
      sli: {
        kind: 'ratio',
        queries: {
          good: 'sum(rate(peer_requests_total{code!~"5..",environment="{{environment}}"}[{{window}}]))',
          total:
            'sum(rate(peer_requests_total{environment="{{environment}}"}[{{window}}]))',
        },
      },
      source: { file: 'slos/ledger-peer.yaml', line: 1 },
      environments: [
        status('workload-aws-useast1', {
          state: 'breached',
          sli: 0.99865,
          met: false,
          budgetRemaining: -0.35,
          budget: 0.001,
          burnRates: burnRates([
            [18.2, 21.5],
            [7.9, 9.1],
            [4.1, 5.2],
            [1.6, 2.2],
          ]),
        }),
        status('workload-azure-westeurope', {
          state: 'ok',
          sli: 0.99975,
          met: true,
          budgetRemaining: 0.75,
          budget: 0.001,
          burnRates: QUIET,
        }),
        status('workload-gcp-europewest4', {
          state: 'error',
          error: PROMQL_ERROR,
          burnRates: [],
        }),
      ],
      worstBudgetRemaining: -0.35,
    },
    {
      id: 'ledger-gateway-latency',
      name: 'ledger-gateway-latency',
      displayName: 'Gateway latency under 300 ms',
      entityRef: 'component:default/ledger-gateway',
      format: 'openslo/v1',
      objective: 0.99,
      window: { kind: 'calendar', duration: '1M' },
      budgetingMethod: 'Timeslices',
      sli: { kind: 'threshold', queries: { latency: 'histogram_quantile' } },
      source: { file: 'slos/gateway.yaml', line: 3 },
      environments: [
        status('workload-aws-useast1', {
          state: 'warning',
          sli: 0.9918,
          met: true,
          budgetRemaining: 0.18,
          budget: 0.01,
          burnRates: burnRates([
            [2.1, 2.4],
            [2.8, 3.3],
            [3.4, 3.9],
            [0.9, 1.1],
          ]),
        }),
        status('workload-azure-westeurope', {
          state: 'no-data',
          error: NO_SERIES,
          burnRates: burnRates([
            [null, null],
            [null, null],
            [null, null],
            [null, null],
          ]),
        }),
      ],
      worstBudgetRemaining: 0.18,
    },
  ];
}

export function testResponse(patch: Partial<SlosResponse> = {}): SlosResponse {
  return {
    slos: testSlos(),
    problems: [
      {
        file: 'slos/broken.yaml',
        line: 12,
        field: 'spec.objectives[0].target',
        message: 'must be a number between 0 and 1, got 99.9',
        severity: 'error',
      },
    ],
    ...patch,
  };
}

/** A day of the breached peer in AWS at 30-minute steps, with a gap. */
export function testSeries(
  patch: Partial<SloSeriesResponse> = {},
): SloSeriesResponse {
  const end = Date.parse(EVALUATED_AT) / 1000;
  const step = 1800;
  const start = end - 48 * step;
  const points = (f: (i: number) => number | null) =>
    Array.from({ length: 49 }, (_, i) => ({ t: start + i * step, v: f(i) }));
  return {
    id: 'ledger-peer-availability',
    environment: 'workload-aws-useast1',
    start,
    end,
    step,
    sli: points(i => 0.9995 - i * 0.00002),
    budgetRemaining: points(i => (i === 20 ? null : 0.6 - i * 0.02)),
    burnRates: {
      '1h': points(i => (i < 40 ? 1 : 18.2)),
      '6h': points(i => (i < 40 ? 1 : 7.9)),
      '1d': points(() => 4.1),
      '3d': points(() => 1.6),
    },
    ...patch,
  };
}
