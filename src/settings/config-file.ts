/**
 * The shape of an exported Tapdash configuration: everything a founder set up, without data and
 * without secrets, so it can be shared, versioned or copied into another spreadsheet.
 */
import type { DashboardConfig } from '../dashboard/dashboard-config';
import type { ReportDefinition } from '../model/report-definition';
import type { ScheduleSettings } from '../schedule/settings';

/** Bumped only when an older Tapdash could no longer read the file correctly. */
export const CONFIG_FORMAT = 1;

export interface ExportedConnection {
  id: string;
  connector: string;
  /** Settings only: secret fields are never exported. */
  config: Record<string, string>;
  paused?: boolean;
}

export interface ExportedReport {
  name: string;
  label?: string;
  sql: string;
  /** Present for reports made with the report builder, so they stay editable there. */
  report?: ReportDefinition;
}

export interface TapdashConfigFile {
  tapdash: typeof CONFIG_FORMAT;
  exportedAt: string;
  connections: ExportedConnection[];
  reports: ExportedReport[];
  /** null: the Dashboard shows every tile and chart in the packages' order. */
  dashboard: DashboardConfig | null;
  /** The schedule's owner is not exported: whoever imports it becomes the owner. */
  schedule: Omit<ScheduleSettings, 'owner'>;
  currency: string;
}
