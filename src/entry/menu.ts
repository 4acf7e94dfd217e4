import type { Gas } from '../platform/gas';
import { refreshAll } from '../schedule/refresh-all';
import { toErrorInfo } from '../shared/errors';
import { syncConnections } from '../sync/sync-all';

export const MENU_ITEMS = [
  { label: 'Open Tapdash', handler: 'openSidebar' },
  { label: 'Sync now', handler: 'menuSyncNow' },
  { label: 'Refresh dashboard', handler: 'menuRefreshDashboard' },
] as const;

/**
 * Builds the add-on menu. Runs in AuthMode.NONE when the add-on is installed but not yet used
 * in this file, so it must touch nothing but the menu: no properties, no sheet, no fetch.
 */
export function onOpen(gas: Gas, _e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = gas.SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.label, item.handler);
  menu.addToUi();
}

/** Runs in AuthMode.FULL right after installation; shows the menu without a reload. */
export function onInstall(gas: Gas, e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(gas, e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function openSidebar(gas: Gas): void {
  const html = gas.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Tapdash');
  gas.SpreadsheetApp.getUi().showSidebar(html);
}

function toast(gas: Gas, message: string): void {
  gas.SpreadsheetApp.getActive().toast(message, 'Tapdash', 8);
}

/** "Sync now": one time-boxed pass over every connection, then a refresh; the toast says how it went. */
export function syncNow(gas: Gas): void {
  const startedAt = Date.now();
  toast(gas, 'Syncing your sources…');
  const outcomes = syncConnections(gas, { startedAt, budgetMs: 200_000 });
  const failed = outcomes.filter((o) => !o.ok);
  const unfinished = outcomes.filter((o) => o.ok && !o.done);
  try {
    refreshAll(gas);
  } catch (e) {
    toast(gas, `Synced, but the refresh failed: ${toErrorInfo(e).message}`);
    return;
  }
  if (failed.length)
    toast(
      gas,
      `${failed.map((f) => f.label).join(', ')} could not sync: ${failed[0].message ?? ''} Open Tapdash for the fix.`,
    );
  else if (unfinished.length)
    toast(
      gas,
      `Synced part of ${unfinished.map((u) => u.label).join(', ')}; the rest continues on the next run (or keep Tapdash open).`,
    );
  else
    toast(
      gas,
      outcomes.length
        ? 'All sources synced and the dashboard is up to date.'
        : 'No sources yet: open Tapdash to connect one.',
    );
}

export function refreshDashboard(gas: Gas): void {
  try {
    const result = refreshAll(gas);
    const failed = result.models.filter((m) => m.status === 'failed');
    toast(
      gas,
      failed.length
        ? `Dashboard refreshed; ${failed.length} model(s) failed: see the Sync log.`
        : 'Dashboard refreshed.',
    );
  } catch (e) {
    const info = toErrorInfo(e);
    toast(gas, `${info.message} ${info.fix}`);
  }
}
