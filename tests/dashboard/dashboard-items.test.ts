import { saveConnection } from '../../src/connect/connection-store';
import { saveDashboardConfig } from '../../src/dashboard/dashboard-config';
import { changeText, dashboardItems } from '../../src/dashboard/dashboard-items';
import { displayFor } from '../../src/schedule/metric-display';
import { refreshAll } from '../../src/schedule/refresh-all';
import { syncConnections } from '../../src/sync/sync-all';
import { tinyCatalog, tinyConnector, tinyPackage } from '../schedule/support';
import { spreadsheet } from '../settings/support';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function synced() {
  const s = spreadsheet();
  restore = s.restore;
  s.run((gas) => {
    saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
    syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector] });
    refreshAll(gas, { catalog: tinyCatalog });
  });
  return s;
}

describe('the Dashboard items the sidebar lists', () => {
  it('gives each tile its latest value and the change worded as the Dashboard tab words it', () => {
    const s = synced();
    const items = s.run((gas) => dashboardItems(gas, [tinyPackage]));
    // Four signups a day; the newest day is still filling up, so fewer than the day before.
    expect(items.tiles).toEqual([
      { id: 'signups', label: 'Signups per day', shown: true, value: '1', change: '▼ 75.0%', good: false },
    ]);
    expect(items.charts).toEqual([{ id: 'tiny_signups', title: 'Signups', shown: true }]);
  });

  it('lists hidden tiles and charts after the shown ones, marked hidden', () => {
    const s = synced();
    s.run((gas) =>
      saveDashboardConfig(gas, { version: 1, tiles: [], charts: [], hidden: ['signups', 'tiny_signups'] }),
    );
    const items = s.run((gas) => dashboardItems(gas, [tinyPackage]));
    expect(items.tiles.map((t) => [t.id, t.shown])).toEqual([['signups', false]]);
    expect(items.charts.map((c) => [c.id, c.shown])).toEqual([['tiny_signups', false]]);
  });

  it('shows no value before the first refresh', () => {
    const s = spreadsheet();
    restore = s.restore;
    const items = s.run((gas) => dashboardItems(gas, [tinyPackage]));
    expect(items.tiles[0].value).toBeNull();
    expect(items.tiles[0].change).toBeUndefined();
  });
});

describe('the change wording', () => {
  const plain = (v: number) => v.toFixed(0);
  it('counts percent metrics in points', () => {
    expect(changeText(0.038, 0.043, 'percent', plain)).toBe('▼ 0.5 pts');
  });
  it('gives a change from zero as an amount, and equal values as no change', () => {
    expect(changeText(12, 0, 'integer', plain)).toBe('▲ 12');
    expect(changeText(5, 5, 'integer', plain)).toBe('■ no change');
  });
});

describe('the tiles of flows in the sidebar', () => {
  it('show the last complete day, name it, and compare it with the day before, as the tab does', () => {
    const flow = {
      ...tinyPackage,
      metrics: tinyPackage.metrics.map((m) => ({ ...m, kind: 'flow' as const, periodUnit: 'day' as const })),
    };
    const s = synced();
    const items = s.run((gas) => dashboardItems(gas, [flow]));
    // Four signups on each finished day; the day just begun does not count yet.
    expect(items.tiles).toEqual([
      {
        id: 'signups',
        label: 'Signups per day',
        shown: true,
        value: '4',
        period: 'Jan 10',
        change: '■ no change',
      },
    ]);
  });
});

describe('the sidebar tile numbers', () => {
  it('read like the tab\'s "#,##0.##": no trailing zero', () => {
    const show = displayFor('number', 'USD');
    expect([show(3.2), show(1.32), show(1234.5), show(7)]).toEqual(['3.2', '1.32', '1,234.5', '7']);
  });

  it('call a change that rounds to 0.0 "no change", as the tab does', () => {
    const plain = (v: number) => v.toFixed(0);
    expect(changeText(0.0379, 0.0381, 'percent', plain)).toBe('■ no change');
    expect(changeText(100_020, 100_000, 'currency', plain)).toBe('■ no change');
    expect(changeText(0.039, 0.038, 'percent', plain)).toBe('▲ 0.1 pts');
  });
});
