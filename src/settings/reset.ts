/**
 * Resets Tapdash in this spreadsheet: its settings, connections, saved reports, schedule and
 * this user's keys go; data tabs go only when the founder ticked that explicitly. The sidebar
 * asks for a typed confirmation and the server checks it again, so no stray call can wipe a
 * setup.
 */

import { listConnections } from '../connect/connection-store';
import { DASHBOARD_STATE_KEY } from '../dashboard/chart-sync';
import { REFRESHED_LINE_CELL, resetLine } from '../dashboard/dashboard-header';
import { literal } from '../dashboard/dashboard-layout';
import { CHART_DATA_SHEET } from '../dashboard/prepare-charts';
import { DASHBOARD_SHEET } from '../dashboard/write-sheets';
import { HISTORY_TAB } from '../model/history';
import { SYNC_LOG_TAB } from '../model/sync-log';
import { listUserModels } from '../model/user-models';
import type { Gas } from '../platform/gas';
import type { Catalog } from '../schedule/catalog';
import { removeScheduleTriggers } from '../schedule/trigger';
import { TapdashError } from '../shared/errors';
import { tabName } from '../sync/stream-loader';
import { loadingTabName } from '../sync/tab-writer';

/** The word the founder types to confirm. */
export const RESET_WORD = 'RESET';

export interface ResetInput {
  confirm: string;
  /** Also delete the tabs Tapdash wrote (source data, summary tabs, Dashboard, logs). */
  deleteTabs: boolean;
}

export interface ResetResult {
  settingsRemoved: number;
  tabsRemoved: string[];
  /** Tabs left in place because the founder did not ask to delete them. */
  tabsKept: string[];
}

const DOC_PREFIX = 'tapdash.';
const SECRETS_PREFIX = 'tapdash.secrets.';
/** Bookkeeping of tabs that stay: without it the next refresh would add a second copy of each chart. */
const KEPT_WITH_TABS = [DASHBOARD_STATE_KEY, 'tapdash.tab.'];

export function resetTapdash(gas: Gas, input: ResetInput, catalog: Catalog): ResetResult {
  // Exact capitals: a stray or careless call must not wipe the setup.
  if (!input || String(input.confirm).trim() !== RESET_WORD)
    throw new TapdashError({
      code: 'reset-not-confirmed',
      message: 'Nothing was reset: the confirmation word did not match.',
      fix: `Type ${RESET_WORD} in the box to confirm, then press Reset again.`,
    });
  const ss = gas.SpreadsheetApp.getActive();
  const existing = new Set(ss.getSheets().map((s) => s.getName()));
  const tabs = tapdashTabs(gas, catalog).filter((t) => existing.has(t));
  const deleteTabs = input.deleteTabs === true;

  removeScheduleTriggers(gas);
  const doc = gas.PropertiesService.getDocumentProperties();
  const keys = Object.keys(doc.getProperties()).filter(
    (k) => k.startsWith(DOC_PREFIX) && (deleteTabs || !KEPT_WITH_TABS.some((kept) => k.startsWith(kept))),
  );
  for (const k of keys) doc.deleteProperty(k);
  // Other editors' keys live in their own accounts, out of reach; they are useless without connections.
  const user = gas.PropertiesService.getUserProperties();
  for (const k of Object.keys(user.getProperties()).filter((k) => k.startsWith(SECRETS_PREFIX)))
    user.deleteProperty(k);

  if (!deleteTabs) {
    markDashboardReset(gas);
    return { settingsRemoved: keys.length, tabsRemoved: [], tabsKept: tabs };
  }
  // A spreadsheet must keep one tab: add an empty one before deleting the last.
  if (tabs.length >= ss.getSheets().length) ss.insertSheet('Sheet1');
  for (const name of tabs) {
    const sheet = ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }
  return { settingsRemoved: keys.length, tabsRemoved: tabs, tabsKept: [] };
}

/**
 * The kept Dashboard still shows the last numbers, and its tiles still read the kept model tabs,
 * but nothing syncs or refreshes them any more: its "Last refreshed" line says so instead.
 */
function markDashboardReset(gas: Gas): void {
  const ss = gas.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName(DASHBOARD_SHEET);
  if (!sheet) return;
  const day = gas.Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'MMM d, yyyy');
  sheet
    .getRange(REFRESHED_LINE_CELL.row, REFRESHED_LINE_CELL.column)
    .setValue(literal(resetLine(day)))
    .setFontColor('#b3261e')
    .setFontWeight('bold');
}

/** Every tab Tapdash writes in this spreadsheet, by name (the founder's own tabs are never listed). */
export function tapdashTabs(gas: Gas, catalog: Catalog): string[] {
  const connections = listConnections(gas);
  const streams = connections.flatMap((conn) => {
    const spec = catalog.connectors.find((c) => c.id === conn.connector);
    return (spec?.streams ?? []).flatMap((s) => {
      const name = tabName(conn.id, s.name);
      return [name, loadingTabName(name)];
    });
  });
  const connected = new Set(connections.map((c) => c.connector));
  const models = [
    ...catalog.packages.filter((p) => connected.has(p.connector)).flatMap((p) => p.models),
    ...listUserModels(gas).map((m) => m.spec),
  ].map((m) => m.label ?? m.name);
  return [...new Set([...streams, ...models, DASHBOARD_SHEET, CHART_DATA_SHEET, SYNC_LOG_TAB, HISTORY_TAB])];
}
