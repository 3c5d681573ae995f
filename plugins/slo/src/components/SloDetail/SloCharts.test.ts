import { burnRates } from '../../testing/testSlos';
import { budgetAxis, lineStyles, thresholds, timeTicks } from './SloCharts';

describe('charts', () => {
  it('puts time ticks on round hours, or days for long ranges', () => {
    const end = Date.parse('2026-11-21T08:40:00Z') / 1000;
    const day = timeTicks(end - 86400, end);
    expect(day.ticks.map(day.format)).toEqual([
      '09:00',
      '12:00',
      '15:00',
      '18:00',
      '21:00',
      '00:00',
      '03:00',
      '06:00',
    ]);
    const month = timeTicks(end - 30 * 86400, end);
    expect(month.ticks.map(month.format)).toEqual([
      // Every five days since the epoch.
      '24 Oct',
      '29 Oct',
      '3 Nov',
      '8 Nov',
      '13 Nov',
      '18 Nov',
    ]);
  });

  it('draws the budget axis in quarters down to an overspent budget', () => {
    expect(budgetAxis([0.9, 0.8])).toEqual({
      domain: [0, 1],
      ticks: [0, 0.25, 0.5, 0.75, 1],
    });
    expect(budgetAxis([-0.69, -0.6])).toEqual({
      domain: [-0.75, 1],
      ticks: [-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1],
    });
    // Far overspent: fewer ticks, still on quarters.
    const far = budgetAxis([-4]);
    expect(far.domain).toEqual([-4, 1]);
    expect(far.ticks.length).toBeLessThanOrEqual(11);
    expect(far.ticks.every(t => Number.isInteger(t * 4))).toBe(true);
  });

  it('gives each window pair a colour, long windows solid and short ones dotted', () => {
    const windows = burnRates([]);
    const styles = lineStyles(
      ['1h', '5m', '6h', '30m', '1d', '2h', '3d', '12h'],
      windows,
    );
    expect(styles.map(s => [s.key, s.short])).toEqual([
      ['5m', true],
      ['30m', true],
      ['1h', false],
      ['2h', true],
      // Long in 6h/30m, short in 3d/6h: drawn as a long window.
      ['6h', false],
      ['12h', false],
      ['1d', false],
      ['3d', false],
    ]);
    const color = (key: string) => styles.find(s => s.key === key)?.color;
    expect(color('1h')).toBe(color('5m'));
    expect(color('6h')).toBe(color('30m'));
    expect(color('1h')).not.toBe(color('6h'));
  });

  it('lists each threshold once, highest first, with its pairs', () => {
    expect(
      thresholds([
        ...burnRates([]),
        { long: '2d', short: '4h', factor: 1, severity: 'ticket' },
      ]),
    ).toEqual([
      { factor: 14.4, severity: 'page', pairs: '1h/5m' },
      { factor: 6, severity: 'page', pairs: '6h/30m' },
      { factor: 3, severity: 'ticket', pairs: '1d/2h' },
      { factor: 1, severity: 'ticket', pairs: '3d/6h, 2d/4h' },
    ]);
  });
});
