/**
 * Builds the hidden-tab tables a sync would write, from API list pages, the way the engine
 * does: the stream's hooks, nested objects flattened to `parent.child`, arrays as JSON text,
 * each declared column typed (unix seconds → Date), rows upserted by primary key. Only the
 * declared columns are kept, so a model reading a column the spec does not declare fails.
 */
import type { ColumnSpec, StreamSpec } from '../../../../src/connect/connector-spec';

export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out[prefix] = Array.isArray(value) ? JSON.stringify(value) : value;
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    flatten(child, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

function typed(value: unknown, column: ColumnSpec): Cell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'datetime':
    case 'date':
      return typeof value === 'number' ? new Date(value * 1000) : new Date(String(value));
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'number':
      return Number(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
}

/** The records one page of a stream yields, after its hooks. */
export function streamRecords(stream: StreamSpec, body: unknown): Record<string, unknown>[] {
  const raw = stream.hooks?.selectRecords
    ? stream.hooks.selectRecords(body)
    : ((body as Record<string, unknown>)[stream.records] as unknown[]);
  return raw.map((r) =>
    stream.hooks?.mapRecord ? stream.hooks.mapRecord(r, { config: {} }) : (r as Record<string, unknown>),
  );
}

export function tableRows(stream: StreamSpec, pages: unknown[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const page of pages) {
    for (const record of streamRecords(stream, page)) {
      const flat = flatten(record);
      const row: Row = {};
      for (const column of stream.columns) row[column.name] = typed(flat[column.name], column);
      byKey.set(stream.primaryKey.map((k) => String(row[k])).join('\u0000'), row);
    }
  }
  return [...byKey.values()];
}

/** Every stream's table (`<connection>_<stream>`) from the pages of its endpoint. */
export function tablesFromPages(
  streams: readonly StreamSpec[],
  pagesByPath: Record<string, unknown[]>,
  connection = 'stripe',
): Record<string, Row[]> {
  const tables: Record<string, Row[]> = {};
  for (const stream of streams)
    tables[`${connection}_${stream.name}`] = tableRows(stream, pagesByPath[stream.path] ?? []);
  return tables;
}

/** Empty cells as Sheets returns them from getValues: '' instead of null. */
export function withBlankCells(tables: Record<string, Row[]>): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [name, rows] of Object.entries(tables))
    out[name] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : v])),
    );
  return out;
}
