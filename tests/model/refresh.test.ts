import { Emulator, type GasGlobals } from '../../playground/emulator/emulator';
import { listModels } from '../../src/model/model-api';
import type { MetricPackage, ModelSpec } from '../../src/model/model-spec';
import { CURRENCY_PROPERTY, type RefreshInput, refreshModels } from '../../src/model/refresh';
import type { Gas } from '../../src/platform/gas';

const NOW = Date.UTC(2026, 2, 18, 15);

const CHARGES: unknown[][] = [
  ['id', 'amount', 'created', 'status', 'customer.email'],
  ['ch_1', 1000, new Date(Date.UTC(2026, 0, 5, 15)), 'succeeded', 'a@x.com'],
  // Written by the sync engine as text (leading apostrophe), as every text cell must be.
  ['ch_2', 2500, new Date(Date.UTC(2026, 0, 20, 15)), 'succeeded', `'=HYPERLINK("http://evil")`],
  ['ch_3', 700, new Date(Date.UTC(2026, 1, 2, 15)), 'failed', 'b@x.com'],
  ['ch_4', 1200, new Date(Date.UTC(2026, 1, 9, 15)), 'succeeded', 'a@x.com'],
];

const BY_MONTH: ModelSpec = {
  name: 'revenue_by_month',
  label: 'Revenue by month',
  sql: "SELECT MONTH_START(created) AS month, SUM(amount) AS revenue, COUNT(*) AS charges FROM stripe_charges WHERE status = 'succeeded' GROUP BY MONTH_START(created) ORDER BY month",
  formats: { month: 'month', revenue: 'currency', charges: 'integer' },
};
const EMAILS: ModelSpec = {
  name: 'customers',
  sql: 'SELECT DISTINCT [customer.email] AS email FROM stripe_charges ORDER BY email',
};

function setup(): { emu: Emulator; gas: (g: GasGlobals) => Gas } {
  const emu = new Emulator({ realCpu: false, now: NOW, timeZone: 'America/New_York' });
  emu.run((g) => {
    const sheet = g.SpreadsheetApp.getActive().insertSheet('stripe_charges');
    sheet.getRange(1, 1, CHARGES.length, CHARGES[0].length).setValues(CHARGES);
    sheet.hideSheet();
  });
  return { emu, gas: (g) => g };
}

function refresh(emu: Emulator, gas: (g: GasGlobals) => Gas, input: RefreshInput) {
  const result = emu.run((g) => refreshModels(gas(g), { now: new Date(NOW), ...input }), { name: 'refresh' });
  return { result, record: emu.executions[emu.executions.length - 1] };
}

function tab(emu: Emulator, name: string): unknown[][] {
  return emu.run((g) => g.SpreadsheetApp.getActive().getSheetByName(name)!.getDataRange().getValues());
}

describe('refreshing models on the spreadsheet', () => {
  it('keeps an intermediate model’s tab hidden, and refreshes it again on the next run', () => {
    const { emu, gas } = setup();
    const step = { ...EMAILS, hidden: true };
    refresh(emu, gas, { models: [step] });
    const { result } = refresh(emu, gas, { models: [step] });
    expect(result.models.map((m) => m.status)).toEqual(['ok']);
    expect(emu.run((g) => g.SpreadsheetApp.getActive().getSheetByName('customers')!.isSheetHidden())).toBe(
      true,
    );
    expect(tab(emu, 'customers')).toHaveLength(4);
  });

  it('reads each source tab once and writes each summary tab with one setValues', () => {
    const { emu, gas } = setup();
    const { result, record } = refresh(emu, gas, { models: [BY_MONTH, EMAILS] });
    expect(result.models.map((m) => [m.name, m.status, m.rows])).toEqual([
      ['revenue_by_month', 'ok', 2],
      ['customers', 'ok', 3],
    ]);
    expect(record.calls['Range.getValues']).toBe(1);
    expect(record.calls['Range.setValues']).toBe(2);
  });

  it('writes a visible tab titled with the label: bold frozen header, formats, types kept', () => {
    const { emu, gas } = setup();
    refresh(emu, gas, { models: [BY_MONTH] });
    const info = emu.run((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('Revenue by month')!;
      return {
        hidden: sheet.isSheetHidden(),
        frozen: sheet.getFrozenRows(),
        bold: sheet.getRange(1, 1, 1, 3).getFontWeights()[0],
        formats: sheet.getRange(2, 1, 1, 3).getNumberFormats()[0],
        display: sheet.getRange(2, 1, 2, 3).getDisplayValues(),
      };
    });
    expect(info).toEqual({
      hidden: false,
      frozen: 1,
      bold: ['bold', 'bold', 'bold'],
      formats: ['mmm yyyy', '[$$]#,##0.00', '#,##0'],
      display: [
        ['Jan 2026', '$3,500.00', '2'],
        ['Feb 2026', '$1,200.00', '1'],
      ],
    });
    const values = tab(emu, 'Revenue by month');
    expect(values[1][0]).toBeInstanceOf(Date);
    expect(typeof values[1][1]).toBe('number');
  });

  it('uses the account currency from the settings', () => {
    const { emu, gas } = setup();
    emu.run((g) => gas(g).PropertiesService.getDocumentProperties().setProperty(CURRENCY_PROPERTY, 'EUR'));
    refresh(emu, gas, { models: [BY_MONTH] });
    const display = emu.run((g) =>
      g.SpreadsheetApp.getActive().getSheetByName('Revenue by month')!.getRange(2, 2).getDisplayValue(),
    );
    expect(display).toBe('€3,500.00');
  });

  it('keeps text as text: a value that looks like a formula is not run', () => {
    const { emu, gas } = setup();
    refresh(emu, gas, { models: [EMAILS] });
    const formulas = emu.run((g) =>
      g.SpreadsheetApp.getActive().getSheetByName('customers')!.getRange('A2:A4').getFormulas(),
    );
    expect(formulas).toEqual([[''], [''], ['']]);
    expect(tab(emu, 'customers').map((r) => r[0])).toEqual([
      'email',
      '=HYPERLINK("http://evil")',
      'a@x.com',
      'b@x.com',
    ]);
  });

  it('replaces the rows on a re-run and keeps the founder’s edits: columns beside, notes, colours, charts', () => {
    const { emu, gas } = setup();
    refresh(emu, gas, { models: [EMAILS] });
    emu.run((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('customers')!;
      sheet.getRange('B1:B2').setValues([['My notes'], ['call them']]);
      sheet.getRange('A2').setNote('VIP');
      sheet.getRange('A3').setBackground('#ffcc00');
      sheet.setTabColor('#00ff00');
      sheet.insertChart(
        sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:A4')).setPosition(2, 4, 0, 0).build(),
      );
    });
    const fewer: ModelSpec = {
      ...EMAILS,
      sql: "SELECT DISTINCT [customer.email] AS email FROM stripe_charges WHERE [customer.email] LIKE '%@x.com' ORDER BY email",
    };
    refresh(emu, gas, { models: [fewer] });
    const kept = emu.run((g) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('customers')!;
      return {
        values: sheet.getRange('A1:B4').getValues(),
        note: sheet.getRange('A2').getNote(),
        background: sheet.getRange('A3').getBackground(),
        tabColor: sheet.getTabColor(),
        charts: sheet.getCharts().length,
      };
    });
    expect(kept).toEqual({
      values: [
        ['email', 'My notes'],
        ['a@x.com', 'call them'],
        ['b@x.com', ''],
        ['', ''],
      ],
      note: 'VIP',
      background: '#ffcc00',
      tabColor: '#00ff00',
      charts: 1,
    });
  });

  it('leaves the previous tab intact when a model breaks, and still runs the others', () => {
    const { emu, gas } = setup();
    refresh(emu, gas, { models: [BY_MONTH, EMAILS] });
    const before = tab(emu, 'Revenue by month');
    const broken: ModelSpec = { ...BY_MONTH, sql: BY_MONTH.sql.replace('SUM(amount)', 'SUM(amont)') };
    const { result } = refresh(emu, gas, { models: [broken, EMAILS] });
    expect(result.models[0].status).toBe('failed');
    expect(result.models[0].error?.message).toMatch(/reads `stripe_charges\.amont`.*Did you mean `amount`\?/);
    expect(result.models[1].status).toBe('ok');
    expect(tab(emu, 'Revenue by month')).toEqual(before);
  });

  it('never writes a model over a source tab or a Tapdash tab', () => {
    const { emu, gas } = setup();
    const clash: ModelSpec = { name: 'copy', label: 'stripe_charges', sql: 'SELECT id FROM stripe_charges' };
    const { result } = refresh(emu, gas, { models: [clash] });
    expect(result.models[0]).toMatchObject({ status: 'failed', error: { code: 'model_tab_clash' } });
    expect(tab(emu, 'stripe_charges')).toHaveLength(CHARGES.length);
  });

  it('logs one row per model to the Sync log when the tab exists', () => {
    const { emu, gas } = setup();
    emu.run((g) => {
      const sheet = g.SpreadsheetApp.getActive().insertSheet('Sync log');
      sheet.appendRow([
        'Started',
        'Ended',
        'Connection',
        'Stream',
        'Rows added',
        'Rows updated',
        'API pages',
        'Status',
        'Message',
        'Fix',
      ]);
    });
    refresh(emu, gas, {
      models: [BY_MONTH, { name: 'bad', sql: 'SELECT nope AS x FROM stripe_charges', tests: [] }],
    });
    const log = tab(emu, 'Sync log');
    expect(log.slice(1).map((r) => [r[2], r[3], r[4], r[7]])).toEqual([
      ['model', 'revenue_by_month', 2, 'OK'],
      ['model', 'bad', '', 'Failed'],
    ]);
    expect(log[2][8]).toMatch(/^Model `bad` reads `stripe_charges\.nope`/);
    expect(log[2][0]).toBeInstanceOf(Date);
  });

  it('remembers each model’s last run for the sidebar’s model list', () => {
    const { emu, gas } = setup();
    const pkg: MetricPackage = { connector: 'stripe', models: [BY_MONTH], metrics: [], charts: [] };
    refresh(emu, gas, {
      packages: [pkg],
      models: [BY_MONTH, { name: 'bad', sql: 'SELECT nope AS x FROM stripe_charges' }],
    });
    const listed = emu.run((g) => listModels(gas(g), [pkg]));
    expect(listed).toEqual([
      {
        name: 'revenue_by_month',
        label: 'Revenue by month',
        sql: BY_MONTH.sql,
        origin: 'package',
        lastRun: { at: new Date(NOW).toISOString(), status: 'ok', rows: 2, failedTests: [] },
      },
    ]);
  });

  it('lets built-in models of a never-synced source wait quietly, with the models that read them', () => {
    const { emu } = setup();
    emu.run((g) => g.SpreadsheetApp.getActive().insertSheet('Sync log').appendRow(['Started']));
    const hubspot: MetricPackage = {
      connector: 'hubspot',
      models: [
        { name: 'deals_by_stage', sql: 'SELECT stage, COUNT(*) AS deals FROM hubspot_deals GROUP BY stage' },
        { name: 'open_deals', sql: "SELECT deals FROM deals_by_stage WHERE stage = 'open'" },
      ],
      metrics: [],
      charts: [],
    };
    const { result } = refresh(emu, (g) => g, { packages: [hubspot] });
    expect(result.models.map((m) => [m.name, m.status, m.error?.code, m.error?.message])).toEqual([
      [
        'deals_by_stage',
        'skipped',
        'model_waiting_for_sync',
        'Model `deals_by_stage` waits for `hubspot_deals` to be synced for the first time.',
      ],
      [
        'open_deals',
        'skipped',
        'model_waiting_for_sync',
        'Model `open_deals` waits for `hubspot_deals` to be synced for the first time.',
      ],
    ]);
    expect(tab(emu, 'Sync log')).toEqual([['Started']]);
  });

  it('reports failed model tests with the failing rows', () => {
    const { emu, gas } = setup();
    const { result } = refresh(emu, gas, {
      models: [
        { ...EMAILS, tests: [{ type: 'accepted_values', column: 'email', values: ['a@x.com', 'b@x.com'] }] },
      ],
    });
    expect(result.models[0].testFailures).toEqual([
      expect.objectContaining({
        name: 'accepted_values(email)',
        failingRows: 1,
        example: 'email = "=HYPERLINK("http://evil")"',
      }),
    ]);
  });
});

describe('the Metrics history tab', () => {
  const pkg: MetricPackage = {
    connector: 'stripe',
    models: [BY_MONTH],
    metrics: [
      {
        id: 'revenue',
        label: 'Revenue',
        model: 'revenue_by_month',
        valueColumn: 'revenue',
        periodColumn: 'month',
        format: 'currency',
        goodDirection: 'up',
      },
    ],
    charts: [],
  };

  it('snapshots each headline metric once per day, updating the same day instead of duplicating', () => {
    const { emu, gas } = setup();
    refresh(emu, gas, { packages: [pkg] });
    // New data later the same day: the day's row is updated.
    emu.run((g) =>
      g.SpreadsheetApp.getActive().getSheetByName('stripe_charges')!.getRange('B5').setValue(2200),
    );
    refresh(emu, gas, { packages: [pkg], now: new Date(NOW + 3_600_000) });
    expect(tab(emu, 'Metrics history').map((r) => r.slice(1))).toEqual([
      ['Metric', 'Label', 'Value'],
      ['revenue', 'Revenue', 2200],
    ]);
    // The next day adds a row.
    refresh(emu, gas, { packages: [pkg], now: new Date(NOW + 24 * 3_600_000) });
    const history = tab(emu, 'Metrics history');
    expect(history).toHaveLength(3);
    expect(
      emu.run((g) =>
        g.SpreadsheetApp.getActive().getSheetByName('Metrics history')!.getRange('A2:A3').getDisplayValues(),
      ),
    ).toEqual([['2026-03-18'], ['2026-03-19']]);
  });
});
