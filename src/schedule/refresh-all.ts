import { listConnections } from '../connect/connection-store';
import { type BuildDashboardResult, buildDashboard } from '../dashboard/build-dashboard';
import type { SourceIssue } from '../dashboard/dashboard-header';
import { DASHBOARD_SHEET } from '../dashboard/write-sheets';
import type { MetricPackage } from '../model/model-spec';
import { CURRENCY_PROPERTY, type ModelOutcome, refreshModels } from '../model/refresh';
import type { Gas } from '../platform/gas';
import { summarizeConnections } from '../sync/status';
import { type AlertFiring, type AlertState, evaluateAlerts } from './alerts';
import { type Catalog, DEFAULT_CATALOG } from './catalog';
import { readMetrics } from './metric-readings';
import { intervalHours } from './schedule';
import { loadSettings } from './settings';

export const LAST_REFRESH_KEY = 'tapdash.lastRefreshAt';
export const ALERT_STATE_KEY = 'tapdash.alerts.state';

export interface RefreshSummary {
  models: ModelOutcome[];
  dashboard: BuildDashboardResult;
  alertsSent: number;
  /** Epoch ms of this refresh. */
  refreshedAt: number;
}

/** The metric packages of the connectors this spreadsheet has connections for. */
export function installedPackages(gas: Gas, catalog: Catalog = DEFAULT_CATALOG): MetricPackage[] {
  const connected = new Set(listConnections(gas).map((c) => c.connector));
  return catalog.packages.filter((p) => connected.has(p.connector));
}

/** Failing and stale sources, for the Dashboard's warning line. */
export function sourceIssues(gas: Gas, now: number, catalog: Catalog = DEFAULT_CATALOG): SourceIssue[] {
  const every = intervalHours(loadSettings(gas).schedule);
  return summarizeConnections(gas, catalog.connectors, now, every)
    .filter((c) => c.status === 'failing' || c.status === 'stale')
    .map((c) => {
      const issue: SourceIssue = { source: c.label, problem: c.status as 'failing' | 'stale' };
      const detail =
        c.status === 'failing'
          ? c.lastError?.message
          : c.lastSuccessAt
            ? `last synced ${c.lastSuccessAt.slice(0, 10)}`
            : 'never synced';
      if (detail) issue.detail = detail.length > 80 ? `${detail.slice(0, 77)}…` : detail;
      return issue;
    });
}

/**
 * Models → summary tabs → Dashboard → metric history → alerts: everything after a sync. Used by
 * "Refresh dashboard", by the sidebar after a first sync, and by the scheduled run.
 */
export function refreshAll(
  gas: Gas,
  options: { now?: Date; remainingMs?: () => number; catalog?: Catalog } = {},
): RefreshSummary {
  const now = options.now ?? new Date();
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const packages = installedPackages(gas, catalog);
  const models = refreshModels(gas, { packages, now, remainingMs: options.remainingMs }).models;
  const props = gas.PropertiesService.getDocumentProperties();
  const ss = gas.SpreadsheetApp.getActive();
  const firstDashboard = !ss.getSheetByName(DASHBOARD_SHEET);
  const dashboard = buildDashboard(gas, {
    packages,
    status: { lastRefreshAt: now.getTime(), issues: sourceIssues(gas, now.getTime(), catalog) },
  });
  props.setProperty(LAST_REFRESH_KEY, String(now.getTime()));
  // The first Dashboard is what the founder came for: open it. Later refreshes leave the
  // founder on whatever tab they are reading.
  const built = firstDashboard ? ss.getSheetByName(DASHBOARD_SHEET) : null;
  if (built) ss.setActiveSheet(built);
  const alertsSent = sendAlerts(gas, packages, now);
  return { models, dashboard, alertsSent, refreshedAt: now.getTime() };
}

function sendAlerts(gas: Gas, packages: readonly MetricPackage[], now: Date): number {
  const settings = loadSettings(gas);
  if (!settings.alerts.length) return 0;
  const props = gas.PropertiesService.getDocumentProperties();
  const ss = gas.SpreadsheetApp.getActive();
  const readings = readMetrics(gas, packages, props.getProperty(CURRENCY_PROPERTY) || 'USD', now);
  let state: AlertState = {};
  try {
    state = JSON.parse(props.getProperty(ALERT_STATE_KEY) || '{}') as AlertState;
  } catch {
    state = {};
  }
  const result = evaluateAlerts(settings.alerts, readings, state, now.toISOString());
  const to = settings.owner || gas.Session.getEffectiveUser().getEmail();
  for (const firing of result.firings) sendAlertEmail(gas, to, firing, ss);
  props.setProperty(ALERT_STATE_KEY, JSON.stringify(result.state));
  return result.firings.length;
}

function sendAlertEmail(
  gas: Gas,
  to: string,
  firing: AlertFiring,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  if (!to) return;
  gas.MailApp.sendEmail(
    to,
    `Tapdash alert: ${firing.metric.label}`,
    `${firing.sentence}\n\nSpreadsheet: "${ss.getName()}"\n${ss.getUrl()}\n\nYou get one email each time the metric crosses your alert level. Change alerts in Tapdash › Schedule & alerts.`,
  );
}
