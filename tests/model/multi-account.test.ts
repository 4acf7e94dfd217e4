import { Emulator, type GasGlobals } from '../../playground/emulator/emulator';
import { saveConnection, setPaused } from '../../src/connect/connection-store';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { removeConnection } from '../../src/connect/remove-connection';
import { listReportTables, previewReport, previewSql } from '../../src/model/model-api';
import type { MetricPackage } from '../../src/model/model-spec';
import { refreshModels } from '../../src/model/refresh';
import { refreshAll } from '../../src/schedule/refresh-all';
import { runSyncChunk } from '../../src/sync/engine';

const NOW = Date.UTC(2026, 2, 18, 15);

/**
 * A Stripe-like connector: each connection is one payments account whose `account` setting
 * says which charges it holds (EU charges are 100 each, US ones 10 each).
 */
const payments: ConnectorSpec = {
  id: 'payments',
  label: 'Payments',
  description: 'Charges of one payments account.',
  docsUrl: 'https://example.com',
  badge: { initials: 'PA', color: '#333333' },
  fields: [{ key: 'account', label: 'Account', kind: 'text' }],
  auth: { type: 'none' },
  baseUrl: '',
  allowedUrls: [],
  testStream: 'charges',
  streams: [
    {
      name: 'charges',
      label: 'Charges',
      path: '',
      records: '',
      primaryKey: ['id'],
      pagination: { type: 'none' },
      columns: [
        { name: 'id', type: 'string' },
        { name: 'amount', type: 'integer' },
      ],
    },
  ],
  generate: ({ config }) =>
    config.account === 'eu'
      ? [1, 2, 3].map((n) => ({ id: `ch_eu_${n}`, amount: 100 }))
      : [1, 2].map((n) => ({ id: `ch_us_${n}`, amount: 10 })),
};

const paymentsPackage: MetricPackage = {
  connector: 'payments',
  models: [
    {
      name: 'revenue',
      label: 'Revenue',
      sql: 'SELECT SUM(amount) AS revenue, COUNT(*) AS charges FROM payments_charges',
    },
  ],
  metrics: [],
  charts: [],
};

const catalog = { connectors: [payments], packages: [paymentsPackage] };

function emulator(): Emulator {
  return new Emulator({ realCpu: false, now: NOW, timeZone: 'UTC' });
}

function connect(emu: Emulator, account: string, id?: string): string {
  const conn = emu.run((g) =>
    saveConnection(g, { connector: 'payments', config: { account }, ...(id ? { id } : {}) }, payments),
  );
  const progress = emu.run(
    (g, exec) =>
      runSyncChunk(g, conn.id, {
        startedAt: exec.startedAt,
        clock: () => emu.clock.now(),
        connectors: [payments],
      }),
    { kind: 'script-run', name: 'runSyncChunk' },
  );
  expect(progress).toMatchObject({ done: true });
  return conn.id;
}

function refresh(emu: Emulator) {
  const summary = emu.run((g) => refreshAll(g, { now: new Date(NOW), catalog }), { name: 'refresh' });
  return { summary, record: emu.executions[emu.executions.length - 1] };
}

function revenueTab(emu: Emulator): unknown[][] {
  return emu.run((g) => g.SpreadsheetApp.getActive().getSheetByName('Revenue')!.getDataRange().getValues());
}

function writeTab(g: GasGlobals, name: string, values: unknown[][]): void {
  const sheet =
    g.SpreadsheetApp.getActive().getSheetByName(name) ?? g.SpreadsheetApp.getActive().insertSheet(name);
  sheet.clear();
  sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
  sheet.hideSheet();
}

describe('a second account of the same source', () => {
  it('feeds the package model: revenue sums the charges of both connections', () => {
    const emu = emulator();
    expect(connect(emu, 'us')).toBe('payments');
    expect(connect(emu, 'eu')).toBe('payments_2');
    refresh(emu);
    expect(revenueTab(emu)).toEqual([
      ['revenue', 'charges'],
      [320, 5],
    ]);
  });

  it('still feeds the package when the first connection has a name of its own', () => {
    const emu = emulator();
    expect(connect(emu, 'us', 'acme_us')).toBe('acme_us');
    refresh(emu);
    expect(revenueTab(emu)).toEqual([
      ['revenue', 'charges'],
      [20, 2],
    ]);
    expect(connect(emu, 'eu')).toBe('payments');
    refresh(emu);
    expect(revenueTab(emu)[1]).toEqual([320, 5]);
  });

  it('keeps counting a paused connection: its data is still valid', () => {
    const emu = emulator();
    connect(emu, 'us');
    connect(emu, 'eu');
    emu.run((g) => setPaused(g, 'payments_2', true));
    refresh(emu);
    expect(revenueTab(emu)[1]).toEqual([320, 5]);
  });

  it('drops a removed connection’s rows from the metric even when its tabs are kept', () => {
    const emu = emulator();
    connect(emu, 'us');
    connect(emu, 'eu');
    refresh(emu);
    expect(revenueTab(emu)[1]).toEqual([320, 5]);
    emu.run((g) => removeConnection(g, 'payments_2', false, [payments]));
    expect(emu.run((g) => g.SpreadsheetApp.getActive().getSheetByName('payments_2_charges') !== null)).toBe(
      true,
    );
    refresh(emu);
    expect(revenueTab(emu)[1]).toEqual([20, 2]);
  });

  it('drops the first connection’s rows when it is the one removed', () => {
    const emu = emulator();
    connect(emu, 'us');
    connect(emu, 'eu');
    emu.run((g) => removeConnection(g, 'payments', false, [payments]));
    refresh(emu);
    expect(revenueTab(emu)[1]).toEqual([300, 3]);
  });

  it('reads each connection’s tab with one getValues: a second account costs one read more', () => {
    const reads = (accounts: string[]): number => {
      const emu = emulator();
      for (const account of accounts) connect(emu, account);
      const result = emu.run(
        (g) => refreshModels(g, { models: paymentsPackage.models, now: new Date(NOW) }),
        {
          name: 'refresh models',
        },
      );
      expect(result.models.map((m) => [m.name, m.status])).toEqual([['revenue', 'ok']]);
      return emu.executions[emu.executions.length - 1].calls['Range.getValues'];
    };
    // One for the source tab, one for the Sync log the model rows are appended to.
    expect(reads(['us'])).toBe(2);
    expect(reads(['us', 'eu'])).toBe(3);
  });

  it('unions columns by header name: the first tab’s order, extra columns appended, missing cells empty', () => {
    const emu = emulator();
    emu.run((g) => {
      saveConnection(g, { connector: 'payments', config: { account: 'us' } }, payments);
      saveConnection(g, { connector: 'payments', config: { account: 'eu' } }, payments);
      writeTab(g, 'payments_charges', [
        ['id', 'amount', 'status'],
        ['ch_1', 10, 'succeeded'],
      ]);
      writeTab(g, 'payments_2_charges', [
        ['amount', 'id', 'currency'],
        [100, 'ch_2', 'eur'],
      ]);
    });
    const preview = emu.run((g) =>
      previewSql(g, 'SELECT id, amount, status, currency FROM payments_charges ORDER BY id'),
    );
    expect(preview.columns).toEqual(['id', 'amount', 'status', 'currency']);
    expect(preview.rows).toEqual([
      ['ch_1', 10, 'succeeded', null],
      ['ch_2', 100, null, 'eur'],
    ]);
  });

  it('lists the package table once in the report builder, with the columns of every tab', () => {
    const emu = emulator();
    emu.run((g) => {
      saveConnection(g, { connector: 'payments', config: { account: 'us' } }, payments);
      saveConnection(g, { connector: 'payments', config: { account: 'eu' } }, payments);
      writeTab(g, 'payments_charges', [
        ['id', 'amount'],
        ['ch_1', 10],
      ]);
      writeTab(g, 'payments_2_charges', [
        ['id', 'amount', 'currency'],
        ['ch_2', 100, 'eur'],
      ]);
    });
    const tables = emu.run((g) => listReportTables(g, [], [payments]));
    expect(tables).toEqual([
      {
        name: 'payments_charges',
        label: 'Payments · Charges',
        kind: 'source',
        tab: 'payments_charges',
        columns: [
          { name: 'id', kind: 'text' },
          { name: 'amount', kind: 'number' },
          { name: 'currency', kind: 'text' },
        ],
      },
    ]);
  });

  it('previews a report over every connection of the table', () => {
    const emu = emulator();
    connect(emu, 'us');
    connect(emu, 'eu');
    const preview = emu.run((g) =>
      previewReport(
        g,
        {
          table: 'payments_charges',
          dimensions: [],
          measures: [{ kind: 'sum', column: 'amount', label: 'Total' }],
        },
        [],
        new Date(NOW),
      ),
    );
    expect(preview.rows).toEqual([[320]]);
  });

  it('still reads one connection’s own tab by its name', () => {
    const emu = emulator();
    connect(emu, 'us');
    connect(emu, 'eu');
    const preview = emu.run((g) => previewSql(g, 'SELECT SUM(amount) AS [sum] FROM payments_2_charges'));
    expect(preview.rows).toEqual([[300]]);
  });
});
