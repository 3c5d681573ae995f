import {
  DEFAULT_BURN_RATE_WINDOWS,
  type SloDefinition,
} from '@multicloud/plugin-slo-common';

/** A good/total SLO as the parser gives it, with the workbook's four window pairs. */
export function ratioDefinition(
  overrides: Partial<SloDefinition> = {},
): SloDefinition {
  return {
    id: 'checkout-availability',
    name: 'checkout-availability',
    entityRef: 'component:default/checkout',
    format: 'openslo/v1',
    objective: 0.99,
    window: { kind: 'rolling', duration: '28d' },
    budgetingMethod: 'Occurrences',
    indicator: {
      kind: 'ratio',
      form: 'good-total',
      good: 'http_requests_total{job="checkout",code!~"5.."}',
      total: 'http_requests_total{job="checkout"}',
    },
    alerting: {
      windows: [...DEFAULT_BURN_RATE_WINDOWS],
      policies: [],
      labels: {},
      annotations: {},
      page: { disabled: false, labels: {}, annotations: {} },
      ticket: { disabled: false, labels: {}, annotations: {} },
    },
    environments: { kind: 'all' },
    labels: {},
    annotations: {},
    source: { file: 'slos/checkout.yaml', line: 1, column: 1 },
    ...overrides,
  };
}
