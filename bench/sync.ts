/**
 * Sync benchmarks: the Demo source, and a mock Stripe with 10k and 100k charges, synced by the
 * built Code.js on the emulator exactly as the sidebar drives it (one execution per chunk).
 *
 * Reported per case: Node CPU time, UrlFetch and Sheets calls by kind, simulated Apps Script
 * time per the emulator's cost model, executions needed, and for Stripe the raw JSON.parse
 * time of the same pages (the floor the engine's per-record work is compared with).
 */
import { join } from 'node:path';
import { loadBundle } from '../playground/emulator/bundle';
import { Emulator } from '../playground/emulator/emulator';
import type { ExecutionRecord } from '../playground/emulator/execution';
import { callFromSidebar } from '../playground/emulator/script-run';
import type { SyncProgress } from '../src/sync/progress';
import { startMockServer } from '../tests/support/mock-server';

export interface SyncBenchRow {
  name: string;
  records: number;
  executions: number;
  cpuMs: number;
  simulatedMs: number;
  /** Calls by `Service.method`, summed over the executions. */
  calls: Record<string, number>;
  pages: number;
  /** Range.setValues of stream data per checkpoint (a flush of up to 5,000 records); Sync log writes excluded. */
  writesPerCheckpoint: number;
  floorParseMs?: number;
}

function sumCalls(records: readonly ExecutionRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r.calls)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function unwrap<T>(r: unknown): T {
  const result = r as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message ?? 'server call failed');
  return result.value as T;
}

/** Saves a connection and chains sync chunks until done; returns the executions it took. */
function syncThroughBundle(emu: Emulator, input: { connector: string; config: Record<string, string> }) {
  const bundle = loadBundle(emu);
  const saved = unwrap<{ id: string }>(callFromSidebar(emu, bundle, 'saveConnection', [input]));
  const first = emu.executions.length;
  const cpu0 = cpuMs();
  let progress: SyncProgress | undefined;
  for (let i = 0; i < 50; i++) {
    progress = unwrap<SyncProgress>(callFromSidebar(emu, bundle, 'runSyncChunk', [saved.id]));
    if (progress.done || progress.stopped !== 'deadline') break;
  }
  const cpu = cpuMs() - cpu0;
  const records = emu.executions.slice(first);
  if (!progress?.done || progress.errors.length) throw new Error(`Sync did not finish: ${progress?.message}`);
  // The engine checkpoints every 5,000 records of a stream (and at each stream's end).
  const checkpoints = progress.streams.reduce(
    (n, s) => n + Math.max(1, Math.ceil((s.rowsAdded + s.rowsUpdated) / 5000)),
    0,
  );
  const dataWrites = records.reduce((n, r) => n + (r.calls['Range.setValues'] ?? 0), 0) - 1; // minus the Sync log
  return { records, cpu, progress, writesPerCheckpoint: dataWrites / checkpoints, bundle };
}

export interface RefreshBenchRow {
  name: string;
  simulatedMs: number;
  cpuMs: number;
  models: number;
  charts: number;
  calls: Record<string, number>;
}

/** The Demo synced, then one "Refresh dashboard": models, summary tabs, Dashboard, history. */
export function benchDemo(): { sync: SyncBenchRow; refresh: RefreshBenchRow } {
  const emu = new Emulator({ now: Date.UTC(2026, 10, 25, 12) });
  const run = syncThroughBundle(emu, { connector: 'demo', config: {} });
  const cpu0 = cpuMs();
  const refreshed = unwrap<{ models: unknown[]; charts: unknown[] }>(
    callFromSidebar(emu, run.bundle, 'refreshNow', []),
  );
  const record = emu.executions[emu.executions.length - 1];
  return {
    sync: demoRow(run),
    refresh: {
      name: 'Demo refresh (models, Dashboard, history)',
      simulatedMs: record.durationMs,
      cpuMs: cpuMs() - cpu0,
      models: refreshed.models.length,
      charts: refreshed.charts.length,
      calls: record.calls,
    },
  };
}

function demoRow(run: ReturnType<typeof syncThroughBundle>): SyncBenchRow {
  return {
    name: 'Demo (24 months, 11 streams)',
    records: run.progress.rowsLoaded,
    executions: run.records.length,
    cpuMs: run.cpu,
    simulatedMs: run.records.reduce((n, r) => n + r.durationMs, 0),
    calls: sumCalls(run.records),
    pages: 0,
    writesPerCheckpoint: run.writesPerCheckpoint,
  };
}

/** JSON.parse of every page the engine fetched, fetched again here: the floor of per-record work. */
async function parseFloor(url: string): Promise<{ ms: number; pages: number }> {
  let ms = 0;
  let pages = 0;
  let after: string | undefined;
  for (;;) {
    const q = new URLSearchParams({ limit: '100', ...(after ? { starting_after: after } : {}) });
    const text = await (
      await fetch(`${url}/v1/charges?${q}`, {
        headers: { authorization: 'Bearer sk_test_51BenchKey0000000000000000000000' },
      })
    ).text();
    const t0 = performance.now();
    const body = JSON.parse(text) as { has_more: boolean; data: Array<{ id: string }> };
    ms += performance.now() - t0;
    pages++;
    if (!body.has_more) return { ms, pages };
    after = body.data[body.data.length - 1].id;
  }
}

export async function benchStripe(count: number): Promise<SyncBenchRow> {
  const start = Math.floor(Date.UTC(2025, 0, 1) / 1000);
  const server = await startMockServer({
    handlerFile: join(__dirname, 'stripe-charges-handler.ts'),
    state: { count, start },
  });
  try {
    const floor = await parseFloor(server.url);
    const emu = new Emulator({ now: (start + count * 60) * 1000 + 86_400_000 });
    const run = syncThroughBundle(emu, {
      connector: 'stripe',
      config: { apiKey: 'sk_test_51BenchKey0000000000000000000000', baseUrl: server.url },
    });
    const calls = sumCalls(run.records);
    return {
      name: `Stripe, ${count.toLocaleString('en-US')} charges`,
      records: run.progress.rowsLoaded,
      executions: run.records.length,
      cpuMs: run.cpu,
      simulatedMs: run.records.reduce((n, r) => n + r.durationMs, 0),
      calls,
      pages: floor.pages,
      writesPerCheckpoint: run.writesPerCheckpoint,
      floorParseMs: floor.ms,
    };
  } finally {
    await server.close();
  }
}
