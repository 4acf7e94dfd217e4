import type { MetricPackage, ModelSpec } from '../model/model-spec';
import type { Gas } from '../platform/gas';
import type { Row } from './chart-plan';
import { loadDashboardConfig, resolveDashboard } from './dashboard-config';
import { readModelTabs } from './model-tabs';
import { prepareChart, tabRows } from './prepare-charts';
import { sheetCalendar } from './sheet-calendar';

/** Rows sent per chart: enough for a dashboard chart, small enough for google.script.run. */
export const SIDEBAR_ROW_LIMIT = 5000;

export interface SidebarChart {
  id: string;
  title: string;
  /** Where the chart lives: a native chart on the Dashboard tab, or only in the sidebar. */
  shown: 'sheet' | 'sidebar' | 'error' | 'waiting';
  /** Why it is not a native chart, or what to fix. */
  detail?: string;
  /**
   * The spec with the model's rows inlined (`data.values`, dates as ISO strings), ready for
   * vega-embed; absent when there is nothing to draw.
   */
  spec?: Record<string, unknown>;
}

/**
 * The Dashboard's charts as the sidebar shows them: every chart's spec with its model's live
 * rows, so charts Sheets cannot draw (layers, facets…) still render with vega-embed.
 */
export function sidebarCharts(gas: Gas, packages: readonly MetricPackage[]): SidebarChart[] {
  const ss = gas.SpreadsheetApp.getActive();
  const calendar = sheetCalendar(gas, ss.getSpreadsheetTimeZone());
  const { charts } = resolveDashboard(loadDashboardConfig(gas), packages);
  const models = new Map<string, ModelSpec>(
    packages.flatMap((p) => p.models.map((m) => [m.name, m] as const)),
  );
  const tabs = readModelTabs(ss, [...models.values()]);
  return charts.map((def) => {
    const prepared = prepareChart(def, models, tabs, calendar);
    const out: SidebarChart = {
      id: def.id,
      title: def.title,
      shown: prepared.kind === 'native' ? 'sheet' : prepared.shown,
    };
    if (prepared.kind === 'placeholder') out.detail = prepared.text;
    const data = def.spec.data as { name?: unknown } | undefined;
    const tab = typeof data?.name === 'string' ? tabs.get(data.name) : undefined;
    const drawable = prepared.kind === 'native' || prepared.shown === 'sidebar';
    if (tab && drawable) out.spec = withValues(def.spec, tabRows(tab));
    return out;
  });
}

function withValues(spec: Record<string, unknown>, rows: Row[]): Record<string, unknown> {
  const values = rows
    .slice(0, SIDEBAR_ROW_LIMIT)
    .map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])),
    );
  return { ...spec, data: { values } };
}
