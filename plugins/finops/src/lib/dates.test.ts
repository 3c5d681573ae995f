import {
  daysIn,
  defaultGranularity,
  periodLabel,
  presetRange,
  quarterName,
  rangeLabel,
} from './dates';

describe('presetRange', () => {
  const today = '2026-11-21';

  it('ends the rolling ranges today', () => {
    expect(presetRange('month-to-date', today)).toEqual({
      from: '2026-11-01',
      to: today,
    });
    expect(presetRange('last-30-days', today)).toEqual({
      from: '2026-10-23',
      to: today,
    });
    expect(daysIn(presetRange('last-90-days', today))).toBe(90);
    expect(presetRange('quarter-to-date', today)).toEqual({
      from: '2026-10-01',
      to: today,
    });
    expect(presetRange('last-12-months', today)).toEqual({
      from: '2025-12-01',
      to: today,
    });
  });

  it('takes the whole previous month, across a year', () => {
    expect(presetRange('last-month', '2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});

describe('labels', () => {
  it('names periods and ranges', () => {
    expect(periodLabel('2026-11-02', 'day')).toBe('Nov 2');
    expect(periodLabel('2026-11-02', 'week')).toBe('week of Nov 2');
    expect(periodLabel('2026-11-01', 'month')).toBe('Nov 2026');
    expect(rangeLabel({ from: '2026-10-23', to: '2026-11-21' })).toBe(
      'Oct 23 – Nov 21, 2026',
    );
    expect(quarterName('2026-12-31')).toBe('Q4 2026');
  });

  it('picks a granularity with a readable number of bars', () => {
    expect(defaultGranularity({ from: '2026-10-23', to: '2026-11-21' })).toBe(
      'day',
    );
    expect(defaultGranularity({ from: '2026-08-24', to: '2026-11-21' })).toBe(
      'week',
    );
    expect(defaultGranularity({ from: '2025-12-01', to: '2026-11-21' })).toBe(
      'month',
    );
  });
});
