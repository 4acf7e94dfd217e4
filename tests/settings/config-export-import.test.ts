import { saveConnection } from '../../src/connect/connection-store';
import { saveDashboardConfig } from '../../src/dashboard/dashboard-config';
import { saveReport } from '../../src/model/model-api';
import { refreshAll } from '../../src/schedule/refresh-all';
import { getScheduleView, saveScheduleSettings } from '../../src/schedule/schedule-api';
import { exportConfig } from '../../src/settings/config-export';
import { importConfig } from '../../src/settings/config-import';
import { saveCurrency } from '../../src/settings/currency';
import { syncConnections } from '../../src/sync/sync-all';
import { tinyConnector, tinyPackage } from '../schedule/support';
import { catalog, keyedConnector, OWNER, spreadsheet } from './support';

const SECRET = 'sk_live_do_not_leak_4242';
let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** A spreadsheet set up the way a founder would: two sources, a report, a layout, a schedule. */
function configured() {
  const s = spreadsheet();
  restore = s.restore;
  s.run((gas) => {
    saveConnection(gas, { id: 'tiny', connector: 'tiny', config: {} }, tinyConnector);
    saveConnection(
      gas,
      { id: 'keyed', connector: 'keyed', config: { apiKey: SECRET, region: 'eu' } },
      keyedConnector,
    );
    syncConnections(gas, { startedAt: Date.now(), connectors: [tinyConnector] });
    refreshAll(gas, { catalog });
    saveReport(gas, {
      name: 'pro_signups',
      label: 'Pro signups',
      definition: {
        table: 'tiny_signups',
        dimensions: [{ column: 'plan' }],
        measures: [{ kind: 'count', label: 'Signups' }],
      },
    });
    saveDashboardConfig(gas, {
      version: 2,
      tiles: [],
      charts: ['tiny_signups'],
      hiddenTiles: ['signups'],
      hiddenCharts: [],
    });
    saveScheduleSettings(
      gas,
      {
        schedule: { kind: 'daily', hour: 6 },
        failureEmails: false,
        alerts: [{ id: 'a1', metricId: 'signups', kind: 'below', value: 2 }],
      },
      catalog,
    );
    saveCurrency(gas, 'eur');
  });
  return s;
}

describe('exporting the configuration', () => {
  it('holds connections, saved reports, the dashboard layout, schedule, alerts and currency', () => {
    const s = configured();
    const file = s.run((gas) => exportConfig(gas, catalog.connectors));
    expect(file.tapdash).toBe(1);
    expect(file.connections).toEqual([
      { id: 'keyed', connector: 'keyed', config: { region: 'eu' } },
      { id: 'tiny', connector: 'tiny', config: {} },
    ]);
    expect(file.reports.map((r) => [r.name, r.label, r.report?.table])).toEqual([
      ['pro_signups', 'Pro signups', 'tiny_signups'],
    ]);
    expect(file.reports[0].sql).toMatch(/SELECT/);
    expect(file.dashboard).toEqual({
      version: 2,
      tiles: [],
      charts: ['tiny_signups'],
      hiddenTiles: ['signups'],
      hiddenCharts: [],
    });
    expect(file.schedule.schedule).toEqual({ kind: 'daily', hour: 6 });
    expect(file.schedule.alerts).toHaveLength(1);
    expect(file.currency).toBe('EUR');
  });

  it('never contains a secret or the schedule owner', () => {
    const s = configured();
    const text = JSON.stringify(s.run((gas) => exportConfig(gas, catalog.connectors)));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('apiKey');
    expect(text).not.toContain(OWNER);
  });
});

describe('importing a configuration', () => {
  it('restores everything an export held into another spreadsheet (round trip)', () => {
    const source = configured();
    const text = JSON.stringify(source.run((gas) => exportConfig(gas, catalog.connectors)));
    source.restore();

    const target = spreadsheet('cofounder@example.com');
    restore = target.restore;
    const result = target.run((gas) => importConfig(gas, text, catalog));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.imported).toEqual({
      connections: 2,
      reports: 1,
      dashboard: true,
      schedule: true,
      currency: 'EUR',
    });
    const again = JSON.parse(JSON.stringify(target.run((gas) => exportConfig(gas, catalog.connectors))));
    const before = JSON.parse(text);
    expect({ ...again, exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 });
    // The importer runs the schedule now: their trigger, their emails.
    expect(target.clockTriggers().map((t) => t.owner)).toEqual(['cofounder@example.com']);
    expect(target.run((gas) => getScheduleView(gas, catalog)).owner).toBe('cofounder@example.com');
  });

  it('says which connections need their keys entered again', () => {
    const source = configured();
    const text = JSON.stringify(source.run((gas) => exportConfig(gas, catalog.connectors)));
    source.restore();
    const target = spreadsheet();
    restore = target.restore;
    const result = target.run((gas) => importConfig(gas, text, catalog));
    expect(result.needSecrets).toEqual([{ id: 'keyed', label: 'Keyed', fields: ['API key'] }]);
  });

  it('lists every problem with the field it is about, and changes nothing', () => {
    const s = configured();
    const before = s.docProps();
    const triggers = s.clockTriggers().length;
    const bad = {
      tapdash: 1,
      connections: [
        { id: 'Bad Id', connector: 'tiny', config: {} },
        { id: 'shop', connector: 'nosuchsource', config: {} },
        { id: 'keyed2', connector: 'keyed', config: { region: 'mars' } },
      ],
      reports: [
        { name: 'ok_report', sql: 'DELETE FROM tiny_signups' },
        { name: 'tiny_daily', sql: 'SELECT 1' },
      ],
      dashboard: { tiles: 'all' },
      schedule: { schedule: { kind: 'hours', every: 3 } },
      currency: 'euros',
    };
    const result = s.run((gas) => importConfig(gas, JSON.stringify(bad), catalog));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.field)).toEqual([
      'connections[0].id',
      'connections[1].connector',
      'connections[2].config.region',
      'reports[0].sql',
      'reports[1].name',
      'dashboard',
      'schedule',
      'currency',
    ]);
    expect(result.problems[1].message).toContain('"nosuchsource" is not a source Tapdash knows');
    expect(result.problems[2].message).toContain('Europe, United States');
    expect(result.problems[6].message).toBe('Choose every 1, 2, 4, 6, 8 or 12 hours.');
    expect(s.docProps()).toEqual(before);
    expect(s.clockTriggers()).toHaveLength(triggers);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const s = spreadsheet();
    restore = s.restore;
    const result = s.run((gas) => importConfig(gas, '{"tapdash": 1,', catalog));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].field).toBe('file');
    expect(result.problems[0].message).toMatch(/^The file is not valid JSON/);
    expect(s.docProps()).toEqual({});
  });

  it('refuses JSON that is not a Tapdash configuration', () => {
    const s = spreadsheet();
    restore = s.restore;
    const result = s.run((gas) => importConfig(gas, '{"name": "something else"}', catalog));
    expect(result.problems).toEqual([
      {
        field: 'tapdash',
        message: 'This is not a Tapdash configuration file: it should start with "tapdash": 1.',
      },
    ]);
  });

  it('ignores a key written into the file: it is never stored, and the founder is told', () => {
    const s = spreadsheet();
    restore = s.restore;
    const file = {
      tapdash: 1,
      connections: [{ id: 'keyed', connector: 'keyed', config: { apiKey: SECRET, region: 'us' } }],
    };
    const result = s.run((gas) => importConfig(gas, JSON.stringify(file), catalog));
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual(['The API key for "keyed" in the file was ignored: enter it in Sources.']);
    expect(JSON.stringify(s.docProps())).not.toContain(SECRET);
    expect(JSON.stringify(s.userProps())).not.toContain(SECRET);
    expect(result.needSecrets).toEqual([{ id: 'keyed', label: 'Keyed', fields: ['API key'] }]);
  });

  it('keeps what the file does not mention', () => {
    const s = configured();
    const file = { tapdash: 1, currency: 'GBP' };
    const result = s.run((gas) => importConfig(gas, JSON.stringify(file), catalog));
    expect(result.ok).toBe(true);
    const after = s.run((gas) => exportConfig(gas, catalog.connectors));
    expect(after.currency).toBe('GBP');
    expect(after.connections).toHaveLength(2);
    expect(after.reports).toHaveLength(1);
    expect(after.schedule.schedule).toEqual({ kind: 'daily', hour: 6 });
  });

  it('accepts alert rules on metrics of a source the same file connects', () => {
    const s = spreadsheet();
    restore = s.restore;
    const file = {
      tapdash: 1,
      connections: [{ id: 'tiny', connector: 'tiny', config: {} }],
      schedule: {
        schedule: { kind: 'hours', every: 4 },
        alerts: [{ id: 'x', metricId: tinyPackage.metrics[0].id, kind: 'change', percent: 10 }],
      },
    };
    const result = s.run((gas) => importConfig(gas, JSON.stringify(file), catalog));
    expect(result.problems).toEqual([]);
    expect(s.clockTriggers()).toHaveLength(1);
  });
});
