/**
 * What a column holds, as the report builder needs to know it: sums need numbers, date grains
 * need dates. Inferred from the values (the sync engine writes typed cells).
 */
import type { TableData } from './values';

export type ColumnKind = 'number' | 'date' | 'text' | 'boolean' | 'mixed' | 'empty';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
}

/** Enough values to tell a column's kind without reading a million rows. */
const SAMPLE = 1000;

export function inferColumns(table: TableData): ColumnInfo[] {
  return table.columns.map((name) => {
    const kinds = new Set<ColumnKind>();
    let seen = 0;
    for (const row of table.rows) {
      const v = row[name];
      if (v === null || v === undefined) continue;
      kinds.add(
        v instanceof Date
          ? 'date'
          : typeof v === 'number'
            ? 'number'
            : typeof v === 'boolean'
              ? 'boolean'
              : 'text',
      );
      if (++seen >= SAMPLE) break;
    }
    const kind: ColumnKind = kinds.size === 0 ? 'empty' : kinds.size === 1 ? [...kinds][0] : 'mixed';
    return { name, kind };
  });
}

export function describeKind(kind: ColumnKind): string {
  switch (kind) {
    case 'number':
      return 'numbers';
    case 'date':
      return 'dates';
    case 'text':
      return 'text';
    case 'boolean':
      return 'true/false values';
    case 'mixed':
      return 'mixed values';
    case 'empty':
      return 'no values yet';
  }
}
