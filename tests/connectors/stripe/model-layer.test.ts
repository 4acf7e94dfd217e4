/**
 * The Stripe package through Tapdash's own model layer (src/model/run-models.ts): its SQL
 * guard, column analysis, row budget and dbt tests, with tabs as Sheets hands them over.
 */
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import { type Grid, runModels } from '../../../src/model/run-models';
import { DEFAULT_BUDGET } from '../../../src/model/sql-budget';
import { type Row, tablesFromPages } from './support/engine-tables';
import { NOW, saasPages } from './support/saas-fixture';
import { syntheticAccount } from './support/synthetic-account';

/** Tabs as getValues returns them: the declared header, then rows with '' for empty cells. */
function grids(tables: Record<string, Row[]>): Map<string, Grid> {
  const out = new Map<string, Grid>();
  for (const stream of stripe.streams) {
    const header = stream.columns.map((c) => c.name);
    const rows = tables[`stripe_${stream.name}`] ?? [];
    out.set(`stripe_${stream.name}`, [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
  }
  return out;
}

afterEach(() => {
  jest.useRealTimers();
});

test('every model passes the guard, runs and meets its own tests', () => {
  jest.useFakeTimers({ now: new Date(NOW) });
  const results = runModels({
    models: stripePackage.models,
    sources: grids(tablesFromPages(stripe.streams, saasPages())),
  });
  expect(results.map((r) => [r.name, r.status, r.error?.message, r.testFailures])).toEqual(
    stripePackage.models.map((m) => [m.name, 'ok', undefined, []]),
  );
  const mrr = results.find((r) => r.name === 'stripe_mrr');
  expect(mrr?.columns).toEqual([
    'month',
    'mrr',
    'new_mrr',
    'expansion_mrr',
    'contraction_mrr',
    'churned_mrr',
    'reactivation_mrr',
    'customers',
  ]);
  // The hand-computed month-end MRR of mrr-model.test.ts, January to July.
  expect(mrr?.rows.map((r) => r[1])).toEqual([200, 224, 324, 474, 474, 466, 466]);
});

test('400 customers over three years stay well within the model layer row budget', () => {
  // Real time here: the account is built around today (fake timers make every Date slow).
  const now = Date.now();
  const results = runModels({
    models: stripePackage.models,
    sources: grids(tablesFromPages(stripe.streams, syntheticAccount(400, 36, now))),
  });
  for (const r of results) {
    expect([r.name, r.status, r.error?.message]).toEqual([r.name, 'ok', undefined]);
    // The work grows with the number of invoice lines (about 5,000 here): under a quarter of
    // the budget means an account four times this size still runs.
    expect(r.estimatedWork ?? 0).toBeLessThanOrEqual(DEFAULT_BUDGET.maxRowsExamined / 4);
  }
  const mrr = results.find((r) => r.name === 'stripe_mrr');
  expect(mrr?.rows).toHaveLength(36);
});
