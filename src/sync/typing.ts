import type { ColumnSpec, ColumnType } from '../connect/connector-spec';
import { startOfDayInZone, wallClock } from '../shared/zoned-time';
import type { FlatRecord } from './flatten';

/** What a cell of a data tab holds: Sheets keeps numbers, booleans and Date instants as such. */
export type CellValue = string | number | boolean | Date | null;

export type FlatValue = FlatRecord[string];

export type ColumnTyping = Pick<ColumnSpec, 'type' | 'format'>;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** GA4 reports dates as YYYYMMDD. */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Below this a unix timestamp is in seconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const SECONDS_CEILING = 1e11;

/**
 * Converts one flattened value to what its column holds, by the column's declared (or
 * inferred) type. A value that does not fit its type is kept as text rather than dropped, so a
 * vendor's surprise ("N/A" in an amount) stays visible instead of silently becoming empty.
 */
export function typeValue(value: FlatValue, column: ColumnTyping, timeZone: string): CellValue {
  if (value === null) return null;
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'number':
      return toNumber(value, false);
    case 'integer':
      return toNumber(value, true);
    case 'boolean':
      return toBoolean(value);
    case 'datetime': {
      const ms = toInstantMs(value, column.format);
      if (ms !== undefined) return new Date(ms);
      const day = typeof value === 'string' ? calendarDate(value) : undefined;
      return day ? startOfDayInZone(day.year, day.month, day.day, timeZone) : emptyToNull(value);
    }
    case 'date':
      return toDate(value, column.format, timeZone);
  }
}

function emptyToNull(value: string | number | boolean): CellValue {
  return value === '' ? null : value;
}

function toNumber(value: string | number | boolean, integer: boolean): CellValue {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!NUMBER_TEXT.test(text)) return emptyToNull(value);
  const n = Number(text);
  // An id such as "12345678901234567890" loses digits as a number: keep it as text.
  if (integer && /^-?\d+$/.test(text) && !Number.isSafeInteger(n)) return value;
  return n;
}

function toBoolean(value: string | number | boolean): CellValue {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return emptyToNull(value);
}

function toDate(value: string | number | boolean, format: ColumnSpec['format'], timeZone: string): CellValue {
  if (typeof value === 'string') {
    const day = calendarDate(value.trim());
    if (day) return startOfDayInZone(day.year, day.month, day.day, timeZone);
  }
  const ms = typeof value === 'boolean' ? undefined : toInstantMs(value, format);
  if (ms === undefined) return emptyToNull(value as string | number | boolean);
  const w = wallClock(ms, timeZone);
  return startOfDayInZone(w.year, w.month, w.day, timeZone);
}

/**
 * The instant a datetime value stands for, in epoch ms: unix seconds or ms (per `format`, or
 * guessed by size when the connector does not say), or an ISO-8601 string. An ISO string
 * without an offset is read as UTC, the usual convention of APIs that omit it.
 */
export function toInstantMs(value: FlatValue | Date, format?: ColumnSpec['format']): number | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const t = (value as Date).getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  if (typeof value === 'number') return fromUnix(value, format);
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) return fromUnix(Number(text), format);
  const iso = parseIsoDateTime(text);
  if (iso !== undefined) return iso;
  if (ISO_DATE.test(text) || COMPACT_DATE.test(text)) return undefined;
  const parsed = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}

function fromUnix(n: number, format: ColumnSpec['format']): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (format === 'unix') return Math.round(n * 1000);
  if (format === 'unix-ms') return Math.round(n);
  return Math.abs(n) < SECONDS_CEILING ? Math.round(n * 1000) : Math.round(n);
}

export function parseIsoDateTime(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (
    !validDate(Number(y), Number(mo), Number(d)) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  )
    return undefined;
  return local - zoneOffset(zone);
}

function zoneOffset(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

/** The calendar date a text names: `2024-01-31`, `20240131` or the date part of an ISO datetime. */
export function calendarDate(text: string): { year: number; month: number; day: number } | undefined {
  const m = ISO_DATE.exec(text) ?? COMPACT_DATE.exec(text) ?? ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(year, month, day) ? { year, month, day } : undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day && probe.getUTCMonth() === month - 1;
}

/**
 * The type of a column the connector did not declare, from the values one load brought:
 * booleans, integers, numbers, ISO datetimes and dates are recognised; anything mixed is text.
 */
export function inferColumnType(values: readonly FlatValue[]): ColumnType {
  let inferred: ColumnType | undefined;
  for (const v of values) {
    if (v === null || v === '') continue;
    const t = valueType(v);
    if (inferred === undefined || inferred === t) inferred = t;
    else if ((inferred === 'integer' && t === 'number') || (inferred === 'number' && t === 'integer'))
      inferred = 'number';
    else return 'string';
  }
  return inferred ?? 'string';
}

function valueType(v: string | number | boolean): ColumnType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (ISO_DATE_TIME.test(v) && parseIsoDateTime(v) !== undefined) return 'datetime';
  if (ISO_DATE.test(v) && calendarDate(v)) return 'date';
  return 'string';
}
