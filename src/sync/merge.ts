import type { ColumnSpec } from '../connect/connector-spec';
import { cutText } from './cell-safety';
import type { FlatRecord } from './flatten';
import { type CellValue, type ColumnTyping, inferColumnType, typeValue } from './typing';

/**
 * The header after this batch: existing columns keep their place (a field that disappears
 * keeps its column, so models and formulas that use it keep working), and new ones are added
 * at the end. A new table starts with the primary key, then the declared columns, then any
 * others in the order the data brings them.
 */
export function planHeader(
  existing: readonly string[],
  declared: readonly ColumnSpec[],
  primaryKey: readonly string[],
  batch: readonly FlatRecord[],
): string[] {
  const header = [...existing];
  const have = new Set(header);
  const add = (name: string) => {
    if (name !== '' && !have.has(name)) {
      have.add(name);
      header.push(name);
    }
  };
  for (const k of primaryKey) add(k);
  for (const c of declared) add(c.name);
  for (const record of batch) for (const name of Object.keys(record)) add(name);
  return header;
}

/** Each column's type: declared by the connector, or inferred from this batch's values. */
export function columnTypes(
  header: readonly string[],
  declared: readonly ColumnSpec[],
  batch: readonly FlatRecord[],
): ColumnTyping[] {
  const byName = new Map(declared.map((c) => [c.name, c] as const));
  return header.map((name) => {
    const spec = byName.get(name);
    if (spec) return { type: spec.type, format: spec.format };
    return { type: inferColumnType(batch.map((r) => r[name] ?? null)) };
  });
}

export function toRow(
  record: FlatRecord,
  header: readonly string[],
  types: readonly ColumnTyping[],
  timeZone: string,
): CellValue[] {
  return header.map((name, i) => typeValue(record[name] ?? null, types[i], timeZone));
}

/**
 * A row's identity for upserts: the primary-key cells, normalised so that a value read back
 * from the sheet matches the value it was written from (a Date compares by instant, 42 and
 * "42" are the same key). Undefined when a key cell is empty.
 */
export function rowKey(row: readonly CellValue[], keyColumns: readonly number[]): string | undefined {
  const parts: string[] = [];
  for (const i of keyColumns) {
    const v = row[i];
    if (v === null || v === undefined || v === '') return undefined;
    parts.push(keyPart(v));
  }
  return parts.length === 1 ? parts[0] : JSON.stringify(parts);
}

function keyPart(v: string | number | boolean | Date): string {
  if (typeof v === 'string') return cutText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return new Date(v.getTime()).toISOString();
}

export interface UpsertPlan {
  /** Rows that replace existing ones, by data-row index (0 = the row under the header). */
  updates: Map<number, CellValue[]>;
  /** Rows to add after the last one, in the order they came. */
  appends: CellValue[][];
}

/**
 * Upsert by primary key: a record whose key is already in the table replaces that row, a new
 * one is added; when a batch holds a key twice the later record wins. Rows without a key
 * (a stream with no primary key) are always added.
 */
export function planUpsert(
  existingKeys: ReadonlyMap<string, number>,
  rows: readonly CellValue[][],
  keyColumns: readonly number[],
): UpsertPlan {
  const updates = new Map<number, CellValue[]>();
  const appends: CellValue[][] = [];
  const appendedAt = new Map<string, number>();
  for (const row of rows) {
    const key = keyColumns.length ? rowKey(row, keyColumns) : undefined;
    if (key === undefined) {
      appends.push(row);
      continue;
    }
    const existing = existingKeys.get(key);
    if (existing !== undefined) updates.set(existing, row);
    else if (appendedAt.has(key)) appends[appendedAt.get(key)!] = row;
    else {
      appendedAt.set(key, appends.length);
      appends.push(row);
    }
  }
  return { updates, appends };
}

/** Whether a row read back from the sheet already holds what `next` would write. */
export function sameRow(stored: readonly unknown[], next: readonly CellValue[]): boolean {
  const width = Math.max(stored.length, next.length);
  for (let i = 0; i < width; i++) {
    if (!sameCell(stored[i], next[i] ?? null)) return false;
  }
  return true;
}

function sameCell(stored: unknown, next: CellValue): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(stored) || empty(next)) return empty(stored) && empty(next);
  if (next instanceof Date) return isDate(stored) && stored.getTime() === next.getTime();
  if (typeof next === 'string') return stored === cutText(next);
  return stored === next;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
