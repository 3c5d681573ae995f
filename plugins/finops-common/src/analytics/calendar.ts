import type { CostGranularity } from '../api';

/**
 * Calendar arithmetic on days written as `YYYY-MM-DD`. Every day is a UTC
 * day, as in the `ChargePeriodStart` of FOCUS, so the answers never depend on
 * the time zone of the machine.
 */

const DAY_MS = 86_400_000;

/** A span of days, `from` and `to` both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** Whether a text is a real calendar day as `YYYY-MM-DD`. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` day of a day number (see {@link dayNumber}). */
export function dayOfNumber(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of an instant. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumber(day) + days);
}

/** Number of days from `from` to `to`, both included (0 when reversed). */
export function daysInRange(range: DayRange): number {
  return Math.max(0, dayNumber(range.to) - dayNumber(range.from) + 1);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(range: DayRange): string[] {
  const days: string[] = [];
  for (let n = dayNumber(range.from); n <= dayNumber(range.to); n++) {
    days.push(dayOfNumber(n));
  }
  return days;
}

/** ISO weekday of a day: 1 for Monday to 7 for Sunday. */
export function isoWeekday(day: string): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** First day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Last day of the month of `day`. */
export function monthEnd(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return utcDay(new Date(Date.UTC(year, month, 0)));
}

/** The month of `day`. */
export function monthOf(day: string): DayRange {
  return { from: monthStart(day), to: monthEnd(day) };
}

/** The whole month before the month of `day`. */
export function previousMonthOf(day: string): DayRange {
  return monthOf(addDays(monthStart(day), -1));
}

/** The calendar quarter (Jan-Mar, Apr-Jun, ...) of `day`. */
export function quarterOf(day: string): DayRange {
  const year = Number(day.slice(0, 4));
  const firstMonth = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3;
  return {
    from: utcDay(new Date(Date.UTC(year, firstMonth, 1))),
    to: utcDay(new Date(Date.UTC(year, firstMonth + 3, 0))),
  };
}

/**
 * The days of the previous month that match month to date at `day`: from
 * the 1st to the same day of the month, or to the end of the previous month
 * when it is shorter (month to date on March 31 compares with all of
 * February).
 */
export function sameDaysOfPreviousMonth(day: string): DayRange {
  const previous = previousMonthOf(day);
  const sameDay = `${previous.from.slice(0, 8)}${day.slice(8, 10)}`;
  return {
    from: previous.from,
    to: isIsoDay(sameDay) && sameDay < previous.to ? sameDay : previous.to,
  };
}

/** The range of equal length that ends the day before `range` starts. */
export function previousPeriod(range: DayRange): DayRange {
  const length = daysInRange(range);
  return {
    from: addDays(range.from, -length),
    to: addDays(range.from, -1),
  };
}

/**
 * First day of the period of `granularity` that holds `day`: the day itself,
 * the Monday of its ISO week, or the 1st of its month.
 */
export function periodStart(day: string, granularity: CostGranularity): string {
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return addDays(day, 1 - isoWeekday(day));
    case 'month':
      return monthStart(day);
    default:
      throw new Error(`Unknown granularity ${String(granularity)}`);
  }
}
