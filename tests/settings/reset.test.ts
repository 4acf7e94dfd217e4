import { saveConnection } from '../../src/connect/connection-store';
import { saveReport } from '../../src/model/model-api';
import { refreshAll } from '../../src/schedule/refresh-all';
import { saveScheduleSettings } from '../../src/schedule/schedule-api';
import { loadCurrency, saveCurrency } from '../../src/settings/currency';
import { resetTapdash } from '../../src/settings/reset';
import { syncConnections } from '../../src/sync/sync-all';
import { tinyConnector } from '../schedule/support';
import { catalog, keyedConnector, spreadsheet } from './support';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function setUp() {
  const s = spreadsheet();
  restore = s.restore;
  s.run((gas) => {
    gas.SpreadsheetApp.getActive().insertSheet('My notes').getRange('A1').setValue('keep me');
    saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
    saveConnection(gas, { id: 'keyed', connector: 'keyed', config: { apiKey: 'k-123' } }, keyedConnector);
    syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector] });
    refreshAll(gas, { catalog });
    saveReport(gas, {
      name: 'by_plan',
      label: 'By plan',
      sql: 'SELECT `plan`, COUNT(*) AS n FROM tiny_signups GROUP BY `plan`',
    });
    refreshAll(gas, { catalog });
    saveScheduleSettings(gas, { schedule: { kind: 'hours', every: 2 } }, catalog);
  });
  return s;
}

describe('resetting Tapdash', () => {
  it('does nothing without the typed confirmation', () => {
    const s = setUp();
    const before = s.docProps();
    expect(() => s.run((gas) => resetTapdash(gas, { confirm: 'yes', deleteTabs: true }, catalog))).toThrow(
      'Nothing was reset: the confirmation word did not match.',
    );
    expect(s.docProps()).toEqual(before);
    expect(s.clockTriggers()).toHaveLength(1);
  });

  it('refuses the word in lower case: the confirmation must be typed exactly', () => {
    const s = setUp();
    const before = s.docProps();
    expect(() => s.run((gas) => resetTapdash(gas, { confirm: 'reset', deleteTabs: true }, catalog))).toThrow(
      'Nothing was reset: the confirmation word did not match.',
    );
    expect(s.docProps()).toEqual(before);
  });

  it('removes settings, connections, reports, the schedule trigger and this user’s keys, and keeps every tab', () => {
    const s = setUp();
    const tabsBefore = s.tabs();
    expect(tabsBefore).toEqual(
      expect.arrayContaining(['tiny_signups', 'Tiny daily', 'By plan', 'Dashboard']),
    );
    const result = s.run((gas) => resetTapdash(gas, { confirm: 'RESET', deleteTabs: false }, catalog));
    expect(result.tabsRemoved).toEqual([]);
    expect(result.tabsKept).toEqual(expect.arrayContaining(['tiny_signups', 'By plan', 'Dashboard']));
    const left = Object.keys(s.docProps());
    expect(left.filter((k) => /connection|model\.|schedule|currency/.test(k))).toEqual([]);
    expect(Object.keys(s.userProps()).filter((k) => k.startsWith('tapdash.secrets.'))).toEqual([]);
    expect(s.clockTriggers()).toHaveLength(0);
    expect(s.tabs()).toEqual(tabsBefore);
  });

  it('says on the kept Dashboard tab that Tapdash was reset and its numbers no longer update', () => {
    const s = setUp();
    const line = () =>
      s.run((gas) =>
        gas.SpreadsheetApp.getActive().getSheetByName('Dashboard')!.getRange('B2').getDisplayValue(),
      );
    expect(line()).toMatch(/^Last refreshed /);
    s.run((gas) => resetTapdash(gas, { confirm: 'RESET', deleteTabs: false }, catalog));
    expect(line()).toBe(
      'Tapdash was reset on Jan 11, 2026: these numbers no longer update. Open Extensions › Tapdash to set it up again.',
    );
  });

  it('deletes the tabs Tapdash wrote only when asked, and never the founder’s own tabs', () => {
    const s = setUp();
    const result = s.run((gas) => resetTapdash(gas, { confirm: 'RESET', deleteTabs: true }, catalog));
    expect(result.tabsRemoved).toEqual(
      expect.arrayContaining(['tiny_signups', 'Tiny daily', 'By plan', 'Dashboard', 'Sync log']),
    );
    expect(s.tabs()).toContain('My notes');
    expect(s.tabs().filter((t) => result.tabsRemoved.includes(t))).toEqual([]);
    expect(
      s.run((gas) => gas.SpreadsheetApp.getActive().getSheetByName('My notes')?.getRange('A1').getValue()),
    ).toBe('keep me');
    expect(Object.keys(s.docProps()).filter((k) => k.startsWith('tapdash.'))).toEqual([]);
  });
});

describe('the currency setting', () => {
  it('is USD until changed, and is saved upper-cased', () => {
    const s = spreadsheet();
    restore = s.restore;
    expect(s.run((gas) => loadCurrency(gas))).toBe('USD');
    expect(s.run((gas) => saveCurrency(gas, ' chf '))).toBe('CHF');
    expect(s.run((gas) => loadCurrency(gas))).toBe('CHF');
  });

  it('refuses anything that is not a three-letter code, with an example', () => {
    const s = spreadsheet();
    restore = s.restore;
    expect(() => s.run((gas) => saveCurrency(gas, 'dollars'))).toThrow('"dollars" is not a currency code.');
    expect(s.run((gas) => loadCurrency(gas))).toBe('USD');
  });
});
