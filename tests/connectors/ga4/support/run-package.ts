/**
 * Runs a metric package's models through the model layer (guard, column analysis, row budget,
 * AlaSQL with Tapdash's functions, the models' own tests) over tabs shaped as the sync engine
 * writes them: a header row of flattened names, then rows with Date cells.
 */
import type { MetricPackage } from '../../../../src/model/model-spec';
import { type ModelResult, runModels } from '../../../../src/model/run-models';

export type Row = Record<string, unknown>;

export interface PackageRun {
  /** Each model's rows as objects keyed by its columns. */
  rows: Record<string, Row[]>;
  results: ModelResult[];
}

function grid(rows: readonly Row[], header: readonly string[]): unknown[][] {
  return [[...header], ...rows.map((r) => header.map((h) => (r[h] === undefined ? null : r[h])))];
}

/** `tables` maps a tab name to its rows and, when empty, `headers` gives its columns. */
export function runPackage(
  pkg: MetricPackage,
  tables: Record<string, Row[]>,
  headers: Record<string, readonly string[]> = {},
): PackageRun {
  const sources = new Map(
    Object.entries(tables).map(
      ([name, rows]) => [name, grid(rows, headers[name] ?? Object.keys(rows[0] ?? {}))] as const,
    ),
  );
  const results = runModels({ models: pkg.models, sources });
  const rows: Record<string, Row[]> = {};
  for (const r of results) {
    rows[r.name] = r.rows.map((cells) => Object.fromEntries(r.columns.map((c, i) => [c, cells[i]])));
  }
  return { rows, results };
}

/** A calendar day as a date cell in a spreadsheet whose zone is the script's: local midnight. */
export function day(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Dates back to YYYY-MM-DD, for readable expectations. */
export function plain(rows: readonly Row[]): Row[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Date
          ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`
          : v,
      ]),
    ),
  );
}
