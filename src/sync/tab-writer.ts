import type { ColumnSpec } from '../connect/connector-spec';
import { TapdashError } from '../shared/errors';
import { safeText, toWritable, type WritableCell } from './cell-safety';
import type { FlatRecord } from './flatten';
import { columnTypes, planHeader, planUpsert, rowKey, sameRow, toRow } from './merge';
import type { CellValue } from './typing';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Google Sheets' limit on cells (grid size, filled or not) per spreadsheet. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

export interface TableShape {
  declared: readonly ColumnSpec[];
  primaryKey: readonly string[];
  timeZone: string;
}

/** Upsert by primary key, or write at a fixed row (a loading tab of a stream without a key). */
export type WriteMode = { kind: 'upsert' } | { kind: 'append'; at: number };

export interface WriteResult {
  added: number;
  updated: number;
}

/**
 * Counts the spreadsheet's cells once per execution and refuses growth past the 10 million
 * cell limit with a message, before Sheets refuses with its own.
 */
export class CellBudget {
  private total: number | undefined;

  constructor(private readonly ss: Spreadsheet) {}

  reserve(extra: number, tab: string): void {
    this.total ??= this.ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    if (this.total + extra > SPREADSHEET_CELL_LIMIT) {
      throw new TapdashError({
        code: 'spreadsheet-full',
        message: `This spreadsheet is nearly full: Google Sheets allows 10 million cells, it has ${this.total.toLocaleString('en-US')}, and ${tab} needs ${extra.toLocaleString('en-US')} more.`,
        fix: 'Delete tabs you no longer need, or pause streams you do not use under Sources in the Tapdash sidebar, then sync again.',
        where: tab,
      });
    }
    this.total += extra;
  }
}

/**
 * One stream's hidden data tab: row 1 the header, one row per record. Every write is batched:
 * per call of `write`, at most one read of the key column(s) per execution, one read of the
 * rows being replaced, and two setValues (the changed span, the new rows). Never per row.
 */
export class DataTab {
  private keyIndex: Map<string, number> | undefined;
  /** Header cells actually in row 1 (the header in memory may be ahead: adoptHeader). */
  private headerInSheet: number;

  private constructor(
    readonly sheet: Sheet,
    readonly name: string,
    private header: string[],
    private rows: number,
    private maxRows: number,
    private maxCols: number,
    private readonly cells: CellBudget,
  ) {
    this.headerInSheet = header.length;
  }

  static open(ss: Spreadsheet, name: string, cells: CellBudget): DataTab | undefined {
    const sheet = ss.getSheetByName(name);
    if (!sheet) return undefined;
    const lastCol = sheet.getLastColumn();
    const header =
      lastCol > 0
        ? sheet
            .getRange(1, 1, 1, lastCol)
            .getValues()[0]
            .map((v) => String(v))
        : [];
    while (header.length && header[header.length - 1] === '') header.pop();
    const rows = Math.max(0, sheet.getLastRow() - 1);
    return new DataTab(sheet, name, header, rows, sheet.getMaxRows(), sheet.getMaxColumns(), cells);
  }

  /**
   * A new tab at the end: hidden and protected (warning only), so nobody edits synced data by
   * accident; the user's current tab stays active.
   */
  static create(ss: Spreadsheet, name: string, cells: CellBudget): DataTab {
    const active = ss.getActiveSheet();
    cells.reserve(1000 * 26, name);
    const sheet = ss.insertSheet(name, ss.getNumSheets());
    sheet.setFrozenRows(1);
    sheet
      .protect()
      .setWarningOnly(true)
      .setDescription('Synced by Tapdash: changes here are overwritten by the next sync.');
    sheet.hideSheet();
    if (active) active.activate();
    return new DataTab(sheet, name, [], 0, sheet.getMaxRows(), sheet.getMaxColumns(), cells);
  }

  static openOrCreate(ss: Spreadsheet, name: string, cells: CellBudget): DataTab {
    return DataTab.open(ss, name, cells) ?? DataTab.create(ss, name, cells);
  }

  get columns(): readonly string[] {
    return this.header;
  }

  get dataRows(): number {
    return this.rows;
  }

  /**
   * Starts a new tab's header with an existing tab's columns, so a full refresh keeps columns
   * whose field disappeared; written with the first rows.
   */
  adoptHeader(header: readonly string[]): void {
    if (this.header.length === 0) this.header = [...header];
  }

  write(batch: readonly FlatRecord[], shape: TableShape, mode: WriteMode): WriteResult {
    const header = planHeader(this.header, shape.declared, shape.primaryKey, batch);
    const types = columnTypes(header, shape.declared, batch);
    const rows = batch.map((r) => toRow(r, header, types, shape.timeZone));
    const headerChanged = header.length !== this.headerInSheet;
    const keyCols = shape.primaryKey.map((k) => header.indexOf(k));
    const plan =
      mode.kind === 'upsert'
        ? planUpsert(this.index(keyCols), rows, keyCols)
        : { updates: new Map(), appends: rows };
    const appendAt = mode.kind === 'upsert' ? this.rows : mode.at;
    this.ensureSize(1 + Math.max(this.rows, appendAt + plan.appends.length), header.length);

    const span = this.changedSpan(plan.updates, header.length, headerChanged);
    const writes: Array<{ row: number; values: WritableCell[][] }> = [];
    const headerRow = header.map(safeText);
    if (span) writes.push(headerChanged ? { row: 1, values: [headerRow, ...span.values] } : span);
    if (plan.appends.length) {
      const values = plan.appends.map((r) => r.map(toWritable));
      if (headerChanged && !span && appendAt === 0) writes.push({ row: 1, values: [headerRow, ...values] });
      else writes.push({ row: appendAt + 2, values });
    }
    if (headerChanged && !span && !(plan.appends.length && appendAt === 0))
      writes.unshift({ row: 1, values: [headerRow] });
    for (const w of writes) this.sheet.getRange(w.row, 1, w.values.length, header.length).setValues(w.values);

    this.header = header;
    this.headerInSheet = header.length;
    this.rows = Math.max(this.rows, appendAt + plan.appends.length);
    if (this.keyIndex && keyCols.length) {
      plan.appends.forEach((r, i) => {
        const key = rowKey(r, keyCols);
        if (key !== undefined) this.keyIndex!.set(key, appendAt + i);
      });
    }
    return { added: plan.appends.length, updated: span?.changed ?? 0 };
  }

  /**
   * A full refresh read in one go: the header (old columns kept, new ones added) and every
   * row in one write, then the rows left from before cleared. The sheet stays the same sheet,
   * so formulas elsewhere that point at it keep working.
   */
  replaceAll(batch: readonly FlatRecord[], shape: TableShape): WriteResult {
    const header = planHeader(this.header, shape.declared, shape.primaryKey, batch);
    const types = columnTypes(header, shape.declared, batch);
    let rows = batch.map((r) => toRow(r, header, types, shape.timeZone));
    const keyCols = shape.primaryKey.map((k) => header.indexOf(k));
    if (keyCols.length) rows = planUpsert(new Map(), rows, keyCols).appends;
    this.replaceRows(
      header,
      rows.map((r) => r.map(toWritable)),
    );
    return { added: rows.length, updated: 0 };
  }

  /** Takes over a finished loading tab's contents (one read, one write, one clear). */
  copyFrom(source: DataTab): void {
    const header = [...source.columns];
    const values =
      source.rows > 0 && header.length
        ? (source.sheet.getRange(2, 1, source.rows, header.length).getValues() as CellValue[][])
        : [];
    this.replaceRows(
      header,
      values.map((r) => r.map((v) => toWritable(v === undefined ? null : v))),
    );
  }

  private replaceRows(header: string[], rows: WritableCell[][]): void {
    this.ensureSize(1 + rows.length, header.length);
    if (header.length) {
      this.sheet.getRange(1, 1, rows.length + 1, header.length).setValues([header.map(safeText), ...rows]);
    }
    if (this.rows > rows.length) {
      const width = Math.max(this.header.length, header.length, 1);
      this.sheet.getRange(rows.length + 2, 1, this.rows - rows.length, width).clearContent();
    }
    this.header = header;
    this.headerInSheet = header.length;
    this.rows = rows.length;
    this.keyIndex = undefined;
  }

  /** The non-empty values of one column, as text (the repositories a stream lists). */
  columnText(name: string): string[] {
    const i = this.header.indexOf(name);
    if (i < 0 || this.rows === 0) return [];
    return this.sheet
      .getRange(2, i + 1, this.rows, 1)
      .getValues()
      .map((r) => r[0])
      .filter((v) => v !== '' && v !== null && v !== undefined)
      .map((v) => String(v));
  }

  /** Clears rows past `rows` (a loading tab's rows written after its last checkpoint). */
  truncate(rows: number): void {
    const lastRow = this.sheet.getLastRow();
    if (lastRow - 1 > rows && this.header.length) {
      this.sheet.getRange(rows + 2, 1, lastRow - 1 - rows, Math.max(this.header.length, 1)).clearContent();
    }
    this.rows = Math.min(this.rows, rows);
    this.keyIndex = undefined;
  }

  /** Key → data-row index, read once per execution with one getValues of the key columns. */
  private index(keyCols: readonly number[]): Map<string, number> {
    if (this.keyIndex) return this.keyIndex;
    const index = new Map<string, number>();
    const present = keyCols.filter((c) => c < this.header.length);
    if (this.rows > 0 && present.length === keyCols.length && keyCols.length) {
      const first = lowest(keyCols);
      const width = highest(keyCols) - first + 1;
      const values = this.sheet.getRange(2, first + 1, this.rows, width).getValues() as CellValue[][];
      const shifted = keyCols.map((c) => c - first);
      values.forEach((row, i) => {
        const key = rowKey(row, shifted);
        if (key !== undefined) index.set(key, i);
      });
    }
    this.keyIndex = index;
    return index;
  }

  /**
   * The rows to rewrite for the updates that really change something, as one rectangle: the
   * rows in between are rewritten with what they hold (re-quoted, since getValues drops the
   * apostrophe). With a new header the span starts under it, so the header and the updates go
   * in one write.
   */
  private changedSpan(
    updates: ReadonlyMap<number, CellValue[]>,
    width: number,
    headerChanged: boolean,
  ): { row: number; values: WritableCell[][]; changed: number } | undefined {
    if (updates.size === 0) return undefined;
    const indexes = [...updates.keys()];
    const lo = headerChanged ? 0 : lowest(indexes);
    const hi = highest(indexes);
    const stored = this.sheet.getRange(lo + 2, 1, hi - lo + 1, width).getValues() as CellValue[][];
    const changed = new Set(indexes.filter((i) => !sameRow(stored[i - lo], updates.get(i)!)));
    if (changed.size === 0) return undefined;
    const from = headerChanged ? 0 : lowest([...changed]);
    const to = highest([...changed]);
    const values: WritableCell[][] = [];
    for (let i = from; i <= to; i++) {
      const next = changed.has(i) ? updates.get(i)! : stored[i - lo];
      values.push(next.map((v) => toWritable(v === undefined ? null : v)));
    }
    return { row: from + 2, values, changed: changed.size };
  }

  /** Grows the grid before a write needs it: getRange outside the sheet throws on the platform. */
  private ensureSize(rows: number, cols: number): void {
    if (cols > this.maxCols) {
      this.cells.reserve((cols - this.maxCols) * this.maxRows, this.name);
      this.sheet.insertColumnsAfter(this.maxCols, cols - this.maxCols);
      this.maxCols = cols;
    }
    if (rows > this.maxRows) {
      this.cells.reserve((rows - this.maxRows) * this.maxCols, this.name);
      this.sheet.insertRowsAfter(this.maxRows, rows - this.maxRows);
      this.maxRows = rows;
    }
  }
}

// Loops rather than Math.min(...xs): spreading 100,000 row numbers overflows the call stack.
function lowest(xs: readonly number[]): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) if (x < m) m = x;
  return m;
}

function highest(xs: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Name of the hidden tab a full refresh loads into before it replaces the live tab. */
export function loadingTabName(name: string): string {
  return `${name} (loading)`;
}

/**
 * Puts a finished full refresh in place: the live tab takes the loading tab's contents (it
 * stays the same sheet) and the loading tab is deleted; on a first refresh the loading tab is
 * simply renamed. Safe to repeat after an interruption: the engine re-runs it while the
 * stream is marked `swapping`. Returns the live tab's data rows.
 */
export function promoteLoadingTab(ss: Spreadsheet, name: string, cells: CellBudget): number {
  const loading = DataTab.open(ss, loadingTabName(name), cells);
  const live = DataTab.open(ss, name, cells);
  if (!loading) return live?.dataRows ?? 0;
  if (!live) {
    loading.sheet.setName(name);
    return loading.dataRows;
  }
  live.copyFrom(loading);
  ss.deleteSheet(loading.sheet);
  return live.dataRows;
}

/** Drops a loading tab left by a run that did not finish, so a new full refresh starts empty. */
export function discardLoadingTab(ss: Spreadsheet, name: string): void {
  const loading = ss.getSheetByName(loadingTabName(name));
  if (loading) ss.deleteSheet(loading);
}
