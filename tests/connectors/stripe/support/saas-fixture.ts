/**
 * A small SaaS on Stripe, January to mid-July 2025, whose MRR was worked out by hand (see
 * mrr-model.test.ts). Prices: Basic $50/month, Pro $100/month, Seat $10/month per seat, Annual
 * $1,200/year, and a metered usage price that MRR must ignore.
 *
 * | customer       | story                                                                       |
 * | -------------- | --------------------------------------------------------------------------- |
 * | cus_annual     | Annual plan from 20 Jan with a one-off setup fee; a void duplicate invoice  |
 * | cus_seats      | 3 seats from 1 Feb with a 20%-off-forever coupon, 2 seats from 1 Jun; metered usage too |
 * | cus_trial      | 14-day Pro trial from 10 Mar, converts on 24 Mar                            |
 * | cus_trialing   | Pro trial from 5 Jul, still trialing now; a draft invoice waits             |
 * | cus_upgrade    | Basic from 15 Feb, upgrades to Pro on 25 Apr (prorations on the 15 May invoice) |
 * | cus_cancel     | Basic from 10 Jan, cancels on 20 Apr at period end (10 May)                 |
 * | cus_pastdue    | Basic from 5 May; the 5 Jul invoice is open after two failed attempts       |
 * | cus_reactivate | Basic from 5 Jan, ends 5 Feb; comes back on Pro on 12 Apr                   |
 */

import type { StripeData } from '../../../../playground/mock-apis/stripe/protocol';
import {
  balanceTransaction,
  charge,
  customer,
  discount,
  invoice,
  listPage,
  price,
  type StripeObject,
  subscription,
} from '../../../../playground/mock-apis/stripe/stripe-objects';

/** The moment the models run: mid-July, so July is the current month. */
export const NOW = '2025-07-15T12:00:00Z';

export const PRICES = {
  basic: price({ id: 'price_basic', unit_amount: 5000, interval: 'month' }),
  pro: price({ id: 'price_pro', unit_amount: 10000, interval: 'month' }),
  seat: price({ id: 'price_seat', unit_amount: 1000, interval: 'month' }),
  annual: price({ id: 'price_annual', unit_amount: 120000, interval: 'year' }),
  usage: price({ id: 'price_usage', unit_amount: 1, interval: 'month', usage_type: 'metered' }),
  setup: price({ id: 'price_setup', unit_amount: 50000, interval: 'month', oneTime: true }),
};

const customers = [
  customer({ id: 'cus_annual', created: '2025-01-20' }),
  customer({ id: 'cus_seats', created: '2025-02-01' }),
  customer({ id: 'cus_trial', created: '2025-03-10' }),
  customer({ id: 'cus_trialing', created: '2025-07-05' }),
  customer({ id: 'cus_upgrade', created: '2025-02-15' }),
  customer({ id: 'cus_cancel', created: '2025-01-10' }),
  customer({ id: 'cus_pastdue', created: '2025-05-05' }),
  customer({ id: 'cus_reactivate', created: '2025-01-05' }),
];

const subscriptions = [
  subscription({
    id: 'sub_annual',
    customer: 'cus_annual',
    status: 'active',
    created: '2025-01-20',
    items: [{ id: 'si_annual', price: PRICES.annual, period: ['2025-01-20', '2026-01-20'] }],
  }),
  subscription({
    id: 'sub_seats',
    customer: 'cus_seats',
    status: 'active',
    created: '2025-02-01',
    discounts: [discount('di_seats', { percent_off: 20, duration: 'forever', start: '2025-02-01' })],
    items: [
      { id: 'si_seats', price: PRICES.seat, quantity: 2, period: ['2025-07-01', '2025-08-01'] },
      { id: 'si_usage', price: PRICES.usage, period: ['2025-07-01', '2025-08-01'] },
    ],
  }),
  subscription({
    id: 'sub_trial',
    customer: 'cus_trial',
    status: 'active',
    created: '2025-03-10',
    trial: ['2025-03-10', '2025-03-24'],
    items: [{ id: 'si_trial', price: PRICES.pro, period: ['2025-06-24', '2025-07-24'] }],
  }),
  subscription({
    id: 'sub_trialing',
    customer: 'cus_trialing',
    status: 'trialing',
    created: '2025-07-05',
    trial: ['2025-07-05', '2025-07-19'],
    items: [{ id: 'si_trialing', price: PRICES.pro, period: ['2025-07-05', '2025-07-19'] }],
  }),
  subscription({
    id: 'sub_upgrade',
    customer: 'cus_upgrade',
    status: 'active',
    created: '2025-02-15',
    items: [{ id: 'si_upgrade', price: PRICES.pro, period: ['2025-07-15', '2025-08-15'] }],
  }),
  subscription({
    id: 'sub_cancel',
    customer: 'cus_cancel',
    status: 'canceled',
    created: '2025-01-10',
    cancel_at_period_end: true,
    canceled_at: '2025-04-20',
    ended_at: '2025-05-10',
    items: [{ id: 'si_cancel', price: PRICES.basic, period: ['2025-04-10', '2025-05-10'] }],
  }),
  subscription({
    id: 'sub_pastdue',
    customer: 'cus_pastdue',
    status: 'past_due',
    created: '2025-05-05',
    items: [{ id: 'si_pastdue', price: PRICES.basic, period: ['2025-07-05', '2025-08-05'] }],
  }),
  subscription({
    id: 'sub_reactivate_1',
    customer: 'cus_reactivate',
    status: 'canceled',
    created: '2025-01-05',
    cancel_at_period_end: true,
    canceled_at: '2025-01-20',
    ended_at: '2025-02-05',
    items: [{ id: 'si_reactivate_1', price: PRICES.basic, period: ['2025-01-05', '2025-02-05'] }],
  }),
  subscription({
    id: 'sub_reactivate_2',
    customer: 'cus_reactivate',
    status: 'active',
    created: '2025-04-12',
    items: [{ id: 'si_reactivate_2', price: PRICES.pro, period: ['2025-07-12', '2025-08-12'] }],
  }),
];

/** A paid invoice with one period line. */
function periodInvoice(
  id: string,
  cus: string,
  sub: string,
  priceId: string,
  amount: number,
  period: [string, string],
): StripeObject {
  return invoice({
    id,
    customer: cus,
    subscription: sub,
    status: 'paid',
    created: period[0],
    lines: [{ id: `il_${id.slice(3)}`, price: priceId, amount, period }],
  });
}

const MONTH_STARTS = [
  '2025-02-01',
  '2025-03-01',
  '2025-04-01',
  '2025-05-01',
  '2025-06-01',
  '2025-07-01',
  '2025-08-01',
];

const seatInvoices = MONTH_STARTS.slice(0, 6).map((start, i) => {
  const seats = i < 4 ? 3 : 2;
  const lines = [
    {
      id: `il_seats_${i}`,
      price: 'price_seat',
      amount: 1000 * seats,
      quantity: seats,
      discount: 200 * seats,
      period: [start, MONTH_STARTS[i + 1]] as [string, string],
    },
  ];
  // Usage is billed in arrears for the month that just ended.
  if (i > 0)
    lines.push({
      id: `il_usage_${i}`,
      price: 'price_usage',
      amount: 1234,
      quantity: 1234,
      discount: 0,
      period: [MONTH_STARTS[i - 1], start],
    });
  return invoice({
    id: `in_seats_${i}`,
    customer: 'cus_seats',
    subscription: 'sub_seats',
    status: 'paid',
    created: start,
    lines,
  });
});

const invoices: StripeObject[] = [
  invoice({
    id: 'in_annual',
    customer: 'cus_annual',
    subscription: 'sub_annual',
    status: 'paid',
    created: '2025-01-20',
    lines: [
      { id: 'il_annual', price: 'price_annual', amount: 120000, period: ['2025-01-20', '2026-01-20'] },
      {
        id: 'il_setup',
        price: 'price_setup',
        amount: 50000,
        period: ['2025-01-20', '2025-01-20'],
        description: 'Setup fee',
      },
    ],
  }),
  invoice({
    id: 'in_annual_dup',
    customer: 'cus_annual',
    subscription: 'sub_annual',
    status: 'void',
    created: '2025-01-20T00:05:00',
    lines: [
      { id: 'il_annual_dup', price: 'price_annual', amount: 120000, period: ['2025-01-20', '2026-01-20'] },
    ],
  }),
  ...seatInvoices,
  invoice({
    id: 'in_trial_0',
    customer: 'cus_trial',
    subscription: 'sub_trial',
    status: 'paid',
    created: '2025-03-10',
    lines: [
      {
        id: 'il_trial_0',
        price: 'price_pro',
        amount: 0,
        period: ['2025-03-10', '2025-03-24'],
        description: 'Trial period for Pro',
      },
    ],
  }),
  periodInvoice('in_trial_1', 'cus_trial', 'sub_trial', 'price_pro', 10000, ['2025-03-24', '2025-04-24']),
  periodInvoice('in_trial_2', 'cus_trial', 'sub_trial', 'price_pro', 10000, ['2025-04-24', '2025-05-24']),
  periodInvoice('in_trial_3', 'cus_trial', 'sub_trial', 'price_pro', 10000, ['2025-05-24', '2025-06-24']),
  periodInvoice('in_trial_4', 'cus_trial', 'sub_trial', 'price_pro', 10000, ['2025-06-24', '2025-07-24']),
  invoice({
    id: 'in_trialing_0',
    customer: 'cus_trialing',
    subscription: 'sub_trialing',
    status: 'paid',
    created: '2025-07-05',
    lines: [{ id: 'il_trialing_0', price: 'price_pro', amount: 0, period: ['2025-07-05', '2025-07-19'] }],
  }),
  invoice({
    id: 'in_trialing_1',
    customer: 'cus_trialing',
    subscription: 'sub_trialing',
    status: 'draft',
    created: '2025-07-14',
    lines: [{ id: 'il_trialing_1', price: 'price_pro', amount: 10000, period: ['2025-07-19', '2025-08-19'] }],
  }),
  periodInvoice('in_upgrade_1', 'cus_upgrade', 'sub_upgrade', 'price_basic', 5000, [
    '2025-02-15',
    '2025-03-15',
  ]),
  periodInvoice('in_upgrade_2', 'cus_upgrade', 'sub_upgrade', 'price_basic', 5000, [
    '2025-03-15',
    '2025-04-15',
  ]),
  periodInvoice('in_upgrade_3', 'cus_upgrade', 'sub_upgrade', 'price_basic', 5000, [
    '2025-04-15',
    '2025-05-15',
  ]),
  invoice({
    id: 'in_upgrade_4',
    customer: 'cus_upgrade',
    subscription: 'sub_upgrade',
    status: 'paid',
    created: '2025-05-15',
    lines: [
      // 20 of the period's 30 days were left when the customer moved from Basic to Pro.
      {
        id: 'il_upgrade_4a',
        price: 'price_basic',
        amount: -3333,
        period: ['2025-04-25', '2025-05-15'],
        proration: true,
        description: 'Unused time on Basic after 25 Apr 2025',
      },
      {
        id: 'il_upgrade_4b',
        price: 'price_pro',
        amount: 6667,
        period: ['2025-04-25', '2025-05-15'],
        proration: true,
        description: 'Remaining time on Pro after 25 Apr 2025',
      },
      { id: 'il_upgrade_4c', price: 'price_pro', amount: 10000, period: ['2025-05-15', '2025-06-15'] },
    ],
  }),
  periodInvoice('in_upgrade_5', 'cus_upgrade', 'sub_upgrade', 'price_pro', 10000, [
    '2025-06-15',
    '2025-07-15',
  ]),
  periodInvoice('in_upgrade_6', 'cus_upgrade', 'sub_upgrade', 'price_pro', 10000, [
    '2025-07-15',
    '2025-08-15',
  ]),
  periodInvoice('in_cancel_1', 'cus_cancel', 'sub_cancel', 'price_basic', 5000, ['2025-01-10', '2025-02-10']),
  periodInvoice('in_cancel_2', 'cus_cancel', 'sub_cancel', 'price_basic', 5000, ['2025-02-10', '2025-03-10']),
  periodInvoice('in_cancel_3', 'cus_cancel', 'sub_cancel', 'price_basic', 5000, ['2025-03-10', '2025-04-10']),
  periodInvoice('in_cancel_4', 'cus_cancel', 'sub_cancel', 'price_basic', 5000, ['2025-04-10', '2025-05-10']),
  periodInvoice('in_pastdue_1', 'cus_pastdue', 'sub_pastdue', 'price_basic', 5000, [
    '2025-05-05',
    '2025-06-05',
  ]),
  periodInvoice('in_pastdue_2', 'cus_pastdue', 'sub_pastdue', 'price_basic', 5000, [
    '2025-06-05',
    '2025-07-05',
  ]),
  invoice({
    id: 'in_pastdue_3',
    customer: 'cus_pastdue',
    subscription: 'sub_pastdue',
    status: 'open',
    attempt_count: 2,
    created: '2025-07-05',
    lines: [{ id: 'il_pastdue_3', price: 'price_basic', amount: 5000, period: ['2025-07-05', '2025-08-05'] }],
  }),
  periodInvoice('in_react_1', 'cus_reactivate', 'sub_reactivate_1', 'price_basic', 5000, [
    '2025-01-05',
    '2025-02-05',
  ]),
  periodInvoice('in_react_2', 'cus_reactivate', 'sub_reactivate_2', 'price_pro', 10000, [
    '2025-04-12',
    '2025-05-12',
  ]),
  periodInvoice('in_react_3', 'cus_reactivate', 'sub_reactivate_2', 'price_pro', 10000, [
    '2025-05-12',
    '2025-06-12',
  ]),
  periodInvoice('in_react_4', 'cus_reactivate', 'sub_reactivate_2', 'price_pro', 10000, [
    '2025-06-12',
    '2025-07-12',
  ]),
  periodInvoice('in_react_5', 'cus_reactivate', 'sub_reactivate_2', 'price_pro', 10000, [
    '2025-07-12',
    '2025-08-12',
  ]),
];

/**
 * Every paid invoice was paid by one charge the day it was created; the 5 July past-due
 * invoice failed twice (5 and 8 July); cus_cancel got $20 back on 22 April.
 */
const paidInvoices = invoices.filter((i) => i.status === 'paid' && (i.total as number) > 0);
const charges = [
  ...paidInvoices.map((i) =>
    charge({
      id: `ch_${(i.id as string).slice(3)}`,
      customer: i.customer as string,
      amount: i.total as number,
      created: new Date((i.created as number) * 1000).toISOString(),
      status: 'succeeded',
    }),
  ),
  charge({
    id: 'ch_pastdue_3a',
    customer: 'cus_pastdue',
    amount: 5000,
    created: '2025-07-05',
    status: 'failed',
  }),
  charge({
    id: 'ch_pastdue_3b',
    customer: 'cus_pastdue',
    amount: 5000,
    created: '2025-07-08',
    status: 'failed',
  }),
];
const balanceTransactions = [
  ...paidInvoices.map((i) =>
    balanceTransaction({
      id: `txn_${(i.id as string).slice(3)}`,
      amount: i.total as number,
      fee: Math.round((i.total as number) * 0.029) + 30,
      created: new Date((i.created as number) * 1000).toISOString(),
      reporting_category: 'charge',
      source: `ch_${(i.id as string).slice(3)}`,
    }),
  ),
  balanceTransaction({
    id: 'txn_refund_cancel',
    amount: -2000,
    created: '2025-04-22',
    reporting_category: 'refund',
  }),
];

/** The fixture as the API pages it (one page per endpoint), keyed by endpoint path. */
export function saasPages(): Record<string, unknown[]> {
  return {
    '/v1/customers': [listPage('/v1/customers', customers)],
    '/v1/subscriptions': [listPage('/v1/subscriptions', subscriptions)],
    '/v1/prices': [listPage('/v1/prices', Object.values(PRICES))],
    '/v1/invoices': [listPage('/v1/invoices', invoices)],
    '/v1/charges': [listPage('/v1/charges', charges)],
    '/v1/balance_transactions': [listPage('/v1/balance_transactions', balanceTransactions)],
  };
}

export const SAAS = {
  customers,
  subscriptions,
  invoices,
  prices: Object.values(PRICES),
  charges,
  balanceTransactions,
};

/** The fixture keyed by the Stripe list endpoint that returns it (the mock Stripe API's `data`). */
export const SAAS_BY_ENDPOINT: StripeData = {
  '/v1/customers': SAAS.customers,
  '/v1/subscriptions': SAAS.subscriptions,
  '/v1/prices': SAAS.prices,
  '/v1/invoices': SAAS.invoices,
  '/v1/charges': SAAS.charges,
  '/v1/balance_transactions': SAAS.balanceTransactions,
};
