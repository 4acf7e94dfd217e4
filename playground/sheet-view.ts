import type { Emulator } from './emulator/emulator';

/** What the playground page needs to draw one tab, read through the public SpreadsheetApp API. */
export interface SheetView {
  name: string;
  hidden: boolean;
  totalRows: number;
  totalColumns: number;
  frozenRows: number;
  /** Display values of the first rows (as Sheets shows them). */
  values: string[][];
  bold: boolean[][];
  italic: boolean[][];
  fontSizes: number[][];
  backgrounds: string[][];
  fontColors: string[][];
  /** Sheets' names: general/left/center/right, and top/middle/bottom. */
  horizontalAlignments: string[][];
  verticalAlignments: string[][];
  wraps: boolean[][];
  notes: string[][];
  columnWidths: number[];
  /** Heights of the rows in `values`, in pixels. */
  rowHeights: number[];
  /** Merged blocks (1-based top-left cell), drawn as one cell spanning the others. */
  merges: Array<{ row: number; column: number; rows: number; columns: number }>;
  hiddenGridlines: boolean;
  /** Cells holding =SPARKLINE(range): Sheets draws a line there, the emulator computes nothing. */
  sparklines: Array<{ row: number; column: number; values: number[] }>;
  charts: ChartView[];
}

export interface ChartView {
  id: string;
  type: string;
  options: Record<string, unknown>;
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  /** Each bound range with its current values (charts stay bound to live cells). */
  ranges: Array<{ a1: string; values: unknown[][] }>;
}

export interface WorkbookView {
  name: string;
  timeZone: string;
  now: string;
  activeSheet: string;
  sheets: Array<{ name: string; hidden: boolean; tabColor: string | null }>;
}

const CHART_OPTION_KEYS = [
  'title',
  'hAxis.title',
  'vAxis.title',
  'hAxis.format',
  'vAxis.format',
  'legend.position',
  'colors',
  'isStacked',
  'pieHole',
  'width',
  'height',
  'series',
  'curveType',
  'pointSize',
];

export function workbookView(emu: Emulator): WorkbookView {
  const ss = emu.globals.SpreadsheetApp.getActive();
  return {
    name: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    now: new Date(emu.clock.now()).toISOString(),
    activeSheet: ss.getActiveSheet().getName(),
    sheets: ss
      .getSheets()
      .map((s) => ({ name: s.getName(), hidden: s.isSheetHidden(), tabColor: s.getTabColor() })),
  };
}

function jsonSafe(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SPARKLINE = /^=\s*SPARKLINE\(\s*([^,()]+?)\s*(?:,.*)?\)\s*$/i;

/** The numbers a =SPARKLINE(range) cell would draw, read from the live cells it names. */
function sparklines(ss: Spreadsheet, sheet: Sheet, formulas: string[][]): SheetView['sparklines'] {
  const out: SheetView['sparklines'] = [];
  formulas.forEach((row, r) => {
    row.forEach((formula, c) => {
      const ref = SPARKLINE.exec(formula)?.[1];
      if (!ref) return;
      try {
        const source = ref.includes('!') ? ss.getRange(ref) : sheet.getRange(ref);
        const values = source
          .getValues()
          .flat()
          .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        out.push({ row: r + 1, column: c + 1, values });
      } catch {
        // A reference the emulator cannot resolve draws nothing, as a broken sparkline does.
      }
    });
  });
  return out;
}

export function sheetView(emu: Emulator, name: string, maxRows = 200): SheetView | undefined {
  const ss = emu.globals.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  const totalRows = sheet.getLastRow();
  const totalColumns = sheet.getLastColumn();
  const chartList = sheet.getCharts();
  // Charts float over rows that hold no values: the grid runs on far enough to show them whole.
  let chartRows = 0;
  let chartColumns = 0;
  for (const chart of chartList) {
    const info = chart.getContainerInfo();
    const height = Number(chart.getOptions().get('height') ?? 300) + info.getOffsetY();
    let row = info.getAnchorRow();
    for (let h = 0; h < height && row <= sheet.getMaxRows(); row++) h += sheet.getRowHeight(row);
    chartRows = Math.max(chartRows, row);
    chartColumns = Math.max(chartColumns, info.getAnchorColumn());
  }
  const rows = Math.max(1, Math.min(Math.max(totalRows, chartRows), maxRows, sheet.getMaxRows()));
  const cols = Math.max(1, Math.min(Math.max(totalColumns, chartColumns), sheet.getMaxColumns()));
  const range = sheet.getRange(1, 1, rows, cols);
  const charts: ChartView[] = chartList.map((chart) => {
    const options: Record<string, unknown> = {};
    for (const key of CHART_OPTION_KEYS) {
      const value = chart.getOptions().get(key);
      if (value !== null && value !== undefined) options[key] = value;
    }
    const info = chart.getContainerInfo();
    return {
      id: String(chart.getChartId()),
      type: String(chart.modify().getChartType()),
      options,
      anchor: {
        row: info.getAnchorRow(),
        column: info.getAnchorColumn(),
        offsetX: info.getOffsetX(),
        offsetY: info.getOffsetY(),
      },
      ranges: chart.getRanges().map((r) => ({
        a1: `${r.getSheet().getName()}!${r.getA1Notation()}`,
        values: r.getValues().map((row) => row.map(jsonSafe)),
      })),
    };
  });
  const widths: number[] = [];
  for (let c = 1; c <= cols; c++) widths.push(sheet.getColumnWidth(c));
  const heights: number[] = [];
  for (let r = 1; r <= rows; r++) heights.push(sheet.getRowHeight(r));
  return {
    name,
    hidden: sheet.isSheetHidden(),
    totalRows,
    totalColumns,
    frozenRows: sheet.getFrozenRows(),
    values: range.getDisplayValues(),
    bold: range.getFontWeights().map((r) => r.map((w) => w === 'bold')),
    italic: rowsOf(rows, cols, (r, c) => range.getCell(r, c).getFontStyle() === 'italic'),
    fontSizes: range.getFontSizes(),
    backgrounds: range.getBackgrounds(),
    fontColors: range.getFontColors() as string[][],
    horizontalAlignments: range.getHorizontalAlignments(),
    verticalAlignments: range.getVerticalAlignments(),
    wraps: range.getWraps(),
    notes: range.getNotes(),
    columnWidths: widths,
    rowHeights: heights,
    merges: range.getMergedRanges().map((m) => ({
      row: m.getRow(),
      column: m.getColumn(),
      rows: m.getNumRows(),
      columns: m.getNumColumns(),
    })),
    hiddenGridlines: sheet.hasHiddenGridlines(),
    sparklines: sparklines(ss, sheet, range.getFormulas()),
    charts,
  };
}

/** Per-cell values where the emulator has no plural getter (it implements getFontStyle only). */
function rowsOf<T>(rows: number, cols: number, at: (row: number, column: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(r + 1, c + 1)));
}
