import type { StreamSpec } from '../connect/connector-spec';
import { safeText, type WritableCell } from './cell-safety';
import { count } from './progress';
import type { StreamRun } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SYNC_LOG_TAB = 'Sync log';
export const SYNC_LOG_HEADER = [
  'Started',
  'Ended',
  'Connection',
  'Stream',
  'Rows added',
  'Rows updated',
  'API pages',
  'Status',
  'Message',
  'Fix',
] as const;
/** Runs kept; older ones are deleted (in bulk, once the log is this many plus a margin). */
export const SYNC_LOG_MAX_RUNS = 1_000;
const TRIM_MARGIN = 50;

export interface SyncLogRow {
  startedAt: number;
  endedAt: number;
  connection: string;
  stream: string;
  /** Blank for rows where a count does not apply (models). */
  added: number | '';
  updated: number | '';
  pages: number | '';
  status: 'OK' | 'Failed' | 'Skipped';
  message: string;
  fix: string;
}

/** A stream's row for a finished run. */
export function logRowFor(
  connection: string,
  stream: StreamSpec,
  runStartedAt: number,
  run: StreamRun,
  now: number,
): SyncLogRow {
  const ok = run.status === 'done';
  let message = run.error?.message ?? '';
  if (ok) {
    message = stream.incremental
      ? `Loaded ${count(run.added)} new and ${count(run.updated)} changed rows.`
      : `Replaced the table with ${count(run.added)} rows.`;
  }
  return {
    startedAt: runStartedAt,
    endedAt: run.endedAt ?? now,
    connection,
    stream: stream.name,
    added: run.added,
    updated: run.updated,
    pages: run.pages,
    status: ok ? 'OK' : 'Failed',
    message,
    fix: ok ? '' : (run.error?.fix ?? ''),
  };
}

/**
 * Adds one run's rows (one per stream) to the visible Sync log tab in a single write. Rows
 * already there (a run whose end was interrupted after its log was written) are not added again.
 */
export function appendSyncLog(
  ss: Spreadsheet,
  rows: readonly SyncLogRow[],
  options: { onlyIfExists?: boolean } = {},
): void {
  if (rows.length === 0) return;
  const existing = ss.getSheetByName(SYNC_LOG_TAB);
  if (!existing && options.onlyIfExists) return;
  const sheet = existing ?? createLog(ss);
  const lastRow = Math.max(1, sheet.getLastRow());
  const fresh = withoutLogged(sheet, lastRow, rows);
  if (fresh.length === 0) return;
  const needed = lastRow + fresh.length;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, fresh.length, SYNC_LOG_HEADER.length).setValues(fresh.map(toCells));
  trim(sheet, needed);
}

function createLog(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(SYNC_LOG_TAB, ss.getNumSheets());
  // A new tab has 26 columns; the log needs 10, and every cell counts toward the 10 million.
  const extra = sheet.getMaxColumns() - SYNC_LOG_HEADER.length;
  if (extra > 0) sheet.deleteColumns(SYNC_LOG_HEADER.length + 1, extra);
  sheet
    .getRange(1, 1, 1, SYNC_LOG_HEADER.length)
    .setValues([[...SYNC_LOG_HEADER]])
    .setFontWeight('bold');
  sheet.setFrozenRows(1);
  sheet.getRange('A:B').setNumberFormat('yyyy-mm-dd hh:mm:ss');
  if (active) active.activate();
  return sheet;
}

function logKey(started: unknown, connection: unknown, stream: unknown): string {
  const ms =
    Object.prototype.toString.call(started) === '[object Date]'
      ? (started as Date).getTime()
      : Number(started);
  return `${ms}|${String(connection)}|${String(stream)}`;
}

function withoutLogged(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  lastRow: number,
  rows: readonly SyncLogRow[],
): SyncLogRow[] {
  const tail = Math.min(rows.length, lastRow - 1);
  if (tail <= 0) return [...rows];
  const seen = new Set(
    sheet
      .getRange(lastRow - tail + 1, 1, tail, 4)
      .getValues()
      .map((r) => logKey(r[0], r[2], r[3])),
  );
  return rows.filter((r) => !seen.has(logKey(r.startedAt, r.connection, r.stream)));
}

function toCells(r: SyncLogRow): WritableCell[] {
  return [
    new Date(r.startedAt),
    new Date(r.endedAt),
    safeText(r.connection),
    safeText(r.stream),
    r.added,
    r.updated,
    r.pages,
    r.status,
    safeText(r.message),
    safeText(r.fix),
  ];
}

/** Keeps the newest runs (a run = the rows sharing a start and a connection). */
function trim(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const dataRows = lastRow - 1;
  if (dataRows <= SYNC_LOG_MAX_RUNS + TRIM_MARGIN) return;
  const keys = sheet
    .getRange(2, 1, dataRows, 3)
    .getValues()
    .map((r) => logKey(r[0], r[2], ''));
  const runs = new Set(keys);
  if (runs.size <= SYNC_LOG_MAX_RUNS + TRIM_MARGIN) return;
  const keep = new Set([...runs].slice(runs.size - SYNC_LOG_MAX_RUNS));
  const drop = keys.findIndex((k) => keep.has(k));
  if (drop > 0) sheet.deleteRows(2, drop);
}
