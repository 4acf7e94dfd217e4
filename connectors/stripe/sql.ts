/**
 * SQL fragments the Stripe models share, so each rule is written (and tested) once. Plain
 * AlaSQL functions only (YEAR, MONTH, DATE, NOW…): the model layer refuses JavaScript calls.
 * Dates in a model read as the spreadsheet's wall clock, so months are the founder's months.
 */

import { sqlCodeList, ZERO_DECIMAL_CURRENCIES } from '../../src/shared/minor-units';

/** What to divide a Stripe amount by to get currency units (100 for cents, 1 for yen). */
export function minorUnits(currency: string): string {
  // Stripe's zero-decimal currencies: amounts are whole units, not cents.
  return `(CASE WHEN LOWER(${currency}) IN (${sqlCodeList(ZERO_DECIMAL_CURRENCIES)}) THEN 1 ELSE 100 END)`;
}

/**
 * A datetime cell holds a Date; an empty one comes back as null or ''. Comparing with 0 is
 * true only for a Date (its value is milliseconds since 1970), so this is the "has a date" test.
 */
export function hasDate(cell: string): string {
  return `${cell} > 0`;
}

/** Month number of a Date (year × 12 + month − 1): consecutive months differ by 1. */
export function monthIndex(date: string): string {
  return `(YEAR(${date}) * 12 + MONTH(${date}) - 1)`;
}

/** The first day of month number `index` (DATE reads an eight-digit text as a local date). */
export function monthFromIndex(index: string): string {
  const k = `(${index})`;
  return `DATE((FLOOR(${k} / 12) * 10000 + (${k} % 12 + 1) * 100 + 1) || '')`;
}

/** The first day of the month a Date falls in. */
export function monthStart(date: string): string {
  return `DATE((YEAR(${date}) * 10000 + MONTH(${date}) * 100 + 1) || '')`;
}

/** The month number of now, at the moment the model runs. */
export const CURRENT_MONTH_INDEX = monthIndex('NOW()');

/**
 * How many times a price's interval fits in a month: a yearly price counts 1/12 a month, a
 * weekly one 52/12, a daily one 365/12, each divided by the interval count (every 3 months → 1/3).
 */
export function perMonth(interval: string, intervalCount: string): string {
  return (
    `(CASE ${interval} WHEN 'month' THEN 1 WHEN 'year' THEN 1 / 12 WHEN 'week' THEN 52 / 12 WHEN 'day' THEN 365 / 12 ELSE 0 END` +
    ` / (CASE WHEN ${intervalCount} > 0 THEN ${intervalCount} ELSE 1 END))`
  );
}

/** A number, or 0 for an empty cell. */
export function orZero(cell: string): string {
  return `(CASE WHEN ${cell} > 0 OR ${cell} < 0 THEN ${cell} ELSE 0 END)`;
}

/**
 * A CTE `name` with the whole numbers 0 to count − 1 in column `n`, written out: models have no
 * series function, and the model layer sizes a CTE of literal rows exactly.
 */
export function numbersCte(name: string, count: number): string {
  return `${name} AS (${Array.from({ length: count }, (_, n) => `SELECT ${n} AS n`).join(' UNION ALL ')})`;
}

/** A CTE `digits` with the numbers 0 to 9 in column `d`. */
export function digitsCte(): string {
  return `digits AS (${Array.from({ length: 10 }, (_, d) => `SELECT ${d} AS d`).join(' UNION ALL ')})`;
}

/**
 * CTEs for `months`: every month from the first month of `firstMonthExpr` over `table` (the
 * current month when the table is empty) to the current month, at most 300 months (25 years,
 * longer than Stripe has existed), with `idx` (month number), `month` (its first day) and
 * `is_current`. `table` should be small (the model layer sizes this as 300 × its rows).
 */
export function calendarCtes(table: string, firstMonthExpr: string): string {
  return `${digitsCte()},
    hundreds AS (SELECT 0 AS d UNION ALL SELECT 1 AS d UNION ALL SELECT 2 AS d),
    month_numbers AS (SELECT a.d * 100 + b.d * 10 + c.d AS n FROM hundreds a, digits b, digits c),
    bounds AS (
      SELECT COALESCE(MIN(${monthIndex(firstMonthExpr)}), ${CURRENT_MONTH_INDEX}) AS first_idx,
        ${CURRENT_MONTH_INDEX} AS now_idx
      FROM ${table}
    ),
    months AS (
      SELECT b.first_idx + k.n AS idx, ${monthFromIndex('b.first_idx + k.n')} AS month,
        b.first_idx + k.n = b.now_idx AS is_current
      FROM bounds b, month_numbers k
      WHERE b.first_idx + k.n <= b.now_idx
    )`;
}
