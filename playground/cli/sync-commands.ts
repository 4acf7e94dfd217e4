import type { SyncProgress } from '../../src/sync/progress';
import type { ConnectionSummary } from '../../src/sync/status';
import type { Workspace } from '../workspace';
import { ServerCallError, serverCall } from './server-calls';
import type { RefreshSummaryView } from './types';

export interface Out {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Saves each connection through the server code, so validation and secret handling are the sidebar's. */
export function applyConnections(
  ws: Workspace,
  connections: Array<{ id?: string; connector: string; config: Record<string, string> }>,
): string[] {
  return connections.map(
    (c) =>
      serverCall<ConnectionSummary>(ws, 'saveConnection', {
        id: c.id,
        connector: c.connector,
        config: c.config,
      }).id,
  );
}

/** Chains time-boxed chunks, as the sidebar does while it is open, until the run ends. Returns false on errors. */
export function syncOne(ws: Workspace, id: string, io: Out, maxChunks = 200): boolean {
  for (let chunk = 1; chunk <= maxChunks; chunk++) {
    const p = serverCall<SyncProgress>(ws, 'runSyncChunk', id);
    io.out(`  ${id}: ${p.streamsDone}/${p.streamsTotal} streams, ${p.rowsLoaded} rows — ${p.message}`);
    for (const e of p.errors) io.err(`  ${id}: ${e.message}\n    → ${e.fix}`);
    if (p.done) return p.errors.length === 0;
    if (p.stopped !== 'deadline')
      return p.errors.length === 0 && p.stopped !== 'quota' && p.stopped !== 'blocked';
  }
  io.err(`  ${id}: still not finished after ${maxChunks} executions; run the command again to continue.`);
  return false;
}

export function syncAll(ws: Workspace, ids: readonly string[], io: Out): boolean {
  let ok = true;
  for (const id of ids) {
    try {
      if (!syncOne(ws, id, io)) ok = false;
    } catch (e) {
      if (!(e instanceof ServerCallError)) throw e;
      io.err(`  ${id}: ${e.message}`);
      ok = false;
    }
    ws.save();
  }
  return ok;
}

export function refresh(ws: Workspace, io: Out): boolean {
  const r = serverCall<RefreshSummaryView>(ws, 'refreshNow');
  ws.save();
  const failed = r.models.filter((m) => m.status === 'failed');
  io.out(
    `Refreshed ${r.models.filter((m) => m.status === 'ok').length} models; Dashboard with ${r.charts.length} charts.`,
  );
  for (const m of failed)
    io.err(
      `  model ${m.name}: ${m.error?.message ?? 'failed'}${m.error?.fix ? `\n    → ${m.error.fix}` : ''}`,
    );
  for (const c of r.charts.filter((c) => c.shown !== 'sheet'))
    io.out(`  chart "${c.title}": ${c.shown}${c.detail ? ` (${c.detail})` : ''}`);
  return failed.length === 0;
}
