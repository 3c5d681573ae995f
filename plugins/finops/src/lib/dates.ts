import type { CostGranularity } from '@multicloud/plugin-finops-common';
import type { DateRange } from '../api';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a time, in UTC: billing days are UTC days in FOCUS. */
export function isoDay(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return isoDay(parseDay(day).getTime() + days * DAY_MS);
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function startOfQuarter(day: string): string {
  const date = parseDay(day);
  const month = Math.floor(date.getUTCMonth() / 3) * 3;
  return isoDay(Date.UTC(date.getUTCFullYear(), month, 1));
}

/** Number of days of a range, both ends included. */
export function daysIn(range: DateRange): number {
  return (
    Math.round(
      (parseDay(range.to).getTime() - parseDay(range.from).getTime()) / DAY_MS,
    ) + 1
  );
}

/** The ranges the views offer. */
export type RangePreset =
  | 'month-to-date'
  | 'last-month'
  | 'last-30-days'
  | 'last-90-days'
  | 'quarter-to-date'
  | 'last-12-months';

export const RANGE_PRESETS: ReadonlyArray<{ id: RangePreset; label: string }> =
  [
    { id: 'month-to-date', label: 'Month to date' },
    { id: 'last-month', label: 'Last month' },
    { id: 'last-30-days', label: 'Last 30 days' },
    { id: 'last-90-days', label: 'Last 90 days' },
    { id: 'quarter-to-date', label: 'Quarter to date' },
    { id: 'last-12-months', label: 'Last 12 months' },
  ];

/** The days of a preset, ending today (UTC) or with last month. */
export function presetRange(preset: RangePreset, today: string): DateRange {
  switch (preset) {
    case 'month-to-date':
      return { from: startOfMonth(today), to: today };
    case 'last-month': {
      const to = addDays(startOfMonth(today), -1);
      return { from: startOfMonth(to), to };
    }
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'last-90-days':
      return { from: addDays(today, -89), to: today };
    case 'quarter-to-date':
      return { from: startOfQuarter(today), to: today };
    case 'last-12-months': {
      const date = parseDay(today);
      return {
        from: isoDay(
          Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth() + 1, 1),
        ),
        to: today,
      };
    }
    default:
      throw new Error(`unknown range ${preset satisfies never}`);
  }
}

/** A granularity that gives a readable number of bars for the range. */
export function defaultGranularity(range: DateRange): CostGranularity {
  const days = daysIn(range);
  if (days <= 45) return 'day';
  if (days <= 180) return 'week';
  return 'month';
}

const DAY_LABEL = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const MONTH_LABEL = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const LONG_DAY_LABEL = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `Nov 3`. */
export function dayLabel(day: string): string {
  return DAY_LABEL.format(parseDay(day));
}

/** `Nov 3, 2026`. */
export function longDayLabel(day: string): string {
  return LONG_DAY_LABEL.format(parseDay(day));
}

/** The label of a period of a series: `Nov 3`, `week of Nov 3`, `Nov 2026`. */
export function periodLabel(period: string, granularity: CostGranularity) {
  if (granularity === 'month') return MONTH_LABEL.format(parseDay(period));
  if (granularity === 'week') return `week of ${dayLabel(period)}`;
  return dayLabel(period);
}

/** `Nov 1 – Nov 21, 2026`. */
export function rangeLabel(range: DateRange): string {
  return `${dayLabel(range.from)} – ${longDayLabel(range.to)}`;
}

const MONTH_NAME = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  timeZone: 'UTC',
});

/** `November` for any day of it. */
export function monthName(day: string): string {
  return MONTH_NAME.format(parseDay(day));
}

/** `Q4 2026` for any day of it. */
export function quarterName(day: string): string {
  const date = parseDay(day);
  return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;
}

/** The first day of the month before the one of `day`. */
export function startOfPreviousMonth(day: string): string {
  return startOfMonth(addDays(startOfMonth(day), -1));
}
