/**
 * The stored shape of a spreadsheet: plain data that JSON round-trips. Cells are dense row
 * arrays (a row array exists once anything is written in it); styles and notes use parallel
 * row arrays that exist only where something is set.
 */
import type { GridRect } from './a1';
import type { FormulaCell } from './parse-input';

/** A cell's content: a typed value, a formula, or empty (null/undefined). Dates are serials. */
export type StoredValue = number | string | boolean | FormulaCell | null | undefined;

export interface ProtectionState {
  id: number;
  type: 'SHEET' | 'RANGE';
  /** The protected cells (the whole sheet for SHEET protections). */
  range?: GridRect;
  description: string;
  warningOnly: boolean;
  /**
   * Until a script changes the editor list, a new protection mirrors the spreadsheet's own
   * sharing, so it protects nothing yet (documented for Range.protect and Sheet.protect).
   */
  mirror: boolean;
  editors: string[];
  domainEdit: boolean;
  /** Ranges left editable inside a sheet protection. */
  unprotected: GridRect[];
}

export interface ChartRangeRef {
  sheetId: number;
  a1: string;
}

export interface ChartState {
  chartId: number;
  /** A Charts.ChartType name: LINE, COLUMN, PIE… */
  chartType: string;
  ranges: ChartRangeRef[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  /** Google Charts options, by the dotted key they were set with. */
  options: Record<string, unknown>;
  /** -1 until setNumHeaders is called (Sheets then guesses from the data). */
  numHeaders: number;
  mergeStrategy: string;
  transpose: boolean;
  hiddenDimensionStrategy: string;
}

export type ImageSource =
  | { kind: 'blob'; contentType: string; base64: string }
  | { kind: 'url'; url: string };

export interface ImageState {
  imageId: number;
  source: ImageSource;
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  inherentWidth: number;
  inherentHeight: number;
  altTitle: string;
  altDescription: string;
  script: string;
}

export interface BorderRecord {
  a1: string;
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  hidden = false;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenCols = 0;
  gridlinesHidden = false;
  colWidths: Record<string, number> = {};
  rowHeights: Record<string, number> = {};
  /** rows[r][c], 0-based. */
  rows: (StoredValue[] | undefined)[] = [];
  /** Style ids into the workbook's StyleTable, parallel to rows. */
  styleRows: (number[] | undefined)[] = [];
  noteRows: (string[] | undefined)[] = [];
  merges: GridRect[] = [];
  borders: BorderRecord[] = [];
  protections: ProtectionState[] = [];
  charts: ChartState[] = [];
  images: ImageState[] = [];
  /** How many formula cells the sheet holds: sheets with none never reach the formula engine. */
  formulaCount = 0;

  constructor(id: number, name: string, maxRows = DEFAULT_ROWS, maxCols = DEFAULT_COLUMNS) {
    this.id = id;
    this.name = name;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  /** 1-based index of the last row with content, 0 when empty. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row && rowHasContent(row)) return r + 1;
    }
    return 0;
  }

  /** 1-based index of the last column with content, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row || row.length <= last) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (!isEmpty(row[c])) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  toJSON(): unknown {
    return {
      id: this.id,
      name: this.name,
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      hidden: this.hidden,
      tabColor: this.tabColor,
      frozenRows: this.frozenRows,
      frozenCols: this.frozenCols,
      gridlinesHidden: this.gridlinesHidden,
      colWidths: this.colWidths,
      rowHeights: this.rowHeights,
      rows: trimRows(this.rows),
      styleRows: trimRows(this.styleRows),
      noteRows: trimRows(this.noteRows),
      merges: this.merges,
      borders: this.borders,
      protections: this.protections,
      charts: this.charts,
      images: this.images,
    };
  }

  static fromJSON(json: ReturnType<SheetState['toJSON']>): SheetState {
    const j = json as Record<string, unknown> & SheetState;
    const sheet = new SheetState(j.id, j.name, j.maxRows, j.maxCols);
    sheet.hidden = Boolean(j.hidden);
    sheet.tabColor = j.tabColor ?? null;
    sheet.frozenRows = j.frozenRows ?? 0;
    sheet.frozenCols = j.frozenCols ?? 0;
    sheet.gridlinesHidden = j.gridlinesHidden ?? false;
    sheet.colWidths = j.colWidths ?? {};
    sheet.rowHeights = j.rowHeights ?? {};
    sheet.rows = (j.rows ?? []).map((r) => r ?? undefined);
    sheet.styleRows = (j.styleRows ?? []).map((r) => r ?? undefined);
    sheet.noteRows = (j.noteRows ?? []).map((r) => r ?? undefined);
    sheet.merges = j.merges ?? [];
    sheet.borders = j.borders ?? [];
    sheet.protections = j.protections ?? [];
    sheet.charts = j.charts ?? [];
    sheet.images = j.images ?? [];
    let formulas = 0;
    for (const row of sheet.rows) if (row) for (const v of row) if (isFormula(v)) formulas++;
    sheet.formulaCount = formulas;
    return sheet;
  }
}

export function isEmpty(v: StoredValue): boolean {
  return v === undefined || v === null || v === '';
}

export function isFormula(v: StoredValue): v is FormulaCell {
  return typeof v === 'object' && v !== null;
}

function rowHasContent(row: StoredValue[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isEmpty(row[c])) return true;
  return false;
}

function trimRows<T>(rows: (T[] | undefined)[]): (T[] | null)[] {
  let end = rows.length;
  while (end > 0 && !rows[end - 1]) end--;
  const out: (T[] | null)[] = new Array(end);
  for (let i = 0; i < end; i++) out[i] = rows[i] ?? null;
  return out;
}
