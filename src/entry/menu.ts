import type { Gas } from '../platform/gas';

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
