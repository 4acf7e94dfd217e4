/**
 * Sheet: one tab. Ranges, shape (insert/delete rows and columns, append), visibility, frozen
 * panes, sizes, protection, charts and images.
 */
import { parseRangeRef, splitSheetPrefix } from './a1';
import type { Calls } from './calls';
import { clearContents, clearFormats, clearNotes, readDisplayValues, readValues, writeValues } from './cells';
import { EmbeddedChartBuilderApi } from './chart-builder';
import { normalizeColor } from './colors';
import { chartOps, type EmbeddedChartApi } from './embedded-chart';
import { insertImage, OverGridImageApi } from './image-api';
import { describeTypes, fail, MSG } from './messages';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SheetState } from './model';
import { newProtection, ProtectionApi } from './protection-api';
import { makeRange, RangeApi } from './range-api';
import { SpreadsheetApi } from './spreadsheet-api';
import { deleteColumns, deleteRows, insertColumns, insertRows, renameSheetInFormulas } from './structure';

const SVC = 'Sheet';

type Gas = GoogleAppsScript.Spreadsheet.Sheet;

export class SheetApi {
  constructor(
    private readonly calls: Calls,
    readonly state: SheetState,
  ) {}

  private read(method: string, cells = 0): SheetState {
    this.calls.read(SVC, method, cells);
    return this.calls.live(this.state);
  }

  private write(method: string, cells = 0): SheetState {
    this.calls.write(SVC, method, cells);
    return this.calls.live(this.state);
  }

  private get wb() {
    return this.calls.wb;
  }

  private self(): Gas {
    return this as unknown as Gas;
  }

  private whole(sheet: SheetState) {
    return { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  }

  // --- identity -------------------------------------------------------------------------------

  getName(): string {
    return this.read('getName').name;
  }

  setName(name: string): Gas {
    const sheet = this.write('setName');
    const next = String(name ?? '').trim();
    if (!next) fail(MSG.signature('String', 'Sheet.setName'));
    const other = this.wb.sheetByName(next);
    if (other && other !== sheet) fail(MSG.sheetNameTaken(next));
    const old = sheet.name;
    sheet.name = next;
    if (old !== next) renameSheetInFormulas(this.wb, old, next);
    return this.self();
  }

  getSheetId(): number {
    return this.read('getSheetId').id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    const sheet = this.read('getIndex');
    return this.wb.sheets.indexOf(sheet) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.read('getParent');
    return new SpreadsheetApi(this.calls) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  getType(): string {
    this.read('getType');
    return 'GRID';
  }

  activate(): Gas {
    const sheet = this.read('activate');
    this.wb.activeSheetId = sheet.id;
    return this.self();
  }

  // --- visibility -----------------------------------------------------------------------------

  hideSheet(): Gas {
    const sheet = this.write('hideSheet');
    if (!sheet.hidden && this.wb.sheets.filter((s) => !s.hidden).length <= 1) fail(MSG.hideAll);
    sheet.hidden = true;
    return this.self();
  }

  showSheet(): Gas {
    const sheet = this.write('showSheet');
    sheet.hidden = false;
    return this.self();
  }

  isSheetHidden(): boolean {
    return this.read('isSheetHidden').hidden;
  }

  setTabColor(color: string | null): Gas {
    const sheet = this.write('setTabColor');
    sheet.tabColor = normalizeColor(color);
    return this.self();
  }

  getTabColor(): string | null {
    return this.read('getTabColor').tabColor;
  }

  // --- ranges ---------------------------------------------------------------------------------

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeApi {
    this.calls.geometry(SVC, 'getRange');
    const sheet = this.calls.live(this.state);
    if (typeof a === 'string') return rangeFromA1(this.calls, sheet, a);
    return makeRange(this.calls, sheet, a, column as number, numRows ?? 1, numColumns ?? 1);
  }

  /** The rectangle from A1 to the last row and column with content (A1 on an empty sheet). */
  getDataRange(): RangeApi {
    const sheet = this.read('getDataRange');
    return makeRange(this.calls, sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sheet = this.calls.live(this.state);
    const range = makeRange(this.calls, sheet, startRow, startColumn, numRows, numColumns);
    this.read('getSheetValues', range.rect.numRows * range.rect.numCols);
    return readValues(this.wb, sheet, range.rect);
  }

  getLastRow(): number {
    return this.read('getLastRow').lastRow();
  }

  getLastColumn(): number {
    return this.read('getLastColumn').lastColumn();
  }

  getMaxRows(): number {
    return this.read('getMaxRows').maxRows;
  }

  getMaxColumns(): number {
    return this.read('getMaxColumns').maxCols;
  }

  // --- shape ----------------------------------------------------------------------------------

  private guardAll(sheet: SheetState): void {
    this.calls.assertEditable(sheet, this.whole(sheet));
  }

  /** Inserts rows before `rowIndex`. */
  insertRows(rowIndex: number, numRows = 1): void {
    const sheet = this.write('insertRows');
    this.guardAll(sheet);
    insertRows(this.wb, sheet, rowIndex, numRows);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Gas {
    const sheet = this.write('insertRowsBefore');
    this.guardAll(sheet);
    if (beforePosition > sheet.maxRows) fail(MSG.rowsOutOfBounds);
    insertRows(this.wb, sheet, beforePosition, howMany);
    return this.self();
  }
  insertRowsAfter(afterPosition: number, howMany: number): Gas {
    const sheet = this.write('insertRowsAfter');
    this.guardAll(sheet);
    if (afterPosition < 1 || afterPosition > sheet.maxRows) fail(MSG.rowsOutOfBounds);
    insertRows(this.wb, sheet, afterPosition + 1, howMany);
    return this.self();
  }
  insertRowBefore(beforePosition: number): Gas {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRowAfter(afterPosition: number): Gas {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    const sheet = this.write('insertColumns');
    this.guardAll(sheet);
    insertColumns(this.wb, sheet, columnIndex, numColumns);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Gas {
    const sheet = this.write('insertColumnsBefore');
    this.guardAll(sheet);
    if (beforePosition > sheet.maxCols) fail(MSG.columnsOutOfBounds);
    insertColumns(this.wb, sheet, beforePosition, howMany);
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Gas {
    const sheet = this.write('insertColumnsAfter');
    this.guardAll(sheet);
    if (afterPosition < 1 || afterPosition > sheet.maxCols) fail(MSG.columnsOutOfBounds);
    insertColumns(this.wb, sheet, afterPosition + 1, howMany);
    return this.self();
  }
  insertColumnBefore(beforePosition: number): Gas {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumnAfter(afterPosition: number): Gas {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.write('deleteRows');
    this.guardAll(sheet);
    deleteRows(this.wb, sheet, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): Gas {
    const sheet = this.write('deleteRow');
    this.guardAll(sheet);
    deleteRows(this.wb, sheet, rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const sheet = this.write('deleteColumns');
    this.guardAll(sheet);
    deleteColumns(this.wb, sheet, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): Gas {
    const sheet = this.write('deleteColumn');
    this.guardAll(sheet);
    deleteColumns(this.wb, sheet, columnPosition, 1);
    return this.self();
  }

  /** Writes after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): Gas {
    if (!Array.isArray(rowContents)) fail(MSG.signature(describeTypes([rowContents]), 'Sheet.appendRow'));
    const sheet = this.write('appendRow', rowContents.length);
    const width = Math.max(1, rowContents.length);
    const row = sheet.lastRow() + 1;
    const rect = { row, col: 1, numRows: 1, numCols: width };
    this.calls.assertEditable(sheet, rect);
    if (row > sheet.maxRows) insertRows(this.wb, sheet, sheet.maxRows + 1, row - sheet.maxRows);
    if (width > sheet.maxCols) insertColumns(this.wb, sheet, sheet.maxCols + 1, width - sheet.maxCols);
    if (rowContents.length) writeValues(this.wb, sheet, rect, [rowContents]);
    return this.self();
  }

  // --- clearing -------------------------------------------------------------------------------

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): Gas {
    const sheet = this.write('clear');
    this.guardAll(sheet);
    const o = options ?? {};
    const some = o.contentsOnly || o.formatOnly || o.commentsOnly;
    const all = this.whole(sheet);
    if (!some || o.contentsOnly) clearContents(this.wb, sheet, all);
    if (!some || o.formatOnly) clearFormats(sheet, all);
    if (o.commentsOnly) clearNotes(sheet, all);
    return this.self();
  }
  clearContents(): Gas {
    const sheet = this.write('clearContents');
    this.guardAll(sheet);
    clearContents(this.wb, sheet, this.whole(sheet));
    return this.self();
  }
  clearFormats(): Gas {
    const sheet = this.write('clearFormats');
    this.guardAll(sheet);
    clearFormats(sheet, this.whole(sheet));
    return this.self();
  }
  clearNotes(): Gas {
    const sheet = this.write('clearNotes');
    clearNotes(sheet, this.whole(sheet));
    return this.self();
  }

  // --- frozen panes and sizes -----------------------------------------------------------------

  setFrozenRows(rows: number): void {
    const sheet = this.write('setFrozenRows');
    if (rows < 0 || rows >= sheet.maxRows) fail(MSG.frozenOutOfRange('rows', sheet.maxRows));
    sheet.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.read('getFrozenRows').frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const sheet = this.write('setFrozenColumns');
    if (columns < 0 || columns >= sheet.maxCols) fail(MSG.frozenOutOfRange('columns', sheet.maxCols));
    sheet.frozenCols = columns;
  }
  getFrozenColumns(): number {
    return this.read('getFrozenColumns').frozenCols;
  }

  /** Shown or hidden grid lines (a display setting; the playground draws it). */
  setHiddenGridlines(hideGridlines: boolean): Gas {
    this.write('setHiddenGridlines').gridlinesHidden = Boolean(hideGridlines);
    return this.self();
  }
  hasHiddenGridlines(): boolean {
    return this.read('hasHiddenGridlines').gridlinesHidden;
  }

  setColumnWidth(columnPosition: number, width: number): Gas {
    return this.setColumnWidthsImpl('setColumnWidth', columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Gas {
    return this.setColumnWidthsImpl('setColumnWidths', startColumn, numColumns, width);
  }
  private setColumnWidthsImpl(method: string, start: number, count: number, width: number): Gas {
    const sheet = this.write(method);
    if (start < 1 || start + count - 1 > sheet.maxCols) fail(MSG.columnsOutOfBounds);
    for (let c = start; c < start + count; c++) {
      if (width === DEFAULT_COLUMN_WIDTH) delete sheet.colWidths[c];
      else sheet.colWidths[c] = width;
    }
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    const sheet = this.read('getColumnWidth');
    return sheet.colWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number): Gas {
    return this.setRowHeightsImpl('setRowHeight', rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): Gas {
    return this.setRowHeightsImpl('setRowHeights', startRow, numRows, height);
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): Gas {
    return this.setRowHeightsImpl('setRowHeightsForced', startRow, numRows, height);
  }
  private setRowHeightsImpl(method: string, start: number, count: number, height: number): Gas {
    const sheet = this.write(method);
    if (start < 1 || start + count - 1 > sheet.maxRows) fail(MSG.rowsOutOfBounds);
    for (let r = start; r < start + count; r++) {
      if (height === DEFAULT_ROW_HEIGHT) delete sheet.rowHeights[r];
      else sheet.rowHeights[r] = height;
    }
    return this.self();
  }
  getRowHeight(rowPosition: number): number {
    const sheet = this.read('getRowHeight');
    return sheet.rowHeights[rowPosition] ?? DEFAULT_ROW_HEIGHT;
  }

  /**
   * Fits columns to their content. Sheets measures rendered text; the emulator estimates
   * 7 px per character at 10 pt (scaled by font size and bold) plus padding.
   */
  autoResizeColumns(startColumn: number, numColumns: number): Gas {
    const sheet = this.write('autoResizeColumns');
    if (startColumn < 1 || startColumn + numColumns - 1 > sheet.maxCols) fail(MSG.columnsOutOfBounds);
    const rows = Math.max(1, sheet.lastRow());
    const rect = { row: 1, col: startColumn, numRows: rows, numCols: numColumns };
    const text = readDisplayValues(this.wb, sheet, rect);
    for (let j = 0; j < numColumns; j++) {
      let widest = 0;
      for (let i = 0; i < rows; i++) {
        const t = text[i][j];
        if (!t) continue;
        const style = this.wb.style(sheet.styleRows[i]?.[startColumn - 1 + j]);
        const scale = ((style.fontSize ?? 10) / 10) * (style.fontWeight === 'bold' ? 1.1 : 1);
        widest = Math.max(widest, Math.ceil(t.length * 7 * scale) + 10);
      }
      const col = startColumn + j;
      if (widest === 0 || widest === DEFAULT_COLUMN_WIDTH) delete sheet.colWidths[col];
      else sheet.colWidths[col] = widest;
    }
    return this.self();
  }
  autoResizeColumn(columnPosition: number): Gas {
    return this.autoResizeColumns(columnPosition, 1);
  }

  // --- protection -----------------------------------------------------------------------------

  protect(): ProtectionApi {
    const sheet = this.write('protect');
    return newProtection(this.calls, sheet, 'SHEET');
  }

  getProtections(type: string): ProtectionApi[] {
    const sheet = this.read('getProtections');
    return sheet.protections
      .filter((p) => p.type === String(type))
      .map((p) => new ProtectionApi(this.calls, sheet, p));
  }

  // --- charts ---------------------------------------------------------------------------------

  newChart(): EmbeddedChartBuilderApi {
    this.calls.local(SVC, 'newChart');
    return new EmbeddedChartBuilderApi(this.calls, this.calls.live(this.state));
  }

  insertChart(chart: EmbeddedChartApi): void {
    const sheet = this.write('insertChart');
    chartOps.insert(this.calls, sheet, chart);
  }

  updateChart(chart: EmbeddedChartApi): void {
    const sheet = this.write('updateChart');
    chartOps.update(sheet, chart);
  }

  removeChart(chart: EmbeddedChartApi): void {
    const sheet = this.write('removeChart');
    chartOps.remove(sheet, chart);
  }

  getCharts(): EmbeddedChartApi[] {
    const sheet = this.read('getCharts');
    return chartOps.list(this.calls, sheet);
  }

  // --- images ---------------------------------------------------------------------------------

  insertImage(
    image: unknown,
    column: number,
    row: number,
    offsetX?: number,
    offsetY?: number,
  ): OverGridImageApi {
    const sheet = this.write('insertImage');
    return insertImage(this.calls, sheet, image, column, row, offsetX ?? 0, offsetY ?? 0);
  }

  getImages(): OverGridImageApi[] {
    const sheet = this.read('getImages');
    return sheet.images.map((img) => new OverGridImageApi(this.calls, sheet, img));
  }
}

/** Resolves A1 notation (`B2`, `A1:C3`, `A:C`, `1:3`, `'Other tab'!A1`) on a sheet. */
export function rangeFromA1(calls: Calls, sheet: SheetState, notation: string): RangeApi {
  const { sheetName, ref } = splitSheetPrefix(String(notation));
  const target = sheetName === undefined ? sheet : calls.wb.sheetByName(sheetName);
  if (!target) fail(MSG.rangeNotFound);
  const parsed = parseRangeRef(ref, target.maxRows, target.maxCols);
  if (!parsed) fail(MSG.rangeNotFound);
  const { rect, shape } = parsed;
  if (rect.row + rect.numRows - 1 > target.maxRows || rect.col + rect.numCols - 1 > target.maxCols) {
    fail(MSG.rangeNotFound);
  }
  return new RangeApi(calls, target, rect, shape);
}
