/**
 * Two Stripe accounts (a US and an EU entity) feed the same MRR: the package runs over the union
 * of both accounts' tabs (src/model/source-tables.ts) and gives the month-end MRR hand-computed
 * for the whole company in mrr-model.test.ts.
 */
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import { type Grid, runModels } from '../../../src/model/run-models';
import { unionGrids } from '../../../src/model/source-tables';
import { type Row, tablesFromPages } from './support/engine-tables';
import { NOW, saasPages } from './support/saas-fixture';

type Account = 'us' | 'eu';

/** The fixture company split by customer: every other customer (and all their records) is the EU entity's. */
function splitByCustomer(): Record<Account, Record<string, Row[]>> {
  const tables = tablesFromPages(stripe.streams, saasPages());
  const eu = new Set(tables.stripe_customers.filter((_, i) => i % 2 === 1).map((r) => String(r.id)));
  const customerOfSubscription = new Map(
    tables.stripe_subscriptions.map((r) => [String(r.id), String(r.customer)]),
  );
  const customerOfCharge = new Map(tables.stripe_charges.map((r) => [String(r.id), String(r.customer)]));
  const customerOf = (stream: string, row: Row): string | undefined => {
    if (stream === 'customers') return String(row.id);
    if (stream === 'subscription_items') return customerOfSubscription.get(String(row.subscription));
    if (stream === 'balance_transactions') return customerOfCharge.get(String(row.source));
    return row.customer === undefined || row.customer === null ? undefined : String(row.customer);
  };
  const out: Record<Account, Record<string, Row[]>> = { us: {}, eu: {} };
  for (const stream of stripe.streams) {
    const rows = tables[`stripe_${stream.name}`];
    const isEu = (r: Row) => {
      const customer = customerOf(stream.name, r);
      return customer !== undefined && eu.has(customer);
    };
    // Prices have no customer: they stay in the US account, and EU subscriptions find them in the union.
    out.us[stream.name] = rows.filter((r) => !isEu(r));
    out.eu[stream.name] = rows.filter(isEu);
  }
  return out;
}

/** A tab as getValues returns it, its columns in the order given. */
function grid(columns: string[], rows: Row[]): Grid {
  return [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))];
}

function mrrOf(sources: Map<string, Grid>): unknown[] {
  const results = runModels({ models: stripePackage.models, sources });
  expect(results.map((r) => [r.name, r.status, r.error?.message, r.testFailures])).toEqual(
    stripePackage.models.map((m) => [m.name, 'ok', undefined, []]),
  );
  return results.find((r) => r.name === 'stripe_mrr')!.rows.map((r) => r[1]);
}

afterEach(() => {
  jest.useRealTimers();
});

test('the MRR of two accounts read as one table is the whole company’s MRR', () => {
  jest.useFakeTimers({ now: new Date(NOW) });
  const accounts = splitByCustomer();
  expect(accounts.eu.customers.length).toBeGreaterThan(0);
  const union = new Map<string, Grid>();
  const usOnly = new Map<string, Grid>();
  for (const stream of stripe.streams) {
    const columns = stream.columns.map((c) => c.name);
    const us = grid(columns, accounts.us[stream.name]);
    // The EU tab's columns in another order: the union matches them by name.
    const eu = grid([...columns].reverse(), accounts.eu[stream.name]);
    union.set(`stripe_${stream.name}`, unionGrids([us, eu])!);
    usOnly.set(`stripe_${stream.name}`, us);
  }
  // The hand-computed month-end MRR of mrr-model.test.ts, January to July.
  expect(mrrOf(union)).toEqual([200, 224, 324, 474, 474, 466, 466]);
  // The US account alone: the EU customers' share is really in the other tabs.
  expect(mrrOf(usOnly)).toEqual([100, 150, 250, 300, 350, 350, 350]);
});
