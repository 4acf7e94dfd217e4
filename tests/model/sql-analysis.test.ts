import { analyzeQuery } from '../../src/model/sql-analysis';
import { guardSql } from '../../src/model/sql-guard';
import { thrown } from './support';

const owner = { label: 'model `mrr_by_month`', where: 'mrr_by_month' };
const catalog = new Map<string, string[]>([
  ['stripe_subscriptions', ['id', 'status', 'plan.amount', 'customer', 'customer.email', 'created']],
  ['stripe_customers', ['id', 'email', 'created']],
]);
const analyze = (sql: string) => analyzeQuery(guardSql(sql, owner), catalog, sql, owner);
const failure = (sql: string) => thrown(() => analyze(sql));

describe('checking a query against its tables', () => {
  it('names the model, the column, its position, the columns that exist and a close match', () => {
    const error = failure('SELECT status,\n       plan_amount AS mrr\nFROM stripe_subscriptions');
    expect(error.code).toBe('model_missing_column');
    expect(error.message).toBe(
      'Model `mrr_by_month` reads `stripe_subscriptions.plan_amount` (line 2, column 8), which does not exist; ' +
        'columns of `stripe_subscriptions` are: `id`, `status`, `plan.amount`, `customer`, `customer.email`, `created`. Did you mean `plan.amount`?',
    );
    expect(error.fix).toBe('Replace `plan_amount` with [plan.amount].');
    expect(error.where).toBe('mrr_by_month');
  });

  it('finds a missing column in a qualified reference', () => {
    const error = failure('SELECT s.statsu AS st FROM stripe_subscriptions AS s');
    expect(error.message).toMatch(/reads `s\.statsu` \(line 1, column 8\).*Did you mean `status`\?/);
  });

  it('explains a flattened name written without brackets', () => {
    const error = failure('SELECT customer.email AS email FROM stripe_subscriptions');
    expect(error.message).toMatch(/the column is named `customer\.email`/);
    expect(error.fix).toBe('Write it in square brackets: [customer.email].');
  });

  it('names a missing table with a close match', () => {
    const error = failure('SELECT id FROM stripe_subscription');
    expect(error.code).toBe('model_missing_table');
    expect(error.message).toMatch(
      /reads the table `stripe_subscription` \(line 1, column 16\), which does not exist/,
    );
    expect(error.message).toMatch(/Did you mean `stripe_subscriptions`\?/);
  });

  it('asks which table an ambiguous column comes from', () => {
    const error = failure(
      'SELECT id FROM stripe_subscriptions s JOIN stripe_customers c ON s.customer = c.id',
    );
    expect(error.code).toBe('model_ambiguous_column');
    expect(error.fix).toBe('Say which one: s.id or c.id.');
  });

  it('asks for a name for every computed column', () => {
    const error = failure('SELECT COUNT(*) FROM stripe_subscriptions');
    expect(error.code).toBe('model_unnamed_column');
    expect(error.fix).toMatch(/COUNT\(\*\) AS total/);
  });

  it('refuses two output columns with the same name', () => {
    expect(
      failure('SELECT s.id, c.id FROM stripe_subscriptions s JOIN stripe_customers c ON s.customer = c.id')
        .code,
    ).toBe('model_duplicate_column');
  });

  it('works out the output columns and the columns each table must load', () => {
    const shape = analyze(
      "WITH paying AS (SELECT customer, [plan.amount] AS amount FROM stripe_subscriptions WHERE status = 'active') " +
        'SELECT c.email, SUM(p.amount) AS mrr FROM paying p JOIN stripe_customers c ON p.customer = c.id GROUP BY c.email ORDER BY mrr DESC',
    );
    expect(shape.columns).toEqual(['email', 'mrr']);
    expect(shape.uses.get('stripe_subscriptions')).toEqual(new Set(['customer', 'plan.amount', 'status']));
    expect(shape.uses.get('stripe_customers')).toEqual(new Set(['email', 'id']));
  });

  it('expands * to the table’s columns', () => {
    const shape = analyze('SELECT * FROM stripe_customers');
    expect(shape.columns).toEqual(['id', 'email', 'created']);
    expect(shape.uses.get('stripe_customers')).toBe('all');
  });

  it('lets ORDER BY use an output name and a subquery read the outer row', () => {
    expect(() =>
      analyze(
        'SELECT c.email AS e, (SELECT COUNT(*) AS n FROM stripe_subscriptions s WHERE s.customer = c.id) AS subs FROM stripe_customers c ORDER BY e',
      ),
    ).not.toThrow();
  });
});
