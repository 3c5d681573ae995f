import { bucketDays, toCostGroups, totalsByCurrency } from './series';

describe('cost series', () => {
  const days = [
    { period: '2026-03-01', key: 'a', currency: 'USD', amount: 1 },
    { period: '2026-03-02', key: 'a', currency: 'USD', amount: 2 },
    { period: '2026-03-08', key: 'a', currency: 'USD', amount: 4 },
    { period: '2026-03-09', key: 'a', currency: 'USD', amount: 8 },
    { period: '2026-03-02', key: 'a', currency: 'EUR', amount: 16 },
    { period: '2026-04-01', key: null, currency: 'USD', amount: 32 },
  ];

  it('sums days into ISO weeks and months', () => {
    expect(bucketDays(days, 'week')).toEqual([
      { period: '2026-02-23', key: 'a', currency: 'USD', amount: 1 },
      { period: '2026-03-02', key: 'a', currency: 'USD', amount: 6 },
      { period: '2026-03-09', key: 'a', currency: 'USD', amount: 8 },
      { period: '2026-03-02', key: 'a', currency: 'EUR', amount: 16 },
      { period: '2026-03-30', key: null, currency: 'USD', amount: 32 },
    ]);
    expect(bucketDays(days, 'month')).toEqual([
      { period: '2026-03-01', key: 'a', currency: 'USD', amount: 15 },
      { period: '2026-03-01', key: 'a', currency: 'EUR', amount: 16 },
      { period: '2026-04-01', key: null, currency: 'USD', amount: 32 },
    ]);
    expect(bucketDays(days, 'day')).toEqual(days);
  });

  it('makes groups per key and currency, largest first, points in order', () => {
    expect(toCostGroups(bucketDays(days, 'month').reverse())).toEqual([
      {
        key: null,
        currency: 'USD',
        total: 32,
        points: [{ period: '2026-04-01', amount: 32 }],
      },
      {
        key: 'a',
        currency: 'EUR',
        total: 16,
        points: [{ period: '2026-03-01', amount: 16 }],
      },
      {
        key: 'a',
        currency: 'USD',
        total: 15,
        points: [{ period: '2026-03-01', amount: 15 }],
      },
    ]);
  });

  it('never adds two currencies', () => {
    expect(totalsByCurrency(days.map(d => ({ ...d })))).toEqual([
      { currency: 'EUR', amount: 16 },
      { currency: 'USD', amount: 47 },
    ]);
  });
});
