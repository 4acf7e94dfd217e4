import { saveConnection } from '../../src/connect/connection-store';
import { dashboardItems } from '../../src/dashboard/dashboard-items';
import { saveLayout } from '../../src/dashboard/save-layout';
import type { MetricPackage } from '../../src/model/model-spec';
import type { Catalog } from '../../src/schedule/catalog';
import { LAST_REFRESH_KEY, refreshAll } from '../../src/schedule/refresh-all';
import { syncConnections } from '../../src/sync/sync-all';
import { tinyConnector, tinyPackage } from '../schedule/support';
import { spreadsheet } from '../settings/support';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** The tiny package with its chart given the tile's id, as the Demo's "Open issues" has. */
const shared: MetricPackage = { ...tinyPackage, charts: [{ ...tinyPackage.charts[0], id: 'signups' }] };
const catalog: Catalog = { connectors: [tinyConnector], packages: [shared] };

function refreshed() {
  const s = spreadsheet();
  restore = s.restore;
  s.run((gas) => {
    saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
    syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector] });
    refreshAll(gas, { catalog });
  });
  return s;
}

const dashboardCells = (s: ReturnType<typeof refreshed>) =>
  s.run((gas) =>
    gas.SpreadsheetApp.getActive().getSheetByName('Dashboard')!.getDataRange().getDisplayValues().flat(),
  );
const dashboardCharts = (s: ReturnType<typeof refreshed>) =>
  s.run((gas) => gas.SpreadsheetApp.getActive().getSheetByName('Dashboard')!.getCharts().length);

describe('saving the Dashboard layout', () => {
  it('lays the Dashboard tab out again at once, without a refresh', () => {
    const s = refreshed();
    const lastRefresh = s.docProps()[LAST_REFRESH_KEY];
    expect(dashboardCells(s)).toContain('Signups per day');
    s.emu.clock.advance(3_600_000);
    s.run((gas) =>
      saveLayout(
        gas,
        { version: 2, tiles: [], charts: ['signups'], hiddenTiles: ['signups'], hiddenCharts: [] },
        catalog,
      ),
    );
    expect(dashboardCells(s)).not.toContain('Signups per day');
    expect(dashboardCharts(s)).toBe(1);
    // No refresh ran: the header still gives the last refresh's time.
    expect(s.docProps()[LAST_REFRESH_KEY]).toBe(lastRefresh);
    expect(dashboardCells(s).some((c) => c.startsWith('Last refreshed Jan 11, 2026'))).toBe(true);
  });

  it('hides a chart and keeps the tile that shares its id, in the sidebar list too', () => {
    const s = refreshed();
    s.run((gas) =>
      saveLayout(
        gas,
        { version: 2, tiles: ['signups'], charts: [], hiddenTiles: [], hiddenCharts: ['signups'] },
        catalog,
      ),
    );
    expect(dashboardCells(s)).toContain('Signups per day');
    expect(dashboardCharts(s)).toBe(0);
    const items = s.run((gas) => dashboardItems(gas, [shared]));
    expect(items.tiles.map((t) => [t.id, t.shown])).toEqual([['signups', true]]);
    expect(items.charts.map((c) => [c.id, c.shown])).toEqual([['signups', false]]);
  });

  it('only stores the layout before the first refresh has made a Dashboard tab', () => {
    const s = spreadsheet();
    restore = s.restore;
    s.run((gas) =>
      saveLayout(gas, { version: 2, tiles: [], charts: [], hiddenTiles: [], hiddenCharts: [] }, catalog),
    );
    expect(s.tabs()).not.toContain('Dashboard');
  });
});
