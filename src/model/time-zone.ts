/**
 * Dates inside a query are "wall clock" Dates: their local fields (getFullYear, getMonth,
 * getDate, getHours) read what the spreadsheet shows in its own time zone.
 *
 * Sheets hands cells over as instants, and JavaScript splits an instant into fields in the
 * script's time zone (the manifest's, Etc/UTC), not the spreadsheet's. A charge at 9 pm on
 * 31 January in New York is already February in UTC, so MONTH() and a monthly GROUP BY would
 * file it under the wrong month. Shifting every date into wall-clock form on the way into a
 * query, and back on the way out, makes AlaSQL's date functions and our grains agree with what
 * the founder sees. Limit: a wall time that does not exist in the script's own zone (its DST
 * gap) moves by the gap; Apps Script's UTC has none.
 */

/** Minutes to add to UTC to get the zone's wall clock at an instant (New York in winter: -300). */
export type ZoneOffset = (instantMs: number) => number;

export interface WallClock {
  toWall(instant: Date): Date;
  fromWall(wall: Date): Date;
}

const QUARTER_HOUR = 15 * 60_000;

/** A zone's offsets from Intl (Apps Script's V8 has ICU time zones); undefined if unavailable. */
export function intlZoneOffset(timeZone: string): ZoneOffset | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    format.formatToParts(new Date(0));
  } catch {
    return undefined;
  }
  return (instantMs) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(instantMs)))
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(
      parts.year,
      parts.month - 1,
      parts.day,
      parts.hour % 24,
      parts.minute,
      parts.second,
    );
    const wholeSecond = Math.floor(instantMs / 1000) * 1000;
    return Math.round((asUtc - wholeSecond) / 60_000);
  };
}

/** Offset changes happen on quarter hours, so one lookup per quarter hour is exact. */
export function cachedZoneOffset(offset: ZoneOffset): ZoneOffset {
  const cache = new Map<number, number>();
  return (instantMs) => {
    const bucket = Math.floor(instantMs / QUARTER_HOUR);
    let minutes = cache.get(bucket);
    if (minutes === undefined) {
      minutes = offset(bucket * QUARTER_HOUR);
      cache.set(bucket, minutes);
    }
    return minutes;
  };
}

export function wallClock(zoneOffset: ZoneOffset): WallClock {
  const offset = cachedZoneOffset(zoneOffset);
  return {
    toWall(instant) {
      const t = instant.getTime();
      if (Number.isNaN(t)) return instant;
      const shifted = new Date(t + offset(t) * 60_000);
      const wall = new Date(0);
      wall.setFullYear(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
      wall.setHours(
        shifted.getUTCHours(),
        shifted.getUTCMinutes(),
        shifted.getUTCSeconds(),
        shifted.getUTCMilliseconds(),
      );
      return wall;
    },
    fromWall(wall) {
      if (Number.isNaN(wall.getTime())) return wall;
      const asUtc = Date.UTC(
        wall.getFullYear(),
        wall.getMonth(),
        wall.getDate(),
        wall.getHours(),
        wall.getMinutes(),
        wall.getSeconds(),
        wall.getMilliseconds(),
      );
      const yearFixed = new Date(asUtc);
      yearFixed.setUTCFullYear(wall.getFullYear());
      const utc = yearFixed.getTime();
      const first = utc - offset(utc) * 60_000;
      return new Date(utc - offset(first) * 60_000);
    },
  };
}

/** For data already in the script's zone (and tests): the identity. */
export const SCRIPT_WALL_CLOCK: WallClock = { toWall: (d) => d, fromWall: (d) => d };
