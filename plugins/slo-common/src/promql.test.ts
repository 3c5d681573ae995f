import type { SloDefinition } from './definition';
import {
  budgetRemainingQuery,
  burnRateQuery,
  checkBrackets,
  environmentQueryOptions,
  errorRatioQuery,
  formatNumber,
  isSeriesSelector,
  PromQLSyntaxError,
  renderQuery,
  sliQuery,
  unknownPlaceholders,
  withLabelMatchers,
} from './promql';

const ENV = { environment: 'workload-aws-useast1' };

describe('withLabelMatchers', () => {
  it.each([
    // Metric names with and without matchers.
    ['up', 'up{environment="workload-aws-useast1"}'],
    ['up{}', 'up{environment="workload-aws-useast1"}'],
    [
      'http_requests_total{code=~"5.."}',
      'http_requests_total{code=~"5..", environment="workload-aws-useast1"}',
    ],
    [
      'http_requests_total{code=~"5..",}',
      'http_requests_total{code=~"5..", environment="workload-aws-useast1"}',
    ],
    [
      'http_requests_total {job="api"}',
      'http_requests_total {job="api", environment="workload-aws-useast1"}',
    ],
    // Recording-rule names with colons.
    [
      'job:http_requests:rate5m',
      'job:http_requests:rate5m{environment="workload-aws-useast1"}',
    ],
    // Bare selectors.
    [
      '{__name__="up", job="api"}',
      '{__name__="up", job="api", environment="workload-aws-useast1"}',
    ],
    [
      '{"http.server.requests", job="api"}',
      '{"http.server.requests", job="api", environment="workload-aws-useast1"}',
    ],
    // An existing matcher of the same label is replaced, whatever its operator.
    [
      'up{environment="staging", job="api"}',
      'up{job="api", environment="workload-aws-useast1"}',
    ],
    ['up{environment=~"work.*"}', 'up{environment="workload-aws-useast1"}'],
    ['up{"environment"!="x"}', 'up{environment="workload-aws-useast1"}'],
    // Range vectors, subqueries, offsets and @ modifiers.
    [
      'rate(http_requests_total[5m])',
      'rate(http_requests_total{environment="workload-aws-useast1"}[5m])',
    ],
    [
      'rate(http_requests_total{code="500"}[5m] offset 1h)',
      'rate(http_requests_total{code="500", environment="workload-aws-useast1"}[5m] offset 1h)',
    ],
    [
      'rate(x[5m] offset -30m @ 1609746000)',
      'rate(x{environment="workload-aws-useast1"}[5m] offset -30m @ 1609746000)',
    ],
    [
      'max_over_time(rate(x[5m])[1h:1m] @ end())',
      'max_over_time(rate(x{environment="workload-aws-useast1"}[5m])[1h:1m] @ end())',
    ],
    [
      'avg_over_time((x > bool 0.3)[1d:])',
      'avg_over_time((x{environment="workload-aws-useast1"} > bool 0.3)[1d:])',
    ],
    // Aggregations: by/without lists are label names, not metrics.
    [
      'sum by (job, code) (rate(http_requests_total[5m]))',
      'sum by (job, code) (rate(http_requests_total{environment="workload-aws-useast1"}[5m]))',
    ],
    [
      'sum(rate(http_requests_total[5m])) without (instance)',
      'sum(rate(http_requests_total{environment="workload-aws-useast1"}[5m])) without (instance)',
    ],
    [
      'SUM BY (le) (rate(latency_bucket[5m]))',
      'SUM BY (le) (rate(latency_bucket{environment="workload-aws-useast1"}[5m]))',
    ],
    [
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/pay"}[5m])))',
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="/pay", environment="workload-aws-useast1"}[5m])))',
    ],
    [
      'topk(5, count_values("version", build_info))',
      'topk(5, count_values("version", build_info{environment="workload-aws-useast1"}))',
    ],
    [
      'quantile(0.9, up)',
      'quantile(0.9, up{environment="workload-aws-useast1"})',
    ],
    // Vector matching: on/ignoring/group_left/group_right lists untouched.
    [
      'a / on(instance, job) group_left(version) b',
      'a{environment="workload-aws-useast1"} / on(instance, job) group_left(version) b{environment="workload-aws-useast1"}',
    ],
    [
      'a * ignoring (code) group_right b',
      'a{environment="workload-aws-useast1"} * ignoring (code) group_right b{environment="workload-aws-useast1"}',
    ],
    [
      'a and on() b or c unless d',
      'a{environment="workload-aws-useast1"} and on() b{environment="workload-aws-useast1"} or c{environment="workload-aws-useast1"} unless d{environment="workload-aws-useast1"}',
    ],
    ['a > bool 5', 'a{environment="workload-aws-useast1"} > bool 5'],
    [
      'atan2(a, b) + a atan2 b',
      'atan2(a{environment="workload-aws-useast1"}, b{environment="workload-aws-useast1"}) + a{environment="workload-aws-useast1"} atan2 b{environment="workload-aws-useast1"}',
    ],
    // Strings, numbers and functions without selectors stay as they are.
    [
      'label_replace(up, "foo", "$1", "job", "sum(rate(x[5m]))")',
      'label_replace(up{environment="workload-aws-useast1"}, "foo", "$1", "job", "sum(rate(x[5m]))")',
    ],
    [
      "up{job='api', path=`/a{b}`}",
      'up{job=\'api\', path=`/a{b}`, environment="workload-aws-useast1"}',
    ],
    [
      'up{job="a\\"b"} + Inf - NaN * 1e-3 + 0x1F',
      'up{job="a\\"b", environment="workload-aws-useast1"} + Inf - NaN * 1e-3 + 0x1F',
    ],
    ['vector(1) + time()', 'vector(1) + time()'],
    ['scalar(up)', 'scalar(up{environment="workload-aws-useast1"})'],
    // Comments are kept, and never swallow the added matcher.
    [
      'sum(rate(x[5m])) # errors\n/ sum(rate(y[5m]))',
      'sum(rate(x{environment="workload-aws-useast1"}[5m])) # errors\n/ sum(rate(y{environment="workload-aws-useast1"}[5m]))',
    ],
    [
      'x{job="api" # the API\n}',
      'x{job="api" # the API\n, environment="workload-aws-useast1"}',
    ],
    // Sloth's template actions are opaque.
    [
      'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
      'sum(rate(http_requests_total{code=~"5..", environment="workload-aws-useast1"}[{{.window}}]))',
    ],
    // Keywords as label names inside matchers and lists.
    [
      'up{by="x", offset="y"}',
      'up{by="x", offset="y", environment="workload-aws-useast1"}',
    ],
    [
      'sum by (environment) (up)',
      'sum by (environment) (up{environment="workload-aws-useast1"})',
    ],
  ])('%s', (query, expected) => {
    expect(withLabelMatchers(query, ENV)).toBe(expected);
  });

  it('adds several labels and quotes names that are not plain label names', () => {
    expect(
      withLabelMatchers('up{a="1"}', { cluster: 'c1', 'k8s.region': 'eu' }),
    ).toBe('up{a="1", cluster="c1", "k8s.region"="eu"}');
  });

  it('escapes values', () => {
    expect(withLabelMatchers('up', { env: 'a"b\\c' })).toBe(
      'up{env="a\\"b\\\\c"}',
    );
  });

  it('gives the same query when applied twice', () => {
    const once = withLabelMatchers(
      'sum by (code) (rate(x{job="a"}[5m])) / on() group_left sum(rate(x[5m]))',
      ENV,
    );
    expect(withLabelMatchers(once, ENV)).toBe(once);
  });

  it('leaves a query alone without labels', () => {
    expect(withLabelMatchers('up{', {})).toBe('up{');
  });

  it.each([
    ['up{job="api"', '"{" at character 3 is never closed'],
    ['up{job="api}', 'unterminated string starting at character 8'],
    ['up $ 1', 'unexpected character "$" at character 4'],
  ])('rejects %s', (query, message) => {
    expect(() => withLabelMatchers(query, ENV)).toThrow(
      new PromQLSyntaxError(message, 0),
    );
  });
});

describe('checkBrackets', () => {
  it.each([
    ['sum(rate(x[5m])', '"(" at character 4 is never closed'],
    [
      'sum(rate(x[5m)))',
      '")" at character 14 closes "[" opened at character 11',
    ],
    ['x)', '")" at character 2 closes nothing'],
  ])('%s', (query, message) => {
    expect(() => checkBrackets(query)).toThrow(message);
  });

  it('accepts balanced queries', () => {
    expect(() =>
      checkBrackets('sum(rate(x{a="("}[5m])) / sum(rate(y[{{.window}}]))'),
    ).not.toThrow();
  });
});

describe('isSeriesSelector', () => {
  it.each([
    ['up', true],
    [' http_requests_total{code="500"} ', true],
    ['{__name__="up"}', true],
    ['up{a="b"} + 1', false],
    ['rate(up[5m])', false],
    ['sum(up)', false],
    ['up[5m]', false],
    ['1', false],
  ])('%s -> %s', (query, expected) => {
    expect(isSeriesSelector(query)).toBe(expected);
  });
});

describe('placeholders', () => {
  it('fills the window and the environment, then adds matchers', () => {
    expect(
      renderQuery(
        'sum(rate(x{cluster="{{environment}}"}[{{.window}}])) / sum(rate(x[{{ .window }}]))',
        {
          window: '1h',
          environment: 'hci-ams01',
          labels: { env: 'hci-ams01' },
        },
      ),
    ).toBe(
      'sum(rate(x{cluster="hci-ams01", env="hci-ams01"}[1h])) / sum(rate(x{env="hci-ams01"}[1h]))',
    );
  });

  it('names template actions nothing fills in', () => {
    expect(
      unknownPlaceholders(
        'x{a="{{.service}}"}[{{.window}}] {{ .environment }}',
      ),
    ).toEqual(['{{.service}}']);
  });

  it('restricts by label only for a shared Prometheus', () => {
    expect(environmentQueryOptions('w1', { sharedPrometheus: true })).toEqual({
      environment: 'w1',
      labels: { environment: 'w1' },
    });
    expect(
      environmentQueryOptions('w1', { sharedPrometheus: true, label: 'site' }),
    ).toEqual({ environment: 'w1', labels: { site: 'w1' } });
    expect(environmentQueryOptions('w1', { sharedPrometheus: false })).toEqual({
      environment: 'w1',
    });
  });
});

it('formats numbers without binary noise', () => {
  expect(formatNumber(1 - 0.99)).toBe('0.01');
  expect(formatNumber(1 - 0.999)).toBe('0.001');
  expect(formatNumber(14.4 * (1 - 0.999))).toBe('0.0144');
  expect(formatNumber(1e-7)).toBe('1e-7');
});

function definition(overrides: Partial<SloDefinition>): SloDefinition {
  return {
    id: 'checkout-availability',
    name: 'checkout-availability',
    entityRef: 'component:default/checkout',
    format: 'openslo/v1',
    objective: 0.999,
    window: { kind: 'rolling', duration: '28d' },
    budgetingMethod: 'Occurrences',
    indicator: {
      kind: 'ratio',
      form: 'good-total',
      good: 'http_requests_total{code!~"5.."}',
      total: 'http_requests_total',
    },
    alerting: {
      windows: [],
      policies: [],
      labels: {},
      annotations: {},
      page: { disabled: false, labels: {}, annotations: {} },
      ticket: { disabled: false, labels: {}, annotations: {} },
    },
    environments: { kind: 'all' },
    labels: {},
    annotations: {},
    source: { file: 'slos.yaml', line: 1, column: 1 },
    ...overrides,
  };
}

describe('query builders', () => {
  const sharedEnv = environmentQueryOptions('workload-aws-useast1', {
    sharedPrometheus: true,
  });

  it('counts good and total counters over a window', () => {
    const def = definition({});
    expect(errorRatioQuery(def, '1h')).toBe(
      '1 - (sum(increase(http_requests_total{code!~"5.."}[1h])) or vector(0)) / sum(increase(http_requests_total[1h]))',
    );
    expect(sliQuery(def, sharedEnv)).toBe(
      '(sum(increase(http_requests_total{code!~"5..", environment="workload-aws-useast1"}[28d])) or vector(0)) / sum(increase(http_requests_total{environment="workload-aws-useast1"}[28d]))',
    );
    expect(budgetRemainingQuery(def)).toBe(
      '1 - (1 - (sum(increase(http_requests_total{code!~"5.."}[28d])) or vector(0)) / sum(increase(http_requests_total[28d]))) / 0.001',
    );
    expect(burnRateQuery(def, '5m')).toBe(
      '(1 - (sum(increase(http_requests_total{code!~"5.."}[5m])) or vector(0)) / sum(increase(http_requests_total[5m]))) / 0.001',
    );
  });

  it('counts bad/total and good/bad', () => {
    expect(
      errorRatioQuery(
        definition({
          indicator: {
            kind: 'ratio',
            form: 'bad-total',
            bad: 'errors_total',
            total: 'requests_total',
          },
        }),
        '30m',
      ),
    ).toBe(
      '(sum(increase(errors_total[30m])) or vector(0)) / sum(increase(requests_total[30m]))',
    );
    const goodBad = definition({
      indicator: {
        kind: 'ratio',
        form: 'good-bad',
        good: 'ok_total',
        bad: 'failed_total',
      },
    });
    expect(errorRatioQuery(goodBad, '6h')).toBe(
      '(sum(increase(failed_total[6h])) or vector(0)) / ((sum(increase(ok_total[6h])) or vector(0)) + (sum(increase(failed_total[6h])) or vector(0)))',
    );
    expect(sliQuery(goodBad)).toBe(
      '(sum(increase(ok_total[28d])) or vector(0)) / ((sum(increase(ok_total[28d])) or vector(0)) + (sum(increase(failed_total[28d])) or vector(0)))',
    );
  });

  it('samples values that are not counters, and expressions, over subqueries', () => {
    expect(
      errorRatioQuery(
        definition({
          indicator: {
            kind: 'ratio',
            form: 'bad-total',
            counter: false,
            bad: 'queue_rejected',
            total: 'sum(rate(queue_received_total[5m]))',
          },
        }),
        '1h',
      ),
    ).toBe(
      '(sum(sum_over_time(queue_rejected[1h])) or vector(0)) / sum(sum_over_time((sum(rate(queue_received_total[5m])))[1h:1m]))',
    );
    expect(
      errorRatioQuery(
        definition({
          indicator: {
            kind: 'ratio',
            form: 'good-total',
            counter: true,
            good: 'sum(requests_total{code="200"})',
            total: 'sum(requests_total)',
          },
        }),
        '1h',
      ),
    ).toBe(
      '1 - (sum(increase((sum(requests_total{code="200"}))[1h:1m])) or vector(0)) / sum(increase((sum(requests_total))[1h:1m]))',
    );
  });

  it("uses Sloth's windowed queries as written", () => {
    const def = definition({
      format: 'sloth/prometheus/v1',
      window: { kind: 'rolling', duration: '30d' },
      indicator: {
        kind: 'ratio',
        form: 'bad-total',
        bad: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
        total: 'sum(rate(http_requests_total[{{.window}}]))',
      },
    });
    expect(errorRatioQuery(def, '5m', sharedEnv)).toBe(
      '((sum(rate(http_requests_total{code=~"5..", environment="workload-aws-useast1"}[5m]))) or vector(0)) / (sum(rate(http_requests_total{environment="workload-aws-useast1"}[5m])))',
    );
    const raw = definition({
      indicator: {
        kind: 'ratio',
        form: 'raw',
        rawType: 'failure',
        raw: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))',
      },
    });
    expect(errorRatioQuery(raw, '1h')).toBe(
      '(sum(rate(errors[1h])) / sum(rate(requests[1h])))',
    );
    expect(sliQuery(raw)).toBe(
      '1 - (sum(rate(errors[28d])) / sum(rate(requests[28d])))',
    );
  });

  it('averages precomputed success ratios', () => {
    const def = definition({
      indicator: {
        kind: 'ratio',
        form: 'raw',
        rawType: 'success',
        raw: 'job:availability:ratio',
      },
    });
    expect(errorRatioQuery(def, '1h')).toBe(
      '1 - avg(avg_over_time(job:availability:ratio[1h]))',
    );
  });

  it('counts good samples of a threshold SLI', () => {
    const def = definition({
      objective: 0.95,
      indicator: {
        kind: 'threshold',
        query:
          'histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket[5m])))',
        op: 'lte',
        threshold: 0.3,
      },
    });
    expect(errorRatioQuery(def, '1h', sharedEnv)).toBe(
      '1 - avg(avg_over_time(((histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket{environment="workload-aws-useast1"}[5m])))) <= bool 0.3)[1h:1m]))',
    );
    expect(errorRatioQuery(def, '1m')).toBe(
      '1 - avg((histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket[5m])))) <= bool 0.3)',
    );
    expect(burnRateQuery(def, '6h')).toBe(
      '(1 - avg(avg_over_time(((histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket[5m])))) <= bool 0.3)[6h:1m]))) / 0.05',
    );
  });

  it('counts good time slices (Timeslices)', () => {
    const def = definition({
      objective: 0.99,
      budgetingMethod: 'Timeslices',
      timeSlices: { window: '5m', target: 0.95 },
    });
    const slice =
      '(sum(increase(http_requests_total{code!~"5.."}[5m])) or vector(0)) >= bool 0.95 * sum(increase(http_requests_total[5m]))';
    expect(sliQuery(def)).toBe(`avg_over_time((${slice})[28d:5m])`);
    expect(errorRatioQuery(def, '1h')).toBe(
      `1 - avg_over_time((${slice})[1h:5m])`,
    );
    // A window shorter than a slice looks at the last slice.
    expect(errorRatioQuery(def, '1m')).toBe(`1 - (${slice})`);
    expect(budgetRemainingQuery(def)).toBe(
      `1 - (1 - avg_over_time((${slice})[28d:5m])) / 0.01`,
    );
  });

  it('counts threshold time slices and bad/total slices', () => {
    expect(
      sliQuery(
        definition({
          objective: 0.99,
          budgetingMethod: 'Timeslices',
          timeSlices: { window: '10m', target: 0.9 },
          indicator: {
            kind: 'threshold',
            query: 'probe_duration_seconds',
            op: 'lt',
            threshold: 2,
          },
        }),
      ),
    ).toBe(
      'avg_over_time((avg(avg_over_time(((probe_duration_seconds) < bool 2)[10m:1m])) >= bool 0.9)[28d:10m])',
    );
    expect(
      sliQuery(
        definition({
          objective: 0.99,
          budgetingMethod: 'Timeslices',
          timeSlices: { window: '1m', target: 0.999 },
          indicator: {
            kind: 'ratio',
            form: 'bad-total',
            bad: 'errors_total',
            total: 'requests_total',
          },
        }),
      ),
    ).toBe(
      'avg_over_time(((sum(increase(errors_total[1m])) or vector(0)) <= bool 0.001 * sum(increase(requests_total[1m])))[28d:1m])',
    );
  });

  it('averages slice ratios (RatioTimeslices)', () => {
    const def = definition({
      budgetingMethod: 'RatioTimeslices',
      timeSlices: { window: '1h' },
    });
    expect(sliQuery(def)).toBe(
      'avg_over_time(((sum(increase(http_requests_total{code!~"5.."}[1h])) or vector(0)) / sum(increase(http_requests_total[1h])))[28d:1h])',
    );
  });

  it('covers the elapsed part of a calendar window', () => {
    const def = definition({
      window: { kind: 'calendar', duration: '1M' },
    });
    expect(() => sliQuery(def)).toThrow(/need the evaluation time/);
    expect(sliQuery(def, { now: new Date('2025-03-03T12:00:00Z') })).toBe(
      '(sum(increase(http_requests_total{code!~"5.."}[2d12h])) or vector(0)) / sum(increase(http_requests_total[2d12h]))',
    );
  });

  it('rejects windows that are not fixed durations', () => {
    expect(() => errorRatioQuery(definition({}), '1M')).toThrow(
      '"1M" is not a fixed duration such as 5m, 1h or 28d',
    );
  });
});
