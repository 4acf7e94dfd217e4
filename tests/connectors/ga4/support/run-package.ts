/**
 * Runs a metric package's models on tables shaped as the sync engine writes them (header names
 * as keys; Date cells at local midnight for dates, as the model layer reads them), each model's
 * output becoming a table for the models after it.
 */
import alasql from 'alasql';
import type { MetricPackage } from '../../../../src/model/model-spec';

export type Row = Record<string, unknown>;

/** The model layer's WEEK_START (src/model/sql-functions.ts on the models branch): the Monday, local time. */
function weekStart(value: unknown): Date | null {
  if (!(value instanceof Date)) return null;
  return new Date(value.getFullYear(), value.getMonth(), value.getDate() - ((value.getDay() + 6) % 7));
}

export function runPackage(pkg: MetricPackage, tables: Record<string, Row[]>): Record<string, Row[]> {
  (alasql as unknown as { stdfn: Record<string, unknown> }).stdfn.WEEK_START = weekStart;
  const db = new alasql.Database();
  const define = (name: string, rows: Row[]) => {
    db.exec(`CREATE TABLE [${name}]`);
    (db.tables[name] as { data: Row[] }).data = rows;
  };
  for (const [name, rows] of Object.entries(tables)) define(name, rows);
  const out: Record<string, Row[]> = {};
  for (const model of pkg.models) {
    try {
      out[model.name] = db.exec(model.sql) as Row[];
    } catch (e) {
      throw new Error(`model ${model.name} failed: ${(e as Error).message}`);
    }
    define(model.name, out[model.name]);
  }
  return out;
}

/** A calendar day as the model layer sees a date cell: local midnight. */
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
