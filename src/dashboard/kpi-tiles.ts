import type { HeadlineMetric } from '../model/model-spec';
import { cellRef, rangeRef } from './a1';
import { toNumber } from './helper-table';
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
 * One KPI tile: label, current value, change vs the previous period and a sparkline, all as
 * formulas over the model tab's cells so they follow the tab. The arrow's colour is decided now
 * from the current values (Sheets cannot colour part of a formula's text), and is redone on
 * every rebuild.
 */
export function planTile(metric: HeadlineMetric, tab: ModelTab | undefined, currency: string): TileContent {
  const valueFormat = numberFormatFor(metric.format, currency);
  const empty = (message: string): TileContent => ({
    label: metric.label,
    value: message,
    change: '',
    sparkline: '',
    valueFormat: '@',
    changeColor: TILE_COLORS.muted,
  });
  if (!tab) return empty('No data yet');
  const column = tab.header.indexOf(metric.valueColumn) + 1;
  if (column === 0) return empty(`No “${metric.valueColumn}” column in ${tab.title}`);
  if (!tab.rows.length) return empty('No data yet');

  const last = tab.rows.length + 1;
  const current = cellRef(tab.title, column, last);
  const tile: TileContent = {
    label: metric.label,
    value: `=${current}`,
    change: '',
    sparkline: '',
    valueFormat,
    changeColor: TILE_COLORS.flat,
  };
  if (tab.rows.length < 2) return tile;

  const previous = cellRef(tab.title, column, last - 1);
  tile.change = changeFormula(current, previous, metric, currency);
  tile.changeColor = changeColor(
    toNumber(tab.rows[tab.rows.length - 1][column - 1]),
    toNumber(tab.rows[tab.rows.length - 2][column - 1]),
    metric.goodDirection,
  );
  const first = Math.max(2, last - SPARKLINE_PERIODS + 1);
  tile.sparkline = `=SPARKLINE(${rangeRef(tab.title, column, first, last)})`;
  return tile;
}

/**
 * `▲ 12.3% vs previous period`. Percent metrics change in points, since a relative change of a
 * rate reads wrong; a change from zero is shown as an amount.
 */
function changeFormula(x: string, y: string, metric: HeadlineMetric, currency: string): string {
  const arrow = `IF(${x}>${y},"▲ ","▼ ")`;
  const amount =
    metric.format === 'percent'
      ? `TEXT(ABS(${x}-${y})*100,"0.0")&" pts"`
      : `IF(${y}=0,TEXT(ABS(${x}-${y}),${textFormatArg(metric.format, currency)}),TEXT(ABS(${x}/${y}-1),"0.0%"))`;
  return (
    `=IF(AND(ISNUMBER(${x}),ISNUMBER(${y})),` +
    `IF(${x}=${y},"■ no change",${arrow}&${amount})&" vs previous period","")`
  );
}

export function changeColor(
  current: number | null,
  previous: number | null,
  goodDirection: HeadlineMetric['goodDirection'],
): string {
  if (current === null || previous === null || current === previous) return TILE_COLORS.flat;
  const rose = current > previous;
  return rose === (goodDirection === 'up') ? TILE_COLORS.good : TILE_COLORS.bad;
}
