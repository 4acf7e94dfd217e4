import type { TimeUnit } from './chart-plan';

/**
 * Calendar arithmetic in one time zone. Vega-Lite buckets dates in local time; for us "local"
 * is the spreadsheet's zone, which plain JS cannot reach (Apps Script runs in the script's
 * zone), so the effectful layer supplies a calendar built on Utilities and tests use UTC.
 */
export interface Calendar {
  /** Year, month (1–12) and day of an instant, in the calendar's zone. */
  parts(date: Date): { year: number; month: number; day: number };
  /** Midnight of that day, in the calendar's zone. */
  date(year: number, month: number, day: number): Date;
}

export const UTC_CALENDAR: Calendar = {
  parts: (d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }),
  date: (y, m, d) => new Date(Date.UTC(y, m - 1, d)),
};

const DATE_ONLY = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * A cell or JSON value as an instant: Dates pass, numbers are epoch milliseconds, `YYYY-MM-DD`
 * and `YYYY-MM` are calendar days in the calendar's zone, other strings go to Date.parse.
 */
export function toDate(value: unknown, calendar: Calendar): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const m = DATE_ONLY.exec(value.trim());
  if (m) return calendar.date(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * The start of the bucket a date falls in. Units without a year use 2012, as Vega does, so
 * "month" puts every January on one point.
 */
export function truncateDate(date: Date, unit: TimeUnit, calendar: Calendar): Date {
  const { year, month, day } = calendar.parts(date);
  switch (unit) {
    case 'year':
      return calendar.date(year, 1, 1);
    case 'yearquarter':
      return calendar.date(year, month - ((month - 1) % 3), 1);
    case 'yearmonth':
      return calendar.date(year, month, 1);
    case 'yearmonthdate':
      return calendar.date(year, month, day);
    case 'month':
      return calendar.date(2012, month, 1);
    case 'quarter':
      return calendar.date(2012, month - ((month - 1) % 3), 1);
  }
}
