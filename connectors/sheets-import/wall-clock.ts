import { zoneOffsetMs } from '../../src/shared/zoned-time';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/;

/**
 * The instant a wall-clock date-time (`2024-01-15T09:30:00`, no offset) names in a time zone,
 * as ISO text in UTC; undefined for text with an offset or not of that shape. A spreadsheet or
 * a CSV export writes times as its clock showed them, so they are read in the spreadsheet's
 * zone rather than as UTC. In a daylight-saving gap the time moves by the gap.
 */
export function wallClockInstant(text: string, timeZone: string): string | undefined {
  const m = WALL_CLOCK.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
    ms,
  );
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(guess, timeZone)).toISOString();
}
