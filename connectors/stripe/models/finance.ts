import type { ModelSpec } from '../../../src/model/model-spec';
import { CURRENT_MONTH_INDEX, hasDate, minorUnits, monthFromIndex, monthIndex } from '../sql';

/**
 * Customer counts, churn and retention per month, from each customer's month-end MRR
 * (stripe_customer_mrr, carried one month on as the next month's start).
 *
 * - customers: customers paying at the month's end (MRR above 0).
 * - ARPA: MRR ÷ customers.
 * - customer churn rate: customers who went to 0 ÷ customers paying at the start.
 * - net revenue retention: what the customers paying at the start pay at the end (expansion,
 *   contraction and churn included, new and reactivated customers excluded) ÷ what they paid
 *   at the start.
 */
const customerMetrics: ModelSpec = {
  name: 'stripe_customer_metrics',
  label: 'Stripe customers and retention',
  description: 'Paying customers, ARPA, customer churn rate and net revenue retention by month.',
  sql: `WITH shifted AS (
      SELECT customer, ${monthIndex('month')} AS idx, mrr, 0 AS previous_mrr FROM stripe_customer_mrr
      UNION ALL
      SELECT customer, ${monthIndex('month')} + 1 AS idx, 0 AS mrr, mrr AS previous_mrr
      FROM stripe_customer_mrr
      WHERE ${monthIndex('month')} < ${CURRENT_MONTH_INDEX}
    ),
    customer_months AS (
      SELECT customer, idx, SUM(mrr) AS mrr, SUM(previous_mrr) AS previous_mrr
      FROM shifted
      GROUP BY customer, idx
    ),
    per_month AS (
      SELECT idx,
        SUM(CASE WHEN mrr > 0 THEN 1 ELSE 0 END) AS customers,
        SUM(mrr) AS mrr,
        SUM(CASE WHEN previous_mrr > 0 THEN 1 ELSE 0 END) AS customers_at_start,
        SUM(CASE WHEN previous_mrr > 0 AND mrr = 0 THEN 1 ELSE 0 END) AS churned_customers,
        SUM(previous_mrr) AS mrr_at_start,
        SUM(CASE WHEN previous_mrr > 0 THEN mrr ELSE 0 END) AS retained_mrr
      FROM customer_months
      GROUP BY idx
    )
    SELECT ${monthFromIndex('idx')} AS month, customers,
      (CASE WHEN customers > 0 THEN ROUND(mrr / customers, 2) END) AS arpa,
      customers_at_start, churned_customers,
      (CASE WHEN customers_at_start > 0 THEN ROUND(churned_customers / customers_at_start, 4) END) AS customer_churn_rate,
      (CASE WHEN mrr_at_start > 0 THEN ROUND(retained_mrr / mrr_at_start, 4) END) AS net_revenue_retention
    FROM per_month
    ORDER BY idx`,
  formats: {
    month: 'month',
    customers: 'integer',
    arpa: 'currency',
    customers_at_start: 'integer',
    churned_customers: 'integer',
    customer_churn_rate: 'percent',
    net_revenue_retention: 'percent',
  },
  tests: [{ type: 'unique', columns: ['month'] }],
};

/**
 * Money that reached the Stripe balance, by month of the transaction: payments (reporting
 * category `charge`, less `partial_capture_reversal`: the uncaptured part of an authorisation)
 * minus refunds (`refund`, and `refund_failure` when a refund bounced back).
 * Amounts are in the balance currency, so they add up across the currencies customers paid in.
 */
const revenue: ModelSpec = {
  name: 'stripe_revenue',
  label: 'Stripe revenue',
  description: 'Payments, refunds, net revenue and Stripe fees by month, from balance transactions.',
  sql: `WITH tx AS (
      SELECT ${monthIndex('created')} AS idx, reporting_category AS category,
        amount / ${minorUnits('currency')} AS amount, fee / ${minorUnits('currency')} AS fee
      FROM stripe_balance_transactions
      WHERE ${hasDate('created')}
    )
    SELECT ${monthFromIndex('idx')} AS month,
      SUM(CASE WHEN category = 'charge' THEN 1 ELSE 0 END) AS payments,
      ROUND(SUM(CASE WHEN category IN ('charge', 'partial_capture_reversal') THEN amount ELSE 0 END), 2) AS gross_revenue,
      ROUND(0 - SUM(CASE WHEN category IN ('refund', 'refund_failure') THEN amount ELSE 0 END), 2) AS refunds,
      ROUND(SUM(CASE WHEN category IN ('charge', 'partial_capture_reversal', 'refund', 'refund_failure') THEN amount ELSE 0 END), 2) AS net_revenue,
      ROUND(SUM(CASE WHEN category IN ('charge', 'refund', 'refund_failure') THEN fee ELSE 0 END), 2) AS fees
    FROM tx
    GROUP BY idx
    ORDER BY idx`,
  formats: {
    month: 'month',
    payments: 'integer',
    gross_revenue: 'currency',
    refunds: 'currency',
    net_revenue: 'currency',
    fees: 'currency',
  },
  tests: [{ type: 'unique', columns: ['month'] }],
};

/**
 * Card and bank payments that failed, by month of the attempt. Every retry that fails counts,
 * which is what the card networks and Stripe's dashboard count too.
 */
const failedPayments: ModelSpec = {
  name: 'stripe_failed_payments',
  label: 'Stripe failed payments',
  description: 'Failed payment attempts, their amount and the failure rate by month, from charges.',
  sql: `WITH ch AS (
      SELECT ${monthIndex('created')} AS idx, status, amount / ${minorUnits('currency')} AS amount
      FROM stripe_charges
      WHERE ${hasDate('created')}
    )
    SELECT ${monthFromIndex('idx')} AS month,
      SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed_payments,
      ROUND(SUM(CASE WHEN status = 'failed' THEN amount ELSE 0 END), 2) AS failed_amount,
      SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded_payments,
      ROUND(SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END)
        / (CASE WHEN SUM(CASE WHEN status IN ('failed', 'succeeded') THEN 1 ELSE 0 END) > 0
          THEN SUM(CASE WHEN status IN ('failed', 'succeeded') THEN 1 ELSE 0 END) ELSE 1 END), 4) AS failure_rate
    FROM ch
    GROUP BY idx
    ORDER BY idx`,
  formats: {
    month: 'month',
    failed_payments: 'integer',
    failed_amount: 'currency',
    succeeded_payments: 'integer',
    failure_rate: 'percent',
  },
  tests: [{ type: 'unique', columns: ['month'] }],
};

export const FINANCE_MODELS: readonly ModelSpec[] = [customerMetrics, revenue, failedPayments];
