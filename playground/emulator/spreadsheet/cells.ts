/**
 * Reading and writing cell content and formatting on the dense grid. Bulk operations are one
 * pass over the rectangle with no per-cell objects, except the JS Dates Apps Script itself
 * returns for date cells.
 */
import type { GridRect } from './a1';
import { instantToSerial, serialToInstant } from './dates';
import { fail, MSG } from './messages';
import { isFormula, type SheetState, type StoredValue } from './model';
import { DEFAULT_DATE_TIME_FORMAT, formatNumber, formatString, isDateFormat } from './number-format';
import { isPlainText, parseInput } from './parse-input';
import type { CellStyle, StyleProp } from './styles';
import type { WorkbookState } from './workbook';

export const MAX_CELL_CHARS = 50_000;

/** What getNumberFormat returns for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = '0.###############';

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Rejects text over the per-cell limit before anything is written (Sheets writes all or nothing). */
export function checkCellText(values: unknown[][] | null, single: unknown): void {
  if (values) {
    for (const row of values) {
      for (const v of row) if (typeof v === 'string' && v.length > MAX_CELL_CHARS) fail(MSG.charLimit);
    }
  } else if (typeof single === 'string' && single.length > MAX_CELL_CHARS) fail(MSG.charLimit);
}

function ensureRow<T>(rows: (T[] | undefined)[], r: number): T[] {
  let row = rows[r];
  if (!row) {
    row = [];
    rows[r] = row;
  }
  return row;
}

/**
 * Writes values as setValues does (strings parsed like typed input). `values` is the 2-D data,
 * or null to write `single` into every cell (setValue on a multi-cell range).
 */
export function writeValues(
  wb: WorkbookState,
  sheet: SheetState,
  rect: GridRect,
  values: unknown[][] | null,
  single?: unknown,
): void {
  checkCellText(values, single);
  const styles = wb.styles;
  const locale = wb.locale;
  const tz = wb.timeZone;
  const r0 = rect.row - 1;
  const c0 = rect.col - 1;
  let wroteFormula = false;
  let lastFrom = -1;
  let lastFormat: string | undefined;
  let lastTo = 0;
  for (let i = 0; i < rect.numRows; i++) {
    const src = values ? values[i] : null;
    const r = r0 + i;
    let row = sheet.rows[r];
    let styleRow = sheet.styleRows[r];
    for (let j = 0; j < rect.numCols; j++) {
      const input = src ? src[j] : single;
      const c = c0 + j;
      let stored: StoredValue;
      let format: string | undefined;
      if (input === null || input === undefined || input === '') {
        stored = undefined;
      } else if (typeof input === 'string') {
        const cellFormat = styleRow ? styles.get(styleRow[c]).numberFormat : undefined;
        if (isPlainText(input, cellFormat)) {
          stored = input;
        } else {
          const parsed = parseInput(input, locale, cellFormat);
          stored = parsed.value;
          format = parsed.format;
        }
      } else if (typeof input === 'number') {
        // -0 has no place in a spreadsheet; NaN and Infinity are written as their text.
        stored = Number.isFinite(input) ? input + 0 : String(input);
      } else if (typeof input === 'boolean') {
        stored = input;
      } else if (isDate(input)) {
        const t = input.getTime();
        stored = Number.isNaN(t) ? undefined : instantToSerial(t, tz);
        if (!(styleRow && styles.isDate(styleRow[c]))) format = DEFAULT_DATE_TIME_FORMAT;
      } else {
        // Objects and arrays are written as their string form ("[object Object]"), never parsed.
        stored = String(input);
      }
      const old = row ? row[c] : undefined;
      if (isFormula(old)) sheet.formulaCount--;
      if (isFormula(stored)) {
        sheet.formulaCount++;
        wroteFormula = true;
      }
      if (stored === undefined) {
        if (row && c < row.length) row[c] = undefined;
      } else {
        if (!row) row = ensureRow(sheet.rows, r);
        row[c] = stored;
      }
      if (format !== undefined) {
        if (!styleRow) styleRow = ensureRow(sheet.styleRows, r);
        const from = styleRow[c] ?? 0;
        // Columns of dates or amounts repeat the same change: skip the style-table lookup.
        if (from !== lastFrom || format !== lastFormat) {
          lastFrom = from;
          lastFormat = format;
          lastTo = styles.with(from, 'numberFormat', format);
        }
        styleRow[c] = lastTo;
      }
    }
  }
  wb.formulas.onWrite(sheet, rect, wroteFormula);
}

/** The value a formula cell shows, and whether it reads as a date (explicit or inferred format). */
function formulaResult(
  wb: WorkbookState,
  sheet: SheetState,
  r: number,
  c: number,
  styleId: number | undefined,
): { value: number | string | boolean; format: string | undefined } {
  const value = wb.formulas.value(sheet, r, c);
  const explicit = styleId ? wb.styles.get(styleId).numberFormat : undefined;
  const format =
    explicit ?? (typeof value === 'number' ? wb.formulas.inferredFormat(sheet, r, c) : undefined);
  return { value, format };
}

/** getValues: numbers, strings, booleans, Dates for date-formatted numbers, "" for empty cells. */
export function readValues(wb: WorkbookState, sheet: SheetState, rect: GridRect): unknown[][] {
  const styles = wb.styles;
  const out: unknown[][] = new Array(rect.numRows);
  const r0 = rect.row - 1;
  const c0 = rect.col - 1;
  for (let i = 0; i < rect.numRows; i++) {
    const r = r0 + i;
    const row = sheet.rows[r];
    const line: unknown[] = new Array(rect.numCols);
    if (!row) {
      line.fill('');
      out[i] = line;
      continue;
    }
    const styleRow = sheet.styleRows[r];
    for (let j = 0; j < rect.numCols; j++) {
      const c = c0 + j;
      const v = row[c];
      if (v === undefined || v === null) line[j] = '';
      else if (typeof v === 'number') line[j] = styleRow && styles.isDate(styleRow[c]) ? toDate(wb, v) : v;
      else if (typeof v === 'object') {
        const res = formulaResult(wb, sheet, r, c, styleRow?.[c]);
        line[j] =
          typeof res.value === 'number' && isDateFormat(res.format) ? toDate(wb, res.value) : res.value;
      } else line[j] = v;
    }
    out[i] = line;
  }
  return out;
}

function toDate(wb: WorkbookState, serial: number): Date {
  return new wb.dateConstructor(serialToInstant(serial, wb.timeZone));
}

/** getDisplayValues: every cell as the text Sheets shows, formatted by its number format and the locale. */
export function readDisplayValues(wb: WorkbookState, sheet: SheetState, rect: GridRect): string[][] {
  const styles = wb.styles;
  const locale = wb.locale;
  const out: string[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const row = sheet.rows[r];
    const line: string[] = new Array(rect.numCols);
    if (!row) {
      line.fill('');
      out[i] = line;
      continue;
    }
    const styleRow = sheet.styleRows[r];
    for (let j = 0; j < rect.numCols; j++) {
      const c = rect.col - 1 + j;
      const v = row[c];
      const styleId = styleRow?.[c];
      if (v === undefined || v === null) line[j] = '';
      else if (typeof v === 'object') {
        const res = formulaResult(wb, sheet, r, c, styleId);
        line[j] = display(res.value, res.format, locale);
      } else line[j] = display(v, styleId ? styles.get(styleId).numberFormat : undefined, locale);
    }
    out[i] = line;
  }
  return out;
}

export function display(v: number | string | boolean, format: string | undefined, locale: string): string {
  if (typeof v === 'number') return formatNumber(v, format, locale);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return formatString(v, format);
}

/** getFormulas: the formula text of formula cells, "" elsewhere. */
export function readFormulas(sheet: SheetState, rect: GridRect): string[][] {
  const out: string[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const row = sheet.rows[rect.row - 1 + i];
    const line: string[] = new Array(rect.numCols).fill('');
    if (row && sheet.formulaCount > 0) {
      for (let j = 0; j < rect.numCols; j++) {
        const v = row[rect.col - 1 + j];
        if (isFormula(v)) line[j] = v.f;
      }
    }
    out[i] = line;
  }
  return out;
}

/** No value and no formula in any cell (a formula showing "" still counts as content). */
export function isBlankRect(sheet: SheetState, rect: GridRect): boolean {
  for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++) {
      const v = row[c];
      if (v !== undefined && v !== null && v !== '') return false;
    }
  }
  return true;
}

export function clearContents(wb: WorkbookState, sheet: SheetState, rect: GridRect): void {
  forEachRow(sheet.rows, rect, (row, c) => {
    if (isFormula(row[c])) sheet.formulaCount--;
    row[c] = undefined;
  });
  wb.formulas.onWrite(sheet, rect, false);
}

export function clearFormats(sheet: SheetState, rect: GridRect): void {
  forEachRow(sheet.styleRows, rect, (row, c) => {
    row[c] = 0;
  });
}

export function clearNotes(sheet: SheetState, rect: GridRect): void {
  forEachRow(sheet.noteRows, rect, (row, c) => {
    row[c] = undefined as unknown as string;
  });
}

function forEachRow<T>(rows: (T[] | undefined)[], rect: GridRect, fn: (row: T[], c: number) => void): void {
  const end = Math.min(rows.length, rect.row - 1 + rect.numRows);
  for (let r = rect.row - 1; r < end; r++) {
    const row = rows[r];
    if (!row) continue;
    const cEnd = Math.min(row.length, rect.col - 1 + rect.numCols);
    for (let c = rect.col - 1; c < cEnd; c++) fn(row, c);
  }
}

/** Sets one style property on every cell, from one value or a 2-D array of values (null resets). */
export function writeStyle<K extends StyleProp>(
  wb: WorkbookState,
  sheet: SheetState,
  rect: GridRect,
  prop: K,
  values: CellStyle[K] | null | (CellStyle[K] | null)[][],
  perCell: boolean,
): void {
  const styles = wb.styles;
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    let row = sheet.styleRows[r];
    const src = perCell ? (values as (CellStyle[K] | null)[][])[i] : null;
    for (let j = 0; j < rect.numCols; j++) {
      const v = (src ? src[j] : values) as CellStyle[K] | null;
      const c = rect.col - 1 + j;
      if (!row) {
        if (v === null || v === undefined) continue;
        row = ensureRow(sheet.styleRows, r);
      }
      row[c] = styles.with(row[c], prop, v ?? undefined);
    }
  }
}

export function readStyle<K extends StyleProp>(
  wb: WorkbookState,
  sheet: SheetState,
  rect: GridRect,
  prop: K,
  fallback: NonNullable<CellStyle[K]>,
): NonNullable<CellStyle[K]>[][] {
  const out: NonNullable<CellStyle[K]>[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const row = sheet.styleRows[rect.row - 1 + i];
    const line: NonNullable<CellStyle[K]>[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) {
      const id = row?.[rect.col - 1 + j];
      line[j] = (id ? wb.styles.get(id)[prop] : undefined) ?? fallback;
    }
    out[i] = line;
  }
  return out;
}

export function writeNotes(
  sheet: SheetState,
  rect: GridRect,
  notes: unknown[][] | null,
  single?: unknown,
): void {
  for (let i = 0; i < rect.numRows; i++) {
    const r = rect.row - 1 + i;
    const src = notes ? notes[i] : null;
    for (let j = 0; j < rect.numCols; j++) {
      const v = src ? src[j] : single;
      const text = v === null || v === undefined ? '' : String(v);
      const c = rect.col - 1 + j;
      if (text === '') {
        const row = sheet.noteRows[r];
        if (row) row[c] = undefined as unknown as string;
      } else ensureRow(sheet.noteRows, r)[c] = text;
    }
  }
}

export function readNotes(sheet: SheetState, rect: GridRect): string[][] {
  const out: string[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const row = sheet.noteRows[rect.row - 1 + i];
    const line: string[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) line[j] = row?.[rect.col - 1 + j] ?? '';
    out[i] = line;
  }
  return out;
}
