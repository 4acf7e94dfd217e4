/**
 * Wall-clock arithmetic in IANA time zones, on top of Intl (the emulator runs in Node, where the
 * full ICU data is available). Used by Utilities.formatDate/parseDate and the trigger schedule.
 */
import { platformError } from '../platform-error';

export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 (Monday) to 7 (Sunday), ISO numbering. */
  isoWeekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Java accepts "GMT+5", "UTC" and fixed offsets; Intl wants IANA names or "+05:00". */
export function normalizeTimeZone(timeZone: unknown): string {
  const raw = String(timeZone ?? '').trim();
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(raw);
  const candidate = m ? `${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : raw;
  try {
    formatterFor(candidate);
    return candidate;
  } catch {
    // Java's TimeZone.getTimeZone falls back to GMT for unknown ids; Apps Script does the same in
    // formatDate (unverified for every method), so unknown zones are treated as GMT.
    return 'Etc/GMT';
  }
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function zonedParts(ms: number, timeZone: string): ZonedParts {
  if (!Number.isFinite(ms)) throw platformError('Invalid argument: date');
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    isoWeekday: WEEKDAYS[parts.weekday] ?? 1,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (New York in winter: -300). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const y = new Date(asUtc);
  // Date.UTC maps years 0-99 to 1900-1999.
  if (p.year >= 0 && p.year < 100) y.setUTCFullYear(p.year);
  return Math.round((y.getTime() - ms) / 60_000);
}

/**
 * The instant a wall-clock time denotes in a zone. Gaps (spring forward) resolve forward and
 * overlaps (fall back) to the earlier instant, as java.util.Calendar does in lenient mode.
 */
export function zonedTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, millisecond);
  const wall = d.getTime();
  // The offsets a day either side bracket any transition near this wall time.
  const before = wall - offsetMinutes(wall - 86_400_000, timeZone) * 60_000;
  const after = wall - offsetMinutes(wall + 86_400_000, timeZone) * 60_000;
  const valid = [before, after].filter((ms) => sameWall(ms, wall, timeZone));
  if (valid.length) return Math.min(...valid);
  return before;
}

function sameWall(ms: number, wall: number, timeZone: string): boolean {
  return ms + offsetMinutes(ms, timeZone) * 60_000 === wall;
}

/** ISO-8601 week of the year of a calendar date. */
export function isoWeekOfYear(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(2000, 0, 1));
  yearStart.setUTCFullYear(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

/** Short zone name ("EST", "GMT+1") as Intl renders it; Java uses its own table (e.g. "CET"). */
export function shortZoneName(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  const name = part?.value ?? 'GMT';
  return name === 'UTC' ? 'UTC' : name;
}

export function longZoneName(ms: number, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
