/**
 * The `Sync log` tab: one row per stream synced or model refreshed. The sync engine and the
 * model refresh both append here; this module owns the tab's header and the append.
 */
import type { Gas } from '../platform/gas';
import { type Cell, protectText } from './values';

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

export interface SyncLogEntry {
  started: Date;
  ended: Date;
  /** A connection name, or "model" for a model refresh. */
  connection: string;
  /** A stream name, or the model name. */
  stream: string;
  rowsAdded?: number;
  rowsUpdated?: number;
  apiPages?: number;
  status: string;
  message?: string;
  fix?: string;
}

/**
 * Appends the entries with one write, creating the tab (with its header) if it is missing,
 * unless `onlyIfExists` asks to write only to a tab that is already there.
 */
export function appendSyncLog(
  gas: Gas,
  entries: readonly SyncLogEntry[],
  options: { onlyIfExists?: boolean } = {},
): void {
  if (entries.length === 0) return;
  const ss = gas.SpreadsheetApp.getActive();
  let sheet = ss.getSheetByName(SYNC_LOG_TAB);
  if (!sheet && options.onlyIfExists) return;
  const rows: Cell[][] = entries.map((e) =>
    [
      e.started,
      e.ended,
      e.connection,
      e.stream,
      e.rowsAdded ?? '',
      e.rowsUpdated ?? '',
      e.apiPages ?? '',
      e.status,
      e.message ?? '',
      e.fix ?? '',
    ].map(protectText),
  );
  let first: number;
  if (!sheet) {
    sheet = ss.insertSheet(SYNC_LOG_TAB);
    rows.unshift([...SYNC_LOG_HEADER]);
    first = 1;
  } else {
    first = sheet.getLastRow() + 1;
  }
  const maxRows = sheet.getMaxRows();
  const last = first + rows.length - 1;
  if (maxRows < last) sheet.insertRowsAfter(maxRows, last - maxRows);
  sheet.getRange(first, 1, rows.length, SYNC_LOG_HEADER.length).setValues(rows);
  if (first === 1) {
    sheet.getRange(1, 1, 1, SYNC_LOG_HEADER.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
}

/** What the model refresh writes for one model (Connection "model", Stream = the model's name). */
export interface ModelLogEntry {
  model: string;
  started: Date;
  ended: Date;
  status: 'ok' | 'failed' | 'skipped';
  rows?: number;
  message?: string;
  fix?: string;
}

export function appendModelLog(
  gas: Gas,
  entries: readonly ModelLogEntry[],
  options: { onlyIfExists?: boolean } = {},
): void {
  appendSyncLog(
    gas,
    entries.map((e) => ({
      started: e.started,
      ended: e.ended,
      connection: 'model',
      stream: e.model,
      rowsAdded: e.rows,
      status: e.status,
      message: e.message,
      fix: e.fix,
    })),
    options,
  );
}
