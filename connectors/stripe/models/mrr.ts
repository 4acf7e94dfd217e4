import type { ModelSpec } from '../../../src/model/model-spec';
import { calendarCtes, hasDate, instant, minorUnits, monthIndex, monthStart, orZero, perMonth } from '../sql';

/**
 * MRR history in four steps, each a tab a founder can audit:
 *
 * 1. stripe_mrr_lines: what every subscription invoice line is worth a month, and the months
 *    at whose end it was in force. This is the history: invoices record which price and
 *    quantity a customer paid for, for which period, with which discount.
 * 2. stripe_subscription_mrr: what every live subscription is worth a month today, from its
 *    current items and discount (changes not invoiced yet show up here first).
 * 3. stripe_customer_mrr: each customer's MRR at the end of each month (history for past
 *    months, today's subscriptions for the current one) and the movement it made.
 * 4. stripe_mrr: the month totals.
 */

const INVOICE_COUNTS = `('paid', 'open')`;

/**
 * Step 1. A regular line (a billing period of a subscription item) is worth its amount after
 * discounts, spread over its interval. A proration line marks a change inside a period: its
 * credit takes the old price and quantity out from the change on, its charge puts the new one
 * in. Both are valued at list price × quantity, scaled by the discount share the subscription
 * got on that period's regular invoice (a 20%-off customer upgrades at 20% off). Summing every
 * line in force at a moment gives the subscription's MRR at that moment.
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
  sql: `WITH regular_share AS (
      SELECT x.subscription, x.period_end_ms,
        SUM(x.amount - x.discount) / SUM(x.amount) AS share
      FROM (
        SELECT r.subscription, ${instant('r.[period.end]')} AS period_end_ms,
          r.amount, ${orZero('r.discount_amount')} AS discount
        FROM stripe_invoice_lines r
        JOIN stripe_invoices ri ON ri.id = r.invoice
        WHERE r.proration = false AND r.amount > 0 AND ri.status IN ${INVOICE_COUNTS} AND ${hasDate('r.[period.end]')}
      ) AS x
      GROUP BY x.subscription, x.period_end_ms
    )
    SELECT l.id AS line, l.invoice, l.customer, l.subscription, l.proration, l.price, l.quantity,
      l.[period.start] AS period_start, l.[period.end] AS period_end,
      ${monthStart('l.[period.start]')} AS from_month,
      (CASE WHEN ${hasDate('s.ended_at')} AND s.ended_at < l.[period.end]
        THEN ${monthStart('s.ended_at')} ELSE ${monthStart('l.[period.end]')} END) AS until_month,
      ROUND(
        (CASE WHEN l.proration
          THEN (CASE WHEN l.amount < 0 THEN -1 ELSE 1 END) * ${orZero('p.unit_amount')} * ${orZero('l.quantity')} * COALESCE(sh.share, 1)
          ELSE l.amount - ${orZero('l.discount_amount')} END)
        * ${perMonth('p.[recurring.interval]', 'p.[recurring.interval_count]')} / ${minorUnits('l.currency')}, 4) AS mrr
    FROM stripe_invoice_lines l
    JOIN stripe_invoices i ON i.id = l.invoice
    JOIN stripe_prices p ON p.id = l.price
    LEFT JOIN stripe_subscriptions s ON s.id = l.subscription
    LEFT JOIN regular_share sh ON sh.subscription = l.subscription AND sh.period_end_ms = ${instant('l.[period.end]')}
    WHERE i.status IN ${INVOICE_COUNTS}
      AND p.type = 'recurring' AND p.[recurring.usage_type] = 'licensed'
      AND l.subscription > '' AND ${hasDate('l.[period.start]')} AND ${hasDate('l.[period.end]')}
    ORDER BY l.customer, l.[period.start]`,
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
 * are worth 0 and have no row.
 */
const subscriptionsNow: ModelSpec = {
  name: 'stripe_subscription_mrr',
  label: 'Stripe MRR by subscription',
  description: "Each live subscription's monthly value today, from its current items and discount.",
  sql: `WITH live AS (
      SELECT s.id AS subscription, s.customer, s.status,
        (CASE WHEN ${hasDate('s.[discount.end]')} AND s.[discount.end] <= NOW() THEN 0
          ELSE ${orZero('s.[discount.coupon.percent_off]')} END) AS percent_off,
        (CASE WHEN ${hasDate('s.[discount.end]')} AND s.[discount.end] <= NOW() THEN 0
          ELSE ${orZero('s.[discount.coupon.amount_off]')} END) AS amount_off
      FROM stripe_subscriptions s
      WHERE s.status IN ('active', 'past_due')
    ),
    items AS (
      SELECT l.subscription, l.customer, l.status, l.percent_off, l.amount_off,
        ${orZero('it.[price.unit_amount]')} * ${orZero('it.quantity')} AS gross,
        ${perMonth('it.[price.recurring.interval]', 'it.[price.recurring.interval_count]')} AS per_month,
        ${minorUnits('it.[price.currency]')} AS minor_units,
        (CASE WHEN it.[price.billing_scheme] = 'tiered' THEN 0 ELSE 1 END) AS priced
      FROM stripe_subscription_items it
      JOIN live l ON l.subscription = it.subscription
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
    invoiced AS (
      SELECT subscription, SUM(mrr) AS mrr
      FROM stripe_mrr_lines
      WHERE period_start <= NOW() AND NOW() < period_end
      GROUP BY subscription
    )
    SELECT v.subscription, v.customer, v.status,
      (CASE WHEN v.priced = 1 THEN 'prices' ELSE 'invoice lines' END) AS valued_from,
      ROUND(v.list_mrr, 2) AS list_mrr, v.percent_off, ROUND(v.amount_off_mrr, 2) AS amount_off_mrr,
      ROUND(CASE
        WHEN v.priced = 0 THEN (CASE WHEN i.mrr > 0 THEN i.mrr ELSE 0 END)
        WHEN v.after_percent - v.amount_off_mrr < 0 THEN 0
        ELSE v.after_percent - v.amount_off_mrr END, 4) AS mrr
    FROM valued v
    LEFT JOIN invoiced i ON i.subscription = v.subscription
    ORDER BY v.customer, v.subscription`,
  formats: { list_mrr: 'currency', percent_off: 'number', amount_off_mrr: 'currency', mrr: 'currency' },
  tests: [{ type: 'unique', columns: ['subscription'] }],
};

/**
 * Step 3. A customer's MRR at the end of each month: the lines in force at that month's end
 * (past months) or their subscriptions today (current month), never below 0. The movement
 * compares it with the previous month: new = the customer's first month with MRR; reactivation
 * = MRR again after a month at 0; churn = from some to 0; expansion/contraction = up/down.
 * Months where a customer has 0 before and after are left out.
 */
const customers: ModelSpec = {
  name: 'stripe_customer_mrr',
  label: 'Stripe MRR by customer',
  description: "Each customer's MRR at the end of each month, and what moved it.",
  sql: `WITH ${calendarCtes('stripe_mrr_lines', 'from_month')},
    spans AS (
      SELECT customer, mrr, ${monthIndex('from_month')} AS from_idx, ${monthIndex('until_month')} AS until_idx
      FROM stripe_mrr_lines
    ),
    history AS (
      SELECT sp.customer, m.idx, SUM(sp.mrr) AS mrr
      FROM spans sp JOIN months m ON sp.from_idx <= m.idx AND m.idx < sp.until_idx
      WHERE m.is_current = false
      GROUP BY sp.customer, m.idx
    ),
    today AS (
      SELECT sm.customer, m.idx, SUM(sm.mrr) AS mrr
      FROM stripe_subscription_mrr sm, months m
      WHERE m.is_current = true
      GROUP BY sm.customer, m.idx
    ),
    known AS (
      SELECT customer, idx, ROUND(CASE WHEN mrr < 0 THEN 0 ELSE mrr END, 2) AS mrr FROM history
      UNION ALL
      SELECT customer, idx, ROUND(CASE WHEN mrr < 0 THEN 0 ELSE mrr END, 2) AS mrr FROM today
    ),
    firsts AS (SELECT customer, MIN(idx) AS first_idx FROM known WHERE mrr > 0 GROUP BY customer),
    filled AS (
      SELECT f.customer, m.idx, m.month, f.first_idx, COALESCE(k.mrr, 0) AS mrr
      FROM firsts f
      JOIN months m ON m.idx >= f.first_idx
      LEFT JOIN known k ON k.customer = f.customer AND k.idx = m.idx
    ),
    moves AS (
      SELECT c.customer, c.month, c.idx, c.first_idx, c.mrr, COALESCE(p.mrr, 0) AS previous_mrr
      FROM filled c
      LEFT JOIN filled p ON p.customer = c.customer AND p.idx = c.idx - 1
    )
    SELECT customer, month, mrr, previous_mrr,
      (CASE WHEN idx = first_idx THEN 'new'
        WHEN previous_mrr = 0 AND mrr > 0 THEN 'reactivation'
        WHEN previous_mrr > 0 AND mrr = 0 THEN 'churn'
        WHEN mrr > previous_mrr THEN 'expansion'
        WHEN mrr < previous_mrr THEN 'contraction'
        ELSE 'none' END) AS movement,
      (CASE WHEN idx = first_idx THEN mrr ELSE 0 END) AS new_mrr,
      (CASE WHEN idx > first_idx AND previous_mrr > 0 AND mrr > previous_mrr THEN mrr - previous_mrr ELSE 0 END) AS expansion_mrr,
      (CASE WHEN previous_mrr > 0 AND mrr > 0 AND mrr < previous_mrr THEN previous_mrr - mrr ELSE 0 END) AS contraction_mrr,
      (CASE WHEN previous_mrr > 0 AND mrr = 0 THEN previous_mrr ELSE 0 END) AS churned_mrr,
      (CASE WHEN idx > first_idx AND previous_mrr = 0 AND mrr > 0 THEN mrr ELSE 0 END) AS reactivation_mrr
    FROM moves
    WHERE mrr > 0 OR previous_mrr > 0
    ORDER BY month, customer`,
  formats: {
    month: 'month',
    mrr: 'currency',
    previous_mrr: 'currency',
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
      values: ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'none'],
    },
  ],
};

/** Step 4. The month totals; every month from the first with history to now has a row. */
const mrr: ModelSpec = {
  name: 'stripe_mrr',
  label: 'Stripe MRR',
  description:
    'Monthly recurring revenue at the end of each month (this month: now), and the new, expansion, contraction, churned and reactivation MRR that moved it.',
  sql: `WITH ${calendarCtes('stripe_mrr_lines', 'from_month')},
    totals AS (
      SELECT ${monthIndex('month')} AS idx, SUM(mrr) AS mrr, SUM(new_mrr) AS new_mrr,
        SUM(expansion_mrr) AS expansion_mrr, SUM(contraction_mrr) AS contraction_mrr,
        SUM(churned_mrr) AS churned_mrr, SUM(reactivation_mrr) AS reactivation_mrr,
        SUM(CASE WHEN mrr > 0 THEN 1 ELSE 0 END) AS customers
      FROM stripe_customer_mrr
      GROUP BY ${monthIndex('month')}
    )
    SELECT m.month,
      ROUND(COALESCE(t.mrr, 0), 2) AS mrr,
      ROUND(COALESCE(t.new_mrr, 0), 2) AS new_mrr,
      ROUND(COALESCE(t.expansion_mrr, 0), 2) AS expansion_mrr,
      ROUND(COALESCE(t.contraction_mrr, 0), 2) AS contraction_mrr,
      ROUND(COALESCE(t.churned_mrr, 0), 2) AS churned_mrr,
      ROUND(COALESCE(t.reactivation_mrr, 0), 2) AS reactivation_mrr,
      COALESCE(t.customers, 0) AS customers
    FROM months m
    LEFT JOIN totals t ON t.idx = m.idx
    ORDER BY m.month`,
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

export const MRR_MODELS: readonly ModelSpec[] = [lines, subscriptionsNow, customers, mrr, movements];
