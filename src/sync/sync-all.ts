import { CONNECTORS } from '../../connectors/index';
import { listConnections } from '../connect/connection-store';
import type { Gas } from '../platform/gas';
import { toErrorInfo } from '../shared/errors';
import { CHUNK_BUDGET_MS, runSyncChunk, type SyncChunkOptions, type SyncProgress } from './engine';

/** One connection's result in a scheduled run, in the shape failure emails need. */
export interface ConnectionOutcome {
  connection: string;
  label: string;
  /** False when a stream failed or the chunk could not run; a run still in progress is ok. */
  ok: boolean;
  done: boolean;
  code?: string;
  message?: string;
  fix?: string;
  progress?: SyncProgress;
}

/**
 * The scheduled run's sync step: one chunk for each connection that is not paused, sharing
 * one time box, in the order connections were created. Connections not reached before the
 * deadline are left for the next run (their bookmarks are untouched). A failure of one
 * connection never stops the others.
 */
export function syncConnections(
  gas: Gas,
  options: SyncChunkOptions & { only?: readonly string[] },
): ConnectionOutcome[] {
  const clock = options.clock ?? Date.now;
  const budget = options.budgetMs ?? CHUNK_BUDGET_MS;
  const connectors = options.connectors ?? CONNECTORS;
  const outcomes: ConnectionOutcome[] = [];
  for (const conn of listConnections(gas)) {
    if (conn.paused || (options.only && !options.only.includes(conn.id))) continue;
    if (clock() - options.startedAt >= budget) break;
    const label = connectors.find((c) => c.id === conn.connector)?.label ?? conn.connector;
    try {
      const progress = runSyncChunk(gas, conn.id, { ...options, clock, connectors });
      const error = progress.errors[0];
      const outcome: ConnectionOutcome = {
        connection: conn.id,
        label,
        ok: !error,
        done: progress.done,
        progress,
      };
      if (error) Object.assign(outcome, { code: error.code, message: error.message, fix: error.fix });
      outcomes.push(outcome);
    } catch (e) {
      const { code, message, fix } = toErrorInfo(e);
      outcomes.push({ connection: conn.id, label, ok: false, done: false, code, message, fix });
    }
  }
  return outcomes;
}
