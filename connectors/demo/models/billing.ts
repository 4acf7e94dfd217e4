/**
 * Subscription metrics from Stripe-shaped billing history, computed the way Stripe's Billing
 * analytics and ChartMogul define them (sources in ../README.md). Amounts are dollars.
 *
 * AlaSQL notes for readers: two Dates are never "=" to each other (they are compared as
 * objects), so months are joined on `month_number` (year × 12 + month). A join is fast, and passes
 * the model layer's row budget, only when its ON is one equality with a plain column of a tab or
 * model; so figures from several tables are put side by side by adding rows up (UNION ALL, then
 * GROUP BY the month) rather than by joining grouped subqueries.
 */
import type { ModelSpec } from '../../../src/model/model-spec';

export const demoInvoicesByMonth: ModelSpec = {
  name: 'demo_invoices_by_month',
  hidden: true,
  label: 'Demo · Invoices by month',
  description:
    'Invoices issued each month, what they billed after discounts, and when the newest one was issued.',
  sql: `
SELECT MONTH_START(created) AS month,
       COUNT(*) AS invoices,
       ROUND(SUM([total]) / 100, 2) AS billed,
       MAX(created) AS newest_invoice_at
FROM demo_invoices
WHERE status <> 'void'
GROUP BY MONTH_START(created)
ORDER BY month`,
  formats: { month: 'month', invoices: 'integer', billed: 'currency', newest_invoice_at: 'datetime' },
  tests: [{ type: 'unique', columns: ['month'] }],
};

export const demoMonths: ModelSpec = {
  name: 'demo_months',
  hidden: true,
  label: 'Demo · Months',
  description:
    'The calendar of billing months. Each month is measured at its last second; the current month at the newest invoice, which is the data’s “now”.',
  sql: `
SELECT m.month,
       YEAR(m.month) * 12 + MONTH(m.month) AS month_number,
       CASE WHEN DATEADD(month, 1, m.month) > a.as_of THEN a.as_of
            ELSE DATEADD(second, -1, DATEADD(month, 1, m.month)) END AS measured_at,
       DATEADD(month, 1, m.month) <= a.as_of AS is_complete
FROM demo_invoices_by_month AS m,
     (SELECT MAX(newest_invoice_at) AS as_of FROM demo_invoices_by_month) AS a
ORDER BY m.month`,
  formats: { month: 'month', month_number: 'integer', measured_at: 'datetime', is_complete: 'text' },
  tests: [
    { type: 'unique', columns: ['month_number'] },
    { type: 'not_null', column: 'measured_at' },
  ],
};

export const demoCustomerMrr: ModelSpec = {
  name: 'demo_customer_mrr',
  hidden: true,
  label: 'Demo · MRR per customer',
  description:
    'Each customer’s MRR at the end of each month, from the subscription invoice lines in force then: price × seats, normalised to a month (yearly ÷ 12), less coupons that last forever. Trials ($0 lines) and canceled subscriptions count nothing.',
  sql: `
SELECT m.month, m.month_number, l.customer, ROUND(SUM(l.mrr), 2) AS mrr
FROM demo_months AS m,
  (
    -- One row per invoice line with the monthly value it stands for. A proration credit
    -- (negative amount) cancels the old plan from the day of an upgrade or downgrade.
    SELECT i.customer,
           li.[period.start] AS starts,
           li.[period.end] AS ends,
           s.ended_at,
           (CASE WHEN li.amount < 0 THEN -1 ELSE 1 END)
             * li.[price.unit_amount] * li.quantity / 100
             / (CASE li.[price.recurring.interval]
                  WHEN 'year' THEN 12 WHEN 'week' THEN 12 / 52 WHEN 'day' THEN 12 / 365 ELSE 1 END)
             / li.[price.recurring.interval_count]
             * (100 - CASE WHEN s.[discount.coupon.duration] = 'forever'
                           THEN COALESCE(s.[discount.coupon.percent_off], 0) ELSE 0 END) / 100 AS mrr
    FROM demo_invoice_lines AS li
    JOIN demo_invoices AS i ON i.id = li.invoice
    JOIN demo_subscriptions AS s ON s.id = li.subscription
    WHERE li.amount <> 0
      AND i.status <> 'void'
      AND li.[price.recurring.usage_type] = 'licensed'
  ) AS l
WHERE l.starts <= m.measured_at
  AND l.ends > m.measured_at
  AND (l.ended_at IS NULL OR l.ended_at > m.measured_at)
GROUP BY m.month, m.month_number, l.customer
HAVING ROUND(SUM(l.mrr), 2) > 0
ORDER BY m.month_number, l.customer`,
  formats: { month: 'month', month_number: 'integer', mrr: 'currency' },
  tests: [
    { type: 'not_null', column: 'customer' },
    { type: 'unique', columns: ['month_number', 'customer'] },
  ],
};

export const demoCustomerCohorts: ModelSpec = {
  name: 'demo_customer_cohorts',
  hidden: true,
  label: 'Demo · Customer cohorts',
  description:
    'The month each customer first paid: their cohort. A customer who pays again after a gap is reactivated, not new.',
  sql: `
SELECT customer, MIN(month) AS cohort_month, MIN(month_number) AS cohort_month_number, COUNT(*) AS paying_months
FROM demo_customer_mrr
GROUP BY customer`,
  formats: { cohort_month: 'month', cohort_month_number: 'integer', paying_months: 'integer' },
  tests: [{ type: 'unique', columns: ['customer'] }],
};

export const demoCustomerMrrChanges: ModelSpec = {
  name: 'demo_customer_mrr_changes',
  hidden: true,
  label: 'Demo · Customer MRR changes',
  description:
    'Every change in a customer’s MRR from one month to the next, classified as New, Expansion, Contraction, Churned or Reactivation.',
  sql: `
SELECT m.month, m.month_number, c.customer, c.previous_mrr, c.mrr,
       ROUND(c.mrr - c.previous_mrr, 2) AS mrr_change,
       CASE WHEN c.previous_mrr = 0 AND c.month_number = f.cohort_month_number THEN 'New'
            WHEN c.previous_mrr = 0 THEN 'Reactivation'
            WHEN c.mrr = 0 THEN 'Churned'
            WHEN c.mrr > c.previous_mrr THEN 'Expansion'
            ELSE 'Contraction' END AS movement
FROM (
  -- Each customer's MRR this month beside last month's: every month's MRR is listed twice,
  -- once for its own month and once as the "previous" of the next month, then added up.
  SELECT customer, month_number, ROUND(SUM(this_month), 2) AS mrr, ROUND(SUM(last_month), 2) AS previous_mrr
  FROM (
    SELECT customer, month_number, mrr AS this_month, 0 AS last_month FROM demo_customer_mrr
    UNION ALL
    SELECT customer, month_number + 1 AS month_number, 0 AS this_month, mrr AS last_month FROM demo_customer_mrr
  ) AS both_months
  GROUP BY customer, month_number
) AS c
JOIN demo_months AS m ON m.month_number = c.month_number
JOIN demo_customer_cohorts AS f ON f.customer = c.customer
WHERE c.mrr <> c.previous_mrr
ORDER BY m.month_number, c.customer`,
  formats: {
    month: 'month',
    month_number: 'integer',
    previous_mrr: 'currency',
    mrr: 'currency',
    mrr_change: 'currency',
  },
  tests: [
    {
      type: 'accepted_values',
      column: 'movement',
      values: ['New', 'Expansion', 'Contraction', 'Churned', 'Reactivation'],
    },
  ],
};

export const demoMrr: ModelSpec = {
  name: 'demo_mrr',
  label: 'Demo · MRR',
  description:
    'Monthly recurring revenue at the end of each month and the movements that explain it: MRR = last month’s MRR + new + expansion + reactivation − contraction − churned.',
  sql: `
SELECT m.month,
       ROUND(SUM(x.mrr), 2) AS mrr,
       ROUND(SUM(x.new_mrr), 2) AS new_mrr,
       ROUND(SUM(x.expansion_mrr), 2) AS expansion_mrr,
       ROUND(SUM(x.contraction_mrr), 2) AS contraction_mrr,
       ROUND(SUM(x.churned_mrr), 2) AS churned_mrr,
       ROUND(SUM(x.reactivation_mrr), 2) AS reactivation_mrr,
       SUM(x.customers) AS customers
FROM (
  -- Every month, so that a month without changes is listed too.
  SELECT month_number, 0 AS mrr, 0 AS new_mrr, 0 AS expansion_mrr, 0 AS contraction_mrr,
         0 AS churned_mrr, 0 AS reactivation_mrr, 0 AS customers
  FROM demo_months
  UNION ALL
  -- Each paying customer's MRR.
  SELECT month_number, mrr AS mrr, 0 AS new_mrr, 0 AS expansion_mrr, 0 AS contraction_mrr,
         0 AS churned_mrr, 0 AS reactivation_mrr, 1 AS customers
  FROM demo_customer_mrr
  UNION ALL
  -- Each change, in the column of its movement (losses as positive amounts).
  SELECT month_number, 0 AS mrr,
         CASE WHEN movement = 'New' THEN mrr_change ELSE 0 END AS new_mrr,
         CASE WHEN movement = 'Expansion' THEN mrr_change ELSE 0 END AS expansion_mrr,
         CASE WHEN movement = 'Contraction' THEN -mrr_change ELSE 0 END AS contraction_mrr,
         CASE WHEN movement = 'Churned' THEN -mrr_change ELSE 0 END AS churned_mrr,
         CASE WHEN movement = 'Reactivation' THEN mrr_change ELSE 0 END AS reactivation_mrr,
         0 AS customers
  FROM demo_customer_mrr_changes
) AS x
JOIN demo_months AS m ON m.month_number = x.month_number
GROUP BY m.month, m.month_number
ORDER BY m.month_number`,
  formats: {
    month: 'month',
    mrr: 'currency',
    new_mrr: 'currency',
    expansion_mrr: 'currency',
    contraction_mrr: 'currency',
    churned_mrr: 'currency',
    reactivation_mrr: 'currency',
    customers: 'integer',
  },
  tests: [
    { type: 'unique', columns: ['month'] },
    { type: 'not_null', column: 'mrr' },
    { type: 'row_count_min', min: 1 },
  ],
};

export const demoMrrMovements: ModelSpec = {
  name: 'demo_mrr_movements',
  label: 'Demo · MRR movements',
  description:
    'The month’s MRR movements, one row per kind, signed: gains positive, losses negative (for charts).',
  sql: `
SELECT month, movement, ROUND(SUM(mrr_change), 2) AS mrr_change
FROM demo_customer_mrr_changes
GROUP BY month, month_number, movement
ORDER BY month_number, movement`,
  formats: { month: 'month', mrr_change: 'currency' },
};

export const demoArpa: ModelSpec = {
  name: 'demo_arpa',
  label: 'Demo · ARPA',
  description: 'Average revenue per account: MRR divided by the number of paying customers.',
  sql: `
SELECT month, mrr, customers, ROUND(mrr / customers, 2) AS arpa
FROM demo_mrr
WHERE customers > 0`,
  formats: { month: 'month', mrr: 'currency', customers: 'integer', arpa: 'currency' },
};

export const demoCustomerChurn: ModelSpec = {
  name: 'demo_customer_churn',
  label: 'Demo · Customer churn',
  description:
    'Customer churn rate of each finished month: paying customers lost during the month ÷ paying customers at its start.',
  sql: `
SELECT m.month,
       SUM(x.customers_at_start) AS customers_at_start,
       SUM(x.churned) AS churned_customers,
       ROUND(SUM(x.churned) / SUM(x.customers_at_start), 4) AS churn_rate
FROM (
  -- Customers paying at the end of a month are the next month's starting customers.
  SELECT month_number + 1 AS month_number, 1 AS customers_at_start, 0 AS churned FROM demo_customer_mrr
  UNION ALL
  SELECT month_number, 0 AS customers_at_start, 1 AS churned
  FROM demo_customer_mrr_changes WHERE movement = 'Churned'
) AS x
JOIN demo_months AS m ON m.month_number = x.month_number
WHERE m.is_complete
GROUP BY m.month, m.month_number
ORDER BY m.month_number`,
  formats: {
    month: 'month',
    customers_at_start: 'integer',
    churned_customers: 'integer',
    churn_rate: 'percent',
  },
};

export const demoNetRevenueRetention: ModelSpec = {
  name: 'demo_net_revenue_retention',
  label: 'Demo · Net revenue retention',
  description:
    'Net MRR retention of each finished month: (MRR at the start + expansion − contraction − churned) ÷ MRR at the start. New and reactivated customers are left out.',
  sql: `
SELECT m.month,
       ROUND(SUM(x.starting_mrr), 2) AS starting_mrr,
       ROUND(SUM(x.expansion), 2) AS expansion_mrr,
       ROUND(SUM(x.contraction), 2) AS contraction_mrr,
       ROUND(SUM(x.churned), 2) AS churned_mrr,
       ROUND((SUM(x.starting_mrr) + SUM(x.expansion) - SUM(x.contraction) - SUM(x.churned)) / SUM(x.starting_mrr), 4)
         AS net_revenue_retention
FROM (
  -- MRR at the end of a month is the next month's starting MRR.
  SELECT month_number + 1 AS month_number, mrr AS starting_mrr, 0 AS expansion, 0 AS contraction, 0 AS churned
  FROM demo_customer_mrr
  UNION ALL
  SELECT month_number, 0 AS starting_mrr,
         CASE WHEN movement = 'Expansion' THEN mrr_change ELSE 0 END AS expansion,
         CASE WHEN movement = 'Contraction' THEN -mrr_change ELSE 0 END AS contraction,
         CASE WHEN movement = 'Churned' THEN -mrr_change ELSE 0 END AS churned
  FROM demo_customer_mrr_changes
) AS x
JOIN demo_months AS m ON m.month_number = x.month_number
WHERE m.is_complete
GROUP BY m.month, m.month_number
HAVING SUM(x.starting_mrr) > 0
ORDER BY m.month_number`,
  formats: {
    month: 'month',
    starting_mrr: 'currency',
    expansion_mrr: 'currency',
    contraction_mrr: 'currency',
    churned_mrr: 'currency',
    net_revenue_retention: 'percent',
  },
};

export const demoRevenue: ModelSpec = {
  name: 'demo_revenue',
  label: 'Demo · Revenue',
  description: 'Cash collected each month: successful card payments, less what was refunded on them.',
  sql: `
SELECT MONTH_START(created) AS month,
       ROUND(SUM(amount) / 100, 2) AS gross_revenue,
       ROUND(SUM(amount_refunded) / 100, 2) AS refunds,
       ROUND(SUM(amount - amount_refunded) / 100, 2) AS net_revenue,
       COUNT(*) AS payments
FROM demo_charges
WHERE status = 'succeeded'
GROUP BY MONTH_START(created)
ORDER BY month`,
  formats: {
    month: 'month',
    gross_revenue: 'currency',
    refunds: 'currency',
    net_revenue: 'currency',
    payments: 'integer',
  },
};

export const demoFailedPayments: ModelSpec = {
  name: 'demo_failed_payments',
  label: 'Demo · Failed payments',
  description:
    'Card payments that failed each month, their share of all attempts, and invoices given up on after the last retry.',
  sql: `
SELECT m.month,
       SUM(x.attempts) AS payment_attempts,
       SUM(x.failed) AS failed_payments,
       ROUND(SUM(x.failed_amount), 2) AS failed_amount,
       ROUND(SUM(x.failed) / SUM(x.attempts), 4) AS failure_rate,
       SUM(x.uncollectible) AS uncollectible_invoices,
       ROUND(SUM(x.uncollectible_amount), 2) AS uncollectible_amount
FROM (
  SELECT YEAR(created) * 12 + MONTH(created) AS month_number,
         1 AS attempts,
         CASE WHEN status = 'failed' THEN 1 ELSE 0 END AS failed,
         CASE WHEN status = 'failed' THEN amount / 100 ELSE 0 END AS failed_amount,
         0 AS uncollectible,
         0 AS uncollectible_amount
  FROM demo_charges
  UNION ALL
  -- Invoices given up on after the last retry, in the month they were marked uncollectible.
  SELECT YEAR([status_transitions.marked_uncollectible_at]) * 12 + MONTH([status_transitions.marked_uncollectible_at])
           AS month_number,
         0 AS attempts, 0 AS failed, 0 AS failed_amount,
         1 AS uncollectible,
         amount_remaining / 100 AS uncollectible_amount
  FROM demo_invoices
  WHERE status = 'uncollectible'
) AS x
JOIN demo_months AS m ON m.month_number = x.month_number
GROUP BY m.month, m.month_number
ORDER BY m.month_number`,
  formats: {
    month: 'month',
    payment_attempts: 'integer',
    failed_payments: 'integer',
    failed_amount: 'currency',
    failure_rate: 'percent',
    uncollectible_invoices: 'integer',
    uncollectible_amount: 'currency',
  },
};

export const BILLING_MODELS: ModelSpec[] = [
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
  demoRevenue,
  demoFailedPayments,
];
