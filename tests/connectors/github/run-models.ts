import alasql from 'alasql';
import type { MetricPackage } from '../../../src/model/model-spec';

export type Row = Record<string, unknown>;

/**
 * Runs a package's models in order on a fresh AlaSQL database, as the model runner does: source
 * tabs become tables named `<connection>_<stream>` whose rows have the flattened header names as
 * keys, and each model's result becomes a table named after the model for the models after it.
 */
export function runPackage(pkg: MetricPackage, tables: Record<string, Row[]>): Record<string, Row[]> {
  const db = new alasql.Database();
  const define = (name: string, rows: Row[]) => {
    db.exec(`CREATE TABLE ${name}`);
    (db.tables as Record<string, { data: Row[] }>)[name].data = rows;
  };
  for (const [name, rows] of Object.entries(tables)) define(name, rows);
  const out: Record<string, Row[]> = {};
  for (const model of pkg.models) {
    out[model.name] = db.exec(model.sql) as Row[];
    define(model.name, out[model.name]);
  }
  return out;
}
