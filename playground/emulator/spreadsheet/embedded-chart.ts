/**
 * EmbeddedChart (a built or inserted chart) and Sheet's chart operations: insertChart,
 * updateChart (by chart id), removeChart, getCharts.
 */
import type { Calls } from './calls';
import { ContainerInfoApi, cloneChart, EmbeddedChartBuilderApi } from './chart-builder';
import { fail, MSG } from './messages';
import type { ChartState, SheetState } from './model';
import { RangeApi } from './range-api';

/** Reads a dotted option key whether it was set flat ('legend.position') or nested ({legend: {position}}). */
export function readOption(options: Record<string, unknown>, key: string): unknown {
  if (key in options) return options[key];
  const parts = key.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (head in options) {
      let v: unknown = options[head];
      for (const p of parts.slice(i))
        v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      if (v !== undefined) return v;
    }
  }
  // Flat keys below the one asked for ('legend.position' when asked for 'legend').
  const prefix = `${key}.`;
  const nested: Record<string, unknown> = {};
  let found = false;
  for (const [k, v] of Object.entries(options)) {
    if (!k.startsWith(prefix)) continue;
    found = true;
    const path = k.slice(prefix.length).split('.');
    let node = nested;
    for (let i = 0; i < path.length - 1; i++) {
      node[path[i]] = (node[path[i]] as Record<string, unknown>) ?? {};
      node = node[path[i]] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = v;
  }
  return found ? nested : null;
}

export function resolveRanges(calls: Calls, state: ChartState): RangeApi[] {
  const out: RangeApi[] = [];
  for (const ref of state.ranges) {
    const sheet = calls.wb.sheetById(ref.sheetId);
    if (!sheet) continue;
    const [a, b] = ref.a1.split(':');
    const start = cellPos(a);
    const end = b ? cellPos(b) : start;
    out.push(
      new RangeApi(calls, sheet, {
        row: start.row,
        col: start.col,
        numRows: end.row - start.row + 1,
        numCols: end.col - start.col + 1,
      }),
    );
  }
  return out;
}

function cellPos(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const CHART_SVC = 'EmbeddedChart';

/** A built or inserted chart. Built charts are snapshots; getCharts returns fresh ones. */
export class EmbeddedChartApi {
  constructor(
    private readonly calls: Calls,
    private readonly sheet: SheetState,
    readonly state: ChartState,
  ) {}

  private local(method: string): void {
    this.calls.local(CHART_SVC, method);
  }

  /** null until the chart is inserted in a sheet. */
  getChartId(): number | null {
    this.local('getChartId');
    return this.state.chartId || null;
  }

  getId(): string | null {
    this.local('getId');
    return this.state.chartId ? `u${this.state.chartId}` : null;
  }

  getRanges(): RangeApi[] {
    this.local('getRanges');
    return resolveRanges(this.calls, this.state);
  }

  getOptions(): { get(option: string): unknown } {
    this.local('getOptions');
    const options = JSON.parse(JSON.stringify(this.state.options)) as Record<string, unknown>;
    return { get: (option: string) => readOption(options, option) };
  }

  getContainerInfo(): ContainerInfoApi {
    this.local('getContainerInfo');
    return new ContainerInfoApi(this.state);
  }

  getHiddenDimensionStrategy(): string {
    this.local('getHiddenDimensionStrategy');
    return this.state.hiddenDimensionStrategy;
  }

  getMergeStrategy(): string {
    this.local('getMergeStrategy');
    return this.state.mergeStrategy;
  }

  getNumHeaders(): number {
    this.local('getNumHeaders');
    return this.state.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.local('getTransposeRowsAndColumns');
    return this.state.transpose;
  }

  modify(): EmbeddedChartBuilderApi {
    this.local('modify');
    return new EmbeddedChartBuilderApi(this.calls, this.sheet, this.state);
  }

  getAs(_contentType: string): never {
    this.local('getAs');
    return fail('EmbeddedChart.getAs is not available in the emulator: charts are drawn by the playground.');
  }

  getBlob(): never {
    return this.getAs('image/png');
  }
}

/** Sheet.insertChart/updateChart/removeChart/getCharts. */
export const chartOps = {
  insert(calls: Calls, sheet: SheetState, chart: EmbeddedChartApi): void {
    const state = cloneChart(chart.state);
    const taken = calls.wb.sheets.some((s) => s.charts.some((c) => c.chartId === state.chartId));
    if (!state.chartId || taken) state.chartId = calls.wb.newObjectId();
    sheet.charts.push(state);
  },
  update(sheet: SheetState, chart: EmbeddedChartApi): void {
    const i = sheet.charts.findIndex((c) => chart.state.chartId && c.chartId === chart.state.chartId);
    if (i < 0) fail(MSG.chartNotOnSheet);
    sheet.charts[i] = cloneChart(chart.state);
  },
  remove(sheet: SheetState, chart: EmbeddedChartApi): void {
    const i = sheet.charts.findIndex((c) => chart.state.chartId && c.chartId === chart.state.chartId);
    if (i < 0) fail(MSG.chartNotOnSheet);
    sheet.charts.splice(i, 1);
  },
  list(calls: Calls, sheet: SheetState): EmbeddedChartApi[] {
    return sheet.charts.map((c) => new EmbeddedChartApi(calls, sheet, cloneChart(c)));
  },
};
