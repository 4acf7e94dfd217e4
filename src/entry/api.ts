import { googleSheetPickerSettings, type PickerSettings } from '../../connectors/google-sheet/picker';
import { PACKAGES } from '../../connectors/packages';
import {
  type DashboardConfig,
  loadDashboardConfig,
  saveDashboardConfig,
} from '../dashboard/dashboard-config';
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

  /** Every model (built in and saved) with its last refresh: status, rows, error, failed tests. */
  listModels(gas: Gas): ModelListing[] {
    return listModels(gas, PACKAGES);
  },

  /** Tables the report builder can start from: synced streams and models, with their columns. */
  listReportTables(gas: Gas): ReportTable[] {
    return listReportTables(gas, PACKAGES);
  },

  /** The SQL of a report definition and its first rows, for the live preview. */
  previewReport(gas: Gas, definition: ReportDefinition): PreviewResult {
    return previewReport(gas, definition, PACKAGES);
  },

  /** Runs hand-written SQL for the SQL editor's preview (read-only SELECTs only). */
  previewSql(gas: Gas, sql: string): PreviewResult {
    return previewSql(gas, sql, PACKAGES);
  },

  /** Saves a report (or SQL) as a model that refreshes with the others. */
  saveReport(gas: Gas, input: SaveReportInput): UserModel {
    return saveReport(gas, input, PACKAGES);
  },

  deleteReport(gas: Gas, name: string): void {
    deleteReport(gas, name);
  },

  /** Refreshes every model now and reports each one's status. */
  refreshModels(gas: Gas): RefreshResult {
    return refreshAllModels(gas, PACKAGES);
  },

  /** The Dashboard's saved choice of tiles and charts, in order; null until the user changes it. */
  getDashboardConfig(gas: Gas): DashboardConfig | null {
    return loadDashboardConfig(gas);
  },

  /** Saves which tiles and charts the Dashboard shows; the next rebuild lays them out. */
  saveDashboardConfig(gas: Gas, config: DashboardConfig): DashboardConfig {
    return saveDashboardConfig(gas, config);
  },

  /** What the Google Sheets source's "Choose from Drive" button needs to open the Google Picker. */
  googleSheetPicker(gas: Gas): PickerSettings {
    return googleSheetPickerSettings(gas);
  },
};

type DropFirst<F> = F extends (gas: Gas, ...args: infer A) => infer R ? (...args: A) => R : never;

/** The API as the sidebar sees it. */
export type SidebarApi = { [K in keyof typeof sidebarApi]: DropFirst<(typeof sidebarApi)[K]> };
