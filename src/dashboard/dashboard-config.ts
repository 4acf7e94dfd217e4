import type { ChartDefinition, HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';

/**
 * Which KPI tiles and charts the Dashboard shows, in which order. Stored in document properties
 * so every editor sees the same dashboard. Ids the user hid stay hidden; ids from packages
 * installed later (neither shown nor hidden) are appended, so new packages show up by default.
 */
export interface DashboardConfig {
  version: 1;
  tiles: string[];
  charts: string[];
  hidden: string[];
}

export const DASHBOARD_CONFIG_KEY = 'tapdash.dashboard.config';

export function defaultDashboardConfig(packages: readonly MetricPackage[]): DashboardConfig {
  return {
    version: 1,
    tiles: packages.flatMap((p) => p.metrics.map((m) => m.id)),
    charts: packages.flatMap((p) => p.charts.map((c) => c.id)),
    hidden: [],
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
  const listed = new Set([...base.tiles, ...base.charts, ...base.hidden]);
  const tileIds = [...base.tiles, ...[...metrics.keys()].filter((id) => !listed.has(id))];
  const chartIds = [...base.charts, ...[...charts.keys()].filter((id) => !listed.has(id))];
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

export function parseDashboardConfig(value: unknown): DashboardConfig {
  const v = value as Partial<DashboardConfig> | null;
  const ids = (x: unknown) => Array.isArray(x) && x.every((i) => typeof i === 'string');
  if (
    !v ||
    typeof v !== 'object' ||
    !ids(v.tiles) ||
    !ids(v.charts) ||
    (v.hidden !== undefined && !ids(v.hidden))
  ) {
    throw new TapdashError({
      code: 'dashboard_config_invalid',
      message: 'The dashboard layout could not be saved: it is not a list of tiles and charts.',
      fix: 'Reopen the Dashboard settings in the sidebar and save again.',
    });
  }
  return { version: 1, tiles: [...v.tiles!], charts: [...v.charts!], hidden: [...(v.hidden ?? [])] };
}
