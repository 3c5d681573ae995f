import { trendRows } from './trend';

describe('trendRows', () => {
  it('splits the months and joins the forecast to the last actual day', () => {
    expect(
      trendRows(
        [
          { date: '2026-10-31', actual: 90 },
          { date: '2026-11-01', actual: 100 },
          { date: '2026-11-02', actual: 110 },
          { date: '2026-11-03', expected: 105, lower: 90, upper: 120 },
        ],
        '2026-11-01',
      ),
    ).toEqual([
      { date: '2026-10-31', previous: 90 },
      { date: '2026-11-01', actual: 100 },
      { date: '2026-11-02', actual: 110, expected: 110, band: [110, 110] },
      { date: '2026-11-03', expected: 105, band: [90, 120] },
    ]);
  });

  it('has no forecast when the month is over', () => {
    expect(
      trendRows([{ date: '2026-11-30', actual: 100 }], '2026-11-01'),
    ).toEqual([{ date: '2026-11-30', actual: 100 }]);
  });
});
