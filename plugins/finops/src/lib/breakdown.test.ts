import { testCosts } from '../__testUtils__/testData';
import { breakdownCsv, byCurrency, stackRows } from './breakdown';

const response = testCosts({
  groupBy: 'environment',
  from: '2026-11-01',
  to: '2026-11-02',
  granularity: 'day',
});

describe('byCurrency', () => {
  it('keeps every currency apart, with shares of its own total', () => {
    const split = byCurrency(response);
    expect(split.map(c => [c.currency, c.total])).toEqual([
      ['EUR', 30000],
      ['USD', 120000],
    ]);
    expect(split[1].groups.map(g => [g.key, g.share])).toEqual([
      ['workload-aws-useast1', 70000 / 120000],
      ['workload-gcp-europewest4', 40400 / 120000],
      [null, 9600 / 120000],
    ]);
  });
});

describe('stackRows', () => {
  it('stacks the largest groups, the unattributed one wherever it ranks, and the rest as one', () => {
    const usd = byCurrency(response)[1];
    const { keys, rows } = stackRows('environment', usd.groups, 1);
    expect(keys).toEqual([
      {
        id: 'g0',
        label: 'workload-aws-useast1',
        key: 'workload-aws-useast1',
        rank: 0,
      },
      { id: 'g1', label: 'Unattributed', key: null, rank: 2 },
      { id: 'other', label: '1 more' },
    ]);
    expect(rows).toEqual([
      { period: '2026-11-01', g0: 30000, g1: 4000, other: 20000 },
      { period: '2026-11-02', g0: 40000, g1: 5600, other: 20400 },
    ]);
  });
});

describe('breakdownCsv', () => {
  it('writes one row per group, currency and period', () => {
    expect(breakdownCsv(response).split('\r\n')).toEqual([
      'Environment,currency,granularity,period_start,amount',
      'admin-azure-westeurope,EUR,day,2026-11-01,10000',
      'admin-azure-westeurope,EUR,day,2026-11-02,20000',
      'workload-aws-useast1,USD,day,2026-11-01,30000',
      'workload-aws-useast1,USD,day,2026-11-02,40000',
      'workload-gcp-europewest4,USD,day,2026-11-01,20000',
      'workload-gcp-europewest4,USD,day,2026-11-02,20400',
      'Unattributed,USD,day,2026-11-01,4000',
      'Unattributed,USD,day,2026-11-02,5600',
      '',
    ]);
  });
});
