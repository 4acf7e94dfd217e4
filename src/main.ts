/**
 * The Apps Script edge. Every export here becomes a top-level function in dist/Code.js (the
 * build writes one delegating stub per export), which is how Apps Script finds triggers, menu
 * handlers and google.script.run targets. Nothing else is global.
 */
import { type SidebarApi, sidebarApi } from './entry/api';
import * as menu from './entry/menu';
import { liveGas } from './platform/live';
import { runScheduled } from './schedule/scheduled-run';
import { type Result, runAsResult } from './shared/result';

export function onOpen(e: GoogleAppsScript.Events.SheetsOnOpen): void {
  menu.onOpen(liveGas(), e);
}

export function onInstall(e: GoogleAppsScript.Events.AddonOnInstall): void {
  menu.onInstall(liveGas(), e);
}

export function openSidebar(): void {
  menu.openSidebar(liveGas());
}

export function menuSyncNow(): void {
  menu.syncNow(liveGas());
}

export function menuRefreshDashboard(): void {
  menu.refreshDashboard(liveGas());
}

/** The schedule's clock trigger (installed by saveSchedule). */
export function runScheduledRefresh(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runScheduled(liveGas());
}

/** Binds a sidebar function to the live services; failures come back as values, never stack traces. */
function exposed<K extends keyof SidebarApi>(name: K) {
  const handler = sidebarApi[name] as unknown as (
    gas: ReturnType<typeof liveGas>,
    ...args: unknown[]
  ) => unknown;
  return (...args: Parameters<SidebarApi[K]>): Result<ReturnType<SidebarApi[K]>> =>
    runAsResult(() => handler(liveGas(), ...args) as ReturnType<SidebarApi[K]>);
}

// One line per sidebar function: tests/build/entry-points.test.ts checks none is missing.
export const getContext = exposed('getContext');
export const listConnectors = exposed('listConnectors');
export const testConnection = exposed('testConnection');
export const saveConnection = exposed('saveConnection');
export const runSyncChunk = exposed('runSyncChunk');
export const listConnections = exposed('listConnections');
export const sourcesView = exposed('sourcesView');
export const setConnectionPaused = exposed('setConnectionPaused');
export const removeConnection = exposed('removeConnection');
export const listModels = exposed('listModels');
export const listReportTables = exposed('listReportTables');
export const previewReport = exposed('previewReport');
export const previewSql = exposed('previewSql');
export const saveReport = exposed('saveReport');
export const deleteReport = exposed('deleteReport');
export const refreshModels = exposed('refreshModels');
export const getDashboardConfig = exposed('getDashboardConfig');
export const saveDashboardConfig = exposed('saveDashboardConfig');
export const refreshNow = exposed('refreshNow');
export const getSchedule = exposed('getSchedule');
export const saveSchedule = exposed('saveSchedule');
export const googleSheetPicker = exposed('googleSheetPicker');
export const sidebarCharts = exposed('sidebarCharts');
export const dashboardItems = exposed('dashboardItems');
export const getSettings = exposed('getSettings');
export const saveCurrency = exposed('saveCurrency');
export const exportConfig = exposed('exportConfig');
export const importConfig = exposed('importConfig');
export const resetTapdash = exposed('resetTapdash');
