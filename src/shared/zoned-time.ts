/**
 * Time-zone arithmetic with Intl.DateTimeFormat (which Apps Script's V8 supports): Apps Script
 * has no time-zone library, and Sheets shows a Date cell in the spreadsheet's zone, so a
 * calendar date must become the instant of that day's first moment *in that zone*.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date and time an instant shows in a zone. */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

function sameDay(w: WallClock, year: number, month: number, day: number): boolean {
  return w.year === year && w.month === month && w.day === day;
}

/**
 * The first instant of a calendar day in a zone: midnight, or the end of the gap on the days
 * where a daylight-saving change skips midnight (Santiago, historically São Paulo).
 */
export function startOfDayInZone(year: number, month: number, day: number, timeZone: string): Date {
  const utcMidnight = Date.UTC(year, month - 1, day);
  const halfDay = 12 * 3_600_000;
  const candidates = [
    utcMidnight - zoneOffsetMs(utcMidnight - halfDay, timeZone),
    utcMidnight - zoneOffsetMs(utcMidnight + halfDay, timeZone),
  ].sort((a, b) => a - b);
  for (const c of candidates) {
    const w = wallClock(c, timeZone);
    if (sameDay(w, year, month, day) && w.hour === 0 && w.minute === 0 && w.second === 0) return new Date(c);
  }
  // Midnight does not exist that day: find the first instant of the day (to the minute).
  let lo = Math.floor((candidates[0] - halfDay) / 60_000) * 60_000;
  let hi = Math.ceil((candidates[1] + halfDay) / 60_000) * 60_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    const w = wallClock(mid, timeZone);
    const beforeDay = w.year * 10_000 + w.month * 100 + w.day < year * 10_000 + month * 100 + day;
    if (beforeDay) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
