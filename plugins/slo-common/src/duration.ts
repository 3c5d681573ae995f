import type { SloWindow } from './api';

/**
 * A duration of an SLO file: fixed (`5m`, `1h30m`, `28d`, `1w`, Prometheus
 * units) or calendar (`1M`, `1Q`, `1Y`: months, whose length varies).
 */
export type Duration =
  | { kind: 'fixed'; text: string; seconds: number }
  | { kind: 'calendar'; text: string; months: number };

const FIXED_UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
  y: 365 * 86400,
};
const CALENDAR_MONTHS: Record<string, number> = { M: 1, Q: 3, Y: 12 };

const FIXED = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const FIXED_TERM = /(\d+)(ms|s|m|h|d|w|y)/g;
const CALENDAR = /^(\d+)([MQY])$/;

/** Parses a duration; undefined when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim();
  const calendar = CALENDAR.exec(trimmed);
  if (calendar) {
    const months = Number(calendar[1]) * CALENDAR_MONTHS[calendar[2]];
    return months > 0 ? { kind: 'calendar', text: trimmed, months } : undefined;
  }
  if (!FIXED.test(trimmed)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of trimmed.matchAll(FIXED_TERM)) {
    seconds += Number(amount) * FIXED_UNITS[unit];
  }
  return seconds > 0 ? { kind: 'fixed', text: trimmed, seconds } : undefined;
}

/** Seconds of a fixed duration such as `1h`; throws for anything else. */
export function durationSeconds(text: string): number {
  const duration = parseDuration(text);
  if (duration?.kind !== 'fixed') {
    throw new Error(`"${text}" is not a fixed duration such as 5m, 1h or 28d`);
  }
  return duration.seconds;
}

/**
 * The shortest Prometheus duration for a number of seconds: `3600` -> `1h`,
 * `5400` -> `1h30m`, `172800` -> `2d`. Weeks and years are left out so that a
 * window written `28d` keeps its name.
 */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds * 1000);
  if (rest <= 0) return '0s';
  let text = '';
  for (const [unit, ms] of [
    ['d', 86400000],
    ['h', 3600000],
    ['m', 60000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    if (rest >= ms) {
      text += `${Math.floor(rest / ms)}${unit}`;
      rest %= ms;
    }
  }
  return text;
}

/** Wall-clock time in a time zone, month 1-12. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is a time zone name the runtime knows (IANA). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Wall-clock time as if it were UTC, in ms: a scale for wall-clock arithmetic. */
function wallMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function wallFromMs(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The instant at which clocks in `timeZone` show `wall`. */
function instantOf(wall: WallClock, timeZone: string): number {
  const guess = wallMs(wall);
  const offsetAt = (t: number) => wallMs(wallClockAt(t, timeZone)) - t;
  const first = guess - offsetAt(guess);
  // Across a change of offset (DST) the first guess used the other side's offset.
  const second = guess - offsetAt(first);
  return second;
}

const START_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an OpenSLO `calendar.startTime` (`2022-01-01 12:00:00`, wall-clock
 * time of the window's time zone; an explicit `Z` or offset also works) as
 * wall-clock time in `timeZone`; undefined when it is not a date.
 */
function parseStartTime(text: string, timeZone: string): WallClock | undefined {
  const match = START_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = match;
  const wall: WallClock = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  const roundTrip = wallFromMs(wallMs(wall));
  if (
    roundTrip.month !== wall.month ||
    roundTrip.day !== wall.day ||
    wall.hour > 23 ||
    wall.minute > 59 ||
    wall.second > 59
  ) {
    return undefined;
  }
  if (!zone) return wall;
  const digits = zone.replace(/[^0-9]/g, '');
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return wallClockAt(wallMs(wall) - offsetMinutes * 60000, timeZone);
}

/** Whether `text` is a start time `calendarPeriod` can read. */
export function isValidStartTime(text: string): boolean {
  return parseStartTime(text, 'UTC') !== undefined;
}

function addMonths(wall: WallClock, months: number): WallClock {
  const index = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...wall, year, month, day: Math.min(wall.day, lastDay) };
}

// 1970-01-05 was a Monday: calendar weeks start on Mondays (ISO 8601).
const FIRST_MONDAY: WallClock = {
  year: 1970,
  month: 1,
  day: 5,
  hour: 0,
  minute: 0,
  second: 0,
};
const EPOCH: WallClock = { ...FIRST_MONDAY, day: 1 };
const WEEK_MS = 7 * 86400000;

/** Start and end of a period of an SLO window. */
export interface Period {
  start: Date;
  end: Date;
}

/**
 * The period of a calendar window that contains `now`: `1M` is the calendar
 * month (in the window's time zone, UTC by default), `1Q` the quarter, `1w`
 * the week from Monday, `1d` the day; a `startTime` anchors the periods
 * instead (`1M` from the 15th to the 15th). For a rolling window, the window
 * that ends at `now`.
 */
export function windowPeriod(window: SloWindow, now: Date): Period {
  const duration = parseDuration(window.duration);
  if (!duration) {
    throw new Error(`"${window.duration}" is not a duration`);
  }
  if (window.kind === 'rolling') {
    if (duration.kind !== 'fixed') {
      throw new Error(
        `a rolling window needs a fixed duration, not "${window.duration}"`,
      );
    }
    return {
      start: new Date(now.getTime() - duration.seconds * 1000),
      end: now,
    };
  }
  const timeZone = window.timeZone ?? 'UTC';
  const nowWall = wallMs(wallClockAt(now.getTime(), timeZone));
  const toDate = (ms: number) => new Date(instantOf(wallFromMs(ms), timeZone));

  if (duration.kind === 'calendar') {
    const anchor = window.startTime
      ? parseStartTime(window.startTime, timeZone) ?? EPOCH
      : EPOCH;
    const nowClock = wallFromMs(nowWall);
    const monthsApart =
      (nowClock.year - anchor.year) * 12 + (nowClock.month - anchor.month);
    let k = Math.floor(monthsApart / duration.months);
    while (wallMs(addMonths(anchor, k * duration.months)) > nowWall) k--;
    while (wallMs(addMonths(anchor, (k + 1) * duration.months)) <= nowWall) {
      k++;
    }
    return {
      start: toDate(wallMs(addMonths(anchor, k * duration.months))),
      end: toDate(wallMs(addMonths(anchor, (k + 1) * duration.months))),
    };
  }

  const stepMs = duration.seconds * 1000;
  const defaultAnchor = stepMs % WEEK_MS === 0 ? FIRST_MONDAY : EPOCH;
  const anchor = wallMs(
    window.startTime
      ? parseStartTime(window.startTime, timeZone) ?? defaultAnchor
      : defaultAnchor,
  );
  const k = Math.floor((nowWall - anchor) / stepMs);
  return {
    start: toDate(anchor + k * stepMs),
    end: toDate(anchor + (k + 1) * stepMs),
  };
}

/**
 * Seconds of the SLO window up to `now`: the whole duration of a rolling
 * window, the elapsed part of the current period of a calendar window.
 */
export function windowElapsedSeconds(window: SloWindow, now: Date): number {
  const { start } = windowPeriod(window, now);
  return Math.max(1, Math.round((now.getTime() - start.getTime()) / 1000));
}
