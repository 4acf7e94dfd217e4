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

import { zoneOffsetMs } from '../shared/zoned-time';

/** Minutes to add to UTC to get the zone's wall clock at an instant (New York in winter: -300). */
export type ZoneOffset = (instantMs: number) => number;

export interface WallClock {
  toWall(instant: Date): Date;
  fromWall(wall: Date): Date;
}

const QUARTER_HOUR = 15 * 60_000;

/** A zone's offsets from Intl (Apps Script's V8 has ICU time zones); undefined if unavailable. */
export function intlZoneOffset(timeZone: string): ZoneOffset | undefined {
  try {
    zoneOffsetMs(0, timeZone);
  } catch {
    return undefined;
  }
  return (instantMs) => Math.round(zoneOffsetMs(instantMs, timeZone) / 60_000);
}

const DAY = 86_400_000;

/**
 * Looks each offset up once per UTC day, or once per quarter hour on the few days whose offset
 * changes (transitions happen on quarter hours, and never twice in a day). A million dates over
 * three years then cost about a thousand Intl lookups instead of a hundred thousand.
 */
export function cachedZoneOffset(offset: ZoneOffset): ZoneOffset {
  const days = new Map<number, number>();
  const quarters = new Map<number, number>();
  return (instantMs) => {
    const day = Math.floor(instantMs / DAY);
    let minutes = days.get(day);
    if (minutes === undefined) {
      const start = offset(day * DAY);
      minutes = start === offset((day + 1) * DAY) ? start : Number.NaN;
      days.set(day, minutes);
    }
    if (!Number.isNaN(minutes)) return minutes;
    const bucket = Math.floor(instantMs / QUARTER_HOUR);
    let exact = quarters.get(bucket);
    if (exact === undefined) {
      exact = offset(bucket * QUARTER_HOUR);
      quarters.set(bucket, exact);
    }
    return exact;
  };
}

/** The script runtime's own zone, in the same convention as ZoneOffset (minutes east of UTC). */
const scriptOffset: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset();

/**
 * Pure arithmetic on epoch milliseconds (a Date's local fields are its UTC fields moved by the
 * script zone's offset), so a million dates cost two cached lookups and one Date each.
 */
export function wallClock(zoneOffset: ZoneOffset): WallClock {
  const zone = cachedZoneOffset(zoneOffset);
  const script = cachedZoneOffset(scriptOffset);
  return {
    toWall(instant) {
      const t = instant.getTime();
      if (Number.isNaN(t)) return instant;
      // Local fields of W must equal the zone's fields of t: W - script(W) = t + zone(t).
      const target = t + zone(t) * 60_000;
      const first = target - script(target) * 60_000;
      return new Date(target - script(first) * 60_000);
    },
    fromWall(wall) {
      const w = wall.getTime();
      if (Number.isNaN(w)) return wall;
      // The wall clock read as UTC, then moved back by the zone's offset at that instant.
      const asUtc = w + script(w) * 60_000;
      const first = asUtc - zone(asUtc) * 60_000;
      return new Date(asUtc - zone(first) * 60_000);
    },
  };
}

/** For data already in the script's zone (and tests): the identity. */
export const SCRIPT_WALL_CLOCK: WallClock = { toWall: (d) => d, fromWall: (d) => d };
