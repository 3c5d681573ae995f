import { spawnSync } from 'child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { parse } from 'yaml';
import type { SloDefinition } from './definition';
import { parseSloDocuments } from './parse';
import { budgetRemainingQuery, burnRateQuery, sliQuery } from './promql';
import { prometheusRules, sloPortalLink } from './rules';

function fixtures(): SloDefinition[] {
  const result = parseSloDocuments(
    ['checkout.openslo.yaml', 'payments.sloth.yaml'].map(file => ({
      file,
      text: readFileSync(join(__dirname, '__fixtures__', file), 'utf8'),
    })),
  );
  expect(result.problems).toEqual([]);
  return result.definitions;
}

interface RuleFile {
  groups: Array<{
    name: string;
    interval?: string;
    rules: Array<{
      record?: string;
      alert?: string;
      expr: string;
      for?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    }>;
  }>;
}

describe('prometheusRules', () => {
  const definitions = fixtures();
  const byId = (id: string) => definitions.find(d => d.id === id)!;

  it('writes one group per SLO, and a period group for rolling windows', () => {
    const file = parse(prometheusRules(definitions)) as RuleFile;
    expect(file.groups.map(g => [g.name, g.interval])).toEqual([
      ['slo:checkout-availability', undefined],
      ['slo:checkout-availability:period', '5m'],
      ['slo:checkout-latency', undefined],
      ['slo:checkout-queue', undefined],
      ['slo:checkout-queue:period', '5m'],
      ['slo:payments-requests-availability', undefined],
      ['slo:payments-requests-availability:period', '5m'],
      ['slo:payments-ledger-writes', undefined],
      ['slo:payments-ledger-writes:period', '5m'],
    ]);
    const [group] = file.groups;
    expect(group.rules.map(r => r.record ?? r.alert)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:current_burn_rate:ratio',
      'slo_info',
      'SloErrorBudgetBurn',
      'SloErrorBudgetBurn',
    ]);
    expect(group.rules[2].labels).toEqual({
      slo_id: 'checkout-availability',
      slo_name: 'checkout-availability',
      slo_service: 'checkout',
      slo_window: '1h',
    });
    expect(file.groups[1].rules.map(r => [r.record, r.expr])).toEqual([
      [
        'slo:sli_error:ratio_rate28d',
        '1 - (sum(increase(http_requests_total{job="checkout", code!~"5.."}[28d])) or vector(0)) / sum(increase(http_requests_total{job="checkout"}[28d]))',
      ],
      ['slo:time_period:days', 'vector(28)'],
      [
        'slo:period_burn_rate:ratio',
        'slo:sli_error:ratio_rate28d{slo_id="checkout-availability"} / 0.001',
      ],
      [
        'slo:period_error_budget_remaining:ratio',
        '1 - slo:period_burn_rate:ratio{slo_id="checkout-availability"}',
      ],
    ]);
  });

  it('alerts on each window pair of the alert policy', () => {
    const file = parse(
      prometheusRules([byId('checkout-availability')], {
        portalUrl: 'https://portal.example.com/',
      }),
    ) as RuleFile;
    const alerts = file.groups[0].rules.filter(r => r.alert);
    expect(alerts).toEqual([
      {
        alert: 'SloErrorBudgetBurn',
        expr: [
          'max without (slo_window) (slo:sli_error:ratio_rate1h{slo_id="checkout-availability"} > (14.4 * 0.001))',
          'and',
          'max without (slo_window) (slo:sli_error:ratio_rate5m{slo_id="checkout-availability"} > (14.4 * 0.001))',
        ].join('\n'),
        for: '2m',
        labels: {
          slo_id: 'checkout-availability',
          slo_name: 'checkout-availability',
          slo_service: 'checkout',
          severity: 'page',
          slo_severity: 'page',
          slo_long_window: '1h',
          slo_short_window: '5m',
        },
        annotations: {
          summary:
            'SLO "Checkout availability" burns its error budget at more than 14.4× the sustainable rate (over 1h and 5m)',
          description:
            'The error ratio over 1h is {{ $value | humanizePercentage }}; the objective of 99.9 % over 28d allows 0.1 %. At this rate the budget of the 28d window is spent in 1d22h40m.',
          portal_url:
            'https://portal.example.com/catalog/default/component/checkout/slos?slo=checkout-availability',
        },
      },
      expect.objectContaining({
        for: '1h',
        labels: expect.objectContaining({
          severity: 'ticket',
          slo_long_window: '3d',
          slo_short_window: '6h',
        }),
      }),
    ]);
  });

  it("carries Sloth's alert name, labels and annotations, and leaves disabled severities out", () => {
    const file = parse(
      prometheusRules([
        byId('payments-requests-availability'),
        byId('payments-ledger-writes'),
      ]),
    ) as RuleFile;
    const [requests, , ledger] = file.groups;
    const page = requests.rules.find(r => r.labels?.severity === 'page');
    expect(page).toMatchObject({
      alert: 'PaymentsHighErrorRate',
      labels: {
        owner: 'payments-team',
        category: 'availability',
        routing_key: 'payments-oncall',
        slo_service: 'payments',
      },
      annotations: { runbook: 'https://runbooks.example.internal/payments' },
    });
    // Our own label tells the environments apart; it is not a series label.
    expect(page!.labels).not.toHaveProperty('multicloud_environments');
    expect(
      ledger.rules.filter(r => r.alert).map(r => r.labels!.severity),
    ).toEqual(['page', 'page']);
    expect(ledger.rules[0].labels).toMatchObject({ tier: '1' });
  });

  it('writes a group per environment the SLO applies to, restricted by the environment label', () => {
    const file = parse(
      prometheusRules(definitions, {
        environments: ['workload-aws-useast1', 'hci-vsphere-ams01'],
      }),
    ) as RuleFile;
    expect(file.groups.map(g => g.name)).toEqual([
      'slo:checkout-availability:workload-aws-useast1',
      'slo:checkout-availability:workload-aws-useast1:period',
      'slo:checkout-latency:workload-aws-useast1',
      'slo:checkout-latency:hci-vsphere-ams01',
      'slo:checkout-queue:workload-aws-useast1',
      'slo:checkout-queue:workload-aws-useast1:period',
      'slo:checkout-queue:hci-vsphere-ams01',
      'slo:checkout-queue:hci-vsphere-ams01:period',
      'slo:payments-requests-availability:workload-aws-useast1',
      'slo:payments-requests-availability:workload-aws-useast1:period',
      'slo:payments-ledger-writes:workload-aws-useast1',
      'slo:payments-ledger-writes:workload-aws-useast1:period',
    ]);
    const rule = file.groups[3].rules[0];
    expect(rule.labels).toMatchObject({
      slo_id: 'checkout-latency',
      environment: 'hci-vsphere-ams01',
    });
    expect(rule.expr).toContain(
      'http_request_duration_seconds_bucket{job="checkout", environment="hci-vsphere-ams01"}',
    );
    const alert = file.groups[3].rules.find(r => r.alert)!;
    expect(alert.expr).toContain(
      'slo:sli_error:ratio_rate1h{slo_id="checkout-latency", environment="hci-vsphere-ams01"}',
    );
  });

  it('labels by environment without restricting selectors for a Prometheus per environment', () => {
    const file = parse(
      prometheusRules([byId('checkout-queue')], {
        environments: ['hci-vsphere-ams01'],
        sharedPrometheus: false,
        environmentLabel: 'site',
      }),
    ) as RuleFile;
    const rule = file.groups[0].rules[0];
    expect(rule.expr).not.toContain('site=');
    expect(rule.labels).toMatchObject({ site: 'hci-vsphere-ams01' });
  });

  it('links to the SLOs tab of the entity', () => {
    expect(
      sloPortalLink(
        'http://localhost:3000',
        { id: 'a b', entityRef: 'system:payments/ledger' },
        'workload-aws-useast1',
      ),
    ).toBe(
      'http://localhost:3000/catalog/payments/system/ledger/slos?slo=a+b&environment=workload-aws-useast1',
    );
  });
});

/** promtool from PORTAL_PROMTOOL or PATH. */
function findPromtool(): string | undefined {
  const candidates = process.env.PORTAL_PROMTOOL
    ? [process.env.PORTAL_PROMTOOL]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map(dir => join(dir, 'promtool'));
  return candidates.find(candidate => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const PROMTOOL_MISSING =
  "promtool was not found: install Prometheus's promtool (Debian/Ubuntu: apt-get install prometheus) or set PORTAL_PROMTOOL to its path";

/** The numbers the engine gives, with float noise rounded away. */
function rounded(query: string): string {
  return `round(10000 * (${query}))`;
}

describe('prometheusRules checked by promtool', () => {
  const promtool = findPromtool();
  if (!promtool) {
    if (process.env.CI) {
      it('needs promtool', () => {
        throw new Error(PROMTOOL_MISSING);
      });
    } else {
      // eslint-disable-next-line no-console
      console.warn(`Skipping the promtool checks: ${PROMTOOL_MISSING}`);
      it.skip(`promtool checks (${PROMTOOL_MISSING})`, () => {});
    }
    return;
  }

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[]) {
    const result = spawnSync(promtool!, args, { cwd: dir, encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0) {
      throw new Error(`promtool ${args.join(' ')} failed:\n${output}`);
    }
    return output;
  }

  it.each([
    ['one Prometheus per environment', {}],
    [
      'one Prometheus for several environments',
      {
        environments: [
          'workload-aws-useast1',
          'workload-gcp-euwest1',
          'hci-vsphere-ams01',
        ],
        portalUrl: 'http://localhost:3000',
      },
    ],
  ])('accepts the rules for %s (promtool check rules)', (_, options) => {
    writeFileSync(
      join(dir, 'rules.yaml'),
      prometheusRules(fixtures(), options),
    );
    expect(run(['check', 'rules', 'rules.yaml'])).toMatch(
      /SUCCESS: \d+ rules found/,
    );
  });

  it('evaluates to the right numbers and fires the right alerts (promtool test rules)', () => {
    const { definitions, problems } = parseSloDocuments(
      `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-availability
  annotations:
    multicloud.io/environments: workload-aws-useast1
spec:
  service: api
  indicator:
    spec:
      ratioMetric:
        good:
          metricSource:
            spec:
              query: http_requests_total{job="api", code!~"5.."}
        total:
          metricSource:
            spec:
              query: http_requests_total{job="api"}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: probe-latency
spec:
  service: api
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          spec:
            query: probe_duration_seconds{job="probe"}
  timeWindow:
    - duration: 1M
      isRolling: false
  budgetingMethod: Timeslices
  objectives:
    - op: lt
      value: 1
      target: 0.9
      timeSliceTarget: 0.8
      timeSliceWindow: 5m
---
version: prometheus/v1
service: web
slos:
  - name: availability
    objective: 99
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="web", code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="web"}[{{.window}}]))
`,
      { file: 'test.yaml' },
    );
    expect(problems).toEqual([]);
    const [availability, latency, web] = definitions;
    const env = 'workload-aws-useast1';
    writeFileSync(
      join(dir, 'numbers.yaml'),
      prometheusRules(definitions, { environments: [env] }),
    );
    const shared = { environment: env, labels: { environment: env } };
    const labels = (def: SloDefinition, window: string) =>
      `{environment="${env}", slo_id="${def.id}", slo_name="${def.name}", slo_service="${def.service}", slo_window="${window}"}`;
    // Minute 0 to 240: 2 % of api requests fail in this environment, all of
    // them in another one; the probe is fast for an hour, then slow; web
    // has had no error yet, so its error series does not exist.
    const test = {
      rule_files: ['numbers.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            {
              series: `http_requests_total{job="api", code="200", environment="${env}"}`,
              values: '0+980x240',
            },
            {
              series: `http_requests_total{job="api", code="500", environment="${env}"}`,
              values: '0+20x240',
            },
            {
              series:
                'http_requests_total{job="api", code="500", environment="workload-aws-uswest2"}',
              values: '0+1000x240',
            },
            {
              series: `probe_duration_seconds{job="probe", environment="${env}"}`,
              values: '_ 0.5x58 2x181',
            },
            {
              series: `http_requests_total{job="web", code="200", environment="${env}"}`,
              values: '0+100x240',
            },
          ],
          promql_expr_test: [
            {
              expr: rounded(
                `slo:sli_error:ratio_rate1h{slo_id="api-availability"}`,
              ),
              eval_time: '2h',
              exp_samples: [{ labels: labels(availability, '1h'), value: 200 }],
            },
            {
              expr: rounded(
                `slo:period_burn_rate:ratio{slo_id="api-availability"}`,
              ),
              eval_time: '2h',
              exp_samples: [
                {
                  labels: `{environment="${env}", slo_id="api-availability", slo_name="api-availability", slo_service="api", slo_window="28d"}`,
                  value: 200000,
                },
              ],
            },
            {
              expr: rounded(sliQuery(availability, shared)),
              eval_time: '2h',
              exp_samples: [{ labels: '{}', value: 9800 }],
            },
            {
              expr: rounded(budgetRemainingQuery(availability, shared)),
              eval_time: '2h',
              exp_samples: [{ labels: '{}', value: -190000 }],
            },
            {
              expr: rounded(burnRateQuery(availability, '5m', shared)),
              eval_time: '2h',
              exp_samples: [{ labels: '{}', value: 200000 }],
            },
            // Every 5m slice of the last hour is slow; half of the last two hours.
            {
              expr: rounded(
                `slo:sli_error:ratio_rate1h{slo_id="probe-latency"}`,
              ),
              eval_time: '122m',
              exp_samples: [{ labels: labels(latency, '1h'), value: 10000 }],
            },
            {
              expr: rounded(
                `slo:sli_error:ratio_rate2h{slo_id="probe-latency"}`,
              ),
              eval_time: '122m',
              exp_samples: [{ labels: labels(latency, '2h'), value: 5000 }],
            },
            // A calendar month that began at 0: 12 good slices (5m..60m), 12 slow ones.
            {
              expr: rounded(
                sliQuery(latency, { ...shared, now: new Date(122 * 60000) }),
              ),
              eval_time: '122m',
              exp_samples: [{ labels: '{}', value: 5000 }],
            },
            // No error series yet: an error ratio of 0, not "no data".
            {
              expr: rounded(
                `slo:sli_error:ratio_rate1h{slo_id="web-availability"}`,
              ),
              eval_time: '2h',
              exp_samples: [{ labels: labels(web, '1h'), value: 0 }],
            },
          ],
          alert_rule_test: [
            // Both windows of three pairs burn 20 times too fast for longer than
            // their "for"; the 3d/6h pair waits 3h; the probe's slow hour burns
            // 10 times too fast, under every factor of its pairs.
            {
              eval_time: '2h',
              alertname: 'SloErrorBudgetBurn',
              exp_alerts: ['page', 'page', 'ticket'].map((severity, i) => {
                const [long, short] = [
                  ['1h', '5m'],
                  ['6h', '30m'],
                  ['1d', '2h'],
                  ['3d', '6h'],
                ][i];
                return {
                  exp_labels: {
                    environment: env,
                    slo_id: 'api-availability',
                    slo_name: 'api-availability',
                    slo_service: 'api',
                    severity,
                    slo_severity: severity,
                    slo_long_window: long,
                    slo_short_window: short,
                  },
                  exp_annotations: {
                    summary: `SLO "api-availability" in ${env} burns its error budget at more than ${
                      [14.4, 6, 3, 1][i]
                    }× the sustainable rate (over ${long} and ${short})`,
                    description: `The error ratio over ${long} is 2%; the objective of 99.9 % over 28d allows 0.1 %. At this rate the budget of the 28d window is spent in ${
                      ['1d22h40m', '4d16h', '9d8h', '28d'][i]
                    }.`,
                  },
                };
              }),
            },
            // Under the alert's "for": nothing fires yet.
            {
              eval_time: '1m',
              alertname: 'SloErrorBudgetBurn',
              exp_alerts: [],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'numbers.test.yaml'), JSON.stringify(test));
    expect(run(['test', 'rules', 'numbers.test.yaml'])).toContain('SUCCESS');
  });
});
