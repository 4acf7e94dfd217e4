import { getConnection, listConnections, saveConnection } from '../../src/connect/connection-store';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { removeConnection } from '../../src/connect/remove-connection';
import { SyncStateStore } from '../../src/sync/state';
import { harness, itemsStream, START, testConnector } from '../sync/harness';

/** A synthetic source with two streams, so tabs appear without a network. */
const connector: ConnectorSpec = testConnector(
  [itemsStream(), itemsStream({ name: 'refunds', label: 'Refunds', path: '/refunds' })],
  {
    fields: [],
    auth: { type: 'none' },
    generate: ({ stream }) => [
      { id: `${stream}-1`, amount: 100, updated: Math.floor(START / 1000) },
      { id: `${stream}-2`, amount: 250, updated: Math.floor(START / 1000) },
    ],
  },
);

/** Two synced connections of the same connector and a summary tab the founder reads. */
function syncedWorkbook() {
  const h = harness(connector, {});
  h.syncAll();
  h.emu.run((gas) => saveConnection(gas, { id: 'acme_2', connector: 'acme', config: {} }, connector));
  h.emu.run((gas) => {
    const ss = gas.SpreadsheetApp.getActive();
    ss.insertSheet('acme_2_items').appendRow(['id']);
    ss.insertSheet('Acme revenue').appendRow(['month', 'revenue']);
  });
  return h;
}

function tabNames(h: ReturnType<typeof harness>): string[] {
  return h.emu.run((gas) =>
    gas.SpreadsheetApp.getActive()
      .getSheets()
      .map((s) => s.getName()),
  );
}

describe('removing a connection', () => {
  it('keeps every tab when the user chooses to keep them', () => {
    const h = syncedWorkbook();
    const before = tabNames(h);
    const removed = h.emu.run((gas) => removeConnection(gas, 'acme', false, [connector]));
    expect(removed).toEqual({ id: 'acme', deletedTabs: [] });
    expect(tabNames(h)).toEqual(before);
    expect(h.emu.run((gas) => getConnection(gas, 'acme'))).toBeUndefined();
  });

  it('deletes only that connection’s hidden stream tabs when asked, never summary tabs or other connections’ tabs', () => {
    const h = syncedWorkbook();
    expect(tabNames(h)).toEqual(expect.arrayContaining(['acme_items', 'acme_refunds']));
    const removed = h.emu.run((gas) => removeConnection(gas, 'acme', true, [connector]));
    expect(removed.deletedTabs.sort()).toEqual(['acme_items', 'acme_refunds']);
    const left = tabNames(h);
    expect(left).not.toContain('acme_items');
    expect(left).not.toContain('acme_refunds');
    expect(left).toEqual(expect.arrayContaining(['acme_2_items', 'Acme revenue']));
  });

  it('also deletes a half-filled loading tab left by an interrupted full refresh', () => {
    const h = syncedWorkbook();
    h.emu.run((gas) => gas.SpreadsheetApp.getActive().insertSheet('acme_items (loading)').hideSheet());
    const removed = h.emu.run((gas) => removeConnection(gas, 'acme', true, [connector]));
    expect(removed.deletedTabs).toContain('acme_items (loading)');
    expect(tabNames(h)).not.toContain('acme_items (loading)');
  });

  it('forgets the connection’s sync bookmarks, so adding it again syncs from the start', () => {
    const h = syncedWorkbook();
    expect(
      h.emu.run((gas) => new SyncStateStore(gas).readStream('acme', 'items').lastSuccessAt),
    ).toBeDefined();
    h.emu.run((gas) => removeConnection(gas, 'acme', true, [connector]));
    expect(
      h.emu.run((gas) => new SyncStateStore(gas).readStream('acme', 'items').lastSuccessAt),
    ).toBeUndefined();
    expect(h.emu.run((gas) => listConnections(gas).map((c) => c.id))).toEqual(['acme_2']);
  });

  it('says in words that a connection that does not exist cannot be removed', () => {
    const h = syncedWorkbook();
    expect(() => h.emu.run((gas) => removeConnection(gas, 'nope', true, [connector]))).toThrow(
      'There is no connection called "nope"',
    );
  });
});
