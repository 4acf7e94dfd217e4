import { DEFAULT_CURRENCY } from '../model/formats';
import type { MetricPackage, ModelSpec } from '../model/model-spec';
import { CURRENCY_PROPERTY } from '../model/refresh';
import type { Gas } from '../platform/gas';
import { applyChartOps, existingCharts } from './apply-charts';
import { DASHBOARD_STATE_KEY, type DesiredChart, parseState, planChartOps } from './chart-sync';
import { loadDashboardConfig, resolveDashboard } from './dashboard-config';
import { type DashboardStatus, refreshedLine, warningLine } from './dashboard-header';
import { layoutDashboard } from './dashboard-layout';
import { planTile } from './kpi-tiles';
import { chartTitles, metricLabels } from './metric-labels';
import { readModelTabs } from './model-tabs';
import { allocateHelperBlocks, chartRanges, prepareChart, slotContent } from './prepare-charts';
import { sheetCalendar } from './sheet-calendar';
import { dashboardSheet, writeChartData, writeDashboard } from './write-sheets';

export interface BuildDashboardInput {
  /** The installed metric packages: their models, headline metrics and charts. */
  packages: readonly MetricPackage[];
  status?: DashboardStatus;
}

export interface BuildDashboardResult {
  tiles: number;
  charts: Array<{
    id: string;
    title: string;
    shown: 'sheet' | 'sidebar' | 'error' | 'waiting';
    detail?: string;
  }>;
  inserted: number;
  updated: number;
  removed: number;
}

/**
 * Builds or refreshes the Dashboard tab: header, KPI tiles over the model tabs' live cells, and
 * native charts in a two-column grid, with prepared data on the hidden `_chart_data` tab.
 * Charts are updated in place across rebuilds and keep positions the user gave them.
 */
export function buildDashboard(gas: Gas, input: BuildDashboardInput): BuildDashboardResult {
  const ss = gas.SpreadsheetApp.getActive();
  const timeZone = ss.getSpreadsheetTimeZone();
  const calendar = sheetCalendar(gas, timeZone);
  const resolved = resolveDashboard(loadDashboardConfig(gas), input.packages);
  const labels = metricLabels(input.packages);
  const titles = chartTitles(input.packages);
  const metrics = resolved.metrics.map((m) => ({ ...m, label: labels.get(m.id) ?? m.label }));
  const charts = resolved.charts.map((c) => ({ ...c, title: titles.get(c.id) ?? c.title }));

  const models = new Map<string, ModelSpec>(
    input.packages.flatMap((p) => p.models.map((m) => [m.name, m] as const)),
  );
  const used = new Set([...metrics.map((m) => m.model), ...charts.map((c) => chartModel(c.spec))]);
  const tabs = readModelTabs(
    ss,
    [...models.values()].filter((m) => used.has(m.name)),
  );

  const currency =
    gas.PropertiesService.getDocumentProperties().getProperty(CURRENCY_PROPERTY) || DEFAULT_CURRENCY;
  const tiles = metrics.map((m) => planTile(m, tabs.get(m.model), currency, { calendar, now: new Date() }));
  const prepared = charts.map((c) => prepareChart(c, models, tabs, calendar));
  const blocks = allocateHelperBlocks(prepared);
  writeChartData(ss, prepared, blocks);

  const status = input.status ?? {};
  const refreshed = status.lastRefreshAt
    ? gas.Utilities.formatDate(new Date(status.lastRefreshAt), timeZone, "MMM d, yyyy 'at' h:mm a")
    : null;
  const header = {
    title: status.title ?? ss.getName(),
    refreshed: refreshedLine(refreshed),
    warning: warningLine(status.issues),
  };
  const layout = layoutDashboard(header, tiles, prepared.map(slotContent));
  const props = gas.PropertiesService.getDocumentProperties();
  const state = parseState(props.getProperty(DASHBOARD_STATE_KEY));
  const sheet = dashboardSheet(ss);
  writeDashboard(sheet, layout, state.rows);

  const desired: DesiredChart[] = layout.charts.flatMap((slot) => {
    const chart = prepared.find((p) => p.key === slot.key);
    if (!chart || chart.kind !== 'native') return [];
    return [
      {
        key: slot.key,
        chartType: chart.plan.chartType,
        ranges: chartRanges(chart, blocks.get(chart.key)),
        options: chart.plan.options,
        position: slot.position,
        width: slot.width,
        height: slot.height,
      },
    ];
  });
  const live = existingCharts(sheet);
  const plan = planChartOps(desired, state.charts, live.summary);
  const registry = applyChartOps(gas, ss, sheet, live.charts, plan.ops, plan.registry);
  props.setProperty(
    DASHBOARD_STATE_KEY,
    JSON.stringify({ charts: registry, rows: layout.rowHeights.length }),
  );

  return {
    tiles: tiles.length,
    charts: prepared.map((p) =>
      p.kind === 'native'
        ? { id: p.key, title: p.title, shown: 'sheet' as const }
        : { id: p.key, title: p.title, shown: p.shown, detail: p.text },
    ),
    inserted: plan.ops.filter((o) => o.op === 'insert').length,
    updated: plan.ops.filter((o) => o.op === 'update').length,
    removed: plan.ops.filter((o) => o.op === 'remove').length,
  };
}

function chartModel(spec: Record<string, unknown>): string {
  const data = spec.data as { name?: unknown } | undefined;
  return typeof data?.name === 'string' ? data.name : '';
}
