import type { Gas } from '../platform/gas';
import { streamsOf } from '../sync/engine';
import { SyncStateStore } from '../sync/state';
import { tabName } from '../sync/stream-loader';
import { loadingTabName } from '../sync/tab-writer';
import { deleteConnection, requireConnection } from './connection-store';
import type { ConnectorSpec } from './connector-spec';

export interface RemovedConnection {
  id: string;
  /** The hidden stream tabs that were deleted (empty when the user kept them). */
  deletedTabs: string[];
}

/**
 * Removes a connection: its settings, its sync bookmarks and the current user's secrets for it.
 * With `deleteTabs`, also the hidden tabs its streams loaded into (and any half-filled
 * `(loading)` copy) — and nothing else: summary tabs, the Dashboard and other connections'
 * tabs are the founder's, so they stay.
 */
export function removeConnection(
  gas: Gas,
  connectionId: string,
  deleteTabs: boolean,
  connectors: readonly ConnectorSpec[],
): RemovedConnection {
  const conn = requireConnection(gas, connectionId);
  const deletedTabs: string[] = [];
  if (deleteTabs) {
    // A connector this version no longer ships has unknown streams: its tabs cannot be told apart, so none go.
    const connector = connectors.find((c) => c.id === conn.connector);
    const streams = connector ? streamsOf(connector, conn.config) : [];
    const ss = gas.SpreadsheetApp.getActive();
    for (const stream of streams) {
      const live = tabName(conn.id, stream.name);
      for (const name of [live, loadingTabName(live)]) {
        const sheet = ss.getSheetByName(name);
        if (!sheet) continue;
        ss.deleteSheet(sheet);
        deletedTabs.push(name);
      }
    }
  }
  deleteConnection(gas, conn.id);
  new SyncStateStore(gas).forget(conn.id);
  return { id: conn.id, deletedTabs };
}
