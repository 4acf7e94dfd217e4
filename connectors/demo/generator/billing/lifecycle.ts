/**
 * Simulates each subscription from signup to cancellation: trials, renewals, plan changes with
 * prorations, failed payments and retries, cancellations (at period end or immediately),
 * refunds and reactivations. Every invoice and charge is derived from these events, so invoices
 * match subscriptions and charges match invoices by construction.
 */
import { type Coupon, PRODUCT_NAMES, type Price, priceFor } from '../catalog';
import type { Random } from '../random';
import { addMonths, DAY, HOUR, MINUTE, wholeSecond } from '../time';

const { max, min, round } = Math;

import type {
  BillingSim,
  ChargeSim,
  CustomerSim,
  InvoiceSim,
  ItemVersion,
  LineSim,
  SubscriptionSim,
} from './model';

export interface SubscriptionPlan {
  price: Price;
  quantity: number;
  trialDays: number;
  /** Chance that a trial turns into a paid subscription. */
  trialConversion: number;
  coupon: Coupon | null;
  salesLed: boolean;
}

/** Stripe's retry schedule after a failed renewal: three retries, then the subscription is canceled. */
const RETRY_OFFSETS = [0, 3 * DAY, 7 * DAY, 14 * DAY];
const RETRY_SUCCESS = 0.45;

const FEEDBACK: ReadonlyArray<readonly [string, number]> = [
  ['too_expensive', 0.3],
  ['missing_features', 0.2],
  ['switched_service', 0.15],
  ['unused', 0.2],
  ['too_complex', 0.05],
  ['other', 0.1],
];

const DECLINES = [
  { code: 'card_declined', reason: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  { code: 'card_declined', reason: 'generic_decline', message: 'Your card was declined.' },
  { code: 'expired_card', reason: 'expired_card', message: 'Your card has expired.' },
  { code: 'card_declined', reason: 'do_not_honor', message: 'Your card was declined.' },
];

export class BillingSimulator implements BillingSim {
  readonly customers: CustomerSim[] = [];
  readonly subscriptions: SubscriptionSim[] = [];
  readonly invoices: InvoiceSim[] = [];
  readonly charges: ChargeSim[] = [];

  /** `r` draws behaviour, `ids` draws identifiers, so changing one never reshuffles the other. */
  constructor(
    private readonly r: Random,
    private readonly ids: Random,
    private readonly horizon: number,
  ) {}

  addCustomer(customer: CustomerSim): void {
    this.customers.push(customer);
  }

  /** Runs one subscription's whole life; may start a second one if the customer comes back. */
  subscribe(customer: CustomerSim, startAt: number, plan: SubscriptionPlan): SubscriptionSim {
    const r = this.r;
    const sub: SubscriptionSim = {
      id: this.ids.id('sub_', 24),
      itemId: this.ids.id('si_'),
      customer,
      createdAt: startAt,
      trialEnd: plan.trialDays ? startAt + plan.trialDays * DAY : null,
      coupon: plan.coupon,
      items: [{ from: startAt, price: plan.price, quantity: plan.quantity }],
      periods: [],
      cancelRequestedAt: null,
      cancelAtPeriodEnd: false,
      endedAt: null,
      endReason: null,
      feedback: null,
      pastDue: [],
    };
    this.subscriptions.push(sub);

    let anchor = startAt;
    if (sub.trialEnd !== null) {
      const trialLine = this.line(plan.price, plan.quantity, startAt, sub.trialEnd, false, 0);
      trialLine.description = `Trial period for ${PRODUCT_NAMES[plan.price.plan]}`;
      this.invoice(sub, startAt, 'subscription_create', [trialLine]);
      sub.periods.push({ start: startAt, end: sub.trialEnd });
      if (!r.chance(plan.trialConversion)) {
        // Trial settings "cancel if no payment method": the subscription ends with the trial.
        sub.endedAt = sub.trialEnd;
        sub.cancelRequestedAt = sub.trialEnd;
        sub.endReason = 'trial_expired';
        return sub;
      }
      anchor = sub.trialEnd;
    }

    const months = plan.price.interval === 'year' ? 12 : 1;
    for (let k = 0; ; k++) {
      const start = addMonths(anchor, k * months);
      if (start >= this.horizon) break;
      const end = addMonths(anchor, (k + 1) * months);
      sub.periods.push({ start, end });
      const item = current(sub);
      const firstPaid = k === 0 && sub.trialEnd === null;
      const invoice = this.invoice(sub, start, firstPaid ? 'subscription_create' : 'subscription_cycle', [
        this.line(item.price, item.quantity, start, end, false, item.price.unitAmount * item.quantity),
      ]);
      const failChance = firstPaid ? 0 : k === 0 ? 0.1 : months === 12 ? 0.05 : plan.salesLed ? 0.03 : 0.07;
      const paidAt = this.collect(invoice, firstPaid ? start : start + HOUR, failChance);
      if (paidAt === null) {
        const last = invoice.attempts[invoice.attempts.length - 1].createdAt;
        this.end(sub, last + 5 * MINUTE, 'payment_failed', false);
        invoice.uncollectibleAt = sub.endedAt;
        break;
      }
      const eventFrom = max(start, paidAt) + HOUR;
      if (r.chance(churnChance(sub, plan, k))) {
        if (months === 12) {
          // Yearly customers decide near renewal and leave when the paid year is over.
          this.end(sub, end - r.uniform(1, 45) * DAY, 'cancellation_requested', true, end);
        } else {
          const at = r.uniform(eventFrom, end - HOUR);
          const atPeriodEnd = r.chance(0.85);
          this.end(sub, at, 'cancellation_requested', atPeriodEnd, atPeriodEnd ? end : at);
          if (!atPeriodEnd && at - start < 14 * DAY && r.chance(0.6)) this.refund(invoice, at, 1);
        }
        break;
      }
      if (r.chance(changeChance(plan, months))) {
        const at = r.uniform(eventFrom, end - DAY);
        const next = pickChange(r, item);
        if (next && at > eventFrom) this.change(sub, at, start, end, item, next);
      }
    }

    if (
      (sub.endReason === 'cancellation_requested' || sub.endReason === 'payment_failed') &&
      !customer.reactivated &&
      sub.endedAt !== null &&
      r.chance(0.1)
    ) {
      customer.reactivated = true;
      const back = sub.endedAt + r.uniform(30, 270) * DAY;
      if (back < this.horizon) {
        const item = current(sub);
        this.subscribe(customer, back, {
          ...plan,
          price: item.price,
          quantity: item.quantity,
          trialDays: 0,
          coupon: null,
        });
      }
    }
    return sub;
  }

  private end(
    sub: SubscriptionSim,
    requestedAt: number,
    reason: 'cancellation_requested' | 'payment_failed',
    atPeriodEnd: boolean,
    endedAt = requestedAt,
  ): void {
    sub.cancelRequestedAt = wholeSecond(requestedAt);
    sub.cancelAtPeriodEnd = atPeriodEnd;
    sub.endedAt = wholeSecond(endedAt);
    sub.endReason = reason;
    sub.feedback =
      reason === 'cancellation_requested' && this.r.chance(0.6) ? this.r.weighted(FEEDBACK) : null;
  }

  /** A mid-period upgrade or downgrade, invoiced at once with Stripe's two proration lines. */
  private change(
    sub: SubscriptionSim,
    at: number,
    start: number,
    end: number,
    from: ItemVersion,
    to: ItemVersion,
  ) {
    at = wholeSecond(at);
    const left = (end - at) / (end - start);
    const when = new Date(at).toUTCString().slice(5, 16);
    const credit = this.line(
      from.price,
      from.quantity,
      at,
      end,
      true,
      -round(from.price.unitAmount * from.quantity * left),
    );
    credit.description = `Unused time on ${from.quantity} × ${PRODUCT_NAMES[from.price.plan]} after ${when}`;
    const charge = this.line(
      to.price,
      to.quantity,
      at,
      end,
      true,
      round(to.price.unitAmount * to.quantity * left),
    );
    charge.description = `Remaining time on ${to.quantity} × ${PRODUCT_NAMES[to.price.plan]} after ${when}`;
    sub.items.push({ from: at, price: to.price, quantity: to.quantity });
    const invoice = this.invoice(sub, at, 'subscription_update', [credit, charge]);
    this.collect(invoice, at, 0);
  }

  private line(
    price: Price,
    quantity: number,
    start: number,
    end: number,
    proration: boolean,
    amount: number,
  ): LineSim {
    const per = price.interval === 'year' ? 'year' : 'month';
    return {
      id: this.ids.id('il_', 24),
      amount,
      quantity,
      price,
      proration,
      start: wholeSecond(start),
      end: wholeSecond(end),
      description: `${quantity} × ${PRODUCT_NAMES[price.plan]} (at $${(price.unitAmount / 100).toFixed(2)} / ${per})`,
    };
  }

  private invoice(
    sub: SubscriptionSim,
    at: number,
    billingReason: InvoiceSim['billingReason'],
    lines: LineSim[],
  ): InvoiceSim {
    const customer = sub.customer;
    const subtotal = lines.reduce((s, l) => s + l.amount, 0);
    const percentOff = couponApplies(sub, at) ? (sub.coupon?.percentOff ?? 0) : 0;
    const total = subtotal - round((subtotal * percentOff) / 100);
    const startingBalance = customer.balance;
    customer.balance = min(0, total + startingBalance);
    const invoice: InvoiceSim = {
      id: this.ids.id('in_', 24),
      customer,
      subscription: sub,
      number: `${customer.invoicePrefix}-${String(customer.nextInvoiceNumber++).padStart(4, '0')}`,
      createdAt: wholeSecond(at),
      billingReason,
      lines,
      subtotal,
      total,
      startingBalance,
      endingBalance: customer.balance,
      amountDue: max(0, total + startingBalance),
      paidAt: null,
      uncollectibleAt: null,
      attempts: [],
    };
    this.invoices.push(invoice);
    return invoice;
  }

  /** Charges the card, retrying on failure; returns when it was paid, or null if it never was. */
  private collect(invoice: InvoiceSim, firstAttempt: number, failChance: number): number | null {
    if (invoice.amountDue === 0) {
      invoice.paidAt = invoice.createdAt;
      return invoice.paidAt;
    }
    const firstFails = this.r.chance(failChance);
    for (let i = 0; i < RETRY_OFFSETS.length; i++) {
      const at = wholeSecond(firstAttempt + RETRY_OFFSETS[i] + (i ? this.r.uniform(0, 2) * HOUR : 0));
      const succeeded = i === 0 ? !firstFails : this.r.chance(RETRY_SUCCESS);
      this.charge(invoice, at, succeeded);
      if (succeeded) {
        invoice.paidAt = at;
        if (i > 0) invoice.subscription.pastDue.push({ from: invoice.attempts[0].createdAt, to: at });
        if (this.r.chance(0.004)) this.refund(invoice, at + this.r.uniform(1, 5) * DAY, 0.5);
        return at;
      }
    }
    const attempts = invoice.attempts;
    invoice.subscription.pastDue.push({
      from: attempts[0].createdAt,
      to: attempts[attempts.length - 1].createdAt + 5 * MINUTE,
    });
    return null;
  }

  private charge(invoice: InvoiceSim, at: number, succeeded: boolean): void {
    const charge: ChargeSim = {
      id: this.ids.id('ch_', 24),
      invoice,
      amount: invoice.amountDue,
      createdAt: at,
      succeeded,
      failure: succeeded ? null : this.r.pick(DECLINES),
      refund: null,
    };
    invoice.attempts.push(charge);
    this.charges.push(charge);
  }

  private refund(invoice: InvoiceSim, at: number, share: number): void {
    const paid = invoice.attempts.find((c) => c.succeeded);
    if (paid && !paid.refund) paid.refund = { at: wholeSecond(at), amount: round(paid.amount * share) };
  }
}

export function current(sub: SubscriptionSim): ItemVersion {
  return sub.items[sub.items.length - 1];
}

/** Forever coupons always apply; repeating ones for their months after the subscription starts. */
export function couponApplies(sub: SubscriptionSim, at: number): boolean {
  const coupon = sub.coupon;
  if (!coupon) return false;
  if (coupon.duration === 'forever') return true;
  return at < addMonths(sub.createdAt, coupon.durationInMonths ?? 0);
}

function churnChance(sub: SubscriptionSim, plan: SubscriptionPlan, period: number): number {
  const item = current(sub);
  if (item.price.interval === 'year') return plan.salesLed ? 0.1 : item.price.plan === 'starter' ? 0.3 : 0.2;
  const base = { starter: 0.045, growth: 0.028, scale: 0.015 }[item.price.plan];
  const early = period < 3 ? 1.4 : 1;
  const loyal = sub.coupon?.duration === 'forever' ? 0.7 : 1;
  return base * early * loyal;
}

function changeChance(plan: SubscriptionPlan, months: number): number {
  if (months === 1) return 0.045;
  return plan.salesLed ? 0.35 : 0.25;
}

/** Upgrades are more common than downgrades; seats grow more often than they shrink. */
function pickChange(r: Random, item: ItemVersion): ItemVersion | null {
  const { price, quantity } = item;
  const same = (plan: 'starter' | 'growth' | 'scale') => priceFor(plan, price.interval);
  if (price.plan === 'starter') return { from: 0, price: same('growth'), quantity: r.int(3, 5) };
  if (price.plan === 'growth') {
    const x = r.next();
    if (x < 0.6) return { from: 0, price, quantity: quantity + r.int(1, 4) };
    if (x < 0.85)
      return quantity > 2 ? { from: 0, price, quantity: quantity - r.int(1, min(2, quantity - 2)) } : null;
    if (x < 0.93) return { from: 0, price: same('starter'), quantity: 1 };
    return quantity >= 6
      ? { from: 0, price: same('scale'), quantity }
      : { from: 0, price, quantity: quantity + 2 };
  }
  if (r.chance(0.75))
    return { from: 0, price, quantity: quantity + max(1, round(quantity * r.uniform(0.1, 0.4))) };
  return quantity > 10
    ? { from: 0, price, quantity: quantity - max(1, round(quantity * r.uniform(0.05, 0.2))) }
    : null;
}
