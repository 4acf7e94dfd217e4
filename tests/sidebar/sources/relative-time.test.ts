import { timeAgo } from '../../../sidebar/sources/relative-time';

const NOW = Date.parse('2025-07-15T12:00:00Z');
const earlier = (ms: number) => new Date(NOW - ms).toISOString();

describe('how long ago a sync was, in words', () => {
  it('says "just now" within the minute', () => {
    expect(timeAgo(earlier(20_000), NOW)).toBe('just now');
  });
  it('counts minutes, then hours, with singular and plural', () => {
    expect(timeAgo(earlier(60_000), NOW)).toBe('1 minute ago');
    expect(timeAgo(earlier(5 * 60_000), NOW)).toBe('5 minutes ago');
    expect(timeAgo(earlier(3 * 3_600_000), NOW)).toBe('3 hours ago');
  });
  it('says "yesterday" between one and two days, then counts days', () => {
    expect(timeAgo(earlier(30 * 3_600_000), NOW)).toBe('yesterday');
    expect(timeAgo(earlier(4 * 86_400_000), NOW)).toBe('4 days ago');
  });
  it('gives the date when it was more than a month ago', () => {
    expect(timeAgo('2025-05-01T09:00:00Z', NOW)).toBe('on 2025-05-01');
  });
  it('does not pretend to know when the time is unreadable', () => {
    expect(timeAgo('not a date', NOW)).toBe('at an unknown time');
  });
});
