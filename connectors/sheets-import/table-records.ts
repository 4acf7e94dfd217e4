import { TapdashError } from '../../src/shared/errors';
import { type CellReading, readCell } from './cell-text';
import { type ColumnDecision, type DateOrder, decideColumn, normalizeCell } from './column-types';

export type ImportedRecord = Record<string, string | number | boolean | null>;

export interface TableOptions {
  /** The row of the table (1 = its first row) that holds the column names; rows above it are skipped. */
  headerRow: number;
  dateOrder: DateOrder;
  /** The column the user chose as the key, which must be one of the names in the header row. */
  keyColumn?: string;
  /** What the table is, for messages: `the range Sheet1!A1:F`, `the CSV file`. */
  source: string;
  /** Who to name in messages: `Google Sheets`, `CSV import`. */
  label: string;
}

/**
 * Turns a table (rows of cells: Utilities.parseCsv's output, or the Sheets API's `values`) into
 * records keyed by the header row's names, each column typed as a whole (column-types.ts).
 * Blank rows are dropped; cells past the header get `column_<n>` names.
 */
export function tableToRecords(
  rows: readonly (readonly unknown[])[],
  options: TableOptions,
): ImportedRecord[] {
  return readTable(rows, options).records;
}

export interface ImportedTable {
  records: ImportedRecord[];
  /** Columns typed as date-times: their values are ISO text, with an offset only when the source gave one. */
  datetimeColumns: string[];
}

/** tableToRecords, plus which columns hold date-times (to read wall-clock times in a zone later). */
export function readTable(rows: readonly (readonly unknown[])[], options: TableOptions): ImportedTable {
  if (rows.length === 0) return { records: [], datetimeColumns: [] };
  const headerIndex = options.headerRow - 1;
  if (headerIndex >= rows.length) {
    throw new TapdashError({
      code: 'import-no-header',
      message: `${options.label} found only ${rows.length} row${rows.length === 1 ? '' : 's'} in ${options.source}, so there is no row ${options.headerRow} to take the column names from.`,
      fix: 'Open Sources in the Tapdash sidebar and set "Header row" to the row that holds the column names (1 = the first row).',
    });
  }
  const data = rows.slice(headerIndex + 1).filter((row) => !isBlankRow(row));
  const width = data.reduce((w, row) => Math.max(w, row.length), rows[headerIndex].length);
  const names = headerNames(rows[headerIndex], width);
  if (options.keyColumn !== undefined && !names.includes(options.keyColumn)) {
    throw new TapdashError({
      code: 'import-key-missing',
      message: `${options.label} found no column named "${options.keyColumn}" in the header row of ${options.source}. The columns are: ${listNames(names)}.`,
      fix: 'Open Sources in the Tapdash sidebar and type the key column exactly as its header reads, or leave it empty.',
      where: 'primaryKey',
    });
  }
  const readings: CellReading[][] = data.map((row) => names.map((_, c) => readCell(row[c])));
  const columns: ColumnDecision[] = names.map((_, c) =>
    decideColumn(
      readings.map((r) => r[c]),
      options.dateOrder,
    ),
  );
  const records = data.map((row, r) => {
    const record: ImportedRecord = {};
    names.forEach((name, c) => {
      record[name] = normalizeCell(row[c], readings[r][c], columns[c]);
    });
    return record;
  });
  return { records, datetimeColumns: names.filter((_, c) => columns[c].kind === 'datetime') };
}

/**
 * Column names from the header cells: trimmed (and without a byte-order mark, which some CSV
 * exports put before the first name), `column_<n>` for a blank one, `_2`, `_3` … after a name
 * already taken, so every column keeps its own name.
 */
export function headerNames(cells: readonly unknown[], width: number): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const raw = cells[c];
    const text =
      raw === null || raw === undefined
        ? ''
        : String(raw)
            .replace(/^\uFEFF/, '')
            .trim();
    let name = text === '' ? `column_${c + 1}` : text;
    if (taken.has(name)) {
      let n = 2;
      while (taken.has(`${name}_${n}`)) n++;
      name = `${name}_${n}`;
    }
    taken.add(name);
    names.push(name);
  }
  return names;
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${shown} and ${names.length - 12} more` : shown || 'none';
}
