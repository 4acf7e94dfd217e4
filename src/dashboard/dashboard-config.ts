import type { ChartDefinition, HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';

/**
 * Which KPI tiles and charts the Dashboard shows, in which order. Stored in document properties
 * so every editor sees the same dashboard. Ids the user hid stay hidden; ids from packages
 * installed later (neither shown nor hidden) are appended, so new packages show up by default.
 * Tiles and charts are kept apart: a package may give a tile and a chart the same id
 * (demo_open_issues), and hiding one must not hide the other.
 */
export interface DashboardConfig {
  version: 2;
  tiles: string[];
  charts: string[];
  hiddenTiles: string[];
  hiddenCharts: string[];
}

/** The first shape, with one `hidden` list for both kinds; still read from storage and old exports. */
interface DashboardConfigV1 {
  version?: 1;
  tiles: string[];
  charts: string[];
  hidden?: string[];
}

export const DASHBOARD_CONFIG_KEY = 'tapdash.dashboard.config';

export function defaultDashboardConfig(packages: readonly MetricPackage[]): DashboardConfig {
  return {
    version: 2,
    tiles: packages.flatMap((p) => p.metrics.map((m) => m.id)),
    charts: packages.flatMap((p) => p.charts.map((c) => c.id)),
    hiddenTiles: [],
    hiddenCharts: [],
  };
}

/** The metrics and charts to show, in the configured order; unknown ids (uninstalled) are skipped. */
export function resolveDashboard(
  config: DashboardConfig | null,
  packages: readonly MetricPackage[],
): { metrics: HeadlineMetric[]; charts: ChartDefinition[] } {
  const metrics = new Map(packages.flatMap((p) => p.metrics.map((m) => [m.id, m] as const)));
  const charts = new Map(packages.flatMap((p) => p.charts.map((c) => [c.id, c] as const)));
  const base = config ?? defaultDashboardConfig(packages);
  const tilesListed = new Set([...base.tiles, ...base.hiddenTiles]);
  const chartsListed = new Set([...base.charts, ...base.hiddenCharts]);
  const tileIds = [...base.tiles, ...[...metrics.keys()].filter((id) => !tilesListed.has(id))];
  const chartIds = [...base.charts, ...[...charts.keys()].filter((id) => !chartsListed.has(id))];
  return {
    metrics: tileIds.flatMap((id) => metrics.get(id) ?? []),
    charts: chartIds.flatMap((id) => charts.get(id) ?? []),
  };
}

export function loadDashboardConfig(gas: Gas): DashboardConfig | null {
  const raw = gas.PropertiesService.getDocumentProperties().getProperty(DASHBOARD_CONFIG_KEY);
  if (!raw) return null;
  try {
    return parseDashboardConfig(JSON.parse(raw));
  } catch {
    // A damaged setting should not take the dashboard down: fall back to the defaults.
    return null;
  }
}

export function saveDashboardConfig(gas: Gas, config: unknown): DashboardConfig {
  const parsed = parseDashboardConfig(config);
  gas.PropertiesService.getDocumentProperties().setProperty(DASHBOARD_CONFIG_KEY, JSON.stringify(parsed));
  return parsed;
}

/** Reads either shape; the first one is migrated (see `fromV1`). */
export function parseDashboardConfig(value: unknown): DashboardConfig {
  const v = value as Record<string, unknown> | null;
  const ids = (x: unknown): x is string[] => Array.isArray(x) && x.every((i) => typeof i === 'string');
  const optionalIds = (x: unknown) => x === undefined || ids(x);
  if (
    !v ||
    typeof v !== 'object' ||
    !ids(v.tiles) ||
    !ids(v.charts) ||
    !optionalIds(v.hidden) ||
    !optionalIds(v.hiddenTiles) ||
    !optionalIds(v.hiddenCharts)
  ) {
    throw new TapdashError({
      code: 'dashboard_config_invalid',
      message: 'The dashboard layout could not be saved: it is not a list of tiles and charts.',
      fix: 'Reopen the Dashboard settings in the sidebar and save again.',
    });
  }
  if (v.version !== 2) return fromV1(v as unknown as DashboardConfigV1);
  return {
    version: 2,
    tiles: [...v.tiles],
    charts: [...v.charts],
    hiddenTiles: [...((v.hiddenTiles as string[] | undefined) ?? [])],
    hiddenCharts: [...((v.hiddenCharts as string[] | undefined) ?? [])],
  };
}

/**
 * The first shape listed shown tiles, shown charts and one `hidden` list. An id in `hidden`
 * was a hidden tile unless the tiles list still shows it (then only the chart of that id was
 * hidden), and the same for charts, which is exactly what the founder had ticked.
 */
function fromV1(v: DashboardConfigV1): DashboardConfig {
  const hidden = v.hidden ?? [];
  return {
    version: 2,
    tiles: [...v.tiles],
    charts: [...v.charts],
    hiddenTiles: hidden.filter((id) => !v.tiles.includes(id)),
    hiddenCharts: hidden.filter((id) => !v.charts.includes(id)),
  };
}
