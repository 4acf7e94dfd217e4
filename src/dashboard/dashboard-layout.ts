import type { TileContent } from './kpi-tiles';

/**
 * The Dashboard's grid, planned as data: a header, rows of KPI tiles, then charts two per row.
 * Sized for a laptop at 100% zoom (about 1,180 px of visible grid at 1,280 px wide): a narrow
 * margin column, then four 290 px columns; each chart spans two of them.
 */
export const GRID = {
  columns: 5,
  marginWidth: 24,
  tileWidth: 290,
  tilesPerRow: 4,
  chartWidth: 575,
  chartHeight: 320,
  chartRowHeight: 340,
  chartOffsetY: 10,
  /** The right chart starts this far into its first column, leaving a 10 px gutter between charts. */
  chartGutter: 5,
} as const;

export interface HeaderContent {
  title: string;
  refreshed: string;
  /** Failing or stale sources, in one line; empty when all is well. */
  warning: string;
}

export type ChartSlotContent =
  | { key: string; kind: 'chart' }
  /** A chart that is not drawn here: why, and where to see it. */
  | { key: string; kind: 'placeholder'; text: string; tone: 'info' | 'error' };

export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartSlot {
  key: string;
  position: ChartPosition;
  width: number;
  height: number;
}

type Grid<T> = T[][];

export interface CellBlock {
  /** Formulas start with `=`; literal text is prefixed with `'` so Sheets never parses it. */
  values: Grid<string>;
  numberFormats: Grid<string>;
  fontColors: Grid<string>;
  fontSizes: Grid<number>;
  fontWeights: Grid<'bold' | 'normal'>;
  backgrounds: Grid<string>;
  wraps: Grid<boolean>;
}

export interface DashboardLayout {
  /** Starts at A1, GRID.columns wide. */
  block: CellBlock;
  columnWidths: Array<{ column: number; width: number }>;
  rowHeights: Array<{ row: number; height: number }>;
  /** The chart rows, whose notes (placeholders) read from the top of the slot. */
  chartRows: { first: number; count: number } | null;
  charts: ChartSlot[];
}

const COLORS = {
  text: '#202124',
  muted: '#5f6368',
  warning: '#b3261e',
  tile: '#f8f9fa',
  page: '#ffffff',
  info: '#5f6368',
  error: '#b3261e',
};

/** Text Sheets must store as typed: the apostrophe stops `=`, `+`, numbers and dates being parsed. */
export function literal(text: string): string {
  return text === '' ? '' : `'${text}`;
}

export function layoutDashboard(
  header: HeaderContent,
  tiles: TileContent[],
  charts: ChartSlotContent[],
): DashboardLayout {
  const rows: Array<{ height: number; cells: Cell[] }> = [];
  /** Adds a row; `cells` maps grid columns (1-based) to their content, the rest stay blank. */
  const addRow = (height: number, cells: Array<[number, Cell]> = []) => {
    const row = Array.from({ length: GRID.columns }, () => cell(''));
    for (const [column, content] of cells) row[column - 1] = content;
    rows.push({ height, cells: row });
    return rows.length;
  };

  addRow(40, [[2, cell(literal(header.title), { size: 18, weight: 'bold' })]]);
  addRow(21, [[2, cell(literal(header.refreshed), { color: COLORS.muted })]]);
  if (header.warning)
    addRow(24, [[2, cell(literal(header.warning), { color: COLORS.warning, weight: 'bold' })]]);
  else addRow(8);
  addRow(12);

  const tileCell = (value: string, style: Partial<Style> = {}) =>
    cell(value, { background: COLORS.tile, ...style });
  for (let start = 0; start < tiles.length; start += GRID.tilesPerRow) {
    const group = tiles.slice(start, start + GRID.tilesPerRow);
    const across = (make: (tile: TileContent) => Cell): Array<[number, Cell]> =>
      group.map((tile, i) => [i + 2, make(tile)]);
    addRow(
      24,
      across((t) => tileCell(literal(t.label), { color: COLORS.muted })),
    );
    addRow(
      36,
      across((t) =>
        t.value.startsWith('=')
          ? tileCell(t.value, { size: 20, weight: 'bold', format: t.valueFormat })
          : tileCell(literal(t.value), { color: COLORS.muted }),
      ),
    );
    addRow(
      21,
      across((t) => tileCell(t.change, { color: t.changeColor })),
    );
    addRow(
      40,
      across((t) => tileCell(t.sparkline)),
    );
    addRow(16);
  }

  const slots: ChartSlot[] = [];
  const firstChartRow = rows.length + 1;
  for (let start = 0; start < charts.length; start += 2) {
    const pair = charts.slice(start, start + 2);
    const placeholders = pair.flatMap(
      (slot, i): Array<[number, Cell]> =>
        slot.kind === 'placeholder'
          ? [[2 + i * 2, cell(literal(slot.text), { color: COLORS[slot.tone], wrap: true })]]
          : [],
    );
    const row = addRow(GRID.chartRowHeight, placeholders);
    pair.forEach((slot, i) => {
      if (slot.kind !== 'chart') return;
      slots.push({
        key: slot.key,
        position: {
          row,
          column: 2 + i * 2,
          offsetX: i === 0 ? 0 : GRID.chartGutter,
          offsetY: GRID.chartOffsetY,
        },
        width: GRID.chartWidth,
        height: GRID.chartHeight,
      });
    });
  }

  const grid = <T>(pick: (c: Cell) => T): Grid<T> => rows.map((r) => r.cells.map(pick));
  return {
    block: {
      values: grid((c) => c.value),
      numberFormats: grid((c) => c.style.format),
      fontColors: grid((c) => c.style.color),
      fontSizes: grid((c) => c.style.size),
      fontWeights: grid((c) => c.style.weight),
      backgrounds: grid((c) => c.style.background),
      wraps: grid((c) => c.style.wrap),
    },
    columnWidths: [
      { column: 1, width: GRID.marginWidth },
      ...Array.from({ length: GRID.tilesPerRow }, (_, i) => ({ column: i + 2, width: GRID.tileWidth })),
    ],
    rowHeights: rows.map((r, i) => ({ row: i + 1, height: r.height })),
    chartRows: charts.length ? { first: firstChartRow, count: Math.ceil(charts.length / 2) } : null,
    charts: slots,
  };
}

interface Style {
  color: string;
  size: number;
  weight: 'bold' | 'normal';
  background: string;
  format: string;
  wrap: boolean;
}

interface Cell {
  value: string;
  style: Style;
}

function cell(value: string, style: Partial<Style> = {}): Cell {
  return {
    value,
    style: {
      color: COLORS.text,
      size: 10,
      weight: 'normal',
      background: COLORS.page,
      format: 'General',
      wrap: false,
      ...style,
    },
  };
}

/** A chart's rectangle in pixels from the sheet's top-left, given the planned sizes. */
export function chartRect(
  slot: ChartSlot,
  layout: Pick<DashboardLayout, 'columnWidths' | 'rowHeights'>,
): { left: number; top: number; right: number; bottom: number } {
  const width = (column: number) => layout.columnWidths.find((c) => c.column === column)?.width ?? 100;
  const height = (row: number) => layout.rowHeights.find((r) => r.row === row)?.height ?? 21;
  let left = slot.position.offsetX;
  for (let c = 1; c < slot.position.column; c++) left += width(c);
  let top = slot.position.offsetY;
  for (let r = 1; r < slot.position.row; r++) top += height(r);
  return { left, top, right: left + slot.width, bottom: top + slot.height };
}
