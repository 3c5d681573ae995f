import { readFileSync } from 'fs';
import { join } from 'path';
import type { SloProblem } from './api';
import {
  formatSloProblem,
  normalizeEntityRef,
  parseSloDocuments,
  readSloDocuments,
  resolveSloDocuments,
} from './parse';

function fixture(file: string) {
  return {
    file,
    text: readFileSync(join(__dirname, '__fixtures__', file), 'utf8'),
  };
}

/** Problems in their one-line form, for readable expectations. */
function lines(problems: SloProblem[]): string[] {
  return problems.map(formatSloProblem);
}

const SLI = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: api-success
spec:
  ratioMetric:
    good:
      metricSource:
        type: Prometheus
        spec:
          query: http_requests_total{code!~"5.."}
    total:
      metricSource:
        type: Prometheus
        spec:
          query: http_requests_total
`;

/** An OpenSLO SLO with `spec` lines replaced or added. */
function slo(name: string, spec: string, metadata = ''): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
${metadata}spec:
  service: api
  indicatorRef: api-success
  budgetingMethod: Occurrences
${spec}`;
}

const OBJECTIVE = `  objectives:
    - target: 0.99
`;

describe('parseSloDocuments', () => {
  it('reads every kind of the OpenSLO fixture and the Sloth spec', () => {
    const result = parseSloDocuments([
      fixture('checkout.openslo.yaml'),
      fixture('payments.sloth.yaml'),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.definitions.map(d => [d.id, d.format, d.objective])).toEqual([
      ['checkout-availability', 'openslo/v1', 0.999],
      ['checkout-latency', 'openslo/v1', 0.99],
      ['checkout-queue', 'openslo/v1', 0.995],
      ['payments-requests-availability', 'sloth/prometheus/v1', 0.999],
      ['payments-ledger-writes', 'sloth/prometheus/v1', 0.995],
    ]);
    const [availability, latency, queue, requests, ledger] = result.definitions;
    expect(availability).toMatchObject({
      displayName: 'Checkout availability',
      entityRef: 'component:default/checkout',
      window: { kind: 'rolling', duration: '28d' },
      indicatorName: 'checkout-success',
      indicator: {
        kind: 'ratio',
        form: 'good-total',
        counter: true,
        good: 'http_requests_total{job="checkout", code!~"5.."}',
        total: 'http_requests_total{job="checkout"}',
      },
      environments: {
        kind: 'only',
        patterns: ['workload-aws-*', 'workload-gcp-euwest1'],
      },
      source: { file: 'checkout.openslo.yaml', line: 37, column: 1 },
    });
    expect(availability.alerting.policies).toEqual(['burn-rate']);
    expect(availability.alerting.windows).toEqual([
      {
        long: '1h',
        short: '5m',
        factor: 14.4,
        severity: 'page',
        for: '2m',
        condition: 'fast-burn',
      },
      {
        long: '3d',
        short: '6h',
        factor: 1,
        severity: 'ticket',
        for: '1h',
        condition: 'slow-burn',
      },
    ]);
    expect(latency).toMatchObject({
      window: {
        kind: 'calendar',
        duration: '1M',
        startTime: '2024-01-01 00:00:00',
        timeZone: 'Europe/Amsterdam',
      },
      budgetingMethod: 'Timeslices',
      timeSlices: { window: '5m', target: 0.95 },
      indicator: { kind: 'threshold', op: 'lte', threshold: 0.3 },
      indicatorName: 'checkout-p99',
      objectiveName: 'p99 under 300 ms',
    });
    expect(latency.alerting.windows).toHaveLength(4);
    expect(queue).toMatchObject({
      budgetingMethod: 'RatioTimeslices',
      timeSlices: { window: '10m' },
      indicator: { form: 'bad-total', bad: 'checkout_queue_rejected_total' },
      labels: { team: 'payments' },
    });
    expect(requests).toMatchObject({
      name: 'requests-availability',
      entityRef: 'component:default/payments',
      window: { kind: 'rolling', duration: '30d' },
      indicator: { form: 'bad-total' },
      environments: { kind: 'only', patterns: ['workload-*'] },
      alerting: { name: 'PaymentsHighErrorRate' },
      source: { file: 'payments.sloth.yaml', line: 8, column: 5 },
    });
    expect(ledger).toMatchObject({
      labels: { owner: 'payments-team', tier: '1' },
      indicator: { form: 'raw', rawType: 'failure' },
      alerting: { ticket: { disabled: true }, page: { disabled: false } },
    });
  });

  it('resolves SLIs, policies and conditions across files', () => {
    const sets = [
      readSloDocuments(
        slo(
          'api-availability',
          `${OBJECTIVE}  alertPolicies:\n    - alertPolicyRef: fast\n`,
        ),
        { file: 'slos/api.yaml' },
      ),
      readSloDocuments(SLI, { file: 'slis/api.yaml' }),
      readSloDocuments(
        `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast
spec:
  conditions:
    - conditionRef: burn
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: burn
spec:
  severity: critical
  condition:
    op: gt
    threshold: 10
    lookbackWindow: 2h
`,
        { file: 'alerts.yaml' },
      ),
    ];
    const result = resolveSloDocuments(sets);
    expect(lines(result.problems)).toEqual([]);
    expect(result.definitions).toHaveLength(1);
    expect(result.definitions[0].alerting.windows).toEqual([
      {
        long: '2h',
        short: '10m',
        factor: 10,
        severity: 'page',
        for: '0s',
        condition: 'burn',
      },
    ]);
    expect(
      parseSloDocuments([
        { file: 'a.yaml', text: slo('api-availability', OBJECTIVE) },
        { file: 'b.yaml', text: SLI },
      ]).definitions,
    ).toHaveLength(1);
  });

  it('keeps the valid SLOs of a file with an invalid one', () => {
    const result = parseSloDocuments(
      [
        SLI,
        slo('broken', OBJECTIVE.replace('0.99', '99.9')),
        slo('fine', OBJECTIVE),
      ].join('---\n'),
      { file: 'slos.yaml' },
    );
    expect(result.definitions.map(d => d.id)).toEqual(['fine']);
    expect(result.problems).toEqual([
      {
        file: 'slos.yaml',
        line: 27,
        column: 15,
        field: 'spec.objectives[0].target',
        slo: 'broken',
        message:
          'must be a fraction below 1; did you mean targetPercent: 99.9 (or target: 0.999)?',
        severity: 'error',
      },
    ]);
  });

  it('names a misspelt required key where it is, with what it should be', () => {
    const text = slo('typo', OBJECTIVE).replace(
      'budgetingMethod:',
      'budgetingMetod:',
    );
    expect(
      lines(
        parseSloDocuments(`${SLI}---\n${text}`, { file: 'slos.yaml' }).problems,
      ),
    ).toEqual([
      'slos.yaml:25:3 spec.budgetingMetod: "budgetingMetod" is not a field of an OpenSLO SLO spec; did you mean "budgetingMethod"? (budgetingMethod is required)',
    ]);
  });

  it('warns about misspelt optional keys and keeps the SLO', () => {
    const text = slo('typo', OBJECTIVE, '  displayNam: API\n').replace(
      'service:',
      'descripton: API\n  service:',
    );
    const result = parseSloDocuments(`${SLI}---\n${text}`, { file: 's.yaml' });
    expect(result.definitions).toHaveLength(1);
    expect(lines(result.problems)).toEqual([
      's.yaml:22:3 metadata.displayNam: warning: "displayNam" is not a field of OpenSLO metadata and is ignored; did you mean "displayName"?',
      's.yaml:24:3 spec.descripton: warning: "descripton" is not a field of an OpenSLO SLO spec and is ignored; did you mean "description"?',
    ]);
  });

  it.each([
    [
      'a wrong type',
      OBJECTIVE.replace('0.99', '"99 %"'),
      'spec.objectives[0].target: must be a number, not the string "99 %"',
    ],
    [
      'an unknown budgeting method',
      OBJECTIVE,
      'spec.budgetingMethod: "Ocurrences" is not one of Occurrences, Timeslices, RatioTimeslices (did you mean "Occurrences"?)',
      (t: string) =>
        t.replace(
          'budgetingMethod: Occurrences',
          'budgetingMethod: Ocurrences',
        ),
    ],
    [
      'a calendar duration on a rolling window',
      `  timeWindow:\n    - duration: 1M\n      isRolling: true\n${OBJECTIVE}`,
      'spec.timeWindow[0].duration: "1M" is a calendar duration; a rolling window needs a fixed one such as 28d or 30d (or set isRolling: false)',
    ],
    [
      'an unknown time zone',
      `  timeWindow:\n    - duration: 1M\n      calendar:\n        timeZone: Europe/Amsterdm\n${OBJECTIVE}`,
      'spec.timeWindow[0].calendar.timeZone: "Europe/Amsterdm" is not an IANA time zone such as Europe/Amsterdam',
    ],
    [
      'two windows',
      `  timeWindow:\n    - duration: 28d\n    - duration: 7d\n${OBJECTIVE}`,
      'spec.timeWindow[1]: an SLO has exactly one time window; write one SLO per window',
    ],
    [
      'Timeslices without a slice target',
      `  objectives:\n    - target: 0.99\n      timeSliceWindow: 5m\n`,
      'spec.objectives[0].timeSliceTarget: is required with Timeslices: the fraction of a slice that must be good for the slice to count as good, such as 0.95',
      (t: string) =>
        t.replace(
          'budgetingMethod: Occurrences',
          'budgetingMethod: Timeslices',
        ),
    ],
    [
      'a target and a targetPercent',
      `  objectives:\n    - target: 0.99\n      targetPercent: 99\n`,
      'spec.objectives[0].targetPercent: give the target once, as "target" (0.999) or as "targetPercent" (99.9)',
    ],
    [
      'a target of 1',
      OBJECTIVE.replace('0.99', '1'),
      'spec.objectives[0].target: must be more than 0 and less than 1 (1 would leave no error budget), not 1',
    ],
    [
      'an unknown SLI',
      OBJECTIVE,
      'spec.indicatorRef: no SLI named "api-sucess" is defined in the SLO sources (did you mean "api-success"?)',
      (t: string) =>
        t.replace('indicatorRef: api-success', 'indicatorRef: api-sucess'),
    ],
    [
      'both indicator and indicatorRef',
      `  indicator:\n    spec: {}\n${OBJECTIVE}`,
      'spec.indicatorRef: give the SLI once: inline as "indicator" or by name as "indicatorRef"',
    ],
    [
      'a bad environments annotation',
      OBJECTIVE,
      'metadata.annotations["multicloud.io/environments"]: "AWS East" is not an environment name or pattern (lower-case letters, digits, "-" and "*")',
      (t: string) =>
        t.replace(
          'metadata:\n  name: x\n',
          'metadata:\n  name: x\n  annotations:\n    multicloud.io/environments: AWS East\n',
        ),
    ],
    [
      'a service that is no entity name',
      OBJECTIVE,
      'spec.service: "API gateway" is not a catalog entity name; name the entity with the multicloud.io/entity-ref annotation',
      (t: string) => t.replace('service: api', 'service: API gateway'),
    ],
    [
      'an invalid SLO name',
      OBJECTIVE,
      'metadata.name: "x y" is not a valid SLO name: letters, digits, "-", "_" and ".", at most 63 characters, starting and ending with a letter or digit',
      (t: string) => t.replace('name: x\n', 'name: x y\n'),
    ],
  ])('reports %s', (_, spec, expected, edit = (t: string) => t) => {
    const result = parseSloDocuments(`${SLI}---\n${edit(slo('x', spec))}`, {
      file: 's.yaml',
    });
    expect(result.definitions).toEqual([]);
    expect(
      result.problems
        .filter(p => p.severity === 'error')
        .map(p => `${p.field}: ${p.message}`),
    ).toEqual([expected]);
  });

  it.each([
    [
      'a query that is not PromQL',
      'query: sum(rate(http_requests_total[5m])',
      'spec.ratioMetric.good.metricSource.spec.query: is not valid PromQL: "(" at character 4 is never closed',
    ],
    [
      'a placeholder nothing fills in',
      'query: http_requests_total{job="{{.service}}"}',
      'spec.ratioMetric.good.metricSource.spec.query: {{.service}} is not a placeholder that is filled in; use {{.window}} (the range of a rate) or {{environment}}',
    ],
    [
      'a query given twice',
      'query: up\n          promql: up',
      'spec.ratioMetric.good.metricSource.spec.promql: give the PromQL once, as "query" or as "promql"',
    ],
  ])('reports %s in an SLI', (_, query, expected) => {
    const text = SLI.replace('query: http_requests_total{code!~"5.."}', query);
    const result = parseSloDocuments(`${text}---\n${slo('x', OBJECTIVE)}`, {
      file: 's.yaml',
    });
    expect(result.definitions).toEqual([]);
    expect(result.problems.map(p => `${p.field}: ${p.message}`)).toEqual([
      expected,
      'spec.indicatorRef: the SLI "api-success" (s.yaml:1) has errors',
    ]);
  });

  it('rejects metric sources that are not Prometheus', () => {
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: dd
spec:
  type: Datadog
---
${SLI.replace(/type: Prometheus/g, 'metricSourceRef: dd')}---
${slo('x', OBJECTIVE)}`;
    expect(
      parseSloDocuments(text, { file: 's.yaml' }).problems.map(p => p.message),
    ).toEqual([
      'the DataSource "dd" is of type Datadog; only Prometheus queries can be evaluated',
      'the DataSource "dd" is of type Datadog; only Prometheus queries can be evaluated',
      'the SLI "api-success" (s.yaml:8) has errors',
    ]);
  });

  it('requires two of good, bad and total, or a raw ratio with its type', () => {
    const ratio = (body: string) =>
      parseSloDocuments(
        slo('x', OBJECTIVE).replace(
          '  indicatorRef: api-success\n',
          `  indicator:\n    spec:\n      ratioMetric:\n${body}`,
        ),
      ).problems.map(p => `${p.field}: ${p.message}`);
    const metric = (key: string) =>
      `        ${key}:\n          metricSource:\n            spec:\n              query: up\n`;
    expect(ratio(metric('good'))).toEqual([
      'spec.indicator.spec.ratioMetric: needs two of good, bad and total (good and total, bad and total, or good and bad), not good',
    ]);
    expect(ratio(metric('raw'))).toEqual([
      'spec.indicator.spec.ratioMetric.rawType: is required with raw: "success" (the query gives good/total) or "failure" (bad/total)',
    ]);
    expect(ratio(metric('raw') + metric('total'))).toEqual([
      'spec.indicator.spec.ratioMetric.raw: a precomputed raw ratio cannot be combined with total',
    ]);
    expect(ratio(`${metric('good')}${metric('bad')}`)).toEqual([]);
  });

  it('gives each objective of an SLO its own definition', () => {
    const result = parseSloDocuments(
      `${SLI}---\n${slo(
        'api',
        `  objectives:
    - displayName: Internal objective
      target: 0.995
    - name: sla
      displayName: SLA
      target: 0.99
    - targetPercent: 95
`,
        '  displayName: API\n',
      )}`,
    );
    expect(
      result.definitions.map(d => [
        d.id,
        d.displayName,
        d.objective,
        d.source.line,
      ]),
    ).toEqual([
      ['api-internal-objective', 'API: Internal objective', 0.995, 28],
      ['api-sla', 'API: SLA', 0.99, 30],
      ['api-3', 'API', 0.95, 33],
    ]);
  });

  it('reads a threshold objective, and needs its op and value', () => {
    const threshold = (objective: string) =>
      parseSloDocuments(
        slo('lat', objective).replace(
          '  indicatorRef: api-success\n',
          '  indicator:\n    spec:\n      thresholdMetric:\n        metricSource:\n          spec:\n            query: probe_duration_seconds\n',
        ),
      );
    expect(
      threshold(
        '  objectives:\n    - target: 0.9\n      op: gt\n      value: 0.5\n',
      ).definitions[0].indicator,
    ).toEqual({
      kind: 'threshold',
      query: 'probe_duration_seconds',
      op: 'gt',
      threshold: 0.5,
    });
    expect(
      threshold('  objectives:\n    - target: 0.9\n').problems.map(
        p => p.message,
      ),
    ).toEqual([
      'a threshold SLI needs "op" (lt, lte, gt, gte) and "value" in its objective',
    ]);
  });

  it('takes the entity from the annotation, the Service, or the service name', () => {
    const service = `apiVersion: openslo/v1
kind: Service
metadata:
  name: api
  annotations:
    multicloud.io/entity-ref: system:platform/gateway
spec: {}
---
`;
    const annotated = slo(
      'x',
      OBJECTIVE,
      '  annotations:\n    multicloud.io/entity-ref: Component:Team-A/api\n',
    );
    const parsed = (text: string) =>
      parseSloDocuments(`${SLI}---\n${text}`).definitions[0]?.entityRef;
    expect(parsed(slo('x', OBJECTIVE))).toBe('component:default/api');
    expect(parsed(`${service}${slo('x', OBJECTIVE)}`)).toBe(
      'system:platform/gateway',
    );
    expect(parsed(`${service}${annotated}`)).toBe('component:team-a/api');
  });

  it('falls back to the four workbook pairs without alert policies, and reports bad references', () => {
    const result = parseSloDocuments(
      `${SLI}---\n${slo(
        'x',
        `${OBJECTIVE}  alertPolicies:\n    - fsat-burn\n`,
      )}---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast-burn
spec:
  conditions:
    - conditionRef: nowhere
`,
      { file: 's.yaml' },
    );
    expect(result.definitions[0].alerting.windows).toEqual([]);
    expect(lines(result.problems)).toEqual([
      's.yaml:29:7 spec.alertPolicies[0]: warning: no AlertPolicy named "fsat-burn" is defined in the SLO sources (did you mean "fast-burn"?)',
      's.yaml:37:21 spec.conditions[0].conditionRef: no AlertCondition named "nowhere" is defined in the SLO sources',
    ]);
    expect(
      parseSloDocuments(
        `${SLI}---\n${slo('x', OBJECTIVE)}`,
      ).definitions[0].alerting.windows.map(
        w => `${w.long}/${w.short} x${w.factor} ${w.severity}`,
      ),
    ).toEqual([
      '1h/5m x14.4 page',
      '6h/30m x6 page',
      '1d/2h x3 ticket',
      '3d/6h x1 ticket',
    ]);
  });

  it('reports duplicate ids and names across files', () => {
    const result = parseSloDocuments([
      { file: 'a.yaml', text: `${SLI}---\n${slo('x', OBJECTIVE)}` },
      { file: 'b.yaml', text: `${SLI}---\n${slo('x', OBJECTIVE)}` },
    ]);
    expect(result.definitions).toHaveLength(1);
    expect(lines(result.problems)).toEqual([
      'b.yaml:4:9 metadata.name: a SLI named "api-success" is already defined at a.yaml:1; this one is ignored',
      'b.yaml:21:9 metadata.name: an SLO with the id "x" is already defined at a.yaml:18; this one is skipped',
    ]);
  });

  it('reports YAML errors and unknown documents without losing the rest', () => {
    const result = parseSloDocuments(
      [
        'apiVersion: openslo/v1\nkind: SLO\nmetadata: [unclosed\n',
        'apiVersion: openslo/v1\nkind: Objective\nmetadata:\n  name: o\n',
        'apiVersion: openslo/v1alpha\nkind: SLO\n',
        'just: a map\n',
        '- a list\n',
        SLI,
        slo('x', OBJECTIVE),
      ].join('---\n'),
      { file: 's.yaml' },
    );
    expect(result.definitions.map(d => d.id)).toEqual(['x']);
    expect(result.problems.map(p => [p.line, p.severity, p.message])).toEqual([
      [4, 'error', expect.stringMatching(/^not valid YAML: /)],
      [
        6,
        'warning',
        '"Objective" is not an OpenSLO v1 kind this suite reads (SLO, SLI, AlertPolicy, AlertCondition, AlertNotificationTarget, Service, DataSource); the document is skipped',
      ],
      [
        10,
        'error',
        '"openslo/v1alpha" is not supported; write the document as openslo/v1',
      ],
      [
        13,
        'warning',
        'neither an OpenSLO document (apiVersion: openslo/v1) nor a Sloth spec (version: prometheus/v1); skipped',
      ],
      [
        15,
        'error',
        'each document must be a map (an OpenSLO object or a Sloth spec), not a list',
      ],
    ]);
  });
});

describe('Sloth specs', () => {
  const sloth = (body: string) =>
    parseSloDocuments(
      `version: prometheus/v1
service: web
slos:
  - name: availability
${body}`,
      { file: 'sloth.yaml' },
    );
  const EVENTS = `    sli:
      events:
        error_query: sum(rate(errors_total[{{.window}}]))
        total_query: sum(rate(requests_total[{{.window}}]))
`;

  it('converts the percent objective and warns about a fraction', () => {
    expect(
      sloth(`    objective: 99.95\n${EVENTS}`).definitions[0].objective,
    ).toBe(0.9995);
    const fraction = sloth(`    objective: 0.999\n${EVENTS}`);
    expect(lines(fraction.problems)).toEqual([
      'sloth.yaml:5:16 slos[0].objective: warning: Sloth objectives are percentages: 0.999 means 0.999 %; did you mean 99.9?',
    ]);
  });

  it.each([
    [
      'a plugin SLI',
      '    objective: 99\n    sli:\n      plugin:\n        id: sloth-common/availability\n',
      'slos[0].sli.plugin: Sloth SLI plugins cannot be evaluated here; write the SLI as "events" or "raw" PromQL',
    ],
    [
      'a missing total query',
      '    objective: 99\n    sli:\n      events:\n        error_query: up\n',
      'slos[0].sli.events.total_query: is required in a Sloth events SLI',
    ],
    [
      'an objective of 100',
      `    objective: 100\n${EVENTS}`,
      'slos[0].objective: must be a percentage more than 0 and less than 100 (100 would leave no error budget), not 100',
    ],
    [
      'an invalid alert name',
      `    objective: 99\n${EVENTS}    alerting:\n      name: web errors\n`,
      'slos[0].alerting.name: "web errors" is not a Prometheus alert name (letters, digits, "_" and ":", such as CheckoutHighErrorRate)',
    ],
    [
      'an invalid label name',
      `    objective: 99\n    labels:\n      team.name: web\n${EVENTS}`,
      'slos[0].labels["team.name"]: "team.name" is not a Prometheus label name (letters, digits and "_", not starting with a digit)',
    ],
  ])('reports %s', (_, body, expected) => {
    const result = sloth(body);
    expect(result.definitions).toEqual([]);
    expect(result.problems.map(p => `${p.field}: ${p.message}`)).toEqual([
      expected,
    ]);
  });

  it('reads the Kubernetes resource form of a Sloth spec', () => {
    const result = parseSloDocuments(`apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: web
spec:
  service: web
  labels:
    multicloud_entity_ref: component:shop/web
  slos:
    - name: availability
      objective: 99
      sli:
        raw:
          error_ratio_query: job:errors:ratio_rate{{.window}}
`);
    expect(result.problems).toEqual([]);
    expect(result.definitions[0]).toMatchObject({
      id: 'web-availability',
      entityRef: 'component:shop/web',
      indicator: { form: 'raw', rawType: 'failure' },
    });
  });
});

describe('normalizeEntityRef', () => {
  it.each([
    ['checkout', 'component:default/checkout'],
    ['shop/checkout', 'component:shop/checkout'],
    ['System:Payments/Ledger', 'system:payments/Ledger'],
    ['a b', undefined],
    ['component:', undefined],
  ])('%s', (text, expected) => {
    expect(normalizeEntityRef(text)).toBe(expected);
  });
});
