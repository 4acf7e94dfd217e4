/**
 * The `Metrics history` tab: each headline metric's value once per day (date, metric id,
 * label, value), so trends exist even for sources that only report the present (a
 * subscription count today, not last month's). Refreshing again the same day updates that
 * day's row instead of adding another.
 */
import type { Gas } from '../platform/gas';
import type { HeadlineMetric } from './model-spec';
import type { WallClock } from './time-zone';
import { type Cell, protectText } from './values';

/** A model's output as written to its tab: header names and rows of cells. */
export interface ModelOutput {
  columns: readonly string[];
  rows: readonly Cell[][];
}

export const HISTORY_TAB = 'Metrics history';
export const HISTORY_HEADER = ['Date', 'Metric', 'Label', 'Value'] as const;

export interface MetricSnapshot {
  id: string;
  label: string;
  value: number | string;
}

/** The current value of each metric: the latest period's row of its model (the last row without a period column). */
export function headlineValues(
  metrics: readonly HeadlineMetric[],
  outputs: ReadonlyMap<string, ModelOutput>,
): MetricSnapshot[] {
  const snapshots: MetricSnapshot[] = [];
  for (const metric of metrics) {
    const table = outputs.get(metric.model);
    if (!table || table.rows.length === 0 || !table.columns.includes(metric.valueColumn)) continue;
    const valueAt = table.columns.indexOf(metric.valueColumn);
    const periodAt = metric.periodColumn ? table.columns.indexOf(metric.periodColumn) : -1;
    let row = table.rows[table.rows.length - 1];
    if (periodAt >= 0) for (const r of table.rows) if (later(r[periodAt], row[periodAt])) row = r;
    const value = row[valueAt];
    if (typeof value === 'number' || (typeof value === 'string' && value !== ''))
      snapshots.push({ id: metric.id, label: metric.label, value });
  }
  return snapshots;
}

function later(a: Cell, b: Cell): boolean {
  if (a === '') return false;
  if (b === '') return true;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x > y;
}

/**
 * Writes today's snapshots (today = the wall-clock day of `now`), replacing rows of the same
 * day and metric. One read and one write of the tab.
 */
export function recordHistory(
  gas: Gas,
  snapshots: readonly MetricSnapshot[],
  now: Date,
  clock: WallClock,
): void {
  if (snapshots.length === 0) return;
  const ss = gas.SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(HISTORY_TAB);
  let existing: unknown[][] = [];
  if (!sheet) {
    sheet = ss.insertSheet(HISTORY_TAB);
  } else if (sheet.getLastRow() > 1) {
    existing = sheet.getRange(2, 1, sheet.getLastRow() - 1, HISTORY_HEADER.length).getValues();
  }
  const wallNow = clock.toWall(now);
  const today = new Date(wallNow.getFullYear(), wallNow.getMonth(), wallNow.getDate());
  const todayKey = dayKey(today);
  const rows: Cell[][] = existing.map((r) => r.map((c) => (c instanceof Date ? c : protectText(c as Cell))));
  for (const s of snapshots) {
    const row: Cell[] = [
      clock.fromWall(today),
      protectText(s.id),
      protectText(s.label),
      protectText(s.value),
    ];
    const at = existing.findIndex(
      (r) => r[1] === s.id && r[0] instanceof Date && dayKey(clock.toWall(r[0])) === todayKey,
    );
    if (at >= 0) rows[at] = row;
    else rows.push(row);
  }
  const all: Cell[][] = [[...HISTORY_HEADER], ...rows];
  const maxRows = sheet.getMaxRows();
  if (maxRows < all.length) sheet.insertRowsAfter(maxRows, all.length - maxRows);
  sheet.getRange(1, 1, all.length, HISTORY_HEADER.length).setValues(all);
  sheet.getRange(1, 1, 1, HISTORY_HEADER.length).setFontWeight('bold');
  sheet.getRange(2, 1, all.length - 1, 1).setNumberFormat('yyyy-mm-dd');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}
