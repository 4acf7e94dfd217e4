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
  backgrounds: string[][];
  fontColors: string[][];
  notes: string[][];
  columnWidths: number[];
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

export function sheetView(emu: Emulator, name: string, maxRows = 200): SheetView | undefined {
  const sheet = emu.globals.SpreadsheetApp.getActive().getSheetByName(name);
  if (!sheet) return undefined;
  const totalRows = sheet.getLastRow();
  const totalColumns = sheet.getLastColumn();
  const rows = Math.max(1, Math.min(totalRows, maxRows));
  const cols = Math.max(1, totalColumns);
  const range = sheet.getRange(1, 1, rows, cols);
  const charts: ChartView[] = sheet.getCharts().map((chart) => {
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
  return {
    name,
    hidden: sheet.isSheetHidden(),
    totalRows,
    totalColumns,
    frozenRows: sheet.getFrozenRows(),
    values: range.getDisplayValues(),
    bold: range.getFontWeights().map((r) => r.map((w) => w === 'bold')),
    backgrounds: range.getBackgrounds(),
    fontColors: range.getFontColors() as string[][],
    notes: range.getNotes(),
    columnWidths: widths,
    charts,
  };
}
