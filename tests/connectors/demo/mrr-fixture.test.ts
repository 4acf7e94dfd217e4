/**
 * The MRR models on a small company whose numbers were worked out by hand. Eight customers,
 * January to June 2025, each showing one rule (Stripe's published MRR definitions and
 * ChartMogul's movement definitions, see connectors/demo/README.md):
 *
 *   A  Growth yearly, 4 seats at $150/seat/year        MRR 4 × 150 / 12        = 50.00
 *   B  Growth monthly, 5 seats at $15, 50% off for      MRR 5 × 15              = 75.00
 *      6 months (a repeating coupon does not lower MRR)
 *   C  Starter monthly $29, 20% off forever             MRR 29 × 0.8            = 23.20
 *   D  14-day trial from Jan 20, then Starter $29       MRR 0 in Jan (trial), 29 from Feb (new)
 *   E  Growth monthly, 2 seats ($30); on Mar 20 it      MRR 30 in Jan–Feb, 2 × 15 − 2 × 15 + 6 × 15
 *      upgrades mid-period to 6 seats (prorated)            = 90 from Mar (expansion +60)
 *   F  Starter $29, asks on Apr 2 to cancel at the      MRR 29 until Mar, 0 from Apr (churned −29)
 *      end of its period (Apr 12)
 *   G  Growth monthly, 3 seats ($45); the June payment  MRR 45 every month: past due still counts
 *      fails and the invoice is still open
 *   H  Starter $29 from Jan 5, cancels at once on       MRR 29 in Jan, 0 in Feb–Mar (churned −29),
 *      Feb 20; comes back Apr 18 on Growth, 2 seats         30 from Apr (reactivation +30)
 *
 * The newest invoice is H's on Jun 18: the data's "now", when June is measured.
 */
import {
  demoArpa,
  demoCustomerChurn,
  demoCustomerCohorts,
  demoCustomerMrr,
  demoCustomerMrrChanges,
  demoInvoicesByMonth,
  demoMonths,
  demoMrr,
  demoMrrMovements,
  demoNetRevenueRetention,
} from '../../../connectors/demo/models/billing';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { demoDatabase, type Row, runModels } from './support/demo-db';

const at = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;
const plusMonths = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

interface Price {
  id: string;
  unit_amount: number;
  interval: 'month' | 'year';
}
const STARTER: Price = { id: 'price_StarterMonthly', unit_amount: 2900, interval: 'month' };
const GROWTH: Price = { id: 'price_GrowthMonthly', unit_amount: 1500, interval: 'month' };
const GROWTH_YEARLY: Price = { id: 'price_GrowthYearly', unit_amount: 15000, interval: 'year' };

const customers: Row[] = [];
const subscriptions: Row[] = [];
const invoices: Row[] = [];
const lines: Row[] = [];

function subscription(id: string, customer: string, price: Price, quantity: number, extra: Row = {}): void {
  if (!customers.some((c) => c.id === customer)) customers.push({ id: customer, object: 'customer' });
  subscriptions.push({
    id,
    customer,
    status: 'active',
    quantity,
    plan: { id: price.id, amount: price.unit_amount, interval: price.interval, interval_count: 1 },
    discount: { coupon: { id: null, percent_off: null, duration: null } },
    ended_at: null,
    ...extra,
  });
}

function invoice(
  sub: string,
  day: string,
  invoiceLines: Array<Omit<Row, 'invoice' | 'subscription'>>,
  status = 'paid',
) {
  const id = `in_${sub}_${day}_${invoices.length}`;
  const customer = subscriptions.find((s) => s.id === sub)?.customer;
  invoices.push({ id, customer, subscription: sub, created: at(day), status });
  invoiceLines.forEach((l, i) => {
    lines.push({ id: `${id}_l${i}`, invoice: id, subscription: sub, type: 'subscription', ...l });
  });
}

function line(
  price: Price,
  quantity: number,
  from: string,
  to: string,
  amount = price.unit_amount * quantity,
): Row {
  return {
    amount,
    quantity,
    proration: false,
    period: { start: at(from), end: at(to) },
    price: {
      id: price.id,
      unit_amount: price.unit_amount,
      recurring: { interval: price.interval, interval_count: 1, usage_type: 'licensed' },
    },
  };
}

/** One invoice per month from `first`, each billing the month that follows. */
function renewals(
  sub: string,
  price: Price,
  quantity: number,
  first: string,
  count: number,
  lastStatus = 'paid',
) {
  for (let k = 0; k < count; k++) {
    const from = plusMonths(first, k);
    invoice(
      sub,
      from,
      [line(price, quantity, from, plusMonths(first, k + 1))],
      k === count - 1 ? lastStatus : 'paid',
    );
  }
}

subscription('sub_A', 'cus_A', GROWTH_YEARLY, 4);
invoice('sub_A', '2025-01-10', [line(GROWTH_YEARLY, 4, '2025-01-10', '2026-01-10')]);

subscription('sub_B', 'cus_B', GROWTH, 5, {
  discount: { coupon: { id: 'WELCOME50', percent_off: 50, duration: 'repeating', duration_in_months: 6 } },
});
renewals('sub_B', GROWTH, 5, '2025-01-05', 6);

subscription('sub_C', 'cus_C', STARTER, 1, {
  discount: { coupon: { id: 'LAUNCH20', percent_off: 20, duration: 'forever' } },
});
renewals('sub_C', STARTER, 1, '2025-01-03', 6);

subscription('sub_D', 'cus_D', STARTER, 1, { trial_start: at('2025-01-20'), trial_end: at('2025-02-03') });
invoice('sub_D', '2025-01-20', [line(STARTER, 1, '2025-01-20', '2025-02-03', 0)]);
renewals('sub_D', STARTER, 1, '2025-02-03', 5);

subscription('sub_E', 'cus_E', GROWTH, 6);
renewals('sub_E', GROWTH, 2, '2025-01-15', 3);
invoice('sub_E', '2025-03-20', [
  { ...line(GROWTH, 2, '2025-03-20', '2025-04-15', -Math.round((3000 * 26) / 31)), proration: true },
  { ...line(GROWTH, 6, '2025-03-20', '2025-04-15', Math.round((9000 * 26) / 31)), proration: true },
]);
renewals('sub_E', GROWTH, 6, '2025-04-15', 3);

subscription('sub_F', 'cus_F', STARTER, 1, {
  status: 'canceled',
  cancel_at_period_end: true,
  canceled_at: at('2025-04-02'),
  ended_at: at('2025-04-12'),
});
renewals('sub_F', STARTER, 1, '2025-01-12', 3);

subscription('sub_G', 'cus_G', GROWTH, 3, { status: 'past_due' });
renewals('sub_G', GROWTH, 3, '2025-01-08', 6, 'open');

subscription('sub_H1', 'cus_H', STARTER, 1, {
  status: 'canceled',
  canceled_at: at('2025-02-20'),
  ended_at: at('2025-02-20'),
});
renewals('sub_H1', STARTER, 1, '2025-01-05', 2);
subscription('sub_H2', 'cus_H', GROWTH, 2);
renewals('sub_H2', GROWTH, 2, '2025-04-18', 3);

const MODELS = [
  demoInvoicesByMonth,
  demoMonths,
  demoCustomerMrr,
  demoCustomerCohorts,
  demoCustomerMrrChanges,
  demoMrr,
  demoMrrMovements,
  demoArpa,
  demoCustomerChurn,
  demoNetRevenueRetention,
];
const runs = runModels(
  demoDatabase({ customers, subscriptions, invoices, invoice_lines: lines }, DEMO_STREAM_SPECS),
  MODELS,
);
const rows = (model: string) => runs[model].rows;
const month = (r: Row) => (r.month as Date).toDateString().slice(4);
const pick = (model: string, columns: string[]) =>
  rows(model).map((r) => [month(r), ...columns.map((c) => r[c])]);

describe('the MRR models on a hand-computed company', () => {
  it('measure each month at its last second, and June at the newest invoice (Jun 18)', () => {
    expect(
      rows('demo_months').map((r) => [month(r), (r.measured_at as Date).toISOString(), r.is_complete]),
    ).toEqual([
      ['Jan 01 2025', new Date(2025, 1, 1, 0, 0, -1).toISOString(), true],
      ['Feb 01 2025', new Date(2025, 2, 1, 0, 0, -1).toISOString(), true],
      ['Mar 01 2025', new Date(2025, 3, 1, 0, 0, -1).toISOString(), true],
      ['Apr 01 2025', new Date(2025, 4, 1, 0, 0, -1).toISOString(), true],
      ['May 01 2025', new Date(2025, 5, 1, 0, 0, -1).toISOString(), true],
      ['Jun 01 2025', '2025-06-18T12:00:00.000Z', false],
    ]);
  });

  it('compute MRR, its movements and paying customers month by month', () => {
    expect(
      pick('demo_mrr', [
        'mrr',
        'new_mrr',
        'expansion_mrr',
        'contraction_mrr',
        'churned_mrr',
        'reactivation_mrr',
        'customers',
      ]),
    ).toEqual([
      // A 50 + B 75 + C 23.20 + E 30 + F 29 + G 45 + H 29 = 281.20, all new; D is still in trial.
      ['Jan 01 2025', 281.2, 281.2, 0, 0, 0, 0, 7],
      // D starts paying (+29 new); H canceled at once on Feb 20 (−29 churned): 281.20.
      ['Feb 01 2025', 281.2, 29, 0, 0, 29, 0, 7],
      // E goes from 2 to 6 seats on Mar 20: 30 → 90 (+60 expansion): 281.20 + 60 = 341.20.
      ['Mar 01 2025', 341.2, 0, 60, 0, 0, 0, 7],
      // F's period ended Apr 12 (−29 churned); H is back on 2 Growth seats (+30 reactivation): 342.20.
      ['Apr 01 2025', 342.2, 0, 0, 0, 29, 30, 7],
      ['May 01 2025', 342.2, 0, 0, 0, 0, 0, 7],
      // G's June invoice is unpaid but its subscription is past due, not canceled: still 342.20.
      ['Jun 01 2025', 342.2, 0, 0, 0, 0, 0, 7],
    ]);
  });

  it('give each customer the MRR the rules above say', () => {
    const of = (customer: string) =>
      rows('demo_customer_mrr')
        .filter((r) => r.customer === customer)
        .map((r) => [month(r).slice(0, 3), r.mrr]);
    expect(of('cus_A')).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'].map((m) => [m, 50]));
    expect(of('cus_B').map(([, v]) => v)).toEqual([75, 75, 75, 75, 75, 75]);
    expect(of('cus_C').map(([, v]) => v)).toEqual([23.2, 23.2, 23.2, 23.2, 23.2, 23.2]);
    expect(of('cus_D')).toEqual(['Feb', 'Mar', 'Apr', 'May', 'Jun'].map((m) => [m, 29]));
    expect(of('cus_E').map(([, v]) => v)).toEqual([30, 30, 90, 90, 90, 90]);
    expect(of('cus_F')).toEqual(['Jan', 'Feb', 'Mar'].map((m) => [m, 29]));
    expect(of('cus_G').map(([, v]) => v)).toEqual([45, 45, 45, 45, 45, 45]);
    expect(of('cus_H')).toEqual([
      ['Jan', 29],
      ['Apr', 30],
      ['May', 30],
      ['Jun', 30],
    ]);
  });

  it('log every change with its movement', () => {
    expect(
      rows('demo_customer_mrr_changes').map((r) => [
        month(r).slice(0, 3),
        r.customer,
        r.mrr_change,
        r.movement,
      ]),
    ).toEqual([
      ['Jan', 'cus_A', 50, 'New'],
      ['Jan', 'cus_B', 75, 'New'],
      ['Jan', 'cus_C', 23.2, 'New'],
      ['Jan', 'cus_E', 30, 'New'],
      ['Jan', 'cus_F', 29, 'New'],
      ['Jan', 'cus_G', 45, 'New'],
      ['Jan', 'cus_H', 29, 'New'],
      ['Feb', 'cus_D', 29, 'New'],
      ['Feb', 'cus_H', -29, 'Churned'],
      ['Mar', 'cus_E', 60, 'Expansion'],
      ['Apr', 'cus_F', -29, 'Churned'],
      ['Apr', 'cus_H', 30, 'Reactivation'],
    ]);
  });

  it('sign the movements for the stacked chart: gains up, losses down', () => {
    expect(pick('demo_mrr_movements', ['movement', 'mrr_change'])).toEqual([
      ['Jan 01 2025', 'New', 281.2],
      ['Feb 01 2025', 'Churned', -29],
      ['Feb 01 2025', 'New', 29],
      ['Mar 01 2025', 'Expansion', 60],
      ['Apr 01 2025', 'Churned', -29],
      ['Apr 01 2025', 'Reactivation', 30],
    ]);
  });

  it('compute ARPA as MRR ÷ paying customers', () => {
    // 281.20 / 7 = 40.171…; 341.20 / 7 = 48.742…; 342.20 / 7 = 48.885…
    expect(pick('demo_arpa', ['arpa'])).toEqual([
      ['Jan 01 2025', 40.17],
      ['Feb 01 2025', 40.17],
      ['Mar 01 2025', 48.74],
      ['Apr 01 2025', 48.89],
      ['May 01 2025', 48.89],
      ['Jun 01 2025', 48.89],
    ]);
  });

  it('compute customer churn for finished months that have a previous month', () => {
    // Feb: H left, 1 of the 7 paying at the end of Jan = 0.1429; Apr: F left, 1 of 7.
    expect(pick('demo_customer_churn', ['customers_at_start', 'churned_customers', 'churn_rate'])).toEqual([
      ['Feb 01 2025', 7, 1, 0.1429],
      ['Mar 01 2025', 7, 0, 0],
      ['Apr 01 2025', 7, 1, 0.1429],
      ['May 01 2025', 7, 0, 0],
    ]);
  });

  it('compute net revenue retention without new or reactivated revenue', () => {
    // Feb (281.20 − 29) / 281.20 = 0.8969; Mar (281.20 + 60) / 281.20 = 1.2134;
    // Apr (341.20 − 29) / 341.20 = 0.9150 (H's +30 is reactivation, left out); May 1.
    expect(
      pick('demo_net_revenue_retention', [
        'starting_mrr',
        'expansion_mrr',
        'churned_mrr',
        'net_revenue_retention',
      ]),
    ).toEqual([
      ['Feb 01 2025', 281.2, 0, 29, 0.8969],
      ['Mar 01 2025', 281.2, 60, 0, 1.2134],
      ['Apr 01 2025', 341.2, 0, 29, 0.915],
      ['May 01 2025', 342.2, 0, 0, 1],
    ]);
  });
});
