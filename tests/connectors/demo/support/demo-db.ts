/**
 * Loads Demo records into AlaSQL the way the sync engine and the model layer will: nested
 * objects flattened to `parent.child` columns, arrays as JSON text, cells typed by each stream's
 * declared columns (datetimes and dates as Dates, empty as NULL), one table `demo_<stream>` per
 * stream; then runs the package's models in order, each output becoming a table named after it.
 */
import alasql from 'alasql';
import type { ColumnSpec, StreamSpec } from '../../../../src/connect/connector-spec';
import type { AlaSQL } from '../../../../src/model/alasql-runtime';
import type { ModelSpec } from '../../../../src/model/model-spec';
import { registerTapdashFunctions } from '../../../../src/model/sql-functions';

export type Row = Record<string, unknown>;
type Database = InstanceType<typeof alasql.Database>;

export function flattenRecord(record: Row, prefix = '', out: Row = {}): Row {
  for (const [key, value] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      flattenRecord(value as Row, path, out);
    else out[path] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}

/** Dates without a time are midnight in the spreadsheet's zone; the tests run in the zone they set. */
function calendarDate(text: string): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function typeCell(value: unknown, column: ColumnSpec): unknown {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'datetime':
      if (typeof value === 'number') return new Date(column.format === 'unix-ms' ? value : value * 1000);
      return new Date(String(value));
    case 'date':
      return calendarDate(String(value));
    case 'number':
    case 'integer':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export function typedRows(records: readonly Row[], stream: StreamSpec): Row[] {
  return records.map((record) => {
    const flat = flattenRecord(record);
    const row: Row = {};
    for (const column of stream.columns) row[column.name] = typeCell(flat[column.name], column);
    return row;
  });
}

export function demoDatabase(
  records: Readonly<Record<string, readonly Row[]>>,
  streams: readonly StreamSpec[],
): Database {
  registerTapdashFunctions(alasql as unknown as AlaSQL);
  const db = new alasql.Database();
  for (const stream of streams)
    addTable(db, `demo_${stream.name}`, typedRows(records[stream.name] ?? [], stream));
  return db;
}

export function addTable(db: Database, name: string, rows: Row[]): void {
  db.exec(`CREATE TABLE [${name}]`);
  (db.tables[name] as { data: Row[] }).data = rows;
}

export interface ModelRun {
  rows: Row[];
  ms: number;
}

/** Runs the models in the order given (dependencies first), materialising each as a table. */
export function runModels(db: Database, models: readonly ModelSpec[]): Record<string, ModelRun> {
  const out: Record<string, ModelRun> = {};
  for (const model of models) {
    const started = performance.now();
    let rows: Row[];
    try {
      rows = db.exec(model.sql) as Row[];
    } catch (error) {
      throw new Error(`model ${model.name} failed: ${(error as Error).message}`);
    }
    out[model.name] = { rows, ms: performance.now() - started };
    addTable(db, model.name, rows);
  }
  return out;
}
