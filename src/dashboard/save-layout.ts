/**
 * "Save layout" in the sidebar: stores the choice of tiles and charts and lays the Dashboard tab
 * out again at once from the model tabs as they are. Nothing is synced and no model is rerun,
 * so the founder sees the new layout in seconds, with the numbers of the last refresh.
 */
import type { Gas } from '../platform/gas';
import { type Catalog, DEFAULT_CATALOG } from '../schedule/catalog';
import { installedPackages, LAST_REFRESH_KEY, sourceIssues } from '../schedule/refresh-all';
import { buildDashboard } from './build-dashboard';
import { type DashboardConfig, saveDashboardConfig } from './dashboard-config';
import { DASHBOARD_SHEET } from './write-sheets';

export function saveLayout(gas: Gas, config: unknown, catalog: Catalog = DEFAULT_CATALOG): DashboardConfig {
  const saved = saveDashboardConfig(gas, config);
  // Before the first refresh there is no Dashboard tab to lay out; that refresh will use the layout.
  if (!gas.SpreadsheetApp.getActive().getSheetByName(DASHBOARD_SHEET)) return saved;
  const last = Number(gas.PropertiesService.getDocumentProperties().getProperty(LAST_REFRESH_KEY));
  const now = Date.now();
  buildDashboard(gas, {
    packages: installedPackages(gas, catalog),
    status: { lastRefreshAt: last > 0 ? last : null, issues: sourceIssues(gas, now, catalog) },
  });
  return saved;
}
