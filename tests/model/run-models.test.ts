import { runModels } from '../../src/model/run-models';
import { intlZoneOffset, wallClock } from '../../src/model/time-zone';
import { runOne } from './support';

const charges = [
  ['id', 'amount', 'created', 'paid', 'customer.email'],
  ['ch_1', 1000, new Date(Date.UTC(2026, 0, 5, 15)), true, 'a@x.com'],
  ['ch_2', 2500, new Date(Date.UTC(2026, 0, 20, 15)), false, ''],
  ['ch_3', '', new Date(Date.UTC(2026, 1, 2, 15)), true, 'b@x.com'],
];

describe('running models', () => {
  it('keeps types through the round trip: numbers, Dates, booleans, and empty cells as NULL', () => {
    const result = runOne('SELECT * FROM stripe_charges', { stripe_charges: charges });
    expect(result.columns).toEqual(['id', 'amount', 'created', 'paid', 'customer.email']);
    expect(result.rows).toEqual(charges.slice(1));
    expect(result.rows[0][2]).toBeInstanceOf(Date);
  });

  it('treats an empty cell as NULL in SQL', () => {
    const result = runOne(
      'SELECT COUNT(*) AS n, COUNT(amount) AS with_amount, SUM(amount) AS revenue FROM stripe_charges WHERE [customer.email] IS NULL OR amount IS NULL',
      { stripe_charges: charges },
    );
    expect(result.rows).toEqual([[2, 1, 2500]]);
  });

  it('groups dates by month in the spreadsheet’s time zone, not the script’s', () => {
    // 1 February 02:00 UTC is still 31 January in New York.
    const grid = [
      ['created', 'amount'],
      [new Date(Date.UTC(2026, 1, 1, 2)), 10],
      [new Date(Date.UTC(2026, 1, 1, 12)), 5],
    ];
    const clock = wallClock(intlZoneOffset('America/New_York')!);
    const [result] = runModels({
      models: [
        {
          name: 'm',
          sql: 'SELECT MONTH_START(created) AS month, SUM(amount) AS revenue FROM t GROUP BY MONTH_START(created) ORDER BY month',
        },
      ],
      sources: new Map([['t', grid]]),
      clock,
    });
    expect(result.rows).toEqual([
      [new Date(Date.UTC(2026, 0, 1, 5)), 10],
      [new Date(Date.UTC(2026, 1, 1, 5)), 5],
    ]);
  });

  it('runs models in dependency order, whatever order they are listed in', () => {
    const results = runModels({
      models: [
        { name: 'big_months', sql: 'SELECT month, revenue FROM by_month WHERE revenue > 1000' },
        {
          name: 'by_month',
          sql: 'SELECT MONTH(created) AS month, SUM(amount) AS revenue FROM stripe_charges GROUP BY MONTH(created)',
        },
      ],
      sources: new Map([['stripe_charges', charges]]),
    });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['big_months', 'ok'],
      ['by_month', 'ok'],
    ]);
    expect(results[0].rows).toEqual([[1, 3500]]);
  });

  it('lets other models run when one fails, and skips only the models that read it', () => {
    const results = runModels({
      models: [
        { name: 'broken', sql: 'SELECT amont AS a FROM stripe_charges' },
        { name: 'reads_broken', sql: 'SELECT a FROM broken' },
        { name: 'fine', sql: 'SELECT COUNT(*) AS n FROM stripe_charges' },
      ],
      sources: new Map([['stripe_charges', charges]]),
    });
    expect(results.map((r) => r.status)).toEqual(['failed', 'skipped', 'ok']);
    expect(results[0].error?.message).toMatch(/Did you mean `amount`\?/);
    expect(results[1].error).toMatchObject({ code: 'model_depends_failed', where: 'reads_broken' });
    expect(results[1].error?.message).toMatch(/reads model `broken`, which failed/);
    expect(results[2].rows).toEqual([[3]]);
  });

  it('gives an empty result its header', () => {
    const result = runOne('SELECT id, amount FROM stripe_charges WHERE amount > 1000000', {
      stripe_charges: charges,
    });
    expect(result).toMatchObject({ status: 'ok', columns: ['id', 'amount'], rows: [] });
  });

  it('refuses a result too large for a tab, before it is written', () => {
    const [result] = runModels({
      models: [{ name: 'm', sql: 'SELECT id FROM stripe_charges' }],
      sources: new Map([['stripe_charges', charges]]),
      budget: { maxRowsExamined: 1000, maxResultRows: 2 },
    });
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(/returned 3 rows, more than the 2 a summary tab may hold/);
  });

  it('does not start a model the execution has no time left for', () => {
    const [result] = runModels({
      models: [{ name: 'm', sql: 'SELECT id FROM stripe_charges' }],
      sources: new Map([['stripe_charges', charges]]),
      remainingMs: () => 0,
    });
    expect(result.error?.code).toBe('model_out_of_time');
  });

  it('reports an error while running in words', () => {
    const result = runOne('SELECT TRIM(amount) AS x FROM stripe_charges', { stripe_charges: charges });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('model_runtime');
    expect(result.error?.message).toMatch(
      /^Model `m` failed while running: a function got a value of the wrong type/,
    );
  });
});
