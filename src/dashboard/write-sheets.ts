import type { HelperTable } from './chart-plan';
import type { ChartRange } from './chart-sync';
import { type DashboardLayout, GRID, literal } from './dashboard-layout';
import { CHART_DATA_SHEET, type PreparedChart } from './prepare-charts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_SHEET = 'Dashboard';

/** The Dashboard tab, created as the first tab when missing. */
export function dashboardSheet(ss: Spreadsheet): Sheet {
  return ss.getSheetByName(DASHBOARD_SHEET) ?? ss.insertSheet(DASHBOARD_SHEET, 0);
}

/**
 * Writes the planned grid in one block: values (formulas included), then each kind of format
 * as one batched call, then column widths and row heights. Rows left over from a longer
 * previous dashboard are cleared.
 */
export function writeDashboard(sheet: Sheet, layout: DashboardLayout, previousRows: number): void {
  const { block } = layout;
  const rows = block.values.length;
  // Chart rows hold no values, so the last build's height comes from our state, not getLastRow.
  const previous = Math.max(previousRows, sheet.getLastRow());
  if (previous > rows) {
    // A shorter dashboard than last time: clear what is left and give those rows back their height.
    sheet.getRange(rows + 1, 1, previous - rows, GRID.columns).clear();
    sheet.setRowHeights(rows + 1, previous - rows, 21);
  }
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  sheet
    .getRange(1, 1, rows, GRID.columns)
    .setValues(block.values)
    .setNumberFormats(block.numberFormats)
    .setFontColors(block.fontColors)
    .setFontSizes(block.fontSizes)
    .setFontWeights(block.fontWeights)
    .setBackgrounds(block.backgrounds)
    .setWraps(block.wraps);
  if (layout.chartRows)
    sheet
      .getRange(layout.chartRows.first, 1, layout.chartRows.count, GRID.columns)
      .setVerticalAlignment('top');
  for (const run of runs(layout.columnWidths.map((c) => [c.column, c.width]))) {
    if (run.count === 1) sheet.setColumnWidth(run.start, run.value);
    else sheet.setColumnWidths(run.start, run.count, run.value);
  }
  for (const run of runs(layout.rowHeights.map((r) => [r.row, r.height]))) {
    if (run.count === 1) sheet.setRowHeight(run.start, run.value);
    else sheet.setRowHeights(run.start, run.count, run.value);
  }
}

/** Consecutive indexes with the same size, so each run is one call. */
function runs(entries: Array<[number, number]>): Array<{ start: number; count: number; value: number }> {
  const out: Array<{ start: number; count: number; value: number }> = [];
  for (const [index, value] of entries) {
    const last = out[out.length - 1];
    if (last && last.value === value && last.start + last.count === index) last.count++;
    else out.push({ start: index, count: 1, value });
  }
  return out;
}

/**
 * Rewrites the hidden `_chart_data` tab with every helper table at its allocated block. It is
 * cleared first, so tables that shrank leave nothing stale behind.
 */
export function writeChartData(
  ss: Spreadsheet,
  charts: readonly PreparedChart[],
  blocks: Map<string, ChartRange>,
): void {
  let sheet = ss.getSheetByName(CHART_DATA_SHEET);
  if (!blocks.size) {
    if (sheet) sheet.clearContents();
    return;
  }
  if (!sheet) {
    sheet = ss.insertSheet(CHART_DATA_SHEET);
    sheet.hideSheet();
  } else {
    sheet.clearContents();
  }
  const lastColumn = Math.max(...[...blocks.values()].map((b) => b.column + b.numColumns - 1));
  const lastRow = Math.max(...[...blocks.values()].map((b) => b.numRows));
  if (sheet.getMaxColumns() < lastColumn)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), lastColumn - sheet.getMaxColumns());
  if (sheet.getMaxRows() < lastRow) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  for (const chart of charts) {
    const block = blocks.get(chart.key);
    if (!block || chart.kind !== 'native' || !chart.helper) continue;
    const range = sheet.getRange(block.row, block.column, block.numRows, block.numColumns);
    range.setValues(helperValues(chart.helper));
    range.setNumberFormats(helperFormats(chart.helper));
  }
}

type CellValue = string | number | boolean | Date;

export function helperValues(table: HelperTable): CellValue[][] {
  const cell = (v: HelperTable['rows'][number][number]): CellValue =>
    v === null ? '' : typeof v === 'string' ? literal(v) : v;
  return [table.header.map((h) => literal(h)), ...table.rows.map((r) => r.map(cell))];
}

function helperFormats(table: HelperTable): string[][] {
  const row = table.formats.map((f) => f ?? 'General');
  return [table.header.map(() => 'General'), ...table.rows.map(() => row)];
}
