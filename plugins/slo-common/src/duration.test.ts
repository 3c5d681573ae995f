import {
  durationSeconds,
  formatDuration,
  isValidStartTime,
  isValidTimeZone,
  parseDuration,
  windowElapsedSeconds,
  windowPeriod,
} from './duration';

describe('parseDuration', () => {
  it.each([
    ['5m', { kind: 'fixed', text: '5m', seconds: 300 }],
    ['1h30m', { kind: 'fixed', text: '1h30m', seconds: 5400 }],
    ['28d', { kind: 'fixed', text: '28d', seconds: 28 * 86400 }],
    ['1w', { kind: 'fixed', text: '1w', seconds: 7 * 86400 }],
    ['500ms', { kind: 'fixed', text: '500ms', seconds: 0.5 }],
    ['1y', { kind: 'fixed', text: '1y', seconds: 365 * 86400 }],
    ['1M', { kind: 'calendar', text: '1M', months: 1 }],
    ['1Q', { kind: 'calendar', text: '1Q', months: 3 }],
    ['2Y', { kind: 'calendar', text: '2Y', months: 24 }],
    ['0m', undefined],
    ['1M2d', undefined],
    ['5 m', undefined],
    ['1.5h', undefined],
    ['30', undefined],
  ])('%s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('gives the seconds of fixed durations only', () => {
    expect(durationSeconds('2h')).toBe(7200);
    expect(() => durationSeconds('1Q')).toThrow(
      '"1Q" is not a fixed duration such as 5m, 1h or 28d',
    );
  });

  it.each([
    [300, '5m'],
    [5400, '1h30m'],
    [86400 * 28, '28d'],
    [3 * 86400 + 3600, '3d1h'],
    [300 / 12, '25s'],
    [0.25, '250ms'],
    [0, '0s'],
  ])('formats %s seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('windowPeriod', () => {
  const now = new Date('2025-03-16T10:30:00Z');

  it('ends a rolling window now', () => {
    expect(windowPeriod({ kind: 'rolling', duration: '28d' }, now)).toEqual({
      start: new Date('2025-02-16T10:30:00Z'),
      end: now,
    });
    expect(windowElapsedSeconds({ kind: 'rolling', duration: '1h' }, now)).toBe(
      3600,
    );
  });

  it.each([
    [
      '1M',
      undefined,
      undefined,
      '2025-03-01T00:00:00Z',
      '2025-04-01T00:00:00Z',
    ],
    [
      '1Q',
      undefined,
      undefined,
      '2025-01-01T00:00:00Z',
      '2025-04-01T00:00:00Z',
    ],
    [
      '1Y',
      undefined,
      undefined,
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ],
    // Weeks start on Monday; 2025-03-16 is a Sunday.
    [
      '1w',
      undefined,
      undefined,
      '2025-03-10T00:00:00Z',
      '2025-03-17T00:00:00Z',
    ],
    [
      '1d',
      undefined,
      undefined,
      '2025-03-16T00:00:00Z',
      '2025-03-17T00:00:00Z',
    ],
    // Amsterdam is UTC+1 in March until the 30th, UTC+2 after.
    [
      '1M',
      undefined,
      'Europe/Amsterdam',
      '2025-02-28T23:00:00Z',
      '2025-03-31T22:00:00Z',
    ],
    // Anchored on the 15th at noon, New York time (UTC-4 from 9 March).
    [
      '1M',
      '2024-01-15 12:00:00',
      'America/New_York',
      '2025-03-15T16:00:00Z',
      '2025-04-15T16:00:00Z',
    ],
    [
      '2w',
      '2025-01-01',
      undefined,
      '2025-03-12T00:00:00Z',
      '2025-03-26T00:00:00Z',
    ],
    [
      '1M',
      '2025-01-31T00:00:00Z',
      undefined,
      '2025-02-28T00:00:00Z',
      '2025-03-31T00:00:00Z',
    ],
  ])('%s from %s in %s', (duration, startTime, timeZone, start, end) => {
    expect(
      windowPeriod(
        {
          kind: 'calendar',
          duration,
          ...(startTime ? { startTime } : {}),
          ...(timeZone ? { timeZone } : {}),
        },
        now,
      ),
    ).toEqual({ start: new Date(start), end: new Date(end) });
  });

  it('counts the elapsed part of a calendar period', () => {
    expect(
      windowElapsedSeconds({ kind: 'calendar', duration: '1M' }, now),
    ).toBe((15 * 24 + 10.5) * 3600);
  });

  it('rejects a rolling window without a fixed duration', () => {
    expect(() =>
      windowPeriod({ kind: 'rolling', duration: '1M' }, now),
    ).toThrow('a rolling window needs a fixed duration, not "1M"');
  });

  it('validates start times and time zones', () => {
    expect(isValidStartTime('2022-01-01 12:00:00')).toBe(true);
    expect(isValidStartTime('2022-01-01T12:00:00+02:00')).toBe(true);
    expect(isValidStartTime('2022-02-30')).toBe(false);
    expect(isValidStartTime('yesterday')).toBe(false);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
