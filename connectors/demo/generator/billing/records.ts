/**
 * What Stripe's API would return at `now` for the simulated history: objects created after
 * `now` do not exist yet, and statuses (trialing, past_due, canceled, paid, refunded) are the
 * ones in force at `now`. Field names follow Stripe's; amounts are in cents, times in unix seconds.
 */
import { addMonths, unixSeconds } from '../time';
import { couponApplies } from './lifecycle';
import type { BillingSim, ChargeSim, CustomerSim, InvoiceSim, SubscriptionSim } from './model';

type Row = Record<string, unknown>;

const unix = (ms: number | null): number | null => (ms === null ? null : unixSeconds(ms));
const upTo = (ms: number | null, now: number): number | null => (ms !== null && ms <= now ? ms : null);

export function customerRecords(sim: BillingSim, now: number): Row[] {
  const delinquent = new Set<CustomerSim>();
  for (const sub of sim.subscriptions) if (isPastDue(sub, now)) delinquent.add(sub.customer);
  const balance = new Map<CustomerSim, number>();
  for (const inv of sim.invoices) if (inv.createdAt <= now) balance.set(inv.customer, inv.endingBalance);
  return sim.customers
    .filter((c) => c.createdAt <= now)
    .map((c) => ({
      id: c.id,
      created: unixSeconds(c.createdAt),
      name: c.name,
      email: c.email,
      balance: balance.get(c) ?? 0,
      delinquent: delinquent.has(c),
      address: { country: c.country.code },
      metadata: {
        signup_source: c.signup?.channel.source ?? null,
        signup_medium: c.signup?.channel.medium ?? null,
        hubspot_deal_id: c.dealId,
      },
    }));
}

function isPastDue(sub: SubscriptionSim, now: number): boolean {
  return sub.pastDue.some((span) => span.from <= now && now < span.to);
}

export function subscriptionRecords(sim: BillingSim, now: number): Row[] {
  return sim.subscriptions.filter((s) => s.createdAt <= now).map((s) => subscriptionAt(s, now));
}

function subscriptionAt(sub: SubscriptionSim, now: number): Row {
  const ended = upTo(sub.endedAt, now);
  const requested = upTo(sub.cancelRequestedAt, now);
  const at = ended ?? now;
  const item = [...sub.items].reverse().find((v) => v.from <= at) ?? sub.items[0];
  const period =
    sub.periods.find((p) => p.start <= at && at < p.end) ??
    [...sub.periods].reverse().find((p) => p.start < at) ??
    sub.periods[0];
  const status =
    ended !== null
      ? 'canceled'
      : sub.trialEnd !== null && now < sub.trialEnd
        ? 'trialing'
        : isPastDue(sub, now)
          ? 'past_due'
          : 'active';
  const coupon = sub.coupon && couponApplies(sub, now) ? sub.coupon : null;
  const discountEnd =
    coupon?.duration === 'repeating' ? addMonths(sub.createdAt, coupon.durationInMonths ?? 0) : null;
  const reason = requested === null || sub.endReason === 'trial_expired' ? null : sub.endReason;
  return {
    id: sub.id,
    customer: sub.customer.id,
    status,
    created: unixSeconds(sub.createdAt),
    start_date: unixSeconds(sub.createdAt),
    trial_start: sub.trialEnd === null ? null : unixSeconds(sub.createdAt),
    trial_end: unix(sub.trialEnd),
    current_period_start: unixSeconds(period.start),
    current_period_end: unixSeconds(period.end),
    cancel_at_period_end: requested !== null && sub.cancelAtPeriodEnd,
    cancel_at: requested !== null && sub.cancelAtPeriodEnd ? unix(sub.endedAt) : null,
    canceled_at: unix(requested),
    ended_at: unix(ended),
    quantity: item.quantity,
    plan: {
      id: item.price.id,
      nickname: item.price.nickname,
      product: item.price.product,
      amount: item.price.unitAmount,
      interval: item.price.interval,
      interval_count: 1,
    },
    discount: {
      coupon: {
        id: coupon?.id ?? null,
        percent_off: coupon?.percentOff ?? null,
        duration: coupon?.duration ?? null,
        duration_in_months: coupon?.durationInMonths ?? null,
      },
      start: coupon ? unixSeconds(sub.createdAt) : null,
      end: unix(discountEnd),
    },
    cancellation_details: { reason, feedback: requested === null ? null : sub.feedback },
  };
}

function invoiceStatus(inv: InvoiceSim, now: number): 'paid' | 'open' | 'uncollectible' {
  if (inv.paidAt !== null && inv.paidAt <= now) return 'paid';
  if (inv.uncollectibleAt !== null && inv.uncollectibleAt <= now) return 'uncollectible';
  return 'open';
}

export function invoiceRecords(sim: BillingSim, now: number): Row[] {
  return sim.invoices
    .filter((inv) => inv.createdAt <= now)
    .map((inv) => {
      const status = invoiceStatus(inv, now);
      const attempts = inv.attempts.filter((c) => c.createdAt <= now).length;
      const amountPaid = status === 'paid' ? inv.amountDue : 0;
      return {
        id: inv.id,
        customer: inv.customer.id,
        subscription: inv.subscription.id,
        number: inv.number,
        status,
        billing_reason: inv.billingReason,
        created: unixSeconds(inv.createdAt),
        subtotal: inv.subtotal,
        total: inv.total,
        starting_balance: inv.startingBalance,
        ending_balance: inv.endingBalance,
        amount_due: inv.amountDue,
        amount_paid: amountPaid,
        amount_remaining: inv.amountDue - amountPaid,
        attempt_count: attempts,
        status_transitions: {
          finalized_at: unixSeconds(inv.createdAt),
          paid_at: status === 'paid' ? unix(inv.paidAt) : null,
          marked_uncollectible_at: status === 'uncollectible' ? unix(inv.uncollectibleAt) : null,
        },
      };
    });
}

export function invoiceLineRecords(sim: BillingSim, now: number): Row[] {
  const rows: Row[] = [];
  for (const inv of sim.invoices) {
    if (inv.createdAt > now) continue;
    for (const line of inv.lines) {
      rows.push({
        id: line.id,
        invoice: inv.id,
        subscription: inv.subscription.id,
        subscription_item: inv.subscription.itemId,
        type: 'subscription',
        description: line.description,
        amount: line.amount,
        quantity: line.quantity,
        proration: line.proration,
        period: { start: unixSeconds(line.start), end: unixSeconds(line.end) },
        price: {
          id: line.price.id,
          product: line.price.product,
          unit_amount: line.price.unitAmount,
          recurring: { interval: line.price.interval, interval_count: 1, usage_type: 'licensed' },
        },
      });
    }
  }
  return rows;
}

export function chargeRecords(sim: BillingSim, now: number): Row[] {
  return sim.charges.filter((c) => c.createdAt <= now).map((c) => chargeAt(c, now));
}

function chargeAt(c: ChargeSim, now: number): Row {
  const refunded = c.refund !== null && c.refund.at <= now ? c.refund.amount : 0;
  const customer = c.invoice.customer;
  return {
    id: c.id,
    amount: c.amount,
    amount_refunded: refunded,
    created: unixSeconds(c.createdAt),
    customer: customer.id,
    invoice: c.invoice.id,
    refunded: c.succeeded && refunded === c.amount,
    status: c.succeeded ? 'succeeded' : 'failed',
    failure_code: c.failure?.code ?? null,
    failure_message: c.failure?.message ?? null,
    outcome: {
      reason: c.failure?.reason ?? null,
      type: c.succeeded ? 'authorized' : 'issuer_declined',
    },
    payment_method_details: { card: { brand: customer.card.brand, country: customer.country.code } },
  };
}
