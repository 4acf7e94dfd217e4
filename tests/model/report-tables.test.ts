import { stripe } from '../../connectors/stripe/spec';
import { Emulator, type GasGlobals } from '../../playground/emulator/emulator';
import { saveConnection } from '../../src/connect/connection-store';
import { listReportTables, previewReport, saveReport } from '../../src/model/model-api';
import type { MetricPackage } from '../../src/model/model-spec';
import { refreshModels } from '../../src/model/refresh';
import { listUserModels } from '../../src/model/user-models';

const NOW = Date.UTC(2026, 10, 20, 15);

const stripePackage: MetricPackage = {
  connector: 'stripe',
  models: [
    {
      name: 'charges_by_status',
      label: 'Stripe charges by status',
      hidden: true,
      sql: 'SELECT status, COUNT(*) AS n FROM stripe_charges GROUP BY status',
    },
    {
      name: 'stripe_revenue',
      label: 'Stripe revenue',
      sql: 'SELECT SUM(amount) AS cents FROM stripe_charges',
    },
  ],
  metrics: [],
  charts: [],
};

function hiddenTab(gas: GasGlobals, name: string, rows: unknown[][]): void {
  const sheet = gas.SpreadsheetApp.getActive().insertSheet(name);
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  sheet.hideSheet();
}

/** A spreadsheet with a Stripe connection whose charges tab holds cents, in USD and in JPY. */
function stripeSpreadsheet(): Emulator {
  const emu = new Emulator({ realCpu: false, now: NOW, timeZone: 'UTC' });
  emu.run((gas) => {
    saveConnection(
      gas,
      { id: 'stripe', connector: 'stripe', config: { apiKey: 'sk_test_tapdashreportbuilder' } },
      stripe,
    );
    hiddenTab(gas, 'stripe_charges', [
      ['id', 'created', 'amount', 'currency', 'status'],
      ['ch_1', new Date(Date.UTC(2026, 10, 2)), 1_174_000, 'usd', 'succeeded'],
      ['ch_2', new Date(Date.UTC(2026, 10, 3)), 100, 'usd', 'succeeded'],
      ['ch_3', new Date(Date.UTC(2026, 10, 4)), 5000, 'jpy', 'succeeded'],
      ['ch_4', new Date(Date.UTC(2026, 10, 5)), 900, 'usd', 'failed'],
    ]);
  });
  return emu;
}

describe('the report builder’s table picker', () => {
  it('does not offer a removed source’s hidden model tab as data', () => {
    const emu = stripeSpreadsheet();
    // "Shopify sales" stays as a hidden tab after Shopify is removed; it is a model's output.
    emu.run((gas) =>
      hiddenTab(gas, 'Shopify sales', [
        ['month', 'revenue'],
        ['2026-11', 402],
      ]),
    );
    const removedPackage: MetricPackage = {
      connector: 'shopify',
      models: [{ name: 'shopify_sales', label: 'Shopify sales', hidden: true, sql: 'SELECT 1 AS x' }],
      metrics: [],
      charts: [],
    };
    const tables = emu.run((gas) => listReportTables(gas, [], undefined, [removedPackage]));
    expect(tables.map((t) => t.label)).not.toContain('Shopify sales');
    expect(tables.map((t) => t.name)).not.toContain('Shopify sales');
  });

  it('names a source table by its connector and stream, and keeps the SQL name as its value', () => {
    const emu = stripeSpreadsheet();
    const tables = emu.run((gas) => listReportTables(gas));
    expect(tables.map((t) => [t.name, t.label, t.kind])).toEqual([
      ['stripe_charges', 'Stripe · Charges', 'source'],
    ]);
  });

  it('lists each model once, by its tab title, and not its hidden tab again as a source', () => {
    const emu = stripeSpreadsheet();
    emu.run((gas) => refreshModels(gas, { packages: [stripePackage] }));
    const tables = emu.run((gas) => listReportTables(gas, [stripePackage]));
    expect(tables.map((t) => [t.name, t.label, t.kind])).toEqual([
      ['stripe_charges', 'Stripe · Charges', 'source'],
      ['charges_by_status', 'Stripe charges by status', 'model'],
      ['stripe_revenue', 'Stripe revenue', 'model'],
    ]);
  });

  it('leaves out Tapdash’s own tabs and a full refresh’s half-filled copy', () => {
    const emu = stripeSpreadsheet();
    emu.run((gas) => {
      hiddenTab(gas, '_chart_data', [['chart', 'x']]);
      hiddenTab(gas, 'stripe_charges (loading)', [['id'], ['ch_9']]);
    });
    const tables = emu.run((gas) => listReportTables(gas));
    expect(tables.map((t) => t.name)).toEqual(['stripe_charges']);
  });

  it('marks Stripe’s amounts as money in minor units, with the currency in the `currency` column', () => {
    const emu = stripeSpreadsheet();
    const [charges] = emu.run((gas) => listReportTables(gas));
    expect(charges.columns.find((c) => c.name === 'amount')).toEqual({
      name: 'amount',
      kind: 'number',
      money: { unit: 'minor', currencyColumn: 'currency' },
    });
    expect(charges.columns.find((c) => c.name === 'status')).toEqual({ name: 'status', kind: 'text' });
  });
});

describe('reports over money sent in minor units', () => {
  const byStatus = {
    table: 'stripe_charges',
    dimensions: [{ column: 'status' }],
    measures: [{ kind: 'sum' as const, column: 'amount', label: 'Revenue' }],
  };

  it('sums Stripe amounts in whole currency units: cents divided by 100, yen as they are', () => {
    const emu = stripeSpreadsheet();
    const preview = emu.run((gas) => previewReport(gas, byStatus, [], new Date(NOW)));
    expect(preview.rows).toEqual([
      ['failed', 9],
      ['succeeded', 11_741 + 5000],
    ]);
    expect(preview.formats).toEqual({ Revenue: 'currency' });
  });

  it('compares a filter on an amount in whole units', () => {
    const emu = stripeSpreadsheet();
    const preview = emu.run((gas) =>
      previewReport(
        gas,
        {
          table: 'stripe_charges',
          dimensions: [],
          measures: [{ kind: 'count', label: 'Charges' }],
          filters: [{ column: 'amount', op: 'between', from: 1, to: 10 }],
        },
        [],
        new Date(NOW),
      ),
    );
    // $1.00 and $9.00; not $11,740 nor ¥5,000.
    expect(preview.rows).toEqual([[2]]);
  });

  it('saves the report with its money column formatted as currency on the tab', () => {
    const emu = stripeSpreadsheet();
    emu.run((gas) =>
      saveReport(gas, { name: 'revenue_by_status', label: 'Revenue by status', definition: byStatus }),
    );
    expect(emu.run((gas) => listUserModels(gas)[0].spec.formats)).toEqual({ Revenue: 'currency' });
    emu.run((gas) => refreshModels(gas));
    const tab = emu.run((gas) => {
      const range = gas.SpreadsheetApp.getActive().getSheetByName('Revenue by status')!.getRange('B2:B3');
      return { values: range.getValues(), formats: range.getNumberFormats() };
    });
    expect(tab.values).toEqual([[9], [16_741]]);
    expect(tab.formats[0][0]).toMatch(/\$/);
  });

  it('leaves the raw tab as Stripe sent it', () => {
    const emu = stripeSpreadsheet();
    emu.run((gas) => saveReport(gas, { name: 'revenue_by_status', definition: byStatus }));
    emu.run((gas) => refreshModels(gas));
    const raw = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('stripe_charges')!.getRange('C2:C3').getValues(),
    );
    expect(raw).toEqual([[1_174_000], [100]]);
  });
});
