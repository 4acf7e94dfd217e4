import { googleSheetPickerSettings, type PickerSettings } from '../../connectors/google-sheet/picker';
import { CONNECTORS } from '../../connectors/index';
import {
  type ConnectionInput,
  setPaused,
  saveConnection as storeConnection,
} from '../connect/connection-store';
import type { ConfigField } from '../connect/connector-spec';
import { type RemovedConnection, removeConnection as removeStored } from '../connect/remove-connection';
import { type SourcesView, sourcesView } from '../connect/sources-view';
import { type DashboardConfig, loadDashboardConfig } from '../dashboard/dashboard-config';
import { type DashboardItems, dashboardItems } from '../dashboard/dashboard-items';
import { saveLayout } from '../dashboard/save-layout';
import { type SidebarChart, sidebarCharts } from '../dashboard/sidebar-charts';
import {
  deleteReport,
  listModels,
  listReportTables,
  type ModelListing,
  type PreviewResult,
  previewReport,
  previewSql,
  type ReportTable,
  refreshAllModels,
  type SaveReportInput,
  saveReport,
} from '../model/model-api';
import type { RefreshResult } from '../model/refresh';
import type { ReportDefinition } from '../model/report-builder';
import type { UserModel } from '../model/user-models';
import type { Gas } from '../platform/gas';
import { DEFAULT_CATALOG } from '../schedule/catalog';
import { installedPackages, type RefreshSummary, refreshAll } from '../schedule/refresh-all';
import { getScheduleView, type ScheduleView, saveScheduleSettings } from '../schedule/schedule-api';
import { exportConfig } from '../settings/config-export';
import type { TapdashConfigFile } from '../settings/config-file';
import { type ImportResult, importConfig } from '../settings/config-import';
import { loadCurrency, saveCurrency } from '../settings/currency';
import { type ResetInput, type ResetResult, resetTapdash } from '../settings/reset';
import { findConnectorIn, runSyncChunk as runChunk, type SyncProgress } from '../sync/engine';
import { SyncStateStore } from '../sync/state';
import { type ConnectionSummary, summarizeConnections } from '../sync/status';
import { type ConnectionTest, testConnection as testFirstPage } from '../sync/test-connection';

/** A connector as the source picker and the setup form show it. */
export interface ConnectorInfo {
  id: string;
  label: string;
  description: string;
  docsUrl: string;
  badge: { initials: string; color: string };
  fields: ConfigField[];
  streams: Array<{ name: string; label: string }>;
}

function summaryOf(gas: Gas, id: string): ConnectionSummary {
  const found = summarizeConnections(gas, CONNECTORS, Date.now()).find((c) => c.id === id);
  if (!found) throw new Error(`Connection ${id} vanished while saving`);
  return found;
}

/**
 * Functions the sidebar calls through google.script.run. Each takes the services first; main.ts
 * binds them, and the sidebar's typed client sees them without that first parameter.
 * Arguments and results must survive Apps Script's serialization: plain data, no Dates.
 */
export const sidebarApi = {
  /** Who is here and where: used by the sidebar's first paint. */
  getContext(gas: Gas): { spreadsheetName: string; timeZone: string; user: string } {
    const ss = gas.SpreadsheetApp.getActive();
    return {
      spreadsheetName: ss.getName(),
      timeZone: ss.getSpreadsheetTimeZone(),
      user: gas.Session.getActiveUser().getEmail(),
    };
  },

  /** The connectors with their setup fields, for the source picker. */
  listConnectors(_gas: Gas): ConnectorInfo[] {
    return CONNECTORS.map((c) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      docsUrl: c.docsUrl,
      badge: { ...c.badge },
      fields: c.fields.map((f) => JSON.parse(JSON.stringify(f)) as ConfigField),
      streams: c.streams.map((s) => ({ name: s.name, label: s.label })),
    }));
  },

  /** One real API call with the form's settings (the test stream's first page); stores nothing. */
  testConnection(gas: Gas, input: ConnectionInput): ConnectionTest {
    return testFirstPage(gas, input, CONNECTORS);
  },

  /** Validates and saves a connection; secrets go to the current user's properties only. */
  saveConnection(gas: Gas, input: ConnectionInput): ConnectionSummary {
    const conn = storeConnection(gas, input, findConnectorIn(CONNECTORS, input.connector));
    // Changed settings may point elsewhere: a sync in progress restarts from its bookmarks.
    if (input.id) new SyncStateStore(gas).clearRun(conn.id);
    return summaryOf(gas, conn.id);
  },

  /**
   * Runs one time-boxed chunk of a connection's sync. The sidebar calls again while the
   * result says `stopped: 'deadline'`, and stops on `done` or any other stop reason.
   */
  runSyncChunk(gas: Gas, connectionId: string): SyncProgress {
    return runChunk(gas, connectionId, { startedAt: Date.now() });
  },

  /** Connections with their health, last successful sync, rows and last error. */
  listConnections(gas: Gas): ConnectionSummary[] {
    return summarizeConnections(gas, CONNECTORS, Date.now());
  },

  /** The Sources view in one call: connections, the schedule that syncs them, and the server's clock. */
  sourcesView(gas: Gas): SourcesView {
    return sourcesView(gas, CONNECTORS, Date.now());
  },

  setConnectionPaused(gas: Gas, connectionId: string, paused: boolean): ConnectionSummary {
    setPaused(gas, connectionId, paused);
    return summaryOf(gas, connectionId);
  },

  /**
   * Removes a connection, its bookmarks and the current user's secrets for it; with `deleteTabs`
   * also its hidden stream tabs (never summary tabs or the Dashboard).
   */
  removeConnection(gas: Gas, connectionId: string, deleteTabs: boolean): RemovedConnection {
    return removeStored(gas, connectionId, deleteTabs, CONNECTORS);
  },

  /** Every model (built in and saved) with its last refresh: status, rows, error, failed tests. */
  listModels(gas: Gas): ModelListing[] {
    return listModels(gas, installedPackages(gas));
  },

  /** Tables the report builder can start from: synced streams and models, with their columns. */
  listReportTables(gas: Gas): ReportTable[] {
    return listReportTables(gas, installedPackages(gas));
  },

  /** The SQL of a report definition and its first rows, for the live preview. */
  previewReport(gas: Gas, definition: ReportDefinition): PreviewResult {
    return previewReport(gas, definition, installedPackages(gas));
  },

  /** Runs hand-written SQL for the SQL editor's preview (read-only SELECTs only). */
  previewSql(gas: Gas, sql: string): PreviewResult {
    return previewSql(gas, sql, installedPackages(gas));
  },

  /** Saves a report (or SQL) as a model that refreshes with the others. */
  saveReport(gas: Gas, input: SaveReportInput): UserModel {
    return saveReport(gas, input, installedPackages(gas));
  },

  deleteReport(gas: Gas, name: string): void {
    deleteReport(gas, name);
  },

  /** Refreshes every model now and reports each one's status. */
  refreshModels(gas: Gas): RefreshResult {
    return refreshAllModels(gas, installedPackages(gas));
  },

  /**
   * Models, summary tabs, the Dashboard, metric history and alerts, now: what "Refresh
   * dashboard" does and what the sidebar runs after a sync finishes.
   */
  refreshNow(
    gas: Gas,
  ): Omit<RefreshSummary, 'dashboard'> & { charts: RefreshSummary['dashboard']['charts'] } {
    const { dashboard, ...rest } = refreshAll(gas);
    return { ...rest, charts: dashboard.charts };
  },

  /** The schedule, failure emails, digest and alert rules, with who owns the schedule. */
  getSchedule(gas: Gas): ScheduleView {
    return getScheduleView(gas);
  },

  /** Saves them and replaces the one clock trigger (the current user becomes its owner). */
  saveSchedule(gas: Gas, settings: unknown): ScheduleView {
    return saveScheduleSettings(gas, settings);
  },

  /** The Dashboard's saved choice of tiles and charts, in order; null until the user changes it. */
  getDashboardConfig(gas: Gas): DashboardConfig | null {
    return loadDashboardConfig(gas);
  },

  /** Saves which tiles and charts the Dashboard shows, and lays the Dashboard tab out again now. */
  saveDashboardConfig(gas: Gas, config: DashboardConfig): DashboardConfig {
    return saveLayout(gas, config);
  },

  /** The Dashboard's charts with their rows inlined, for vega-embed in the sidebar, and where each is drawn. */
  sidebarCharts(gas: Gas): SidebarChart[] {
    return sidebarCharts(gas, installedPackages(gas));
  },

  /** Every tile (with its latest value) and chart the Dashboard can show, shown or hidden, in order. */
  dashboardItems(gas: Gas): DashboardItems {
    return dashboardItems(gas, installedPackages(gas));
  },

  /** The spreadsheet's time zone and the account's currency, for the Settings view. */
  getSettings(gas: Gas): { timeZone: string; currency: string } {
    return { timeZone: gas.SpreadsheetApp.getActive().getSpreadsheetTimeZone(), currency: loadCurrency(gas) };
  },

  /** Sets the currency money columns and tiles are shown in (from the next refresh). */
  saveCurrency(gas: Gas, code: string): string {
    return saveCurrency(gas, code);
  },

  /** The configuration as plain data, without secrets, for the JSON download. */
  exportConfig(gas: Gas): TapdashConfigFile {
    return exportConfig(gas, CONNECTORS);
  },

  /** Imports an exported configuration: all of it when valid, nothing otherwise (problems listed). */
  importConfig(gas: Gas, text: string): ImportResult {
    return importConfig(gas, text, DEFAULT_CATALOG);
  },

  /** Removes Tapdash's settings, connections and schedule; data tabs only when asked. */
  resetTapdash(gas: Gas, input: ResetInput): ResetResult {
    return resetTapdash(gas, input, DEFAULT_CATALOG);
  },

  /** What the Google Sheets source's "Choose from Drive" button needs to open the Google Picker. */
  googleSheetPicker(gas: Gas): PickerSettings {
    return googleSheetPickerSettings(gas);
  },
};

type DropFirst<F> = F extends (gas: Gas, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The API as the sidebar sees it. */
export type SidebarApi = { [K in keyof typeof sidebarApi]: DropFirst<(typeof sidebarApi)[K]> };
