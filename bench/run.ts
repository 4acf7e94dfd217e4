/**
 * `npm run bench`: the numbers behind BENCHMARKS.md, and the targets they must meet.
 * Compare ratios within one run: the machines here are shared and noisy.
 *
 *   npm run bench [-- --write] [-- --quick]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadCpuIsPerThread } from '../playground/emulator/thread-cpu';
import { benchModelRefresh, type ModelRefreshBenchRow } from './model-refresh';
import { benchDemo, benchStripe, type RefreshBenchRow, type SyncBenchRow } from './sync';

const EXECUTION_BUDGET_MS = 360_000;

interface Target {
  what: string;
  measured: string;
  ok: boolean;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (v: number) => v.toLocaleString('en-US');
const callsOf = (calls: Record<string, number>, prefix: string) =>
  Object.entries(calls)
    .filter(([k]) => k.startsWith(prefix))
    .reduce((a, [, v]) => a + v, 0);

const ms = (v: number) => `${v.toFixed(0)} ms`;
const ratio = (cpu: number, floor: number | undefined) => (floor ? (cpu / floor).toFixed(1) : '—');

function syncTable(rows: readonly SyncBenchRow[]): string {
  const head =
    '| Case | Records | Executions | Simulated Apps Script time | UrlFetch (fetch / fetchAll) | Sheets reads / writes | Writes per checkpoint |\n|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const reads = (r.calls['Range.getValues'] ?? 0) + (r.calls['Range.getDisplayValues'] ?? 0);
    return `| ${r.name} | ${n(r.records)} | ${r.executions} | ${s(r.simulatedMs)} | ${r.calls['UrlFetchApp.fetch'] ?? 0} / ${r.calls['UrlFetchApp.fetchAll'] ?? 0} | ${reads} / ${r.calls['Range.setValues'] ?? 0} | ${r.writesPerCheckpoint.toFixed(2)} |`;
  });
  return [head, ...lines].join('\n');
}

/** Where the CPU goes, and each part against the JSON.parse floor. */
function cpuTable(rows: readonly SyncBenchRow[]): string {
  const head =
    '| Case | Node CPU, whole process | Script thread | Emulator services (on the script thread) | Engine alone | JSON.parse floor | Engine ÷ floor | Whole process ÷ floor |\n|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const floor = r.floorParseMs === undefined ? '—' : ms(r.floorParseMs);
    return `| ${r.name} | ${ms(r.processCpuMs)} | ${ms(r.threadCpuMs)} | ${ms(r.serviceCpuMs)} | ${ms(r.engineCpuMs)} | ${floor} | ${ratio(r.engineCpuMs, r.floorParseMs)} | ${ratio(r.processCpuMs, r.floorParseMs)} |`;
  });
  return [head, ...lines].join('\n');
}

function modelTable(rows: readonly ModelRefreshBenchRow[]): string {
  const head =
    '| Source rows | AlaSQL (pure) | Plain JS loop (floor) | AlaSQL ÷ floor | Whole refresh (Node) | Simulated Apps Script time | Sheets calls | Cells read / written |\n|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const sheets = Object.entries(r.calls)
      .filter(([k]) => /^(Range|Sheet|Spreadsheet)\./.test(k))
      .reduce((a, [, v]) => a + v, 0);
    return `| ${n(r.rows)} | ${r.pureMs.toFixed(0)} ms | ${r.floorMs.toFixed(0)} ms | ${(r.pureMs / r.floorMs).toFixed(1)} | ${r.refreshMs.toFixed(0)} ms | ${s(r.simulatedMs)} | ${sheets} | ${n(r.cellsRead)} / ${n(r.cellsWritten)} |`;
  });
  return [head, ...lines].join('\n');
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const started = new Date();
  console.error('Demo sync and refresh…');
  const demo = benchDemo();
  console.error('Stripe 10k…');
  const stripe10k = await benchStripe(10_000, { syncRuns: quick ? 1 : 3, floorPasses: 5 });
  console.error(quick ? 'Stripe 100k skipped (--quick)' : 'Stripe 100k…');
  const stripe100k = quick ? undefined : await benchStripe(100_000, { syncRuns: 1, floorPasses: 3 });
  console.error('Model refresh…');
  const models = benchModelRefresh(quick ? [100_000] : [100_000, 1_000_000]);
  const sidebarModule = join(__dirname, 'sidebar.ts');
  let sidebar: { markdown: string; targets: Target[] } | undefined;
  if (existsSync(sidebarModule)) {
    console.error('Sidebar…');
    const mod = (await import(sidebarModule)) as {
      benchSidebarReport?: () => Promise<{ markdown: string; targets: Target[] }>;
    };
    if (mod.benchSidebarReport) sidebar = await mod.benchSidebarReport();
  }

  const syncRows = [demo.sync, stripe10k, ...(stripe100k ? [stripe100k] : [])];
  const targets: Target[] = [];
  for (const r of syncRows.filter((x) => x.pages > 0)) {
    const fetches = callsOf(r.calls, 'UrlFetchApp.fetch');
    const emptyStreams = 7; // the other Stripe lists: one page each
    targets.push({
      what: `${r.name}: one UrlFetch per API page`,
      measured: `${fetches} requests for ${r.pages} charge pages + ${emptyStreams} empty lists`,
      ok: fetches <= r.pages + emptyStreams,
    });
    targets.push({
      what: `${r.name}: engine CPU per record within 5× of JSON.parse (the engine's own CPU on the script thread, emulator services excluded, ÷ JSON.parse of the same pages)`,
      measured: `${ratio(r.engineCpuMs, r.floorParseMs)}× (${ms(r.engineCpuMs)} ÷ ${ms(r.floorParseMs ?? 0)}; whole process ${ratio(r.processCpuMs, r.floorParseMs)}×)`,
      ok: r.engineCpuMs <= 5 * (r.floorParseMs ?? 0),
    });
  }
  for (const r of syncRows) {
    targets.push({
      what: `${r.name}: at most two Sheets writes per stream per checkpoint`,
      measured: r.writesPerCheckpoint.toFixed(2),
      ok: r.writesPerCheckpoint <= 2,
    });
  }
  if (stripe100k)
    targets.push({
      what: '100k Stripe charges fully synced in at most 3 executions',
      measured: `${stripe100k.executions}`,
      ok: stripe100k.executions <= 3,
    });
  targets.push({
    what: 'A full Demo refresh within one execution',
    measured: s(demo.refresh.simulatedMs),
    ok: demo.refresh.simulatedMs < EXECUTION_BUDGET_MS,
  });
  for (const r of models)
    targets.push({
      what: `AlaSQL within 10× of the plain loop (${n(r.rows)} rows)`,
      measured: `${(r.pureMs / r.floorMs).toFixed(1)}×`,
      ok: r.pureMs <= 10 * r.floorMs,
    });
  targets.push(...(sidebar?.targets ?? []));

  const refresh: RefreshBenchRow = demo.refresh;
  const md = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${started.toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}). The machine is shared and noisy: compare ratios within one run, not absolute times across runs. "Simulated Apps Script time" is the emulator's cost model (playground/emulator/cost-model.ts: per-call costs from published community measurements, plus Node CPU ×2) — an estimate of what the same work costs in Apps Script.`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Met |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.what} | ${t.measured} | ${t.ok ? 'yes' : '**no**'} |`),
    '',
    '## Sync (extract & load)',
    '',
    "The built `dist/Code.js` on the emulator, driven as the sidebar drives it: one execution per time-boxed chunk. Stripe is a local mock speaking Stripe's list protocol with charges shaped like Stripe's own fixture.",
    '',
    syncTable(syncRows),
    '',
    '### Sync CPU',
    '',
    `Where the sync's CPU goes. *Whole process* is every thread: it includes the mock Stripe server and the emulator's HTTP transport worker. *Script thread* is the thread the bundle runs on (${threadCpuIsPerThread() ? "the kernel's per-thread CPU clock" : 'this platform has no per-thread clock: whole process instead'}). *Emulator services* is the part of it spent inside the emulator's own service internals (the HTTP worker hand-off, response decoding, sheet storage), which Apps Script runs on Google's side and the cost model charges. *Engine alone* is the rest: the bundle's own work, which the 5× target judges. The floor is \`JSON.parse\` of the same pages, fetched again by the benchmark and parsed on the script thread after a warm-up: the median of several passes. ${syncRows
      .filter((r) => r.floorPasses)
      .map(
        (r) =>
          `${r.name}: floor over ${r.floorPasses?.length} passes, engine over ${r.runs} sync run(s), the median run shown.`,
      )
      .join(' ')}`,
    '',
    cpuTable(syncRows),
    '',
    '## Refresh (models, summary tabs, Dashboard)',
    '',
    `| Case | Models | Charts | Simulated Apps Script time | Node CPU | Sheets reads / writes |\n|---|---|---|---|---|---|\n| ${refresh.name} | ${refresh.models} | ${refresh.charts} | ${s(refresh.simulatedMs)} | ${refresh.cpuMs.toFixed(0)} ms | ${refresh.calls['Range.getValues'] ?? 0} / ${refresh.calls['Range.setValues'] ?? 0} |`,
    '',
    '## Model refresh at scale',
    '',
    'A GROUP BY month over a charges tab: AlaSQL alone, the same aggregation as a plain JavaScript loop (the floor), and the whole refresh on the emulator (one getValues per source tab, one setValues per summary tab).',
    '',
    modelTable(models),
    ...(sidebar ? ['', '## Sidebar', '', sidebar.markdown] : []),
    '',
  ].join('\n');
  console.log(md);
  if (process.argv.includes('--write')) writeFileSync(join(__dirname, '..', 'BENCHMARKS.md'), md);
  return targets.every((t) => t.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
