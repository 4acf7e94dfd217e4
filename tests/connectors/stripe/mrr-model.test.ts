/**
 * The Stripe MRR models against a small SaaS whose MRR was worked out by hand
 * (support/saas-fixture.ts). All amounts in dollars; Stripe sends cents.
 */
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import { type Row, tablesFromPages, withBlankCells } from './support/engine-tables';
import { byMonth, customerMrr, movementsOf, ym } from './support/model-rows';
import { runModels } from './support/run-models';
import { NOW, saasPages } from './support/saas-fixture';

const MRR_COLUMNS = [
  'mrr',
  'new_mrr',
  'expansion_mrr',
  'contraction_mrr',
  'churned_mrr',
  'reactivation_mrr',
  'customers',
];

let results: Record<string, Row[]>;

function run(pages: Record<string, unknown[]>, blankCells = false): Record<string, Row[]> {
  const tables = tablesFromPages(stripe.streams, pages);
  return runModels(stripePackage.models, blankCells ? withBlankCells(tables) : tables);
}

beforeAll(() => {
  jest.useFakeTimers({ now: new Date(NOW) });
  results = run(saasPages());
});

afterAll(() => {
  jest.useRealTimers();
});

describe('stripe_mrr', () => {
  test('each month holds the MRR in force at its end and the movements that led there', () => {
    // Month-end MRR per customer (A annual, B seats, C trial, E upgrade, F cancel, G past due, H reactivate):
    // Jan: A 100 + F 50 + H 50                          = 200  (all new)
    // Feb: A 100 + B 24 + E 50 + F 50 (H ended 5 Feb)   = 224  new 24 + 50 = 74, churn H 50
    // Mar: 224 + C 100 (trial converted 24 Mar)         = 324  new 100
    // Apr: A 100 + B 24 + C 100 + E 100 + F 50 + H 100  = 474  expansion E 50, reactivation H 100
    // May: F ended 10 May, G starts 5 May               = 474  new 50, churn 50
    // Jun: B down to 2 seats: 2 × 10 × 0.8 = 16         = 466  contraction 24 − 16 = 8
    // Jul (now, from today's subscriptions)             = 466
    expect(byMonth(results.stripe_mrr, MRR_COLUMNS)).toEqual({
      '2025-01': {
        mrr: 200,
        new_mrr: 200,
        expansion_mrr: 0,
        contraction_mrr: 0,
        churned_mrr: 0,
        reactivation_mrr: 0,
        customers: 3,
      },
      '2025-02': {
        mrr: 224,
        new_mrr: 74,
        expansion_mrr: 0,
        contraction_mrr: 0,
        churned_mrr: 50,
        reactivation_mrr: 0,
        customers: 4,
      },
      '2025-03': {
        mrr: 324,
        new_mrr: 100,
        expansion_mrr: 0,
        contraction_mrr: 0,
        churned_mrr: 0,
        reactivation_mrr: 0,
        customers: 5,
      },
      '2025-04': {
        mrr: 474,
        new_mrr: 0,
        expansion_mrr: 50,
        contraction_mrr: 0,
        churned_mrr: 0,
        reactivation_mrr: 100,
        customers: 6,
      },
      '2025-05': {
        mrr: 474,
        new_mrr: 50,
        expansion_mrr: 0,
        contraction_mrr: 0,
        churned_mrr: 50,
        reactivation_mrr: 0,
        customers: 6,
      },
      '2025-06': {
        mrr: 466,
        new_mrr: 0,
        expansion_mrr: 0,
        contraction_mrr: 8,
        churned_mrr: 0,
        reactivation_mrr: 0,
        customers: 6,
      },
      '2025-07': {
        mrr: 466,
        new_mrr: 0,
        expansion_mrr: 0,
        contraction_mrr: 0,
        churned_mrr: 0,
        reactivation_mrr: 0,
        customers: 6,
      },
    });
  });

  test('the movements of every month explain the change from the month before', () => {
    const rows = results.stripe_mrr;
    for (let i = 1; i < rows.length; i++) {
      const [before, now] = [rows[i - 1], rows[i]];
      const explained =
        (before.mrr as number) +
        (now.new_mrr as number) +
        (now.expansion_mrr as number) +
        (now.reactivation_mrr as number) -
        (now.contraction_mrr as number) -
        (now.churned_mrr as number);
      expect(explained).toBeCloseTo(now.mrr as number, 6);
    }
  });

  test('rows run oldest first with one row per month', () => {
    const months = results.stripe_mrr.map((r) => (r.month as Date).getTime());
    expect(months).toEqual([...months].sort((a, b) => a - b));
    expect(new Set(months).size).toBe(months.length);
  });
});

describe('stripe_mrr_movements', () => {
  test('lists every movement of every month, losses as negative amounts', () => {
    const april = results.stripe_mrr_movements.filter((r) => ym(r.month) === '2025-04');
    expect(april.map((r) => [r.movement, r.amount])).toEqual([
      ['New', 0],
      ['Expansion', 50],
      ['Reactivation', 100],
      ['Contraction', 0],
      ['Churn', 0],
    ]);
    const may = results.stripe_mrr_movements.filter((r) => ym(r.month) === '2025-05');
    expect(may.find((r) => r.movement === 'Churn')?.amount).toBe(-50);
  });
});

describe('stripe_customer_mrr and stripe_mrr_changes', () => {
  const mrrOf = (customer: string) => customerMrr(results, customer);
  const movesOf = (customer: string) => movementsOf(results, customer);

  test('an annual plan counts a twelfth of its price every month', () => {
    // $1,200 a year ÷ 12 = $100 a month, from January through July.
    expect(mrrOf('cus_annual')).toEqual({
      '2025-01': 100,
      '2025-02': 100,
      '2025-03': 100,
      '2025-04': 100,
      '2025-05': 100,
      '2025-06': 100,
      '2025-07': 100,
    });
  });

  test('quantity multiplies the unit price and a 20%-off-forever coupon stays applied', () => {
    // 3 seats × $10 × (1 − 0.20) = $24; from June 2 seats × $10 × 0.8 = $16, a contraction of $8.
    expect(mrrOf('cus_seats')).toEqual({
      '2025-02': 24,
      '2025-03': 24,
      '2025-04': 24,
      '2025-05': 24,
      '2025-06': 16,
      '2025-07': 16,
    });
    expect(movesOf('cus_seats')).toEqual({ '2025-02': 'new', '2025-06': 'contraction' });
  });

  test('a trial counts nothing, and is new MRR in the month it converts', () => {
    // Trial 10–24 March ($0 line), then $100 from 24 March: in force at the end of March.
    expect(mrrOf('cus_trial')).toEqual({
      '2025-03': 100,
      '2025-04': 100,
      '2025-05': 100,
      '2025-06': 100,
      '2025-07': 100,
    });
    expect(movesOf('cus_trial')).toEqual({ '2025-03': 'new' });
    // Still trialing now: never counted, though its next invoice already waits as a draft.
    expect(mrrOf('cus_trialing')).toEqual({});
  });

  test('an upgrade mid-month is expansion in the month it happens', () => {
    // Basic $50 from 15 Feb. On 25 April: Basic line (+50) − credit for unused Basic (−50)
    // + charge for Pro (+100) = $100 at the end of April, though Pro is first billed on 15 May.
    expect(mrrOf('cus_upgrade')).toEqual({
      '2025-02': 50,
      '2025-03': 50,
      '2025-04': 100,
      '2025-05': 100,
      '2025-06': 100,
      '2025-07': 100,
    });
    expect(movesOf('cus_upgrade')).toEqual({ '2025-02': 'new', '2025-04': 'expansion' });
  });

  test('a cancellation at period end is churn in the month the last period ends', () => {
    // Canceled on 20 April, paid through 10 May: $50 at the end of April, $0 at the end of May.
    expect(mrrOf('cus_cancel')).toEqual({
      '2025-01': 50,
      '2025-02': 50,
      '2025-03': 50,
      '2025-04': 50,
      '2025-05': 0,
    });
    expect(movesOf('cus_cancel')).toEqual({ '2025-01': 'new', '2025-05': 'churn' });
  });

  test('a past-due subscription still counts while Stripe retries the payment', () => {
    // The 5 July invoice is open after two failed attempts; the subscription is past_due.
    expect(mrrOf('cus_pastdue')).toEqual({ '2025-05': 50, '2025-06': 50, '2025-07': 50 });
  });

  test('a customer who pays again after churning is reactivation, not new', () => {
    // Basic $50 in January, ended 5 February (churn $50); Pro $100 from 12 April.
    expect(mrrOf('cus_reactivate')).toEqual({
      '2025-01': 50,
      '2025-02': 0,
      '2025-04': 100,
      '2025-05': 100,
      '2025-06': 100,
      '2025-07': 100,
    });
    expect(movesOf('cus_reactivate')).toEqual({
      '2025-01': 'new',
      '2025-02': 'churn',
      '2025-04': 'reactivation',
    });
  });
});

describe('stripe_mrr_lines', () => {
  test('void and draft invoices, metered prices and one-off lines never count', () => {
    const lines = results.stripe_mrr_lines.map((r) => r.line);
    expect(lines).not.toContain('il_annual_dup'); // void
    expect(lines).not.toContain('il_trialing_1'); // draft
    expect(lines.filter((l) => String(l).startsWith('il_usage'))).toEqual([]); // metered
    expect(lines).not.toContain('il_setup'); // one-time price
    expect(lines).toContain('il_pastdue_3'); // open (past due) counts
  });

  test('a proration is valued at the list price, signed like its amount', () => {
    const line = (id: string) => results.stripe_mrr_lines.find((r) => r.line === id);
    // Unused Basic: −$33.33 for 20 of 30 days, worth −$50 a month; remaining Pro: +$100.
    expect(line('il_upgrade_4a')?.mrr).toBe(-50);
    expect(line('il_upgrade_4b')?.mrr).toBe(100);
  });
});

describe('stripe_customer_metrics', () => {
  test('churn rate, net revenue retention and ARPA follow from month-end MRR', () => {
    // Feb: 1 of the 3 January customers left (H): 1/3; they paid 200, now 100 + 50 + 0 = 150: 150/200.
    // Apr: start A 100, B 24, C 100, E 50, F 50 = 324; end 100 + 24 + 100 + 100 + 50 = 374: 374/324.
    // May: F left, 1 of 6; start 474, the same six end at 100 + 24 + 100 + 100 + 0 + 100 = 424: 424/474.
    // Jun: B contracts: 466/474. ARPA = MRR ÷ paying customers: 224/4 = 56, 466/6 = 77.67.
    expect(
      byMonth(results.stripe_customer_metrics, [
        'customers',
        'arpa',
        'customers_at_start',
        'churned_customers',
        'customer_churn_rate',
        'net_revenue_retention',
      ]),
    ).toEqual({
      '2025-01': {
        customers: 3,
        arpa: 66.67,
        customers_at_start: 0,
        churned_customers: 0,
        customer_churn_rate: null,
        net_revenue_retention: null,
      },
      '2025-02': {
        customers: 4,
        arpa: 56,
        customers_at_start: 3,
        churned_customers: 1,
        customer_churn_rate: 0.3333,
        net_revenue_retention: 0.75,
      },
      '2025-03': {
        customers: 5,
        arpa: 64.8,
        customers_at_start: 4,
        churned_customers: 0,
        customer_churn_rate: 0,
        net_revenue_retention: 1,
      },
      '2025-04': {
        customers: 6,
        arpa: 79,
        customers_at_start: 5,
        churned_customers: 0,
        customer_churn_rate: 0,
        net_revenue_retention: 1.1543,
      },
      '2025-05': {
        customers: 6,
        arpa: 79,
        customers_at_start: 6,
        churned_customers: 1,
        customer_churn_rate: 0.1667,
        net_revenue_retention: 0.8945,
      },
      '2025-06': {
        customers: 6,
        arpa: 77.67,
        customers_at_start: 6,
        churned_customers: 0,
        customer_churn_rate: 0,
        net_revenue_retention: 0.9831,
      },
      '2025-07': {
        customers: 6,
        arpa: 77.67,
        customers_at_start: 6,
        churned_customers: 0,
        customer_churn_rate: 0,
        net_revenue_retention: 1,
      },
    });
  });
});

describe('reading the tabs back', () => {
  test('empty cells read back as blank text give the same results as nulls', () => {
    const blank = run(saasPages(), true);
    expect(byMonth(blank.stripe_mrr, MRR_COLUMNS)).toEqual(byMonth(results.stripe_mrr, MRR_COLUMNS));
    expect(blank.stripe_customer_mrr).toEqual(results.stripe_customer_mrr);
    expect(blank.stripe_mrr_changes).toEqual(results.stripe_mrr_changes);
  });
});

describe('stripe_mrr_by_plan', () => {
  test("splits today's MRR by plan, percent-off discounts applied", () => {
    // Pro: trial 100 + upgrade 100 + reactivate 100 = 300 (cus_trialing is still trialing);
    // Annual 1,200 / 12 = 100; Basic: past due 50; Seat: 2 × 10 × 0.8 = 16. Total 466 = July's MRR.
    expect(results.stripe_mrr_by_plan.map((r) => [r.plan_name, r.subscriptions, r.mrr])).toEqual([
      ['price_pro', 3, 300],
      ['price_annual', 1, 100],
      ['price_basic', 1, 50],
      ['price_seat', 1, 16],
    ]);
  });
});
