/**
 * The Dashboard's tiles and charts as the sidebar lists them: every one the installed packages
 * offer, shown ones first in the saved order, then the hidden ones, with each tile's latest
 * value so the sidebar can show it as a small card.
 */
import type { HeadlineMetric, MetricPackage } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import { readMetrics } from '../schedule/metric-readings';
import { loadCurrency } from '../settings/currency';
import { loadDashboardConfig, resolveDashboard } from './dashboard-config';
import { isFlat } from './kpi-tiles';
import { chartTitles } from './metric-labels';

export interface TileItem {
  id: string;
  label: string;
  shown: boolean;
  /** The tile's value, formatted as the Dashboard tab shows it ("$12,340", "3.2"); null before the first refresh. */
  value: string | null;
  /** The period a flow's value covers ("Nov 2026", "week of Nov 30"), as the tab's tile label says it. */
  period?: string;
  /** Change vs the previous period, worded as the Dashboard tab words it ("▲ 4.2%", "▼ 0.3 pts"). */
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
  const hiddenTiles = new Set(config?.hiddenTiles ?? []);
  const hiddenCharts = new Set(config?.hiddenCharts ?? []);
  const readings = new Map(readMetrics(gas, packages, loadCurrency(gas)).map((r) => [r.id, r] as const));
  const allMetrics = packages.flatMap((p) => p.metrics);
  const allCharts = packages.flatMap((p) => p.charts);
  const titles = chartTitles(packages);
  const tiles = [...shown.metrics, ...allMetrics.filter((m) => hiddenTiles.has(m.id))].map((m): TileItem => {
    const r = readings.get(m.id);
    const item: TileItem = {
      id: m.id,
      // The reading carries the name qualified by source where two packages share it.
      label: r?.label ?? m.label,
      shown: !hiddenTiles.has(m.id),
      value: r && r.value !== null ? r.display(r.value) : null,
    };
    if (r?.period) item.period = r.period;
    if (r && r.value !== null && r.previous !== null) {
      item.change = changeText(r.value, r.previous, m.format, r.display);
      if (!isFlat(r.value, r.previous, m.format))
        item.good = r.value > r.previous === (m.goodDirection === 'up');
    }
    return item;
  });
  const charts = [...shown.charts, ...allCharts.filter((c) => hiddenCharts.has(c.id))].map(
    (c): ChartItem => ({ id: c.id, title: titles.get(c.id) ?? c.title, shown: !hiddenCharts.has(c.id) }),
  );
  return { tiles, charts };
}

/**
 * The Dashboard tab's wording (kpi-tiles.ts): percent metrics change in points, a change from
 * zero is an amount, anything else a relative change; one that rounds to 0.0 is no change.
 */
export function changeText(
  value: number,
  previous: number,
  format: HeadlineMetric['format'],
  display: (v: number) => string,
): string {
  if (isFlat(value, previous, format)) return '■ no change';
  const arrow = value > previous ? '▲' : '▼';
  if (format === 'percent') return `${arrow} ${(Math.abs(value - previous) * 100).toFixed(1)} pts`;
  if (previous === 0) return `${arrow} ${display(Math.abs(value - previous))}`;
  return `${arrow} ${(Math.abs(value / previous - 1) * 100).toFixed(1)}%`;
}
