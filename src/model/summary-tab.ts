/**
 * Writes a model's result to its visible tab with one setValues.
 *
 * The tab belongs to the founder as much as to Tapdash: notes, colours, charts and extra
 * columns to the right of the model's columns survive a refresh. Only the model's own area is
 * rewritten — the header and rows of the previous run (remembered as its shape) and of this
 * one — padded with blanks where the new result is smaller, so stale rows disappear without a
 * separate clear.
 */

import { columnFormats, numberFormat } from './formats';
import type { ColumnFormat } from './model-spec';
import { type Cell, protectText } from './values';

/** The model's area on its tab after a refresh, stored to know what to overwrite next time. */
export interface TabShape {
  columns: number;
  rows: number;
}

export interface SummaryTabInput {
  columns: readonly string[];
  rows: readonly Cell[][];
  formats?: Readonly<Record<string, ColumnFormat>>;
  currency: string;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeSummaryTab(
  sheet: Sheet,
  input: SummaryTabInput,
  previous: TabShape | undefined,
): TabShape {
  const columns = input.columns.length;
  const rows = input.rows.length;
  const width = Math.max(columns, previous?.columns ?? 0);
  const height = Math.max(rows, previous?.rows ?? 0) + 1;
  growTo(sheet, height, width);

  const grid: Cell[][] = new Array(height);
  grid[0] = pad(input.columns.map(protectText), width);
  for (let r = 0; r < height - 1; r++)
    grid[r + 1] = pad(r < rows ? input.rows[r].map(protectText) : [], width);
  sheet.getRange(1, 1, height, width).setValues(grid);

  if (columns > 0) {
    sheet.getRange(1, 1, 1, columns).setFontWeight('bold');
    if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
    if (rows > 0) {
      columnFormats(input.columns, input.rows, input.formats).forEach((format, c) => {
        if (format) sheet.getRange(2, c + 1, rows, 1).setNumberFormat(numberFormat(format, input.currency));
      });
    }
    sheet.autoResizeColumns(1, columns);
  }
  return { columns, rows };
}

function pad(cells: Cell[], width: number): Cell[] {
  while (cells.length < width) cells.push('');
  return cells;
}

function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
