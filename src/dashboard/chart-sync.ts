import type { ChartOptions, SheetsChartType } from './chart-plan';
import type { ChartPosition } from './dashboard-layout';

/**
 * Keeps the Dashboard's charts in step with their definitions without re-creating them: each
 * chart's Sheets id is remembered (document properties) with the position we last gave it and a
 * signature of what it shows. A rebuild inserts missing charts, updates changed ones in place,
 * leaves unchanged ones alone, removes charts whose definition is gone, and never moves a chart
 * the user moved (its position differs from the one we last set).
 */

/** A block of cells a chart reads, by sheet and grid coordinates (1-based). */
export interface ChartRange {
  sheet: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface DesiredChart {
  key: string;
  chartType: SheetsChartType;
  ranges: ChartRange[];
  options: ChartOptions;
  position: ChartPosition;
  width: number;
  height: number;
}

export interface RegistryEntry {
  chartId: number;
  /** Where we last put it: a different live position means the user moved it. */
  position: ChartPosition;
  signature: string;
}

export type ChartRegistry = Record<string, RegistryEntry>;

export interface ExistingChart {
  chartId: number;
  position: ChartPosition;
}

export type ChartOp =
  | { op: 'insert'; key: string; chart: DesiredChart }
  /** `position` is where to put it, or null to leave it where the user placed it. */
  | { op: 'update'; key: string; chartId: number; chart: DesiredChart; position: ChartPosition | null }
  | { op: 'remove'; key: string; chartId: number };

/** Document property holding what the last build left behind: its charts and its height in rows. */
export const DASHBOARD_STATE_KEY = 'tapdash.dashboard.state';

export interface DashboardState {
  charts: ChartRegistry;
  rows: number;
}

export function samePosition(a: ChartPosition, b: ChartPosition): boolean {
  return a.row === b.row && a.column === b.column && a.offsetX === b.offsetX && a.offsetY === b.offsetY;
}

/** What the chart shows (type, data, options, size), position aside; stable across runs. */
export function chartSignature(chart: DesiredChart): string {
  const sortedOptions = Object.keys(chart.options)
    .sort()
    .map((k) => [k, chart.options[k]]);
  return fnv1a(JSON.stringify([chart.chartType, chart.ranges, sortedOptions, chart.width, chart.height]));
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface ChartSyncPlan {
  ops: ChartOp[];
  /**
   * The registry after the ops, except that inserted charts carry chartId -1 until the applier
   * learns their ids.
   */
  registry: ChartRegistry;
}

export function planChartOps(
  desired: readonly DesiredChart[],
  registry: ChartRegistry,
  existing: readonly ExistingChart[],
): ChartSyncPlan {
  const live = new Map(existing.map((c) => [c.chartId, c]));
  const ops: ChartOp[] = [];
  const next: ChartRegistry = {};
  const wanted = new Set(desired.map((d) => d.key));

  for (const chart of desired) {
    const signature = chartSignature(chart);
    const known = registry[chart.key];
    const current = known ? live.get(known.chartId) : undefined;
    if (!known || !current) {
      ops.push({ op: 'insert', key: chart.key, chart });
      next[chart.key] = { chartId: -1, position: chart.position, signature };
      continue;
    }
    const userMoved = !samePosition(current.position, known.position);
    const gridMoved = !userMoved && !samePosition(known.position, chart.position);
    if (known.signature !== signature || gridMoved) {
      ops.push({
        op: 'update',
        key: chart.key,
        chartId: known.chartId,
        chart,
        position: userMoved ? null : chart.position,
      });
    }
    next[chart.key] = {
      chartId: known.chartId,
      position: userMoved ? known.position : chart.position,
      signature,
    };
  }

  for (const [key, entry] of Object.entries(registry)) {
    if (!wanted.has(key) && live.has(entry.chartId)) ops.push({ op: 'remove', key, chartId: entry.chartId });
  }
  return { ops, registry: next };
}

export function parseState(raw: string | null): DashboardState {
  const empty: DashboardState = { charts: {}, rows: 0 };
  if (!raw) return empty;
  try {
    const value = JSON.parse(raw) as Partial<DashboardState> | null;
    if (!value || typeof value !== 'object' || typeof value.charts !== 'object' || value.charts === null)
      return empty;
    return { charts: value.charts, rows: typeof value.rows === 'number' ? value.rows : 0 };
  } catch {
    // Losing the map only costs re-inserting charts; never fail the rebuild over it.
    return empty;
  }
}
