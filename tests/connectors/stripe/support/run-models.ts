/**
 * Runs a package's models with AlaSQL directly, in the order the package lists them (each
 * model's result becomes a table the next ones read), configured as the model layer does:
 * case-sensitive names, Dates kept as Dates, no query cache.
 */
import alasql from 'alasql';
import type { ModelSpec } from '../../../../src/model/model-spec';
import type { Row } from './engine-tables';

interface AlaDatabase {
  tables: Record<string, { data: unknown[] }>;
  exec(sql: string): unknown;
}

const ala = alasql as unknown as {
  Database: new (id?: string) => AlaDatabase;
  Table: new () => { data: unknown[] };
  options: Record<string, unknown>;
};

let databases = 0;

export function runModels(
  models: readonly ModelSpec[],
  tables: Record<string, Row[]>,
): Record<string, Row[]> {
  ala.options.casesensitive = true;
  ala.options.dateAsString = false;
  ala.options.cache = false;
  ala.options.errorlog = false;
  const db = new ala.Database(`stripe_models_${++databases}`);
  const put = (name: string, rows: Row[]) => {
    const table = new ala.Table();
    table.data = rows.map((r) => ({ ...r }));
    db.tables[name] = table;
  };
  for (const [name, rows] of Object.entries(tables)) put(name, rows);
  const results: Record<string, Row[]> = {};
  for (const model of models) {
    let rows: Row[];
    try {
      rows = db.exec(model.sql) as Row[];
    } catch (error) {
      throw new Error(`Model ${model.name} failed: ${(error as Error).message}`);
    }
    results[model.name] = rows;
    put(model.name, rows);
  }
  return results;
}
