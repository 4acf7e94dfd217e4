/**
 * The date-bucketing functions the model layer registers in AlaSQL (MONTH_START, WEEK_START,
 * DAY_START, as in the models branch's src/model/sql-functions.ts): local wall-clock dates,
 * weeks starting on Monday. Kept here until that module is on main; then import it instead.
 */
type Fn = (...args: never[]) => unknown;

function localDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setFullYear(year, monthIndex, day);
  d.setHours(0, 0, 0, 0);
  return d;
}

const asDate = (value: unknown): Date | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;

export const SQL_HELPERS: Record<string, Fn> = {
  DAY_START(value: unknown) {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth(), d.getDate());
  },
  WEEK_START(value: unknown) {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  },
  MONTH_START(value: unknown) {
    const d = asDate(value);
    return d && localDate(d.getFullYear(), d.getMonth(), 1);
  },
};

export function registerSqlHelpers(alasql: { stdfn: Record<string, unknown> }): void {
  for (const [name, fn] of Object.entries(SQL_HELPERS)) alasql.stdfn[name] = fn;
}
