import { topMovers } from './movers';

describe('topMovers', () => {
  it('ranks the largest changes first, either way', () => {
    const movers = topMovers(
      [
        { key: 'compute', currency: 'USD', amount: 1500 },
        { key: 'storage', currency: 'USD', amount: 100 },
        { key: 'network', currency: 'USD', amount: 50 },
        { key: 'compute', currency: 'EUR', amount: 80 },
        { key: null, currency: 'USD', amount: 40 },
      ],
      [
        { key: 'compute', currency: 'USD', amount: 1000 },
        { key: 'storage', currency: 'USD', amount: 900 },
        { key: 'network', currency: 'USD', amount: 50 },
        { key: 'compute', currency: 'EUR', amount: 100 },
      ],
    );
    expect(movers).toEqual([
      {
        key: 'storage',
        currency: 'USD',
        current: 100,
        previous: 900,
        change: -800,
        changeRatio: expect.closeTo(-0.8889, 4),
      },
      {
        key: 'compute',
        currency: 'USD',
        current: 1500,
        previous: 1000,
        change: 500,
        changeRatio: 0.5,
      },
      { key: null, currency: 'USD', current: 40, previous: 0, change: 40 },
      {
        key: 'compute',
        currency: 'EUR',
        current: 80,
        previous: 100,
        change: -20,
        changeRatio: -0.2,
      },
    ]);
  });

  it('lists at most `limit` movers', () => {
    const current = Array.from({ length: 30 }, (_, i) => ({
      key: `s${i}`,
      currency: 'USD',
      amount: i + 1,
    }));
    const movers = topMovers(current, [], 5);
    expect(movers.map(m => m.key)).toEqual(['s29', 's28', 's27', 's26', 's25']);
  });

  it('measures the ratio of a credit by its size', () => {
    const [mover] = topMovers(
      [{ key: 'credit', currency: 'USD', amount: -50 }],
      [{ key: 'credit', currency: 'USD', amount: -100 }],
    );
    expect(mover.changeRatio).toBe(0.5);
  });
});
