/**
 * Builds the hidden-tab tables a sync would write, from API list pages, with the engine's own
 * flatten and typing (src/sync): the stream's hooks, nested objects flattened to
 * `parent.child`, arrays as JSON text, each declared column typed (unix seconds → Date), rows
 * upserted by primary key. Only declared columns are kept, so a model reading another fails.
 */
import type { StreamSpec } from '../../../../src/connect/connector-spec';
import { flatten } from '../../../../src/sync/flatten';
import { typeValue } from '../../../../src/sync/typing';

export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

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
      const keepWhole = new Set(stream.columns.filter((c) => c.type === 'json').map((c) => c.name));
      const flat = flatten(record, { keepWhole });
      const row: Row = {};
      for (const column of stream.columns)
        row[column.name] = typeValue(flat[column.name] ?? null, column, 'Etc/UTC');
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
