/**
 * Sync benchmarks: the Demo source, and a mock Stripe with 10k and 100k charges, synced by the
 * built Code.js on the emulator exactly as the sidebar drives it (one execution per chunk).
 *
 * Reported per case: CPU time split by who spends it, UrlFetch and Sheets calls by kind,
 * simulated Apps Script time per the emulator's cost model, executions needed, and for Stripe
 * the raw JSON.parse time of the same pages (the floor the engine's per-record work is compared
 * with).
 *
 * CPU is split three ways because only one part is the engine's:
 * - whole process: every thread, including the mock Stripe server and the HTTP transport worker;
 * - the script's thread: the engine plus the emulator's service internals on that thread;
 * - the engine alone: the script's thread minus the emulator's service internals (HTTP hand-off,
 *   sheet storage; Execution.serviceCpuMs), which in Apps Script run on Google's side and are
 *   charged by the cost model.
 * The floor and the engine are both measured on the script's thread, warm, as medians.
 */
import { join } from 'node:path';
import { loadBundle } from '../playground/emulator/bundle';
import { Emulator } from '../playground/emulator/emulator';
import type { ExecutionRecord } from '../playground/emulator/execution';
import { callFromSidebar } from '../playground/emulator/script-run';
import { threadCpuMs } from '../playground/emulator/thread-cpu';
import type { SyncProgress } from '../src/sync/progress';
import { startMockServer } from '../tests/support/mock-server';

export interface SyncBenchRow {
  name: string;
  records: number;
  executions: number;
  /** Every thread of the process (mock vendor server and HTTP transport worker included). */
  processCpuMs: number;
  /** The script's thread: engine plus the emulator's service internals. */
  threadCpuMs: number;
  /** Of threadCpuMs, the emulator's own service internals (Execution.serviceCpuMs). */
  serviceCpuMs: number;
  /** threadCpuMs − serviceCpuMs: the engine's own work. */
  engineCpuMs: number;
  /** Syncs run; the row is the one with the median engine CPU. */
  runs: number;
  simulatedMs: number;
  /** Calls by `Service.method`, summed over the executions. */
  calls: Record<string, number>;
  pages: number;
  /** Range.setValues of stream data per checkpoint (a flush of up to 5,000 records); Sync log writes excluded. */
  writesPerCheckpoint: number;
  /** Median of the warm JSON.parse passes over the same pages (script thread CPU). */
  floorParseMs?: number;
  floorPasses?: number[];
}

function sumCalls(records: readonly ExecutionRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r.calls)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
  const process0 = processCpuMs();
  const thread0 = threadCpuMs();
  let progress: SyncProgress | undefined;
  for (let i = 0; i < 50; i++) {
    progress = unwrap<SyncProgress>(callFromSidebar(emu, bundle, 'runSyncChunk', [saved.id]));
    if (progress.done || progress.stopped !== 'deadline') break;
  }
  const thread = threadCpuMs() - thread0;
  const cpu = {
    processCpuMs: processCpuMs() - process0,
    threadCpuMs: thread,
    serviceCpuMs: 0,
    engineCpuMs: 0,
  };
  const records = emu.executions.slice(first);
  cpu.serviceCpuMs = records.reduce((n, r) => n + r.serviceCpuMs, 0);
  cpu.engineCpuMs = thread - cpu.serviceCpuMs;
  if (!progress?.done || progress.errors.length) throw new Error(`Sync did not finish: ${progress?.message}`);
  // The engine checkpoints every 5,000 records of a stream (and at each stream's end).
  const checkpoints = progress.streams.reduce(
    (n, s) => n + Math.max(1, Math.ceil((s.rowsAdded + s.rowsUpdated) / 5000)),
    0,
  );
  const dataWrites = records.reduce((n, r) => n + (r.calls['Range.setValues'] ?? 0), 0) - 1; // minus the Sync log
  return { records, cpu, progress, writesPerCheckpoint: dataWrites / checkpoints, bundle };
}

function syncRow(
  name: string,
  run: ReturnType<typeof syncThroughBundle>,
  runs: number,
  pages: number,
): SyncBenchRow {
  return {
    name,
    records: run.progress.rowsLoaded,
    executions: run.records.length,
    ...run.cpu,
    runs,
    simulatedMs: run.records.reduce((n, r) => n + r.durationMs, 0),
    calls: sumCalls(run.records),
    pages,
    writesPerCheckpoint: run.writesPerCheckpoint,
  };
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
  const emu = new Emulator({ now: Date.UTC(2026, 10, 25, 12), timeServiceCpu: true });
  const run = syncThroughBundle(emu, { connector: 'demo', config: {} });
  const cpu0 = processCpuMs();
  const refreshed = unwrap<{ models: unknown[]; charts: unknown[] }>(
    callFromSidebar(emu, run.bundle, 'refreshNow', []),
  );
  const record = emu.executions[emu.executions.length - 1];
  return {
    sync: syncRow('Demo (24 months, 11 streams)', run, 1, 0),
    refresh: {
      name: 'Demo refresh (models, Dashboard, history)',
      simulatedMs: record.durationMs,
      cpuMs: processCpuMs() - cpu0,
      models: refreshed.models.length,
      charts: refreshed.charts.length,
      calls: record.calls,
    },
  };
}

/**
 * JSON.parse of the pages the engine fetched, fetched again here: the floor of per-record work.
 * Only the parse is timed, on this thread's CPU clock; `maxPages` cuts a warm-up pass short.
 */
async function parsePass(
  url: string,
  maxPages = Number.POSITIVE_INFINITY,
): Promise<{ ms: number; pages: number }> {
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
    const t0 = threadCpuMs();
    const body = JSON.parse(text) as { has_more: boolean; data: Array<{ id: string }> };
    ms += threadCpuMs() - t0;
    pages++;
    if (!body.has_more || pages >= maxPages) return { ms, pages };
    after = body.data[body.data.length - 1].id;
  }
}

/** A short warm-up pass, then the median of `passes` full passes: one cold pass is noise. */
async function parseFloor(
  url: string,
  passes: number,
): Promise<{ ms: number; pages: number; passes: number[] }> {
  await parsePass(url, 20);
  const runs: Array<{ ms: number; pages: number }> = [];
  for (let i = 0; i < passes; i++) runs.push(await parsePass(url));
  return { ms: median(runs.map((r) => r.ms)), pages: runs[0].pages, passes: runs.map((r) => r.ms) };
}

export interface StripeBenchOptions {
  /** Full syncs to take the engine's median over (each on a fresh emulator). */
  syncRuns: number;
  /** Full JSON.parse passes to take the floor's median over. */
  floorPasses: number;
}

export async function benchStripe(
  count: number,
  { syncRuns, floorPasses }: StripeBenchOptions = { syncRuns: 1, floorPasses: 3 },
): Promise<SyncBenchRow> {
  const start = Math.floor(Date.UTC(2025, 0, 1) / 1000);
  const server = await startMockServer({
    handlerFile: join(__dirname, 'stripe-charges-handler.ts'),
    state: { count, start },
  });
  try {
    const floor = await parseFloor(server.url, floorPasses);
    const rows: SyncBenchRow[] = [];
    for (let i = 0; i < syncRuns; i++) {
      const emu = new Emulator({ now: (start + count * 60) * 1000 + 86_400_000, timeServiceCpu: true });
      const run = syncThroughBundle(emu, {
        connector: 'stripe',
        config: { apiKey: 'sk_test_51BenchKey0000000000000000000000', baseUrl: server.url },
      });
      rows.push(syncRow(`Stripe, ${count.toLocaleString('en-US')} charges`, run, syncRuns, floor.pages));
    }
    // The run with the median engine CPU, whole, so its numbers stay consistent with each other.
    const row = [...rows].sort((a, b) => a.engineCpuMs - b.engineCpuMs)[Math.floor(rows.length / 2)];
    return { ...row, floorParseMs: floor.ms, floorPasses: floor.passes };
  } finally {
    await server.close();
  }
}
