import type { Gas } from '../platform/gas';
import { appendSyncLog } from '../sync/sync-log';

export { SYNC_LOG_HEADER, SYNC_LOG_TAB } from '../sync/sync-log';

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

const STATUS = { ok: 'OK', failed: 'Failed', skipped: 'Skipped' } as const;

/** Model runs go into the same Sync log as syncs, one row per model, in one write. */
export function appendModelLog(
  gas: Gas,
  entries: readonly ModelLogEntry[],
  options: { onlyIfExists?: boolean } = {},
): void {
  appendSyncLog(
    gas.SpreadsheetApp.getActive(),
    entries.map((e) => ({
      startedAt: e.started.getTime(),
      endedAt: e.ended.getTime(),
      connection: 'model',
      stream: e.model,
      added: e.rows ?? '',
      updated: '',
      pages: '',
      status: STATUS[e.status],
      message: e.message ?? (e.status === 'ok' ? `Wrote ${e.rows ?? 0} rows.` : ''),
      fix: e.fix ?? '',
    })),
    options,
  );
}
