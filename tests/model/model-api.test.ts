import { Emulator } from '../../playground/emulator/emulator';
import { listReportTables, previewReport, saveReport } from '../../src/model/model-api';
import { refreshModels } from '../../src/model/refresh';
import { appendModelLog, SYNC_LOG_HEADER } from '../../src/model/sync-log';
import { listUserModels, saveUserModel } from '../../src/model/user-models';
import { thrown } from './support';

const NOW = Date.UTC(2026, 2, 18, 15);

function emulator(): Emulator {
  const emu = new Emulator({ realCpu: false, now: NOW, timeZone: 'Europe/Paris' });
  emu.run((gas) => {
    const sheet = gas.SpreadsheetApp.getActive().insertSheet('stripe_charges');
    sheet.getRange(1, 1, 4, 4).setValues([
      ['amount', 'created', 'status', 'customer.email'],
      [1000, new Date(Date.UTC(2026, 2, 5, 15)), 'succeeded', 'a@x.com'],
      [2500, new Date(Date.UTC(2026, 2, 17, 23, 30)), 'succeeded', 'b@x.com'],
      [700, new Date(Date.UTC(2026, 1, 9, 15)), 'failed', 'a@x.com'],
    ]);
    sheet.hideSheet();
  });
  return emu;
}

describe('the report builder API', () => {
  it('lists synced streams and models with the kind of each column', () => {
    const emu = emulator();
    const tables = emu.run((gas) => listReportTables(gas));
    expect(tables).toEqual([
      {
        name: 'stripe_charges',
        label: 'stripe_charges',
        kind: 'source',
        tab: 'stripe_charges',
        columns: [
          { name: 'amount', kind: 'number' },
          { name: 'created', kind: 'date' },
          { name: 'status', kind: 'text' },
          { name: 'customer.email', kind: 'text' },
        ],
      },
    ]);
  });

  it('previews a report: its SQL, columns and first rows, dates as text in the spreadsheet’s zone', () => {
    const emu = emulator();
    const preview = emu.run((gas) =>
      previewReport(
        gas,
        {
          table: 'stripe_charges',
          dimensions: [{ column: 'created', grain: 'day', label: 'Day' }],
          measures: [{ kind: 'sum', column: 'amount', label: 'Revenue' }],
          filters: [{ column: 'created', op: 'this_month' }],
        },
        [],
        new Date(NOW),
      ),
    );
    // 17 March 23:30 UTC is 18 March in Paris.
    expect(preview).toMatchObject({
      columns: ['Day', 'Revenue'],
      rows: [
        ['2026-03-05', 1000],
        ['2026-03-18', 2500],
      ],
      totalRows: 2,
      problems: [],
    });
    expect(preview.sql).toMatch(/^SELECT\n {2}DAY_START\(\[created\]\) AS \[Day\]/);
  });

  it('returns the problems of an unfinished report instead of failing', () => {
    const emu = emulator();
    const preview = emu.run((gas) =>
      previewReport(gas, {
        table: 'stripe_charges',
        dimensions: [],
        measures: [{ kind: 'sum', column: 'status', label: 'x' }],
      }),
    );
    expect(preview.problems).toEqual([
      { path: 'measures[0].column', message: '`status` holds text; a sum needs numbers.' },
    ]);
  });

  it('refuses to save a report that does not compile, saying why', () => {
    const emu = emulator();
    const error = thrown(() =>
      emu.run((gas) =>
        saveReport(gas, {
          name: 'x',
          definition: { table: 'stripe_charges', dimensions: [{ column: 'nope' }], measures: [] },
        }),
      ),
    );
    expect(error.message).toBe('The report cannot be saved yet: `stripe_charges` has no column `nope`.');
  });

  it('refuses a model name that is not lower_snake_case', () => {
    const emu = emulator();
    const error = thrown(() =>
      emu.run((gas) => saveReport(gas, { name: 'Revenue!', sql: 'SELECT amount FROM stripe_charges' })),
    );
    expect(error.code).toBe('model_bad_name');
  });

  it('stores one saved model per document property and refuses one over 9 KB', () => {
    const emu = emulator();
    emu.run((gas) =>
      saveReport(gas, {
        name: 'big_ones',
        label: 'Big charges',
        sql: 'SELECT amount FROM stripe_charges WHERE amount > 900',
      }),
    );
    expect(emu.run((gas) => listUserModels(gas).map((m) => m.spec))).toEqual([
      { name: 'big_ones', label: 'Big charges', sql: 'SELECT amount FROM stripe_charges WHERE amount > 900' },
    ]);
    const long = `SELECT amount FROM stripe_charges WHERE status IN (${Array.from({ length: 1200 }, (_, i) => `'s${i}'`).join(', ')})`;
    const error = thrown(() =>
      emu.run((gas) => saveUserModel(gas, { spec: { name: 'long', sql: long }, updatedAt: '' })),
    );
    expect(error.code).toBe('model_too_large');
    const result = emu.run((gas) => refreshModels(gas));
    expect(result.models.map((m) => [m.name, m.status, m.rows])).toEqual([['big_ones', 'ok', 2]]);
  });
});

describe('the Sync log', () => {
  it('is created with its header when missing, and later entries are appended in one write', () => {
    const emu = emulator();
    const at = new Date(Date.UTC(2026, 2, 18, 15));
    emu.run((gas) => appendModelLog(gas, [{ model: 'mrr', started: at, ended: at, status: 'ok', rows: 12 }]));
    emu.run((gas) =>
      appendModelLog(gas, [
        { model: 'churn', started: at, ended: at, status: 'failed', message: '=cannot run', fix: 'Fix it.' },
        { model: 'arr', started: at, ended: at, status: 'skipped' },
      ]),
    );
    const record = emu.executions[emu.executions.length - 1];
    expect(record.calls['Range.setValues']).toBe(1);
    const log = emu.run((gas) =>
      gas.SpreadsheetApp.getActive().getSheetByName('Sync log')!.getDataRange().getValues(),
    );
    expect(log[0]).toEqual([...SYNC_LOG_HEADER]);
    expect(log.slice(1).map((r) => r.slice(2))).toEqual([
      ['model', 'mrr', 12, '', '', 'OK', 'Wrote 12 rows.', ''],
      ['model', 'churn', '', '', '', 'Failed', '=cannot run', 'Fix it.'],
      ['model', 'arr', '', '', '', 'Skipped', '', ''],
    ]);
  });
});
