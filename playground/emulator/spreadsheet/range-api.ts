/**
 * Range: a rectangle of one sheet, with the reads, writes and formatting Apps Script offers.
 * Like the real Range it is only coordinates: inserting rows does not move an existing Range.
 */
import { type GridRect, type RangeShape, rectToA1 } from './a1';
import type { Calls } from './calls';
import {
  AUTOMATIC_FORMAT,
  clearContents,
  clearFormats,
  clearNotes,
  isBlankRect,
  readDisplayValues,
  readFormulas,
  readNotes,
  readStyle,
  readValues,
  writeNotes,
  writeStyle,
  writeValues,
} from './cells';
import { normalizeColor, rgbToHex } from './colors';
import { describeTypes, fail, MSG } from './messages';
import type { SheetState } from './model';
import { newProtection, type ProtectionApi } from './protection-api';
import { r1c1ToA1 } from './r1c1';
import { SheetApi } from './sheet-api';
import type { CellStyle, StyleProp } from './styles';

const SVC = 'Range';

export class RangeApi {
  constructor(
    private readonly calls: Calls,
    readonly state: SheetState,
    readonly rect: GridRect,
    private readonly shape: RangeShape = 'cells',
  ) {}

  private get cells(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  private read(method: string, cells = 0): SheetState {
    this.calls.read(SVC, method, cells);
    return this.calls.live(this.state);
  }

  private write(method: string, cells = 0): SheetState {
    this.calls.write(SVC, method, cells);
    const sheet = this.calls.live(this.state);
    this.calls.assertEditable(sheet, this.rect);
    return sheet;
  }

  private geometry(method: string): void {
    this.calls.geometry(SVC, method);
  }

  /** Cell storage work: Google's servers do it in Apps Script (Execution.inService). */
  private stored<T>(work: () => T): T {
    return this.calls.emu.inService(work);
  }

  /** Checks a 2-D argument against the range's size with the platform's messages. */
  private checkGrid(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      fail(MSG.signature(describeTypes([data]), `Range.${method}`));
    }
    const grid = data as unknown[][];
    if (grid.length !== this.rect.numRows) fail(MSG.rowsMismatch(grid.length, this.rect.numRows));
    for (const row of grid)
      if (row.length !== this.rect.numCols) fail(MSG.columnsMismatch(row.length, this.rect.numCols));
    return grid;
  }

  private topLeft(): GridRect {
    return { row: this.rect.row, col: this.rect.col, numRows: 1, numCols: 1 };
  }

  // --- geometry -------------------------------------------------------------------------------

  getA1Notation(): string {
    this.geometry('getA1Notation');
    return rectToA1(this.rect, this.shape);
  }
  getRow(): number {
    this.geometry('getRow');
    return this.rect.row;
  }
  getRowIndex(): number {
    this.geometry('getRowIndex');
    return this.rect.row;
  }
  getColumn(): number {
    this.geometry('getColumn');
    return this.rect.col;
  }
  getNumRows(): number {
    this.geometry('getNumRows');
    return this.rect.numRows;
  }
  getHeight(): number {
    this.geometry('getHeight');
    return this.rect.numRows;
  }
  getNumColumns(): number {
    this.geometry('getNumColumns');
    return this.rect.numCols;
  }
  getWidth(): number {
    this.geometry('getWidth');
    return this.rect.numCols;
  }
  getLastRow(): number {
    this.geometry('getLastRow');
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    this.geometry('getLastColumn');
    return this.rect.col + this.rect.numCols - 1;
  }
  getGridId(): number {
    this.geometry('getGridId');
    return this.state.id;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.geometry('getSheet');
    return new SheetApi(
      this.calls,
      this.calls.live(this.state),
    ) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi {
    this.geometry('offset');
    return makeRange(
      this.calls,
      this.state,
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
  }

  /** A cell relative to this range (1-based); must lie inside it. */
  getCell(row: number, column: number): RangeApi {
    this.geometry('getCell');
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols)
      fail(MSG.outsideSheet);
    return makeRange(this.calls, this.state, this.rect.row + row - 1, this.rect.col + column - 1, 1, 1);
  }

  // --- values -------------------------------------------------------------------------------

  getValue(): unknown {
    const sheet = this.read('getValue', 1);
    return this.stored(() => readValues(this.calls.wb, sheet, this.topLeft())[0][0]);
  }

  getValues(): unknown[][] {
    const sheet = this.read('getValues', this.cells);
    return this.stored(() => readValues(this.calls.wb, sheet, this.rect));
  }

  getDisplayValue(): string {
    const sheet = this.read('getDisplayValue', 1);
    return this.stored(() => readDisplayValues(this.calls.wb, sheet, this.topLeft())[0][0]);
  }

  getDisplayValues(): string[][] {
    const sheet = this.read('getDisplayValues', this.cells);
    return this.stored(() => readDisplayValues(this.calls.wb, sheet, this.rect));
  }

  isBlank(): boolean {
    const sheet = this.read('isBlank', this.cells);
    return isBlankRect(sheet, this.rect);
  }

  /** setValue writes the one value into every cell of the range, as Apps Script does. */
  setValue(value: unknown): this {
    const sheet = this.write('setValue', this.cells);
    this.stored(() => writeValues(this.calls.wb, sheet, this.rect, null, value));
    return this;
  }

  setValues(values: unknown[][]): this {
    const grid = this.stored(() => this.checkGrid(values, 'setValues'));
    const sheet = this.write('setValues', this.cells);
    this.stored(() => writeValues(this.calls.wb, sheet, this.rect, grid));
    return this;
  }

  getFormula(): string {
    const sheet = this.read('getFormula', 1);
    return readFormulas(sheet, this.topLeft())[0][0];
  }

  getFormulas(): string[][] {
    const sheet = this.read('getFormulas', this.cells);
    return this.stored(() => readFormulas(sheet, this.rect));
  }

  setFormula(formula: string): this {
    const sheet = this.write('setFormula', this.cells);
    writeValues(this.calls.wb, sheet, this.rect, null, formula);
    return this;
  }

  setFormulas(formulas: string[][]): this {
    const grid = this.stored(() => this.checkGrid(formulas, 'setFormulas'));
    const sheet = this.write('setFormulas', this.cells);
    this.stored(() => writeValues(this.calls.wb, sheet, this.rect, grid));
    return this;
  }

  /** R1C1 formulas are relative to each cell they land in. */
  setFormulaR1C1(formula: string): this {
    const sheet = this.write('setFormulaR1C1', this.cells);
    const grid: unknown[][] = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < this.rect.numCols; j++)
        row.push(r1c1ToA1(formula, this.rect.row + i, this.rect.col + j));
      grid.push(row);
    }
    writeValues(this.calls.wb, sheet, this.rect, grid);
    return this;
  }

  setFormulasR1C1(formulas: string[][]): this {
    const grid = this.checkGrid(formulas, 'setFormulasR1C1');
    const sheet = this.write('setFormulasR1C1', this.cells);
    const translated = grid.map((row, i) =>
      row.map((f, j) => r1c1ToA1(String(f), this.rect.row + i, this.rect.col + j)),
    );
    writeValues(this.calls.wb, sheet, this.rect, translated);
    return this;
  }

  // --- clearing -----------------------------------------------------------------------------

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const sheet = this.write('clear');
    const o = options ?? {};
    const some = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!some || o.contentsOnly) clearContents(this.calls.wb, sheet, this.rect);
    if (!some || o.formatOnly) clearFormats(sheet, this.rect);
    if (o.commentsOnly) clearNotes(sheet, this.rect);
    return this;
  }

  clearContent(): this {
    const sheet = this.write('clearContent');
    clearContents(this.calls.wb, sheet, this.rect);
    return this;
  }

  clearFormat(): this {
    const sheet = this.write('clearFormat');
    clearFormats(sheet, this.rect);
    return this;
  }

  clearNote(): this {
    const sheet = this.write('clearNote');
    clearNotes(sheet, this.rect);
    return this;
  }

  // --- notes --------------------------------------------------------------------------------

  getNote(): string {
    const sheet = this.read('getNote', 1);
    return readNotes(sheet, this.topLeft())[0][0];
  }
  getNotes(): string[][] {
    const sheet = this.read('getNotes', this.cells);
    return readNotes(sheet, this.rect);
  }
  setNote(note: string | null): this {
    const sheet = this.write('setNote', this.cells);
    writeNotes(sheet, this.rect, null, note);
    return this;
  }
  setNotes(notes: unknown[][]): this {
    const grid = this.checkGrid(notes, 'setNotes');
    const sheet = this.write('setNotes', this.cells);
    writeNotes(sheet, this.rect, grid);
    return this;
  }

  // --- formatting ---------------------------------------------------------------------------

  private setStyle<K extends StyleProp>(method: string, prop: K, value: CellStyle[K] | null): this {
    const sheet = this.write(method, this.cells);
    writeStyle(this.calls.wb, sheet, this.rect, prop, value, false);
    return this;
  }

  private setStyles<K extends StyleProp>(
    method: string,
    prop: K,
    values: unknown,
    map: (v: unknown) => CellStyle[K] | null,
  ): this {
    const grid = this.checkGrid(values, method);
    const sheet = this.write(method, this.cells);
    writeStyle(
      this.calls.wb,
      sheet,
      this.rect,
      prop,
      grid.map((row) => row.map(map)),
      true,
    );
    return this;
  }

  private getStyle<K extends StyleProp>(method: string, prop: K, fallback: NonNullable<CellStyle[K]>) {
    const sheet = this.read(method, 1);
    return readStyle(this.calls.wb, sheet, this.topLeft(), prop, fallback)[0][0];
  }

  private getStyles<K extends StyleProp>(method: string, prop: K, fallback: NonNullable<CellStyle[K]>) {
    const sheet = this.read(method, this.cells);
    return readStyle(this.calls.wb, sheet, this.rect, prop, fallback);
  }

  getNumberFormat(): string {
    return this.getStyle('getNumberFormat', 'numberFormat', AUTOMATIC_FORMAT);
  }
  getNumberFormats(): string[][] {
    return this.getStyles('getNumberFormats', 'numberFormat', AUTOMATIC_FORMAT);
  }
  setNumberFormat(format: string): this {
    return this.setStyle('setNumberFormat', 'numberFormat', format || null);
  }
  setNumberFormats(formats: string[][]): this {
    return this.setStyles('setNumberFormats', 'numberFormat', formats, (v) => (v ? String(v) : null));
  }

  getBackground(): string {
    return this.getStyle('getBackground', 'background', '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this.getStyles('getBackgrounds', 'background', '#ffffff');
  }
  setBackground(color: string | null): this {
    return this.setStyle('setBackground', 'background', normalizeColor(color));
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    return this.setStyle('setBackgroundRGB', 'background', rgbToHex(red, green, blue));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.setStyles('setBackgrounds', 'background', colors, (v) => normalizeColor(v as string | null));
  }

  getFontColor(): string {
    return this.getStyle('getFontColor', 'fontColor', '#000000');
  }
  getFontColors(): string[][] {
    return this.getStyles('getFontColors', 'fontColor', '#000000');
  }
  setFontColor(color: string | null): this {
    return this.setStyle('setFontColor', 'fontColor', normalizeColor(color));
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.setStyles('setFontColors', 'fontColor', colors, (v) => normalizeColor(v as string | null));
  }

  getFontWeight(): string {
    return this.getStyle('getFontWeight', 'fontWeight', 'normal');
  }
  getFontWeights(): string[][] {
    return this.getStyles('getFontWeights', 'fontWeight', 'normal');
  }
  setFontWeight(weight: string | null): this {
    return this.setStyle('setFontWeight', 'fontWeight', weight === 'normal' ? null : weight);
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.setStyles('setFontWeights', 'fontWeight', weights, (v) =>
      v && v !== 'normal' ? String(v) : null,
    );
  }

  getFontSize(): number {
    return this.getStyle('getFontSize', 'fontSize', 10);
  }
  getFontSizes(): number[][] {
    return this.getStyles('getFontSizes', 'fontSize', 10);
  }
  setFontSize(size: number | null): this {
    return this.setStyle('setFontSize', 'fontSize', size === 10 ? null : size);
  }
  setFontSizes(sizes: (number | null)[][]): this {
    return this.setStyles('setFontSizes', 'fontSize', sizes, (v) =>
      v === null || v === 10 ? null : Number(v),
    );
  }

  getFontStyle(): string {
    return this.getStyle('getFontStyle', 'fontStyle', 'normal');
  }
  setFontStyle(style: string | null): this {
    return this.setStyle('setFontStyle', 'fontStyle', style === 'normal' ? null : style);
  }
  getFontFamily(): string {
    return this.getStyle('getFontFamily', 'fontFamily', 'Arial');
  }
  setFontFamily(family: string | null): this {
    return this.setStyle('setFontFamily', 'fontFamily', family);
  }
  getFontLine(): string {
    return this.getStyle('getFontLine', 'fontLine', 'none');
  }
  setFontLine(line: string | null): this {
    return this.setStyle('setFontLine', 'fontLine', line === 'none' ? null : line);
  }

  getHorizontalAlignment(): string {
    return this.getStyle('getHorizontalAlignment', 'horizontalAlignment', 'general');
  }
  getHorizontalAlignments(): string[][] {
    return this.getStyles('getHorizontalAlignments', 'horizontalAlignment', 'general');
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.setStyle(
      'setHorizontalAlignment',
      'horizontalAlignment',
      alignment ? alignment.toLowerCase() : null,
    );
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.setStyles('setHorizontalAlignments', 'horizontalAlignment', alignments, (v) =>
      v ? String(v).toLowerCase() : null,
    );
  }

  getVerticalAlignment(): string {
    return this.getStyle('getVerticalAlignment', 'verticalAlignment', 'bottom');
  }
  getVerticalAlignments(): string[][] {
    return this.getStyles('getVerticalAlignments', 'verticalAlignment', 'bottom');
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.setStyle(
      'setVerticalAlignment',
      'verticalAlignment',
      alignment ? alignment.toLowerCase() : null,
    );
  }

  setVerticalAlignments(alignments: (string | null)[][]): this {
    return this.setStyles('setVerticalAlignments', 'verticalAlignment', alignments, (v) =>
      v ? String(v).toLowerCase() : null,
    );
  }

  getWrap(): boolean {
    return this.getStyle('getWrap', 'wrap', false);
  }
  getWraps(): boolean[][] {
    return this.getStyles('getWraps', 'wrap', false);
  }
  setWrap(wrap: boolean): this {
    return this.setStyle('setWrap', 'wrap', wrap ? true : null);
  }
  setWraps(wraps: boolean[][]): this {
    return this.setStyles('setWraps', 'wrap', wraps, (v) => (v ? true : null));
  }
  getWrapStrategy(): string {
    return this.getStyle('getWrapStrategy', 'wrapStrategy', 'OVERFLOW');
  }
  setWrapStrategy(strategy: string): this {
    return this.setStyle('setWrapStrategy', 'wrapStrategy', String(strategy));
  }

  /** Borders are recorded (for the playground to draw), not interpreted per cell. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    const sheet = this.write('setBorder', this.cells);
    sheet.borders.push({
      a1: rectToA1(this.rect),
      top,
      left,
      bottom,
      right,
      vertical,
      horizontal,
      color: normalizeColor(color ?? null),
      style: style === undefined || style === null ? null : String(style),
    });
    return this;
  }

  // --- merges -------------------------------------------------------------------------------

  private mergeRects(rects: GridRect[], method: string): this {
    const sheet = this.write(method);
    for (const m of sheet.merges) {
      const overlaps = rects.some((r) => overlap(m, r));
      if (overlaps && !rects.some((r) => inside(m, r))) fail(MSG.mergePartial);
    }
    sheet.merges = sheet.merges.filter((m) => !rects.some((r) => inside(m, r)));
    for (const r of rects) {
      if (r.numRows === 1 && r.numCols === 1) continue;
      // Merging keeps only the top-left value, as Sheets does.
      if (r.numCols > 1)
        clearContents(this.calls.wb, sheet, { ...r, col: r.col + 1, numRows: 1, numCols: r.numCols - 1 });
      if (r.numRows > 1)
        clearContents(this.calls.wb, sheet, { ...r, row: r.row + 1, numRows: r.numRows - 1 });
      sheet.merges.push({ ...r });
    }
    return this;
  }

  merge(): this {
    return this.mergeRects([this.rect], 'merge');
  }

  mergeAcross(): this {
    const rows: GridRect[] = [];
    for (let i = 0; i < this.rect.numRows; i++)
      rows.push({ ...this.rect, row: this.rect.row + i, numRows: 1 });
    return this.mergeRects(rows, 'mergeAcross');
  }

  mergeVertically(): this {
    const cols: GridRect[] = [];
    for (let j = 0; j < this.rect.numCols; j++)
      cols.push({ ...this.rect, col: this.rect.col + j, numCols: 1 });
    return this.mergeRects(cols, 'mergeVertically');
  }

  breakApart(): this {
    const sheet = this.write('breakApart');
    for (const m of sheet.merges) if (overlap(m, this.rect) && !inside(m, this.rect)) fail(MSG.mergePartial);
    sheet.merges = sheet.merges.filter((m) => !inside(m, this.rect));
    return this;
  }

  isPartOfMerge(): boolean {
    const sheet = this.read('isPartOfMerge');
    return sheet.merges.some((m) => overlap(m, this.rect));
  }

  getMergedRanges(): RangeApi[] {
    const sheet = this.read('getMergedRanges');
    return sheet.merges
      .filter((m) => overlap(m, this.rect))
      .map((m) => new RangeApi(this.calls, sheet, { ...m }));
  }

  // --- misc ---------------------------------------------------------------------------------

  activate(): this {
    this.read('activate');
    this.calls.wb.activeSheetId = this.state.id;
    return this;
  }

  protect(): ProtectionApi {
    const sheet = this.write('protect');
    return newProtection(this.calls, sheet, 'RANGE', { ...this.rect });
  }

  canEdit(): boolean {
    const sheet = this.read('canEdit');
    try {
      this.calls.assertEditable(sheet, this.rect);
      return true;
    } catch {
      return false;
    }
  }
}

function overlap(a: GridRect, b: GridRect): boolean {
  return (
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.col <= b.col + b.numCols - 1 &&
    b.col <= a.col + a.numCols - 1
  );
}

function inside(inner: GridRect, outer: GridRect): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/**
 * Builds a Range with Apps Script's coordinate checks. Used by getRange(row, col, …), offset and
 * getCell.
 */
export function makeRange(
  calls: Calls,
  sheet: SheetState,
  row: number,
  col: number,
  numRows = 1,
  numCols = 1,
  shape: RangeShape = 'cells',
): RangeApi {
  const r = Math.trunc(Number(row));
  const c = Math.trunc(Number(col));
  const nr = Math.trunc(Number(numRows));
  const nc = Math.trunc(Number(numCols));
  if (!(nr >= 1)) fail(MSG.rowsAtLeastOne);
  if (!(nc >= 1)) fail(MSG.columnsAtLeastOne);
  if (!(r >= 1)) fail(MSG.startRowTooSmall);
  if (!(c >= 1)) fail(MSG.startColumnTooSmall);
  if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) fail(MSG.outsideSheet);
  return new RangeApi(calls, sheet, { row: r, col: c, numRows: nr, numCols: nc }, shape);
}
