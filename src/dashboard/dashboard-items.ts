/**
 * The Dashboard's tiles and charts as the sidebar lists them: every one the installed packages
 * offer, shown ones first in the saved order, then the hidden ones, with each tile's latest
 * value so the sidebar can show it as a small card.
 */
import type { MetricPackage } from '../model/model-spec';
import { CURRENCY_PROPERTY } from '../model/refresh';
import type { Gas } from '../platform/gas';
import { readMetrics } from '../schedule/metric-readings';
import { loadDashboardConfig, resolveDashboard } from './dashboard-config';

export interface TileItem {
  id: string;
  label: string;
  shown: boolean;
  /** The latest period's value, formatted ("$12,340"); null before the first refresh. */
  value: string | null;
  /** Change vs the previous period ("+4.2%"), when both exist. */
  change?: string;
  /** Whether the change is good news (a rise in MRR, a fall in churn). */
  good?: boolean;
}

export interface ChartItem {
  id: string;
  title: string;
  shown: boolean;
}

export interface DashboardItems {
  tiles: TileItem[];
  charts: ChartItem[];
}

export function dashboardItems(gas: Gas, packages: readonly MetricPackage[]): DashboardItems {
  const config = loadDashboardConfig(gas);
  const shown = resolveDashboard(config, packages);
  const hidden = new Set(config?.hidden ?? []);
  const ss = gas.SpreadsheetApp.getActive();
  const currency = gas.PropertiesService.getDocumentProperties().getProperty(CURRENCY_PROPERTY) || 'USD';
  const readings = new Map(readMetrics(ss, packages, currency).map((r) => [r.id, r] as const));
  const allMetrics = packages.flatMap((p) => p.metrics);
  const allCharts = packages.flatMap((p) => p.charts);
  const tiles = [...shown.metrics, ...allMetrics.filter((m) => hidden.has(m.id))].map((m): TileItem => {
    const r = readings.get(m.id);
    const item: TileItem = {
      id: m.id,
      label: m.label,
      shown: !hidden.has(m.id),
      value: r && r.value !== null ? r.display(r.value) : null,
    };
    if (r && r.value !== null && r.previous !== null && r.previous !== 0) {
      const change = (r.value - r.previous) / Math.abs(r.previous);
      item.change = `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
      item.good = change === 0 ? undefined : change > 0 === (m.goodDirection === 'up');
      if (item.good === undefined) delete item.good;
    }
    return item;
  });
  const charts = [...shown.charts, ...allCharts.filter((c) => hidden.has(c.id))].map(
    (c): ChartItem => ({ id: c.id, title: c.title, shown: !hidden.has(c.id) }),
  );
  return { tiles, charts };
}
