import {
  addDays,
  daysInRange,
  eachDay,
  isIsoDay,
  isoWeekday,
  monthEnd,
  monthOf,
  periodStart,
  previousMonthOf,
  previousPeriod,
  quarterOf,
  sameDaysOfPreviousMonth,
} from './calendar';

describe('calendar', () => {
  it('knows real days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-3-01')).toBe(false);
    expect(isIsoDay(20260301)).toBe(false);
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysInRange({ from: '2026-01-01', to: '2026-12-31' })).toBe(365);
    expect(daysInRange({ from: '2026-01-02', to: '2026-01-01' })).toBe(0);
    expect(eachDay({ from: '2024-02-28', to: '2024-03-01' })).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('names ISO weekdays, Monday first', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-01-01')).toBe(4);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
  });

  it('bounds months and quarters', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-02-10')).toBe('2026-02-28');
    expect(monthOf('2026-12-15')).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(previousMonthOf('2026-01-15')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(quarterOf('2026-01-01')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(quarterOf('2026-05-20')).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(quarterOf('2026-12-31')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
  });

  it('compares month to date with the same days of the previous month', () => {
    expect(sameDaysOfPreviousMonth('2026-03-15')).toEqual({
      from: '2026-02-01',
      to: '2026-02-15',
    });
    // February has no 30th or 31st: all of it is compared.
    expect(sameDaysOfPreviousMonth('2026-03-31')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(sameDaysOfPreviousMonth('2026-01-01')).toEqual({
      from: '2025-12-01',
      to: '2025-12-01',
    });
  });

  it('finds the previous period of equal length', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-10' })).toEqual({
      from: '2026-03-09',
      to: '2026-03-09',
    });
  });

  it('puts days into weeks from Monday and months from the 1st', () => {
    expect(periodStart('2026-03-04', 'day')).toBe('2026-03-04');
    expect(periodStart('2026-03-04', 'week')).toBe('2026-03-02');
    expect(periodStart('2026-03-02', 'week')).toBe('2026-03-02');
    expect(periodStart('2026-03-08', 'week')).toBe('2026-03-02');
    expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(periodStart('2026-03-31', 'month')).toBe('2026-03-01');
  });
});
