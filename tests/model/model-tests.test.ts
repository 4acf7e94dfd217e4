import type { ModelTest } from '../../src/model/model-spec';
import { runModels } from '../../src/model/run-models';

const customers = [
  ['id', 'email', 'plan'],
  [1, 'a@x.com', 'pro'],
  [2, '', 'free'],
  [3, 'c@x.com', 'gold'],
  [3, 'd@x.com', 'pro'],
];
const invoices = [
  ['id', 'customer_id'],
  ['in_1', 1],
  ['in_2', 9],
  ['in_3', ''],
];

function failures(tests: ModelTest[], sql = 'SELECT * FROM customers') {
  const results = runModels({
    models: [{ name: 'm', sql, tests }],
    sources: new Map([
      ['customers', customers],
      ['invoices', invoices],
    ]),
  });
  expect(results[0].status).toBe('ok');
  return results[0].testFailures;
}

describe('model tests (dbt style)', () => {
  it('not_null reports the empty rows with one example', () => {
    expect(failures([{ type: 'not_null', column: 'email' }])).toEqual([
      expect.objectContaining({
        name: 'not_null(email)',
        failingRows: 1,
        message:
          'not_null(email) failed: 1 row with no email; for example the row with id = 2, plan = "free".',
      }),
    ]);
  });

  it('unique counts every row that shares its key', () => {
    const [f] = failures([{ type: 'unique', columns: ['id'] }]);
    expect(f).toMatchObject({ failingRows: 2, example: 'id = 3' });
    expect(failures([{ type: 'unique', columns: ['id', 'plan'] }])).toEqual([]);
  });

  it('accepted_values reports values outside the list and ignores empty cells', () => {
    const [f] = failures([{ type: 'accepted_values', column: 'plan', values: ['free', 'pro'] }]);
    expect(f).toMatchObject({ failingRows: 1, example: 'plan = "gold"' });
  });

  it('relationships reports keys missing from the referenced table', () => {
    const [f] = failures(
      [{ type: 'relationships', column: 'customer_id', to: 'customers', field: 'id' }],
      'SELECT * FROM invoices',
    );
    expect(f).toMatchObject({ failingRows: 1, example: 'customer_id = 9' });
    expect(f.message).toMatch(/1 row where customer_id is not a id of `customers`/);
  });

  it('row_count_min fails below the minimum', () => {
    expect(failures([{ type: 'row_count_min', min: 5 }])[0].message).toBe(
      'row_count_min(5) failed: the model has 4 rows, fewer than 5.',
    );
    expect(failures([{ type: 'row_count_min', min: 4 }])).toEqual([]);
  });

  it('passing tests report nothing', () => {
    expect(
      failures([
        { type: 'not_null', column: 'plan' },
        { type: 'accepted_values', column: 'plan', values: ['free', 'pro', 'gold'] },
      ]),
    ).toEqual([]);
  });

  it('a test on a column the model does not return fails with the columns it has', () => {
    expect(failures([{ type: 'not_null', column: 'mail' }])[0].message).toMatch(
      /has no column `mail` \(columns: id, email, plan\)/,
    );
  });
});
