/**
 * Sheets stores dates as serial numbers: days since 1899-12-30 00:00, counted in the
 * spreadsheet's own time zone (a wall-clock time, not an instant). Apps Script converts between
 * serials and JS Dates with that zone, which is why the same cell reads as a different instant
 * when the spreadsheet's zone differs from the script's.
 */

import { isKnownTimeZone, zonedParts } from '../services/time-zone';

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm: no Date objects). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch ms of wall-clock fields read as UTC (month0 is 0-11, as in Date.UTC). */
function utc(
  year: number,
  month0: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return (
    daysFromCivil(year, month0 + 1, day) * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000
  );
}

/** Zone offsets by zone, then by hour: DST changes on the hour in every zone that matters here. */
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC (ms, east positive) at an instant. Includes pre-1900 LMT seconds. */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const hourKey = Math.floor(instantMs / 3_600_000);
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const cached = zone.get(hourKey);
  // Offsets with seconds (LMT) still change only at hour boundaries in practice.
  if (cached !== undefined) return cached;
  const whole = Math.floor(instantMs / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  const wall = utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = wall - whole;
  if (zone.size > 200_000) zone.clear();
  zone.set(hourKey, offset);
  return offset;
}

/** Validates a time zone id the way setSpreadsheetTimeZone needs it. */
export function isValidTimeZone(timeZone: string): boolean {
  return isKnownTimeZone(timeZone);
}

/** The instant (epoch ms) a serial denotes in `timeZone`. */
export function serialToInstant(serial: number, timeZone: string): number {
  const wall = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  // Two passes find the offset in force at that wall time (the first guess can straddle a DST change).
  const first = wall - zoneOffsetMs(timeZone, wall);
  const second = wall - zoneOffsetMs(timeZone, first);
  return second;
}

/** The serial of the wall-clock time an instant shows in `timeZone`. */
export function instantToSerial(instantMs: number, timeZone: string): number {
  const wall = instantMs + zoneOffsetMs(timeZone, instantMs);
  return wall / MS_PER_DAY + EPOCH_SERIAL;
}

/** A serial from wall-clock fields (month 1-12). */
export function fieldsToSerial(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return utc(year, month - 1, day, hour, minute, second) / MS_PER_DAY + EPOCH_SERIAL;
}

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Milliseconds, rounded from the serial's fraction. */
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** Splits a serial into its wall-clock fields, rounding to the millisecond as Sheets does. */
export function serialToFields(serial: number): WallFields {
  const wall = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  const days = Math.floor(wall / MS_PER_DAY);
  let rem = wall - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rem / 3_600_000);
  rem -= hour * 3_600_000;
  const minute = Math.floor(rem / 60_000);
  rem -= minute * 60_000;
  const second = Math.floor(rem / 1000);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms: rem - second * 1000,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

/** Whether fields name a real calendar day (rejects 2/30). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const back = civilFromDays(daysFromCivil(year, month, day));
  return back.month === month && back.day === day;
}
