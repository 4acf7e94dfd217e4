/**
 * Calendar arithmetic in UTC milliseconds. The generator never reads the clock: `now` is an
 * argument, and everything else is computed from it.
 */
// A local copy: global lookups are slow in sandboxed runtimes (jest's vm context).
const UTC = Date.UTC;
const { floor, max, min } = Math;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/**
 * Nothing happens on launch day before noon UTC, so the launch falls on the 1st of the month in
 * every time zone from UTC−11 to UTC+11 (spreadsheets bucket months in their own zone).
 */
export const LAUNCH_HOUR = 12;

/** The earliest hour of the day activity may start: `usual`, or noon UTC on launch day. */
export function firstHour(dayIndex: number, usual: number): number {
  return dayIndex === 0 ? max(usual, LAUNCH_HOUR) : usual;
}

export function monthStart(ms: number): number {
  const d = new Date(ms);
  return UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function dayStart(ms: number): number {
  return floor(ms / DAY) * DAY;
}

/**
 * The same day of the month `months` later, clamped to the month's last day, keeping the time
 * of day: how Stripe moves a billing anchor (Jan 31 → Feb 29 → Mar 31).
 */
export function addMonths(anchor: number, months: number): number {
  const d = new Date(anchor);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(UTC(y, m + 1, 0)).getUTCDate();
  const day = min(d.getUTCDate(), lastDay);
  return UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** Whole months from `from` to `to` (month starts), e.g. Jan → Mar = 2. */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

export function unixSeconds(ms: number): number {
  return floor(ms / 1000);
}

/** `2024-03-05T14:07:00Z`, the shape GitHub and Zendesk send. */
export function isoSeconds(ms: number): string {
  return new Date(floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2024-03-05T14:07:00.000Z`, the shape HubSpot sends. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2024-03-05`. */
export function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Rounds down to the second, as the vendors' timestamps are. */
export function wholeSecond(ms: number): number {
  return floor(ms / 1000) * 1000;
}
