import type { ModelSpec } from '../../../src/model/model-spec';
import {
  CURRENT_MONTH_INDEX,
  calendarCtes,
  hasDate,
  minorUnits,
  monthFromIndex,
  monthIndex,
  monthStart,
  numbersCte,
  orZero,
  perMonth,
} from '../sql';

/**
 * MRR history in steps, each a tab a founder can audit:
 *
 * 1. stripe_mrr_lines: what every subscription invoice line is worth a month, and the months
 *    at whose end it was in force. This is the history: invoices record which price and
 *    quantity a customer paid for, for which period, with which discount.
 * 2. stripe_subscription_mrr: what every live subscription is worth a month today, from its
 *    current items and discount (changes not invoiced yet show up here first).
 * 3. stripe_customer_mrr: each customer's MRR at the end of each month they pay (history for
 *    past months, today's subscriptions for the current one).
 * 4. stripe_paying_customers: everyone who ever paid, since when, and what they pay now.
 * 5. stripe_mrr_changes: every change of a customer's MRR (new, expansion, contraction, churn,
 *    reactivation).
 * 6. stripe_mrr: the month totals.
 *
 * The model layer refuses a query that could examine too many rows, and it can only size a
 * join from real data when the joined table is a tab or a model, matched on one key. So the
 * steps join tabs and models on keys, and combine their own intermediate results with
 * UNION ALL and GROUP BY instead of joining them.
 */

const INVOICE_COUNTS = `('paid', 'open')`;

/**
 * Step 1. A regular line (a billing period of a subscription item) is worth its amount after
 * discounts, spread over its interval. A proration line marks a change inside a period: its
 * credit takes the old price and quantity out from the change on, its charge puts the new one
 * in. Both are valued at list price × quantity, scaled by the discount share of the regular
 * lines on the same invoice (a 20%-off customer upgrades at 20% off; Stripe bills prorations
 * with the next period, whose line carries the discount). Summing every line in force at a
 * moment gives the subscription's MRR at that moment.
 *
 * Counted: lines of paid or open (past-due) invoices, for recurring licensed prices. Not
 * counted: draft, void and uncollectible invoices, metered prices, one-off items; a trial's
 * line is worth 0 because its amount is 0. A line stops counting when its subscription ends.
 */
const lines: ModelSpec = {
  name: 'stripe_mrr_lines',
  label: 'Stripe MRR by invoice line',
  description:
    'Monthly value of every subscription invoice line, and the months at whose end it was in force (from ≤ month < until).',
  sql: `SELECT x.line, x.invoice, x.customer, x.subscription, x.proration, x.price, x.quantity,
      x.period_start, x.period_end,
      ${monthStart('x.period_start')} AS from_month,
      (CASE WHEN ${hasDate('x.ended_at')} AND x.ended_at < x.period_end
        THEN ${monthStart('x.ended_at')} ELSE ${monthStart('x.period_end')} END) AS until_month,
      ROUND(
        (CASE WHEN x.proration
          THEN (CASE WHEN x.amount < 0 THEN -1 ELSE 1 END) * x.unit_amount * x.quantity
            * (CASE WHEN x.invoice_gross > 0 THEN x.invoice_net / x.invoice_gross ELSE 1 END)
          ELSE x.amount - x.discount END)
        * x.per_month / x.minor_units, 4) AS mrr
    FROM (
      SELECT l.id AS line, l.invoice, l.customer, l.subscription, l.proration, l.price,
        ${orZero('l.quantity')} AS quantity, l.amount, ${orZero('l.discount_amount')} AS discount,
        l.[period.start] AS period_start, l.[period.end] AS period_end, s.ended_at,
        ${orZero('p.unit_amount')} AS unit_amount,
        ${perMonth('p.[recurring.interval]', 'p.[recurring.interval_count]')} AS per_month,
        ${minorUnits('l.currency')} AS minor_units,
        SUM(CASE WHEN r.proration = false AND r.amount > 0 THEN r.amount - ${orZero('r.discount_amount')} ELSE 0 END) AS invoice_net,
        SUM(CASE WHEN r.proration = false AND r.amount > 0 THEN r.amount ELSE 0 END) AS invoice_gross
      FROM stripe_invoice_lines l
      JOIN stripe_invoices i ON i.id = l.invoice
      JOIN stripe_prices p ON p.id = l.price
      LEFT JOIN stripe_subscriptions s ON s.id = l.subscription
      LEFT JOIN stripe_invoice_lines r ON r.invoice = l.invoice
      WHERE i.status IN ${INVOICE_COUNTS}
        AND p.type = 'recurring' AND p.[recurring.usage_type] = 'licensed'
        AND l.subscription > '' AND ${hasDate('l.[period.start]')} AND ${hasDate('l.[period.end]')}
      GROUP BY l.id, l.invoice, l.customer, l.subscription, l.proration, l.price, l.quantity, l.amount,
        l.discount_amount, l.[period.start], l.[period.end], s.ended_at, p.unit_amount,
        p.[recurring.interval], p.[recurring.interval_count], l.currency
    ) AS x
    ORDER BY x.customer, x.period_start, x.line`,
  formats: {
    period_start: 'datetime',
    period_end: 'datetime',
    from_month: 'month',
    until_month: 'month',
    quantity: 'integer',
    mrr: 'currency',
  },
  tests: [{ type: 'unique', columns: ['line'] }],
};

/**
 * Step 2. Today's MRR of each active or past-due subscription: every licensed item's unit price
 * × quantity less its discount if still in force (no end date, or one in the future), normalised
 * to a month. Percent off comes off each item rounded to the cent, as Stripe rounds it on the
 * invoice; amount off comes off once per billing period, spread over a month the same way. The
 * arithmetic follows step 1's, so a subscription invoiced as it stands is worth the same either
 * way. A tiered price has no single unit price, so a subscription with one is valued from its
 * invoice lines in force now. Trialing, canceled, unpaid, incomplete and paused subscriptions
 * (and active ones whose payment collection is paused) are worth 0 and have no row.
 */
const subscriptionsNow: ModelSpec = {
  name: 'stripe_subscription_mrr',
  label: 'Stripe MRR by subscription',
  description: "Each live subscription's monthly value today, from its current items and discount.",
  sql: `WITH live AS (
      SELECT id AS subscription, customer, status,
        (CASE WHEN ${hasDate('[discount.end]')} AND [discount.end] <= NOW() THEN 0
          ELSE ${orZero('[discount.coupon.percent_off]')} END) AS percent_off,
        (CASE WHEN ${hasDate('[discount.end]')} AND [discount.end] <= NOW() THEN 0
          ELSE ${orZero('[discount.coupon.amount_off]')} END) AS amount_off
      FROM stripe_subscriptions
      WHERE status IN ('active', 'past_due') AND NOT ([pause_collection.behavior] > '')
    ),
    items AS (
      SELECT l.subscription, l.customer, l.status, l.percent_off, l.amount_off,
        ${orZero('it.[price.unit_amount]')} * ${orZero('it.quantity')} AS gross,
        ${perMonth('it.[price.recurring.interval]', 'it.[price.recurring.interval_count]')} AS per_month,
        ${minorUnits('it.[price.currency]')} AS minor_units,
        (CASE WHEN it.[price.billing_scheme] = 'tiered' THEN 0 ELSE 1 END) AS priced
      FROM live l
      JOIN stripe_subscription_items it ON it.subscription = l.subscription
      WHERE it.[price.type] = 'recurring' AND it.[price.recurring.usage_type] = 'licensed'
    ),
    valued AS (
      SELECT subscription, customer, status, MAX(percent_off) AS percent_off,
        SUM(gross * per_month / minor_units) AS list_mrr,
        SUM((gross - ROUND(gross * percent_off / 100)) * per_month / minor_units) AS after_percent,
        MAX(amount_off) * MAX(per_month) / MAX(minor_units) AS amount_off_mrr,
        MIN(priced) AS priced
      FROM items
      GROUP BY subscription, customer, status
    ),
    with_invoiced AS (
      SELECT v.subscription, v.customer, v.status, v.percent_off, v.list_mrr, v.after_percent,
        v.amount_off_mrr, v.priced,
        SUM(CASE WHEN ml.period_start <= NOW() AND NOW() < ml.period_end THEN ml.mrr ELSE 0 END) AS invoiced_mrr
      FROM valued v
      LEFT JOIN stripe_mrr_lines ml ON ml.subscription = v.subscription
      GROUP BY v.subscription, v.customer, v.status, v.percent_off, v.list_mrr, v.after_percent,
        v.amount_off_mrr, v.priced
    )
    SELECT subscription, customer, status,
      (CASE WHEN priced = 1 THEN 'prices' ELSE 'invoice lines' END) AS valued_from,
      ROUND(list_mrr, 2) AS list_mrr, percent_off, ROUND(amount_off_mrr, 2) AS amount_off_mrr,
      ROUND(CASE
        WHEN priced = 0 THEN (CASE WHEN invoiced_mrr > 0 THEN invoiced_mrr ELSE 0 END)
        WHEN after_percent - amount_off_mrr < 0 THEN 0
        ELSE after_percent - amount_off_mrr END, 4) AS mrr
    FROM with_invoiced
    ORDER BY customer, subscription`,
  formats: { list_mrr: 'currency', percent_off: 'number', amount_off_mrr: 'currency', mrr: 'currency' },
  tests: [{ type: 'unique', columns: ['subscription'] }],
};

/**
 * Step 3. A customer's MRR at the end of each month they pay: the lines in force at that
 * month's end (past months) or their subscriptions today (current month). Like Stripe's "MRR
 * per subscriber per month" report. A month where the sum is 0 or below has no row.
 *
 * A line covers the months from its first to its last month end; Stripe bills at most every
 * 3 years, so a line is spread over at most 36 months.
 */
const customerMrr: ModelSpec = {
  name: 'stripe_customer_mrr',
  label: 'Stripe MRR by customer',
  description: "Each customer's MRR at the end of every month they paid (this month: now).",
  sql: `WITH ${numbersCte('offsets', 36)},
    amounts AS (
      SELECT l.customer, ${monthIndex('l.from_month')} + o.n AS idx, SUM(l.mrr) AS mrr
      FROM offsets o
      JOIN stripe_mrr_lines l ON o.n < ${monthIndex('l.until_month')} - ${monthIndex('l.from_month')}
      WHERE ${monthIndex('l.from_month')} + o.n < ${CURRENT_MONTH_INDEX}
      GROUP BY l.customer, ${monthIndex('l.from_month')} + o.n
      UNION ALL
      SELECT customer, ${CURRENT_MONTH_INDEX} AS idx, SUM(mrr) AS mrr
      FROM stripe_subscription_mrr
      GROUP BY customer
    )
    SELECT customer, ${monthFromIndex('idx')} AS month, ROUND(mrr, 2) AS mrr
    FROM amounts
    WHERE ROUND(mrr, 2) > 0
    ORDER BY idx, customer`,
  formats: { month: 'month', mrr: 'currency' },
  tests: [{ type: 'unique', columns: ['customer', 'month'] }],
};

/**
 * Step 4. Every customer who ever paid: their first and last paying month and what they pay
 * now. Step 5 tells a new customer from a returning one with it.
 */
const payingCustomers: ModelSpec = {
  name: 'stripe_paying_customers',
  label: 'Stripe paying customers',
  description: 'Everyone who ever paid: since which month, until which month, what they pay now.',
  sql: `WITH per_customer AS (
      SELECT customer, MIN(${monthIndex('month')}) AS first_idx, MAX(${monthIndex('month')}) AS last_idx,
        SUM(CASE WHEN ${monthIndex('month')} = ${CURRENT_MONTH_INDEX} THEN mrr ELSE 0 END) AS mrr
      FROM stripe_customer_mrr
      GROUP BY customer
    )
    SELECT p.customer, c.email, c.name,
      ${monthFromIndex('p.first_idx')} AS first_paid_month, ${monthFromIndex('p.last_idx')} AS last_paid_month,
      ROUND(p.mrr, 2) AS mrr, (CASE WHEN p.mrr > 0 THEN 'paying' ELSE 'churned' END) AS status
    FROM per_customer p
    LEFT JOIN stripe_customers c ON c.id = p.customer
    ORDER BY p.customer`,
  formats: { first_paid_month: 'month', last_paid_month: 'month', mrr: 'currency' },
  tests: [
    { type: 'unique', columns: ['customer'] },
    { type: 'accepted_values', column: 'status', values: ['paying', 'churned'] },
  ],
};

/**
 * Step 5. Every change of a customer's month-end MRR, like Stripe's "Customer MRR changes"
 * report: each paying month is also carried one month on as "previous MRR", so the month after
 * a customer's last paying month shows up with MRR 0. new = their first paying month;
 * reactivation = paying again after a month at 0; churn = from some to 0; expansion /
 * contraction = up / down.
 */
const changes: ModelSpec = {
  name: 'stripe_mrr_changes',
  label: 'Stripe MRR changes',
  description: "Every month a customer's MRR changed: new, expansion, contraction, churn or reactivation.",
  sql: `WITH shifted AS (
      SELECT customer, ${monthIndex('month')} AS idx, mrr, 0 AS previous_mrr FROM stripe_customer_mrr
      UNION ALL
      SELECT customer, ${monthIndex('month')} + 1 AS idx, 0 AS mrr, mrr AS previous_mrr
      FROM stripe_customer_mrr
      WHERE ${monthIndex('month')} < ${CURRENT_MONTH_INDEX}
    ),
    months AS (
      SELECT customer, idx, SUM(mrr) AS mrr, SUM(previous_mrr) AS previous_mrr
      FROM shifted
      GROUP BY customer, idx
    ),
    moves AS (
      SELECT m.customer, m.idx, m.mrr, m.previous_mrr, ${monthIndex('pc.first_paid_month')} AS first_idx
      FROM months m
      JOIN stripe_paying_customers pc ON pc.customer = m.customer
    ),
    classified AS (
      SELECT customer, idx, previous_mrr, mrr,
        (CASE WHEN idx <= first_idx THEN 'new'
          WHEN previous_mrr = 0 AND mrr > 0 THEN 'reactivation'
          WHEN previous_mrr > 0 AND mrr = 0 THEN 'churn'
          WHEN mrr > previous_mrr THEN 'expansion'
          WHEN mrr < previous_mrr THEN 'contraction'
          ELSE 'none' END) AS movement
      FROM moves
    )
    SELECT customer, ${monthFromIndex('idx')} AS month, movement, previous_mrr, mrr,
      ROUND(mrr - previous_mrr, 2) AS change,
      (CASE WHEN movement = 'new' THEN mrr ELSE 0 END) AS new_mrr,
      (CASE WHEN movement = 'expansion' THEN ROUND(mrr - previous_mrr, 2) ELSE 0 END) AS expansion_mrr,
      (CASE WHEN movement = 'contraction' THEN ROUND(previous_mrr - mrr, 2) ELSE 0 END) AS contraction_mrr,
      (CASE WHEN movement = 'churn' THEN previous_mrr ELSE 0 END) AS churned_mrr,
      (CASE WHEN movement = 'reactivation' THEN mrr ELSE 0 END) AS reactivation_mrr
    FROM classified
    WHERE movement <> 'none'
    ORDER BY idx, customer`,
  formats: {
    month: 'month',
    previous_mrr: 'currency',
    mrr: 'currency',
    change: 'currency',
    new_mrr: 'currency',
    expansion_mrr: 'currency',
    contraction_mrr: 'currency',
    churned_mrr: 'currency',
    reactivation_mrr: 'currency',
  },
  tests: [
    { type: 'unique', columns: ['customer', 'month'] },
    {
      type: 'accepted_values',
      column: 'movement',
      values: ['new', 'expansion', 'contraction', 'churn', 'reactivation'],
    },
  ],
};

/**
 * Step 6. The month totals: MRR and paying customers from step 3, movements from step 5.
 * Every month from the first paying one to now has a row (a month without any adds zeros).
 */
const mrr: ModelSpec = {
  name: 'stripe_mrr',
  label: 'Stripe MRR',
  description:
    'Monthly recurring revenue at the end of each month (this month: now), and the new, expansion, contraction, churned and reactivation MRR that moved it.',
  sql: `WITH ${calendarCtes('stripe_paying_customers', 'first_paid_month')},
    parts AS (
      SELECT ${monthIndex('month')} AS idx, mrr, 1 AS paying, 0 AS new_mrr, 0 AS expansion_mrr,
        0 AS contraction_mrr, 0 AS churned_mrr, 0 AS reactivation_mrr
      FROM stripe_customer_mrr
      UNION ALL
      SELECT ${monthIndex('month')} AS idx, 0 AS mrr, 0 AS paying, new_mrr, expansion_mrr, contraction_mrr,
        churned_mrr, reactivation_mrr
      FROM stripe_mrr_changes
      UNION ALL
      SELECT idx, 0 AS mrr, 0 AS paying, 0 AS new_mrr, 0 AS expansion_mrr, 0 AS contraction_mrr,
        0 AS churned_mrr, 0 AS reactivation_mrr
      FROM months
    )
    SELECT ${monthFromIndex('idx')} AS month,
      ROUND(SUM(mrr), 2) AS mrr,
      ROUND(SUM(new_mrr), 2) AS new_mrr,
      ROUND(SUM(expansion_mrr), 2) AS expansion_mrr,
      ROUND(SUM(contraction_mrr), 2) AS contraction_mrr,
      ROUND(SUM(churned_mrr), 2) AS churned_mrr,
      ROUND(SUM(reactivation_mrr), 2) AS reactivation_mrr,
      SUM(paying) AS customers
    FROM parts
    GROUP BY idx
    ORDER BY idx`,
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
    { type: 'not_null', column: 'month' },
    { type: 'unique', columns: ['month'] },
  ],
};

/**
 * Today's MRR by plan (price): each live, licensed subscription item's unit price × quantity
 * per month, less the subscription's percent-off discount in force. Amount-off coupons are
 * per invoice, not per plan, so they are left out here (stripe_mrr has them).
 */
const byPlan: ModelSpec = {
  name: 'stripe_mrr_by_plan',
  label: 'Stripe MRR by plan',
  description: "Today's MRR split by plan (price), percent-off discounts applied.",
  sql: `WITH live AS (
      SELECT id AS subscription,
        (CASE WHEN ${hasDate('[discount.end]')} AND [discount.end] <= NOW() THEN 0
          ELSE ${orZero('[discount.coupon.percent_off]')} END) AS percent_off
      FROM stripe_subscriptions
      WHERE status IN ('active', 'past_due') AND NOT ([pause_collection.behavior] > '')
    ),
    items AS (
      SELECT (CASE WHEN it.[price.nickname] > '' THEN it.[price.nickname] ELSE it.[price.id] END) AS plan_name,
        it.subscription,
        (${orZero('it.[price.unit_amount]')} * ${orZero('it.quantity')}
          - ROUND(${orZero('it.[price.unit_amount]')} * ${orZero('it.quantity')} * l.percent_off / 100))
          * ${perMonth('it.[price.recurring.interval]', 'it.[price.recurring.interval_count]')}
          / ${minorUnits('it.[price.currency]')} AS mrr
      FROM live l
      JOIN stripe_subscription_items it ON it.subscription = l.subscription
      WHERE it.[price.type] = 'recurring' AND it.[price.recurring.usage_type] = 'licensed'
    )
    SELECT plan_name, COUNT(*) AS subscriptions, ROUND(SUM(mrr), 2) AS mrr
    FROM items
    GROUP BY plan_name
    ORDER BY mrr DESC`,
  formats: { subscriptions: 'integer', mrr: 'currency' },
  tests: [{ type: 'unique', columns: ['plan_name'] }],
};

/** The movements one row per kind, losses negative: what a stacked bar chart needs. */
const movements: ModelSpec = {
  name: 'stripe_mrr_movements',
  label: 'Stripe MRR movements',
  description:
    'MRR gained (new, expansion, reactivation) and lost (contraction, churn, negative) each month.',
  sql: `SELECT month, 'New' AS movement, new_mrr AS amount FROM stripe_mrr
    UNION ALL SELECT month, 'Expansion' AS movement, expansion_mrr AS amount FROM stripe_mrr
    UNION ALL SELECT month, 'Reactivation' AS movement, reactivation_mrr AS amount FROM stripe_mrr
    UNION ALL SELECT month, 'Contraction' AS movement, 0 - contraction_mrr AS amount FROM stripe_mrr
    UNION ALL SELECT month, 'Churn' AS movement, 0 - churned_mrr AS amount FROM stripe_mrr`,
  formats: { month: 'month', amount: 'currency' },
};

export const MRR_MODELS: readonly ModelSpec[] = [
  lines,
  subscriptionsNow,
  customerMrr,
  payingCustomers,
  changes,
  mrr,
  movements,
  byPlan,
];
