/**
 * Model refresh benchmark: a GROUP BY month aggregation over 100k and 1M source rows.
 *
 * For each size it reports
 * - the pure model run (AlaSQL in Node, no Sheets),
 * - the whole refresh on the emulator: Node time, Sheets calls, cells read and written, and the
 *   simulated Apps Script time from the execution record (cost model + scaled CPU),
 * - the same aggregation as a plain JavaScript loop over the same rows: the floor.
 *
 *   tsx bench/model-refresh.ts [rows…]
 */
import { Emulator } from '../playground/emulator/emulator';
import type { ModelSpec } from '../src/model/model-spec';
import { refreshModels } from '../src/model/refresh';
import { runModels } from '../src/model/run-models';

export interface ModelRefreshBenchRow {
  rows: number;
  /** runModels alone (read already done), Node ms. */
  pureMs: number;
  /** The plain JavaScript loop over the same rows, Node ms. */
  floorMs: number;
  /** refreshModels on the emulator, Node ms. */
  refreshMs: number;
  /** Simulated Apps Script duration of the refresh execution, ms. */
  simulatedMs: number;
  /** Service calls of the refresh execution, by `Service.method`. */
  calls: Record<string, number>;
  cellsRead: number;
  cellsWritten: number;
  /** Months in the result (a check that every variant computed the same thing). */
  months: number;
}

const MODEL: ModelSpec = {
  name: 'revenue_by_month',
  label: 'Revenue by month',
  sql:
    'SELECT MONTH_START(created) AS month, SUM(amount) AS revenue, COUNT(*) AS charges\n' +
    "FROM bench_charges WHERE status = 'succeeded'\nGROUP BY MONTH_START(created)\nORDER BY month",
  formats: { month: 'month', revenue: 'currency', charges: 'integer' },
};

/** Charges spread over three years, a tenth of them failed; deterministic. */
export function chargesGrid(rows: number): unknown[][] {
  const grid: unknown[][] = [['id', 'amount', 'created', 'status', 'customer.email']];
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 86_400_000;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < rows; i++) {
    grid.push([
      `ch_${i}`,
      Math.round(random() * 20_000) / 100,
      new Date(start + Math.floor(random() * span)),
      random() < 0.1 ? 'failed' : 'succeeded',
      `customer${i % 5000}@example.com`,
    ]);
  }
  return grid;
}

function plainLoop(grid: readonly unknown[][]): number {
  const months = new Map<number, { revenue: number; charges: number }>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row[3] !== 'succeeded') continue;
    const d = row[2] as Date;
    const key = d.getFullYear() * 12 + d.getMonth();
    const m = months.get(key);
    if (m) {
      m.revenue += row[1] as number;
      m.charges++;
    } else months.set(key, { revenue: row[1] as number, charges: 1 });
  }
  return [...months.keys()].sort((a, b) => a - b).length;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

export function benchModelRefresh(sizes: readonly number[] = [100_000, 1_000_000]): ModelRefreshBenchRow[] {
  const out: ModelRefreshBenchRow[] = [];
  for (const rows of sizes) {
    const grid = chargesGrid(rows);
    const [floorMonths, floorMs] = time(() => plainLoop(grid));
    const [pure, pureMs] = time(
      () => runModels({ models: [MODEL], sources: new Map([['bench_charges', grid]]) })[0],
    );
    if (pure.status !== 'ok') throw new Error(pure.error?.message);

    const emu = new Emulator({ realCpu: true, timeZone: 'Etc/UTC', now: Date.UTC(2026, 0, 15) });
    emu.run(
      (gas) => {
        const sheet = gas.SpreadsheetApp.getActive().insertSheet('bench_charges');
        // A million rows fit the 10,000,000-cell limit only without the 21 spare columns.
        sheet.deleteColumns(grid[0].length + 1, sheet.getMaxColumns() - grid[0].length);
        if (sheet.getMaxRows() < grid.length)
          sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
        sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid as unknown[][]);
        sheet.hideSheet();
      },
      { name: 'seed', timeLimitMs: 24 * 3_600_000 },
    );
    const [result, refreshMs] = time(() =>
      emu.run((gas) => refreshModels(gas, { models: [MODEL] }), {
        name: 'refreshModels',
        kind: 'menu',
      }),
    );
    const outcome = result.models[0];
    if (outcome.status !== 'ok') throw new Error(outcome.error?.message);
    const record = emu.executions[emu.executions.length - 1];
    out.push({
      rows,
      pureMs,
      floorMs,
      refreshMs,
      simulatedMs: record.durationMs,
      calls: record.calls,
      cellsRead: record.cellsRead,
      cellsWritten: record.cellsWritten,
      months: Math.min(floorMonths, pure.rows.length, outcome.rows),
    });
  }
  return out;
}

export function formatBench(rows: readonly ModelRefreshBenchRow[]): string {
  const lines = [
    'rows | pure model run | refresh (Node) | refresh (simulated Apps Script) | Sheets calls | cells read / written | JS loop floor',
  ];
  for (const r of rows) {
    const sheetCalls = Object.entries(r.calls)
      .filter(([k]) => /^(Spreadsheet|Sheet|Range)/.test(k))
      .reduce((n, [, v]) => n + v, 0);
    lines.push(
      `${r.rows.toLocaleString('en-US')} | ${r.pureMs.toFixed(0)} ms | ${r.refreshMs.toFixed(0)} ms | ${(r.simulatedMs / 1000).toFixed(1)} s | ${sheetCalls} | ${r.cellsRead.toLocaleString('en-US')} / ${r.cellsWritten.toLocaleString('en-US')} | ${r.floorMs.toFixed(0)} ms`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const rows = benchModelRefresh(sizes.length ? sizes : undefined);
  console.log(formatBench(rows));
  for (const r of rows) console.log(r.rows, JSON.stringify(r.calls));
}
