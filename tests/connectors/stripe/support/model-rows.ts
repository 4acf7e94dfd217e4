/** Helpers to read model results in tests: months as `YYYY-MM`, rows picked by key. */
import type { Cell, Row } from './engine-tables';

export function ym(value: Cell | undefined): string {
  if (!(value instanceof Date)) throw new Error(`Expected a month Date, got ${String(value)}`);
  const m = value.getMonth() + 1;
  return `${value.getFullYear()}-${m < 10 ? '0' : ''}${m}`;
}

/** Rows with their month as `YYYY-MM`, keeping only the listed columns. */
export function byMonth(
  rows: readonly Row[],
  columns: readonly string[],
): Record<string, Record<string, Cell>> {
  const out: Record<string, Record<string, Cell>> = {};
  for (const row of rows) out[ym(row.month)] = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
  return out;
}

/**
 * One customer's month-end MRR, `YYYY-MM` → MRR: the months they paid (stripe_customer_mrr)
 * and the months they stopped, at 0 (churn rows of stripe_mrr_changes).
 */
export function customerMrr(
  results: Record<string, readonly Row[]>,
  customer: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of results.stripe_customer_mrr.filter((r) => r.customer === customer))
    out[ym(row.month)] = row.mrr as number;
  for (const row of results.stripe_mrr_changes.filter(
    (r) => r.customer === customer && r.movement === 'churn',
  ))
    out[ym(row.month)] = 0;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** One customer's MRR changes, `YYYY-MM` → movement. */
export function movementsOf(
  results: Record<string, readonly Row[]>,
  customer: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of results.stripe_mrr_changes.filter((r) => r.customer === customer))
    out[ym(row.month)] = row.movement as string;
  return out;
}
