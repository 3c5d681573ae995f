import type {
  AnomaliesResponse,
  BudgetsResponse,
  CostSeriesResponse,
  CostSummaryResponse,
  CurrencySummary,
  FilesResponse,
  MoversResponse,
  TrendPoint,
} from '@multicloud/plugin-finops-common';
import type { CostsQuery, FinOpsApi } from '../api';

/** The day the test data runs to. */
export const AS_OF = '2026-11-20';

function trend(daily: number): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let day = 1; day <= 31; day++) {
    points.push({
      date: `2026-10-${String(day).padStart(2, '0')}`,
      actual: daily * 0.9,
    });
  }
  for (let day = 1; day <= 30; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    points.push(
      day <= 20
        ? { date, actual: daily }
        : { date, expected: daily, lower: daily * 0.8, upper: daily * 1.2 },
    );
  }
  return points;
}

function currency(
  code: string,
  monthToDate: number,
  unattributed: number,
): CurrencySummary {
  return {
    currency: code,
    monthToDate,
    previousMonthToDate: monthToDate * 0.8,
    previousMonth: monthToDate * 1.2,
    forecastMonth: {
      periodEnd: '2026-11-30',
      actual: monthToDate,
      expected: monthToDate * 1.5,
      lower: monthToDate * 1.4,
      upper: monthToDate * 1.6,
      confidence: 0.8,
    },
    forecastQuarter: {
      periodEnd: '2026-12-31',
      actual: monthToDate * 2.4,
      expected: monthToDate * 4,
      lower: monthToDate * 3.7,
      upper: monthToDate * 4.3,
      confidence: 0.8,
    },
    unattributed,
    unattributedShare: monthToDate ? unattributed / monthToDate : 0,
    trend: trend(monthToDate / 20),
  };
}

/** USD and EUR: the views must show both and never add them up. */
export function testSummary(): CostSummaryResponse {
  return {
    asOf: AS_OF,
    metric: 'effective',
    currencies: [currency('EUR', 30000, 600), currency('USD', 120000, 9600)],
  };
}

/** One environment in each budget state. */
export function testBudgets(): BudgetsResponse {
  const forecast = (expected: number) => ({
    periodEnd: '2026-11-30',
    actual: expected * 0.66,
    expected,
    lower: expected * 0.9,
    upper: expected * 1.1,
    confidence: 0.8,
  });
  return {
    asOf: AS_OF,
    budgets: [
      {
        environment: 'admin-azure-westeurope',
        budget: { currency: 'EUR', amount: 20000 },
        monthToDate: [{ currency: 'EUR', amount: 9000 }],
        forecast: forecast(13500),
        state: 'ok',
        used: 0.45,
        forecastUsed: 0.675,
      },
      {
        environment: 'workload-aws-useast1',
        budget: { currency: 'USD', amount: 40000 },
        monthToDate: [{ currency: 'USD', amount: 46000 }],
        forecast: forecast(69000),
        state: 'over',
        used: 1.15,
        forecastUsed: 1.725,
      },
      {
        environment: 'workload-gcp-europewest4',
        budget: { currency: 'USD', amount: 30000 },
        monthToDate: [{ currency: 'USD', amount: 24000 }],
        forecast: forecast(36000),
        state: 'at-risk',
        used: 0.8,
        forecastUsed: 1.2,
      },
      {
        environment: 'hci-vsphere-ams01',
        monthToDate: [{ currency: 'EUR', amount: 2100 }],
        state: 'no-budget',
      },
      {
        environment: 'workload-oracle-frankfurt',
        budget: { currency: 'USD', amount: 15000 },
        monthToDate: [{ currency: 'EUR', amount: 7000 }],
        state: 'currency-mismatch',
      },
    ],
  };
}

/** A series answer for any grouping: two groups in USD, one in EUR, one unattributed. */
export function testCosts(query: CostsQuery): CostSeriesResponse {
  const key = (name: string) =>
    query.groupBy === 'provider'
      ? { aws: 'aws', azure: 'azure', gcp: 'gcp' }[name] ?? name
      : name;
  const points = (amounts: number[]) =>
    amounts.map((amount, i) => ({
      period: `2026-11-${String(i + 1).padStart(2, '0')}`,
      amount,
    }));
  if (query.groupBy === 'entity') {
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      granularity: query.granularity,
      metric: 'effective',
      totals: [{ currency: 'USD', amount: 70000 }],
      groups: [
        {
          key: 'component:default/ledger-peer',
          currency: 'USD',
          total: 50000,
          points: points([20000, 30000]),
        },
        {
          key: null,
          currency: 'USD',
          total: 20000,
          points: points([10000, 10000]),
        },
      ],
    };
  }
  const groups =
    query.groupBy === 'provider'
      ? [
          {
            key: key('aws'),
            currency: 'USD',
            total: 70000,
            points: points([30000, 40000]),
          },
          {
            key: key('gcp'),
            currency: 'USD',
            total: 50000,
            points: points([20000, 30000]),
          },
          {
            key: key('azure'),
            currency: 'EUR',
            total: 30000,
            points: points([10000, 20000]),
          },
        ]
      : [
          {
            key: 'workload-aws-useast1',
            currency: 'USD',
            total: 70000,
            points: points([30000, 40000]),
          },
          {
            key: 'workload-gcp-europewest4',
            currency: 'USD',
            total: 40400,
            points: points([20000, 20400]),
          },
          {
            key: null,
            currency: 'USD',
            total: 9600,
            points: points([4000, 5600]),
          },
          {
            key: 'admin-azure-westeurope',
            currency: 'EUR',
            total: 30000,
            points: points([10000, 20000]),
          },
        ];
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    granularity: query.granularity,
    metric: 'effective',
    totals: [
      { currency: 'EUR', amount: 30000 },
      { currency: 'USD', amount: 120000 },
    ],
    groups,
  };
}

export function testMovers(): MoversResponse {
  return {
    from: '2026-10-22',
    to: AS_OF,
    previousFrom: '2026-09-22',
    previousTo: '2026-10-21',
    movers: [
      {
        dimension: 'service',
        key: 'Amazon Elastic Kubernetes Service',
        currency: 'USD',
        current: 52000,
        previous: 40000,
        change: 12000,
        changeRatio: 0.3,
      },
      {
        dimension: 'service',
        key: 'Azure Monitor',
        currency: 'EUR',
        current: 1200,
        previous: 2000,
        change: -800,
        changeRatio: -0.4,
      },
    ],
  };
}

export function testAnomalies(): AnomaliesResponse {
  return {
    from: '2026-10-22',
    to: AS_OF,
    anomalies: [
      {
        date: '2026-11-14',
        dimension: 'environment',
        key: 'workload-gcp-europewest4',
        currency: 'USD',
        amount: 4800,
        expected: 1200,
        score: 7.4,
        direction: 'spike',
      },
    ],
  };
}

export function testFiles(): FilesResponse {
  return {
    files: [
      {
        key: 'aws/2026-11.csv',
        kind: 'focus',
        focusVersion: '1.0',
        rowsRead: 1200,
        rowsIngested: 1198,
        problemCount: 2,
        problems: [
          'aws/2026-11.csv:14 BilledCost: "12,5" is not a decimal',
          'aws/2026-11.csv:90 ChargePeriodStart: missing',
        ],
        ingestedAt: '2026-11-21T08:00:00Z',
      },
      {
        key: 'gcp/2026-11.csv',
        kind: 'focus',
        focusVersion: '1.0',
        rowsRead: 800,
        rowsIngested: 800,
        problemCount: 0,
        problems: [],
        ingestedAt: '2026-11-21T08:00:00Z',
      },
    ],
  };
}

/** A FinOps API answering with the test data; override any method. */
export function mockFinOpsApi(
  overrides: Partial<FinOpsApi> = {},
): jest.Mocked<FinOpsApi> {
  return {
    getCosts: jest.fn(overrides.getCosts ?? (async q => testCosts(q))),
    getSummary: jest.fn(overrides.getSummary ?? (async () => testSummary())),
    getBudgets: jest.fn(overrides.getBudgets ?? (async () => testBudgets())),
    getAnomalies: jest.fn(
      overrides.getAnomalies ?? (async () => testAnomalies()),
    ),
    getMovers: jest.fn(overrides.getMovers ?? (async () => testMovers())),
    getFiles: jest.fn(overrides.getFiles ?? (async () => testFiles())),
  };
}

/**
 * recharts sizes its charts with ResizeObserver, which jsdom lacks; this
 * one reports a fixed size, as jsdom lays nothing out.
 */
export function stubResizeObserver() {
  class ResizeObserverStub {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      const contentRect = { width: 640, height: 260 } as DOMRectReadOnly;
      this.callback(
        [{ target, contentRect } as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  const real = globalThis.ResizeObserver;
  beforeAll(() => {
    globalThis.ResizeObserver =
      ResizeObserverStub as unknown as typeof ResizeObserver;
  });
  afterAll(() => {
    globalThis.ResizeObserver = real;
  });
}
