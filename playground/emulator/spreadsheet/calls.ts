/**
 * The one door every emulated SpreadsheetApp call goes through: `emu.call` enforces the
 * execution's AuthMode, counts the call and charges its simulated cost, and the execution's
 * cellsRead/cellsWritten are added up here.
 */
import type { Emulator } from '../emulator';
import type { GridRect } from './a1';
import { fail, MSG } from './messages';
import type { SheetState } from './model';
import type { WorkbookState } from './workbook';

export class Calls {
  constructor(readonly emu: Emulator) {}

  get wb(): WorkbookState {
    return this.emu.workbook;
  }

  /** A call that reads the document; `cells` for bulk reads (getValues and friends). */
  read(service: string, method: string, cells = 0): void {
    const costs = this.emu.costs;
    this.emu.call(service, method, 'document', costs.sheetCallMs + cells * costs.sheetReadPerCellMs);
    const exec = this.emu.current();
    if (exec && cells) exec.cellsRead += cells;
  }

  /** A call that changes the document; `cells` for bulk writes (setValues and friends). */
  write(service: string, method: string, cells = 0): void {
    const costs = this.emu.costs;
    this.emu.call(service, method, 'document-write', costs.sheetCallMs + cells * costs.sheetWritePerCellMs);
    const exec = this.emu.current();
    if (exec && cells) exec.cellsWritten += cells;
  }

  /**
   * A Range's own geometry (getRow, getA1Notation, offset…): answered from the Range object
   * without a round trip to the document, but still document access for AuthMode purposes.
   */
  geometry(service: string, method: string): void {
    this.emu.call(service, method, 'document', this.emu.costs.localMs);
  }

  /** Builders (EmbeddedChartBuilder) that touch nothing until build/insert. */
  local(service: string, method: string): void {
    this.emu.call(service, method, 'local', this.emu.costs.localMs);
  }

  /** Throws the platform's "sheet deleted" error for wrappers whose sheet is gone. */
  live(sheet: SheetState): SheetState {
    if (!this.wb.sheets.includes(sheet)) fail(MSG.sheetDeleted);
    return sheet;
  }

  /**
   * Refuses edits to cells under a (non-warning) protection the active user may not edit. The
   * owner can always edit, as in Sheets.
   */
  assertEditable(sheet: SheetState, rect: GridRect): void {
    if (sheet.protections.length === 0) return;
    const user = this.emu.activeUser();
    if (user === this.wb.owner) return;
    for (const p of sheet.protections) {
      if (p.mirror || p.warningOnly || p.editors.includes(user)) continue;
      if (p.type === 'RANGE') {
        if (p.range && intersects(p.range, rect)) fail(MSG.protectedCell);
      } else if (!p.unprotected.some((u) => contains(u, rect))) {
        fail(MSG.protectedCell);
      }
    }
  }
}

export function intersects(a: GridRect, b: GridRect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

export function contains(outer: GridRect, inner: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
