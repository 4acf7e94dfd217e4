/**
 * Exports the emulated spreadsheet to .xlsx with exceljs, so a founder can open what the
 * add-on built in Excel or re-import it into Google Sheets. Kept: values, formulas with their
 * computed results, number formats, notes, fonts and fills, alignment, merges, frozen panes,
 * column widths, row heights, tab colours and hidden tabs (hidden, not deleted). exceljs cannot
 * write charts or floating images; docs/EMULATOR.md says so.
 */
import ExcelJS from 'exceljs';
import { isFormula, type SheetState } from './spreadsheet/model';
import type { CellStyle } from './spreadsheet/styles';
import type { WorkbookState } from './spreadsheet/workbook';

/** Sheets' pixels to Excel's column width unit (about 7 px per character of the default font). */
const PX_PER_WIDTH_UNIT = 7;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontWeight === 'bold') font.bold = true;
  if (style.fontStyle === 'italic') font.italic = true;
  if (style.fontLine === 'underline') font.underline = true;
  if (style.fontLine === 'line-through') font.strike = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontFamily) font.name = style.fontFamily;
  if (Object.keys(font).length) cell.font = font;
  if (style.background) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  }
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontalAlignment && style.horizontalAlignment !== 'general') {
    alignment.horizontal = style.horizontalAlignment as ExcelJS.Alignment['horizontal'];
  }
  if (style.verticalAlignment) alignment.vertical = style.verticalAlignment as ExcelJS.Alignment['vertical'];
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) cell.alignment = alignment;
}

function formulaValue(
  workbook: WorkbookState,
  sheet: SheetState,
  r: number,
  c: number,
  f: string,
): ExcelJS.CellValue {
  const result = workbook.formulas.value(sheet, r, c);
  const formula = f.slice(1);
  if (typeof result === 'string' && /^#[A-Z/0!?]+[!?A]?$/.test(result)) {
    return { formula, result: { error: result as ExcelJS.CellErrorValue['error'] } };
  }
  return { formula, result };
}

function addSheet(book: ExcelJS.Workbook, workbook: WorkbookState, sheet: SheetState): void {
  const ws = book.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views:
      sheet.frozenRows || sheet.frozenCols
        ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }]
        : [],
  });
  const height = Math.max(sheet.rows.length, sheet.styleRows.length, sheet.noteRows.length);
  for (let r = 0; r < height; r++) {
    const values = sheet.rows[r];
    const styles = sheet.styleRows[r];
    const notes = sheet.noteRows[r];
    const width = Math.max(values?.length ?? 0, styles?.length ?? 0, notes?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const v = values?.[c];
      const styleId = styles?.[c];
      const note = notes?.[c];
      const empty = v === undefined || v === null || v === '';
      if (empty && !styleId && !note) continue;
      const cell = ws.getCell(r + 1, c + 1);
      if (isFormula(v)) cell.value = formulaValue(workbook, sheet, r, c, v.f);
      else if (!empty) cell.value = v as ExcelJS.CellValue;
      if (styleId) applyStyle(cell, workbook.style(styleId));
      if (note) cell.note = note;
    }
  }
  for (const [col, px] of Object.entries(sheet.colWidths))
    ws.getColumn(Number(col)).width = px / PX_PER_WIDTH_UNIT;
  // Sheets measures rows in pixels, Excel in points (3/4 of a pixel).
  for (const [row, px] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = px * 0.75;
  for (const m of sheet.merges) ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
}

export async function exportXlsx(workbook: WorkbookState, file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tapdash playground';
  for (const sheet of workbook.sheets) addSheet(book, workbook, sheet);
  const active = workbook.sheets.findIndex((s) => s.id === workbook.activeSheet().id);
  book.views = [
    {
      activeTab: Math.max(0, active),
      x: 0,
      y: 0,
      width: 10000,
      height: 20000,
      firstSheet: 0,
      visibility: 'visible',
    },
  ];
  await book.xlsx.writeFile(file);
}
