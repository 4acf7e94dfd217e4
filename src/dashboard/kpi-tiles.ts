import type { ColumnFormat, HeadlineMetric } from '../model/model-spec';
import { cellRef, rangeRef } from './a1';
import { toNumber } from './helper-table';
import { comparedRows, type PeriodClock } from './metric-period';
import { numberFormatFor, textFormatArg } from './number-formats';

/** What the Dashboard knows of a model's summary tab: its title, header and data rows. */
export interface ModelTab {
  model: string;
  /** The tab's title (the model's label). */
  title: string;
  header: string[];
  /** Data rows (sheet rows 2…), oldest period first. */
  rows: unknown[][];
}

export interface TileContent {
  label: string;
  /** A formula on the model tab's live cells, or a plain message when there is nothing to show. */
  value: string;
  change: string;
  sparkline: string;
  valueFormat: string;
  changeColor: string;
}

export const TILE_COLORS = { good: '#188038', bad: '#d93025', flat: '#5f6368', muted: '#80868b' } as const;

/** The number of periods a sparkline spans. */
export const SPARKLINE_PERIODS = 12;

/**
 * One KPI tile: label, value, change vs the previous period and a sparkline, all as formulas over
 * the model tab's cells so they follow the tab. A level shows the latest row; a flow the last
 * period that has ended, named in the label, since a running period holds only part of its total
 * and would read as a fall. The arrow's colour is decided now from the current values (Sheets
 * cannot colour part of a formula's text), and is redone on every rebuild, as is the row choice.
 */
export function planTile(
  metric: HeadlineMetric,
  tab: ModelTab | undefined,
  currency: string,
  clock: PeriodClock,
): TileContent {
  const valueFormat = numberFormatFor(metric.format, currency);
  const empty = (message: string, label = metric.label): TileContent => ({
    label,
    value: message,
    change: '',
    sparkline: '',
    valueFormat: '@',
    changeColor: TILE_COLORS.muted,
  });
  if (!tab) return empty('No data yet');
  const column = tab.header.indexOf(metric.valueColumn) + 1;
  if (column === 0) return empty(`No “${metric.valueColumn}” column in ${tab.title}`);
  const rows = comparedRows(metric, tab.header, tab.rows, clock);
  if (!rows) return empty('No data yet');
  if (rows.current === null) return empty(rows.waiting);

  // Data row i is sheet row i + 2 (row 1 is the header).
  const last = rows.current + 2;
  const current = cellRef(tab.title, column, last);
  const tile: TileContent = {
    label: rows.period ? `${metric.label} · ${rows.period}` : metric.label,
    value: `=${current}`,
    change: '',
    sparkline: '',
    valueFormat,
    changeColor: TILE_COLORS.flat,
  };
  if (rows.previous === null) return tile;

  const previous = cellRef(tab.title, column, rows.previous + 2);
  tile.change = changeFormula(current, previous, metric, currency);
  tile.changeColor = changeColor(
    toNumber(tab.rows[rows.current][column - 1]),
    toNumber(tab.rows[rows.previous][column - 1]),
    metric.goodDirection,
    metric.format,
  );
  const first = Math.max(2, last - SPARKLINE_PERIODS + 1);
  tile.sparkline = `=SPARKLINE(${rangeRef(tab.title, column, first, last)})`;
  return tile;
}

/**
 * `▲ 12.3% vs previous period`. Percent metrics change in points, since a relative change of a
 * rate reads wrong; a change from zero is shown as an amount. A change that would read 0.0 is
 * "no change", as `isFlat` decides for the colour and the sidebar.
 */
function changeFormula(x: string, y: string, metric: HeadlineMetric, currency: string): string {
  const arrow = `IF(${x}>${y},"▲ ","▼ ")`;
  const percent = metric.format === 'percent';
  const amount = percent
    ? `TEXT(ABS(${x}-${y})*100,"0.0")&" pts"`
    : `IF(${y}=0,TEXT(ABS(${x}-${y}),${textFormatArg(metric.format, currency)}),TEXT(ABS(${x}/${y}-1),"0.0%"))`;
  // IF, not AND: Sheets evaluates every argument of AND, and x/0 is an error.
  const flat = percent
    ? `ROUND(ABS(${x}-${y})*1000,0)=0`
    : `IF(${y}=0,${x}=${y},ROUND(ABS(${x}/${y}-1)*1000,0)=0)`;
  return (
    `=IF(AND(ISNUMBER(${x}),ISNUMBER(${y})),` +
    `IF(${flat},"■ no change",${arrow}&${amount})&" vs previous period","")`
  );
}

/** Whether the change rounds to nothing at the one decimal the tiles show (0.0% or 0.0 pts). */
export function isFlat(current: number, previous: number, format: ColumnFormat): boolean {
  if (current === previous) return true;
  if (format === 'percent') return Math.round(Math.abs(current - previous) * 1000) === 0;
  if (previous === 0) return false;
  return Math.round(Math.abs(current / previous - 1) * 1000) === 0;
}

export function changeColor(
  current: number | null,
  previous: number | null,
  goodDirection: HeadlineMetric['goodDirection'],
  format: ColumnFormat = 'number',
): string {
  if (current === null || previous === null || isFlat(current, previous, format)) return TILE_COLORS.flat;
  const rose = current > previous;
  return rose === (goodDirection === 'up') ? TILE_COLORS.good : TILE_COLORS.bad;
}
