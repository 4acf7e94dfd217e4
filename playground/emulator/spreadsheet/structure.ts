/**
 * Changes to a sheet's shape: inserting and deleting rows and columns (with everything anchored
 * to cells moving along: formats, notes, merges, protections, charts, images, and references in
 * formulas on every sheet), and the formula side of renaming and deleting sheets.
 */
import type { GridRect } from './a1';
import { type Axis, dropSheetRefs, renameSheetRefs, shiftRefs } from './formula-refs';
import { fail, MSG } from './messages';
import { isFormula, type SheetState } from './model';
import { MAX_CELLS, MAX_COLUMNS, type WorkbookState } from './workbook';

export function checkCellLimit(wb: WorkbookState, extraCells: number): void {
  if (wb.totalCells() + extraCells > MAX_CELLS) fail(MSG.cellLimit);
}

/** Inserts `count` empty rows so that the first new row is row `at` (1-based). */
export function insertRows(wb: WorkbookState, sheet: SheetState, at: number, count: number): void {
  if (count < 1) return;
  if (at < 1 || at > sheet.maxRows + 1) fail(MSG.rowsOutOfBounds);
  checkCellLimit(wb, count * sheet.maxCols);
  const moved = cellsAtOrAfter(sheet, 'row', at);
  sheet.maxRows += count;
  for (const rows of gridArrays(sheet)) spliceIn(rows, at - 1, count);
  sheet.rowHeights = shiftKeys(sheet.rowHeights, at, count);
  if (at <= sheet.frozenRows) sheet.frozenRows += count;
  moveAnchored(sheet, 'row', at, count);
  shiftFormulas(wb, sheet, 'row', at, count, moved);
}

export function insertColumns(wb: WorkbookState, sheet: SheetState, at: number, count: number): void {
  if (count < 1) return;
  if (at < 1 || at > sheet.maxCols + 1) fail(MSG.columnsOutOfBounds);
  if (sheet.maxCols + count > MAX_COLUMNS) fail(MSG.columnLimit);
  checkCellLimit(wb, count * sheet.maxRows);
  const moved = cellsAtOrAfter(sheet, 'col', at);
  sheet.maxCols += count;
  for (const rows of gridArrays(sheet)) for (const row of rows) if (row) spliceIn(row, at - 1, count);
  sheet.colWidths = shiftKeys(sheet.colWidths, at, count);
  if (at <= sheet.frozenCols) sheet.frozenCols += count;
  moveAnchored(sheet, 'col', at, count);
  shiftFormulas(wb, sheet, 'col', at, count, moved);
}

export function deleteRows(wb: WorkbookState, sheet: SheetState, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxRows) fail(MSG.rowsOutOfBounds);
  if (sheet.maxRows - count <= 0 || sheet.maxRows - count <= sheet.frozenRows) fail(MSG.deleteAllRows);
  sheet.maxRows -= count;
  for (const rows of gridArrays(sheet)) rows.splice(at - 1, count);
  sheet.rowHeights = shiftKeys(sheet.rowHeights, at, -count);
  if (at <= sheet.frozenRows) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - count);
  moveAnchored(sheet, 'row', at, -count);
  recountFormulas(sheet);
  shiftFormulas(wb, sheet, 'row', at, -count, true);
}

export function deleteColumns(wb: WorkbookState, sheet: SheetState, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxCols) fail(MSG.columnsOutOfBounds);
  if (sheet.maxCols - count <= 0 || sheet.maxCols - count <= sheet.frozenCols) fail(MSG.deleteAllColumns);
  sheet.maxCols -= count;
  for (const rows of gridArrays(sheet)) for (const row of rows) if (row) row.splice(at - 1, count);
  sheet.colWidths = shiftKeys(sheet.colWidths, at, -count);
  if (at <= sheet.frozenCols) sheet.frozenCols = Math.max(at - 1, sheet.frozenCols - count);
  moveAnchored(sheet, 'col', at, -count);
  recountFormulas(sheet);
  shiftFormulas(wb, sheet, 'col', at, -count, true);
}

export function renameSheetInFormulas(wb: WorkbookState, oldName: string, newName: string): void {
  rewriteAllFormulas(wb, (f) => renameSheetRefs(f, oldName, newName));
}

export function dropSheetFromFormulas(wb: WorkbookState, name: string): void {
  rewriteAllFormulas(wb, (f) => dropSheetRefs(f, name));
}

function gridArrays(sheet: SheetState): (unknown[] | undefined)[][] {
  return [sheet.rows, sheet.styleRows, sheet.noteRows];
}

function spliceIn<T>(arr: T[], index: number, count: number): void {
  // Nothing stored at or beyond the insertion point: the array needs no change.
  if (index >= arr.length) return;
  const tail = arr.splice(index);
  arr.length = index + count;
  for (const item of tail) arr.push(item);
}

function shiftKeys(map: Record<string, number>, at: number, delta: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(map)) {
    const k = Number(key);
    if (k < at) out[key] = value;
    else if (delta > 0) out[String(k + delta)] = value;
    else if (k >= at - delta) out[String(k + delta)] = value;
  }
  return out;
}

function recountFormulas(sheet: SheetState): void {
  let n = 0;
  for (const row of sheet.rows) if (row) for (const v of row) if (isFormula(v)) n++;
  sheet.formulaCount = n;
}

/** Moves a 1-based position along an insertion (delta > 0) or deletion (delta < 0) at `at`. */
function movePos(pos: number, at: number, delta: number): number {
  if (delta > 0) return pos >= at ? pos + delta : pos;
  const last = at - delta - 1;
  if (pos > last) return pos + delta;
  if (pos >= at) return at;
  return pos;
}

/** Moves a rectangle; returns null when a deletion removes it entirely. */
function moveRect(rect: GridRect, axis: Axis, at: number, delta: number): GridRect | null {
  const startKey = axis === 'row' ? 'row' : 'col';
  const sizeKey = axis === 'row' ? 'numRows' : 'numCols';
  const start = rect[startKey];
  const end = start + rect[sizeKey] - 1;
  if (delta > 0) {
    const newStart = start >= at ? start + delta : start;
    const newEnd = end >= at ? end + delta : end;
    return { ...rect, [startKey]: newStart, [sizeKey]: newEnd - newStart + 1 };
  }
  const last = at - delta - 1;
  if (start >= at && end <= last) return null;
  const newStart = movePos(start, at, delta);
  const newEnd = end > last ? end + delta : end >= at ? at - 1 : end;
  return { ...rect, [startKey]: newStart, [sizeKey]: newEnd - newStart + 1 };
}

function moveAnchored(sheet: SheetState, axis: Axis, at: number, delta: number): void {
  sheet.merges = sheet.merges
    .map((m) => moveRect(m, axis, at, delta))
    .filter((m): m is GridRect => m !== null);
  for (const p of sheet.protections) {
    if (p.range && p.type === 'RANGE') p.range = moveRect(p.range, axis, at, delta) ?? p.range;
    p.unprotected = p.unprotected
      .map((u) => moveRect(u, axis, at, delta))
      .filter((u): u is GridRect => u !== null);
  }
  for (const c of sheet.charts) c.position[axis] = Math.max(1, movePos(c.position[axis], at, delta));
  for (const img of sheet.images) img.anchor[axis] = Math.max(1, movePos(img.anchor[axis], at, delta));
}

/**
 * Rewrites references after a shape change. The formula engine is rebuilt only when a formula
 * changed or stored cells moved: growing a sheet past its content (appendRow on a full sheet)
 * keeps it.
 */
function shiftFormulas(
  wb: WorkbookState,
  changed: SheetState,
  axis: Axis,
  at: number,
  delta: number,
  cellsMoved: boolean,
): void {
  const name = changed.name.toLowerCase();
  let rewritten = false;
  for (const sheet of wb.sheets) {
    if (sheet.formulaCount === 0) continue;
    const own = sheet === changed;
    rewritten =
      rewriteSheetFormulas(sheet, (f) =>
        shiftRefs(f, axis, at, delta, (ref) => (ref === undefined ? own : ref.toLowerCase() === name)),
      ) || rewritten;
  }
  if (rewritten || cellsMoved) wb.formulas.invalidate();
}

/** Whether anything is stored at or after row/column `at` (so inserting there moves cells). */
function cellsAtOrAfter(sheet: SheetState, axis: Axis, at: number): boolean {
  if (axis === 'row') return at - 1 < sheet.rows.length;
  return sheet.rows.some((row) => row !== undefined && row !== null && at - 1 < row.length);
}

function rewriteAllFormulas(wb: WorkbookState, fn: (formula: string) => string): void {
  for (const sheet of wb.sheets) if (sheet.formulaCount > 0) rewriteSheetFormulas(sheet, fn);
  wb.formulas.invalidate();
}

function rewriteSheetFormulas(sheet: SheetState, fn: (formula: string) => string): boolean {
  let changed = false;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isFormula(v)) {
        const next = fn(v.f);
        if (next !== v.f) {
          row[c] = { f: next };
          changed = true;
        }
      }
    }
  }
  return changed;
}
