/** Revenue and failed payments, from balance transactions and charges computed by hand. */
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import { balanceTransaction, charge, listPage } from '../../../playground/mock-apis/stripe/stripe-objects';
import { type Row, tablesFromPages } from './support/engine-tables';
import { byMonth } from './support/model-rows';
import { runModels } from './support/run-models';

let results: Record<string, Row[]>;

beforeAll(() => {
  jest.useFakeTimers({ now: new Date('2025-07-15T12:00:00Z') });
  const transactions = [
    balanceTransaction({
      id: 'txn_1',
      amount: 5000,
      fee: 175,
      created: '2025-05-03',
      reporting_category: 'charge',
    }),
    balanceTransaction({
      id: 'txn_2',
      amount: 10000,
      fee: 320,
      created: '2025-05-20',
      reporting_category: 'charge',
    }),
    balanceTransaction({
      id: 'txn_3',
      amount: -2000,
      fee: 0,
      created: '2025-05-25',
      reporting_category: 'refund',
    }),
    // Payouts and Stripe's own fees are money moving, not revenue.
    balanceTransaction({ id: 'txn_4', amount: -13000, created: '2025-05-28', reporting_category: 'payout' }),
    balanceTransaction({ id: 'txn_5', amount: -1500, created: '2025-05-31', reporting_category: 'fee' }),
    balanceTransaction({
      id: 'txn_6',
      amount: 120000,
      fee: 3510,
      created: '2025-06-02',
      reporting_category: 'charge',
    }),
    balanceTransaction({ id: 'txn_7', amount: -5000, created: '2025-06-10', reporting_category: 'refund' }),
    // The refund bounced (closed card): the money came back.
    balanceTransaction({
      id: 'txn_8',
      amount: 5000,
      created: '2025-06-14',
      reporting_category: 'refund_failure',
    }),
    balanceTransaction({
      id: 'txn_9',
      amount: 500000,
      fee: 0,
      created: '2025-07-01',
      reporting_category: 'charge',
      currency: 'jpy',
    }),
  ];
  const charges = [
    charge({ id: 'ch_1', customer: 'cus_1', amount: 5000, created: '2025-05-03', status: 'succeeded' }),
    charge({ id: 'ch_2', customer: 'cus_2', amount: 10000, created: '2025-05-20', status: 'succeeded' }),
    charge({ id: 'ch_3', customer: 'cus_3', amount: 5000, created: '2025-05-21', status: 'failed' }),
    charge({ id: 'ch_4', customer: 'cus_3', amount: 5000, created: '2025-05-24', status: 'failed' }),
    charge({ id: 'ch_5', customer: 'cus_3', amount: 5000, created: '2025-05-28', status: 'succeeded' }),
    charge({ id: 'ch_6', customer: 'cus_4', amount: 3000, created: '2025-06-05', status: 'failed' }),
    charge({ id: 'ch_7', customer: 'cus_4', amount: 3000, created: '2025-06-06', status: 'pending' }),
  ];
  const tables = tablesFromPages(stripe.streams, {
    '/v1/balance_transactions': [listPage('/v1/balance_transactions', transactions)],
    '/v1/charges': [listPage('/v1/charges', charges)],
  });
  results = runModels(stripePackage.models, tables);
});

afterAll(() => {
  jest.useRealTimers();
});

test('net revenue is payments minus refunds, by month of the balance transaction', () => {
  // May: payments $50 + ($120 − $20 never captured) = $150; refund $20; net $130; fees $1.75 + $3.20 = $4.95.
  // June: payment $1,200; refund $50 that bounced back (+$50): refunds 50 − 50 = 0; fees $35.10.
  // July: ¥500,000, a zero-decimal currency: 500000, not 5000.
  expect(
    byMonth(results.stripe_revenue, ['payments', 'gross_revenue', 'refunds', 'net_revenue', 'fees']),
  ).toEqual({
    '2025-05': { payments: 2, gross_revenue: 150, refunds: 20, net_revenue: 130, fees: 4.95 },
    '2025-06': { payments: 1, gross_revenue: 1200, refunds: 0, net_revenue: 1200, fees: 35.1 },
    '2025-07': { payments: 1, gross_revenue: 500000, refunds: 0, net_revenue: 500000, fees: 0 },
  });
});

test('failed payments count every failed attempt, and the failure rate ignores pending ones', () => {
  // May: 2 failed ($50 each) of 5 settled attempts → 2/5 = 0.4. June: 1 failed of 1 settled (1 pending).
  expect(
    byMonth(results.stripe_failed_payments, [
      'failed_payments',
      'failed_amount',
      'succeeded_payments',
      'failure_rate',
    ]),
  ).toEqual({
    '2025-05': { failed_payments: 2, failed_amount: 100, succeeded_payments: 3, failure_rate: 0.4 },
    '2025-06': { failed_payments: 1, failed_amount: 30, succeeded_payments: 0, failure_rate: 1 },
  });
});
