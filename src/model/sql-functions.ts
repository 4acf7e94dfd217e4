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
 *
 * Also two aggregates, TD_MIN and TD_MAX, that MIN and MAX are rewritten to before a query
 * compiles (replaceMinMax): AlaSQL 4.19's own MIN/MAX lose a 0 that follows a NULL in a
 * group (MIN of NULL, 0, 2 gives 2) and return NULL for text.
 */
import type { AlaSQL } from './alasql-runtime';

function asDate(value: unknown): Date | null {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return null;
  return value;
}

/**
 * AlaSQL keys its groups by the group value converted to a string, and Date's toString (a
 * time-zone aware format) dominates a GROUP BY MONTH_START(...) over a million rows. Period
 * starts are few, so each is made once and remembers its own text.
 */
class PeriodStart extends Date {
  private text?: string;
  override toString(): string {
    this.text ??= super.toString();
    return this.text;
  }
}

const periods = new Map<number, PeriodStart>();

function localDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(0);
  d.setFullYear(year, monthIndex, day);
  d.setHours(0, 0, 0, 0);
  const time = d.getTime();
  let period = periods.get(time);
  if (!period) {
    if (periods.size > 100_000) periods.clear();
    period = new PeriodStart(time);
    periods.set(time, period);
  }
  return period;
}

/** Period starts by a number naming the period (year * 12 + month…), so most rows build no Date at all. */
const byKey = new Map<number, Date>();

function cachedPeriod(key: number, make: () => Date): Date {
  let period = byKey.get(key);
  if (!period) {
    if (byKey.size > 100_000) byKey.clear();
    period = make();
    byKey.set(key, period);
  }
  return period;
}

export const TAPDASH_FUNCTIONS = {
  DAY_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const y = d.getFullYear();
    const m = d.getMonth();
    const day = d.getDate();
    return cachedPeriod(((y * 12 + m) * 32 + day) * 8, () => localDate(y, m, day));
  },
  WEEK_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const sinceMonday = (d.getDay() + 6) % 7;
    return localDate(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday);
  },
  MONTH_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const y = d.getFullYear();
    const m = d.getMonth();
    return cachedPeriod((y * 12 + m) * 32 * 8 + 1, () => localDate(y, m, 1));
  },
  QUARTER_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const y = d.getFullYear();
    const m = d.getMonth() - (d.getMonth() % 3);
    return cachedPeriod((y * 12 + m) * 32 * 8 + 2, () => localDate(y, m, 1));
  },
  YEAR_START(value: unknown): Date | null {
    const d = asDate(value);
    if (!d) return null;
    const y = d.getFullYear();
    return cachedPeriod(y * 12 * 32 * 8 + 3, () => localDate(y, 0, 1));
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

type Comparable = number | string | boolean | Date;

function comparable(value: unknown): Comparable | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

/** An AlaSQL REDUCE aggregate: stage 1 starts a group, 2 adds a row, 3 finishes. */
function extreme(keepNew: (value: Comparable, best: Comparable) => boolean) {
  return (value: unknown, best: Comparable | undefined, stage: number): Comparable | undefined => {
    if (stage === 3) return best;
    const v = comparable(value);
    if (stage === 1 || best === undefined) return v;
    if (v === undefined) return best;
    return keepNew(v, best) ? v : best;
  };
}

const key = (v: Comparable) => (v instanceof Date ? v.getTime() : v);

export const TAPDASH_AGGREGATES = {
  TD_MIN: extreme((v, best) => key(v) < key(best)),
  TD_MAX: extreme((v, best) => key(v) > key(best)),
};

export function registerTapdashFunctions(alasql: AlaSQL): void {
  for (const [name, fn] of Object.entries(TAPDASH_FUNCTIONS))
    alasql.stdfn[name] = fn as (...args: never[]) => unknown;
  for (const [name, fn] of Object.entries(TAPDASH_AGGREGATES)) alasql.aggr[name] = fn;
}

/** Rewrites MIN(x)/MAX(x) into TD_MIN(x)/TD_MAX(x) in a checked AST, just before it compiles. */
export function replaceMinMax(node: unknown, seen = new Set<unknown>()): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) replaceMinMax(item, seen);
    return;
  }
  const n = node as Record<string, unknown>;
  if ((n.aggregatorid === 'MIN' || n.aggregatorid === 'MAX') && n.expression && !n.over) {
    n.funcid = n.aggregatorid === 'MIN' ? 'TD_MIN' : 'TD_MAX';
    n.aggregatorid = 'REDUCE';
    n.args = [n.expression];
  }
  for (const value of Object.values(n)) replaceMinMax(value, seen);
}
