import { timeAgo } from './time';

describe('timeAgo', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const before = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it('rounds down to the largest whole unit', () => {
    expect(timeAgo(before(30), now)).toBe('just now');
    expect(timeAgo(before(60), now)).toBe('1 minute ago');
    expect(timeAgo(before(5 * 60 + 59), now)).toBe('5 minutes ago');
    expect(timeAgo(before(3 * 3600), now)).toBe('3 hours ago');
    expect(timeAgo(before(2 * 86400), now)).toBe('2 days ago');
  });

  it('treats a time in the future as just now', () => {
    expect(timeAgo(before(-20), now)).toBe('just now');
  });
});
