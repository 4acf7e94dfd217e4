/**
 * SQL functions Tapdash adds to AlaSQL, for the report builder and hand-written models.
 * Dates inside queries are wall-clock Dates (time-zone.ts), so these use local date fields.
 *
 *   DAY_START(d), WEEK_START(d) (Monday), MONTH_START(d), QUARTER_START(d), YEAR_START(d)
 *   MAKE_DATE(year, month, day)      month 1-12
 *   CONTAINS_TEXT(text, part)        case-insensitive; false for NULL
 *
 * They are registered as AlaSQL standard functions (upper-case, any case in SQL), which the
 * guard allows like the built-in ones.
 */
import type { AlaSQL } from './alasql-runtime';

function asDate(value: unknown): Date | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  return value;
}

function localDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setFullYear(year, monthIndex, day);
  d.setHours(0, 0, 0, 0);
  return d;
}

export const TAPDASH_FUNCTIONS = {
  DAY_START(value: unknown): Date | null {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth(), d.getDate());
  },
  WEEK_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const sinceMonday = (d.getDay() + 6) % 7;
    return localDate(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday);
  },
  MONTH_START(value: unknown): Date | null {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth(), 1);
  },
  QUARTER_START(value: unknown): Date | null {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1);
  },
  YEAR_START(value: unknown): Date | null {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), 0, 1);
  },
  MAKE_DATE(year: unknown, month: unknown, day: unknown): Date | null {
    if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') return null;
    return localDate(year, month - 1, day);
  },
  CONTAINS_TEXT(text: unknown, part: unknown): boolean {
    if (text === null || text === undefined || part === null || part === undefined) return false;
    return String(text).toLowerCase().includes(String(part).toLowerCase());
  },
};

export function registerTapdashFunctions(alasql: AlaSQL): void {
  for (const [name, fn] of Object.entries(TAPDASH_FUNCTIONS))
    alasql.stdfn[name] = fn as (...args: never[]) => unknown;
}
