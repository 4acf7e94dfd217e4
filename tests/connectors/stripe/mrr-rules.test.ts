/**
 * One MRR rule per test, each on a one-customer Stripe account built for it. Now is
 * 15 July 2025 (July is the current month, valued from today's subscriptions).
 */
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import {
  type CouponInput,
  customer,
  discount,
  type InvoiceInput,
  invoice,
  listPage,
  type PriceInput,
  price,
  type StripeObject,
  type SubscriptionInput,
  subscription,
} from '../../../playground/mock-apis/stripe/stripe-objects';
import { type Row, tablesFromPages } from './support/engine-tables';
import { customerMrr, movementsOf } from './support/model-rows';
import { runModels } from './support/run-models';

const NOW = '2025-07-15T12:00:00Z';

interface Account {
  prices: PriceInput[];
  subscriptions: Array<
    Omit<SubscriptionInput, 'customer' | 'items'> & {
      items: Array<{ id: string; price: string; quantity?: number; period: [string, string] }>;
      coupon?: CouponInput;
    }
  >;
  invoices: Array<Omit<InvoiceInput, 'customer'>>;
}

/** Runs the models over one customer's account (`cus_1`). */
function modelsFor(account: Account): Record<string, Row[]> {
  const prices = new Map(account.prices.map((p) => [p.id, price(p)]));
  const subscriptions = account.subscriptions.map((s) =>
    subscription({
      ...s,
      customer: 'cus_1',
      discounts: s.coupon ? [discount(`di_${s.id}`, s.coupon)] : [],
      items: s.items.map((it) => ({ ...it, price: prices.get(it.price) as StripeObject })),
    }),
  );
  const invoices = account.invoices.map((i) => invoice({ ...i, customer: 'cus_1' }));
  const tables = tablesFromPages(stripe.streams, {
    '/v1/customers': [listPage('/v1/customers', [customer({ id: 'cus_1', created: '2025-01-01' })])],
    '/v1/subscriptions': [listPage('/v1/subscriptions', subscriptions)],
    '/v1/prices': [listPage('/v1/prices', [...prices.values()])],
    '/v1/invoices': [listPage('/v1/invoices', invoices)],
  });
  return runModels(stripePackage.models, tables);
}

/** A paid invoice with one regular line. */
function paid(
  id: string,
  sub: string,
  priceId: string,
  amount: number,
  period: [string, string],
  extra: { quantity?: number; discount?: number } = {},
): Omit<InvoiceInput, 'customer'> {
  return {
    id,
    subscription: sub,
    status: 'paid',
    created: period[0],
    lines: [{ id: `il_${id}`, price: priceId, amount, period, ...extra }],
  };
}

beforeAll(() => {
  jest.useFakeTimers({ now: new Date(NOW) });
});

afterAll(() => {
  jest.useRealTimers();
});

test('weekly, daily and quarterly prices are normalised to a month', () => {
  const results = modelsFor({
    prices: [
      { id: 'weekly', unit_amount: 3000, interval: 'week' },
      { id: 'daily', unit_amount: 200, interval: 'day' },
      { id: 'quarterly', unit_amount: 30000, interval: 'month', interval_count: 3 },
    ],
    subscriptions: [
      {
        id: 'sub_w',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_w', price: 'weekly', period: ['2025-07-11', '2025-07-18'] }],
      },
      {
        id: 'sub_d',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_d', price: 'daily', period: ['2025-07-15', '2025-07-16'] }],
      },
      {
        id: 'sub_q',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_q', price: 'quarterly', period: ['2025-06-10', '2025-09-10'] }],
      },
    ],
    invoices: [
      paid('w', 'sub_w', 'weekly', 3000, ['2025-06-27', '2025-07-04']),
      paid('d', 'sub_d', 'daily', 200, ['2025-06-30', '2025-07-01']),
      paid('q', 'sub_q', 'quarterly', 30000, ['2025-06-10', '2025-09-10']),
    ],
  });
  // $30 a week × 52 / 12 = $130; $2 a day × 365 / 12 = $60.8333; $300 every 3 months ÷ 3 = $100.
  const lineValue = (id: string) => results.stripe_mrr_lines.find((r) => r.line === id)?.mrr;
  expect([lineValue('il_w'), lineValue('il_d'), lineValue('il_q')]).toEqual([130, 60.8333, 100]);
  // June from the invoice lines, July from the subscriptions: 130 + 60.8333 + 100 = 290.83.
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 290.83, '2025-07': 290.83 });
});

test('an amount-off coupon in force comes off the MRR', () => {
  const results = modelsFor({
    prices: [{ id: 'basic', unit_amount: 5000, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-06-01',
        coupon: { amount_off: 1000, duration: 'forever' },
        items: [{ id: 'si_1', price: 'basic', period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [paid('jun', 'sub_1', 'basic', 5000, ['2025-06-01', '2025-07-01'], { discount: 1000 })],
  });
  // $50 − $10 = $40, in June (from the invoice's discount) and now (from the coupon).
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 40, '2025-07': 40 });
});

test('a repeating coupon counts while it lasts and not after it ends', () => {
  const results = modelsFor({
    prices: [{ id: 'basic', unit_amount: 5000, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-04-01',
        coupon: {
          percent_off: 50,
          duration: 'repeating',
          duration_in_months: 2,
          start: '2025-04-01',
          end: '2025-06-01',
        },
        items: [{ id: 'si_1', price: 'basic', period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [
      paid('apr', 'sub_1', 'basic', 5000, ['2025-04-01', '2025-05-01'], { discount: 2500 }),
      paid('may', 'sub_1', 'basic', 5000, ['2025-05-01', '2025-06-01'], { discount: 2500 }),
      paid('jun', 'sub_1', 'basic', 5000, ['2025-06-01', '2025-07-01']),
    ],
  });
  // 50% off $50 = $25 in April and May; full $50 from June; the ended coupon is ignored in July.
  expect(customerMrr(results, 'cus_1')).toEqual({
    '2025-04': 25,
    '2025-05': 25,
    '2025-06': 50,
    '2025-07': 50,
  });
  expect(movementsOf(results, 'cus_1')).toEqual({
    '2025-04': 'new',
    '2025-06': 'expansion',
  });
});

test('an upgrade under a 20%-off coupon is valued at 20% off', () => {
  const results = modelsFor({
    prices: [
      { id: 'basic', unit_amount: 5000, interval: 'month' },
      { id: 'pro', unit_amount: 10000, interval: 'month' },
    ],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-04-15',
        coupon: { percent_off: 20, duration: 'forever' },
        items: [{ id: 'si_1', price: 'pro', period: ['2025-07-15', '2025-08-15'] }],
      },
    ],
    invoices: [
      paid('apr', 'sub_1', 'basic', 5000, ['2025-04-15', '2025-05-15'], { discount: 1000 }),
      {
        id: 'may',
        subscription: 'sub_1',
        status: 'paid',
        created: '2025-05-15',
        lines: [
          // Stripe's default: proration amounts come already discounted, with no discount amounts.
          {
            id: 'il_credit',
            price: 'basic',
            amount: -2667,
            period: ['2025-04-25', '2025-05-15'],
            proration: true,
          },
          {
            id: 'il_charge',
            price: 'pro',
            amount: 5333,
            period: ['2025-04-25', '2025-05-15'],
            proration: true,
          },
          { id: 'il_may', price: 'pro', amount: 10000, discount: 2000, period: ['2025-05-15', '2025-06-15'] },
        ],
      },
      paid('jun', 'sub_1', 'pro', 10000, ['2025-06-15', '2025-07-15'], { discount: 2000 }),
    ],
  });
  // End of April: Basic 50 × 0.8 = 40, credit −50 × 0.8 = −40, charge 100 × 0.8 = 80 → $80.
  expect(customerMrr(results, 'cus_1')).toEqual({
    '2025-04': 80,
    '2025-05': 80,
    '2025-06': 80,
    '2025-07': 80,
  });
});

test('a subscription canceled immediately stops counting in the month it ends', () => {
  const results = modelsFor({
    prices: [{ id: 'basic', unit_amount: 5000, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'canceled',
        created: '2025-05-10',
        canceled_at: '2025-06-20',
        ended_at: '2025-06-20',
        items: [{ id: 'si_1', price: 'basic', period: ['2025-06-10', '2025-07-10'] }],
      },
    ],
    invoices: [
      paid('may', 'sub_1', 'basic', 5000, ['2025-05-10', '2025-06-10']),
      paid('jun', 'sub_1', 'basic', 5000, ['2025-06-10', '2025-07-10']),
    ],
  });
  // The June line runs to 10 July, but the subscription ended on 20 June: churn in June.
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-05': 50, '2025-06': 0 });
});

test('amounts in a zero-decimal currency are whole units', () => {
  const results = modelsFor({
    prices: [{ id: 'yen', unit_amount: 5000, interval: 'month', currency: 'jpy' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_1', price: 'yen', period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [{ ...paid('jun', 'sub_1', 'yen', 5000, ['2025-06-01', '2025-07-01']), currency: 'jpy' }],
  });
  // ¥5,000 is 5000 yen, not 50.
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 5000, '2025-07': 5000 });
});

test.each(['unpaid', 'canceled', 'paused', 'incomplete'] as const)(
  'a %s subscription is worth nothing now',
  (status) => {
    const results = modelsFor({
      prices: [{ id: 'basic', unit_amount: 5000, interval: 'month' }],
      subscriptions: [
        {
          id: 'sub_1',
          status,
          created: '2025-06-01',
          items: [{ id: 'si_1', price: 'basic', period: ['2025-07-01', '2025-08-01'] }],
        },
      ],
      invoices: [paid('jun', 'sub_1', 'basic', 5000, ['2025-06-01', '2025-07-01'])],
    });
    expect(results.stripe_subscription_mrr).toEqual([]);
    expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 50, '2025-07': 0 });
  },
);

test('an active subscription whose payment collection is paused is worth nothing now', () => {
  const results = modelsFor({
    prices: [{ id: 'basic', unit_amount: 5000, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-06-01',
        pauseCollection: 'void',
        items: [{ id: 'si_1', price: 'basic', period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [paid('jun', 'sub_1', 'basic', 5000, ['2025-06-01', '2025-07-01'])],
  });
  expect(results.stripe_subscription_mrr).toEqual([]);
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 50, '2025-07': 0 });
});

test('a change not invoiced yet shows in the current month', () => {
  const results = modelsFor({
    prices: [{ id: 'seat', unit_amount: 5000, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_1', price: 'seat', quantity: 3, period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [
      paid('jun', 'sub_1', 'seat', 5000, ['2025-06-01', '2025-07-01']),
      paid('jul', 'sub_1', 'seat', 5000, ['2025-07-01', '2025-08-01']),
    ],
  });
  // Invoiced for 1 seat; today the subscription has 3: 3 × $50 = $150 now.
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 50, '2025-07': 150 });
});

test('a tiered price is valued from its invoice lines, today too', () => {
  const results = modelsFor({
    prices: [{ id: 'tiered', unit_amount: null, interval: 'month' }],
    subscriptions: [
      {
        id: 'sub_1',
        status: 'active',
        created: '2025-06-01',
        items: [{ id: 'si_1', price: 'tiered', quantity: 12, period: ['2025-07-01', '2025-08-01'] }],
      },
    ],
    invoices: [
      paid('jun', 'sub_1', 'tiered', 7700, ['2025-06-01', '2025-07-01'], { quantity: 12 }),
      paid('jul', 'sub_1', 'tiered', 7700, ['2025-07-01', '2025-08-01'], { quantity: 12 }),
    ],
  });
  // 12 units under tiers were invoiced $77 a month; the line in force today gives July's $77.
  expect(customerMrr(results, 'cus_1')).toEqual({ '2025-06': 77, '2025-07': 77 });
  expect(results.stripe_subscription_mrr[0]).toMatchObject({ valued_from: 'invoice lines', mrr: 77 });
});

test('an account with no subscriptions yet gives one empty current month', () => {
  const results = modelsFor({ prices: [], subscriptions: [], invoices: [] });
  expect(results.stripe_customer_mrr).toEqual([]);
  expect(results.stripe_mrr_changes).toEqual([]);
  expect(results.stripe_mrr).toHaveLength(1);
  expect(results.stripe_mrr[0]).toMatchObject({ mrr: 0, customers: 0, new_mrr: 0, churned_mrr: 0 });
});
