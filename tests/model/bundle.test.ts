import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR, invoke, loadBundle } from '../../playground/emulator/bundle';
import { Emulator } from '../../playground/emulator/emulator';

/** Plain data out of the vm's realm, as google.script.run would deliver it. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

function emulatorWithCharges(): Emulator {
  const emu = new Emulator({ realCpu: false, now: Date.UTC(2026, 2, 18, 15), timeZone: 'America/New_York' });
  emu.run((gas) => {
    const sheet = gas.SpreadsheetApp.getActive().insertSheet('stripe_charges');
    sheet.getRange(1, 1, 4, 3).setValues([
      ['amount', 'created', 'customer.email'],
      [1000, new Date(Date.UTC(2026, 0, 5, 15)), 'a@x.com'],
      [2500, new Date(Date.UTC(2026, 1, 1, 3)), 'b@x.com'],
      [700, new Date(Date.UTC(2026, 1, 9, 15)), 'a@x.com'],
    ]);
    sheet.hideSheet();
  });
  return emu;
}

describe('models in the built bundle (dist/Code.js in a bare Apps Script-like vm)', () => {
  it('carries AlaSQL as text, evaluated only when a model runs', () => {
    const code = readFileSync(join(DIST_DIR, 'Code.js'), 'utf8');
    expect(code).toMatch(/var alasql_min_default = `"use strict";\/\/! AlaSQL v4/);
  });

  it('runs hand-written SQL through the sidebar API', () => {
    const emu = emulatorWithCharges();
    const bundle = loadBundle(emu);
    const result = invoke(
      emu,
      bundle,
      'previewSql',
      [
        'SELECT MONTH_START(created) AS month, SUM(amount) AS revenue FROM stripe_charges GROUP BY MONTH_START(created) ORDER BY month',
      ],
      { kind: 'script-run' },
    );
    // 1 February 03:00 UTC is still January in New York.
    expect(plain(result)).toEqual({
      ok: true,
      value: {
        sql: expect.any(String),
        columns: ['month', 'revenue'],
        rows: [
          ['2026-01-01', 3500],
          ['2026-02-01', 700],
        ],
        totalRows: 2,
        problems: [],
      },
    });
  });

  it('saves a report as a model and refreshes it into its tab', () => {
    const emu = emulatorWithCharges();
    const bundle = loadBundle(emu);
    const saved = invoke(emu, bundle, 'saveReport', [
      {
        name: 'customers_by_email',
        label: 'Customers',
        definition: {
          table: 'stripe_charges',
          dimensions: [{ column: 'customer.email', label: 'Email' }],
          measures: [{ kind: 'sum', column: 'amount', label: 'Spent' }],
          sort: [{ by: 'Spent', direction: 'desc' }],
        },
      },
    ]);
    expect(plain(saved)).toMatchObject({
      ok: true,
      value: { spec: { name: 'customers_by_email', label: 'Customers' } },
    });
    const refreshed = plain(invoke(emu, bundle, 'refreshModels', [], { kind: 'menu' }));
    // Built-in packages' models are listed too (waiting for their sources' first sync).
    expect(refreshed).toMatchObject({ ok: true });
    expect(
      refreshed.value.models.find((m: { name: string }) => m.name === 'customers_by_email'),
    ).toMatchObject({
      status: 'ok',
      rows: 2,
    });
    const tab = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('Customers')!.getDataRange().getValues(),
    );
    expect(tab).toEqual([
      ['Email', 'Spent'],
      ['b@x.com', 2500],
      ['a@x.com', 1700],
    ]);
  });

  it('returns a refused query as an error value in plain words', () => {
    const emu = emulatorWithCharges();
    const bundle = loadBundle(emu);
    const result = plain(
      invoke(emu, bundle, 'previewSql', ["SELECT * FROM CSV('https://example.com/x.csv')"]),
    );
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'model_sql_refused',
        message: expect.stringMatching(/a file or URL/),
      }),
    });
  });
});
