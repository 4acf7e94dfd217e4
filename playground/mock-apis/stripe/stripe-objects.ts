/**
 * Builders for Stripe API objects in the shape Stripe sends (API 2025-12-15.clover): each
 * starts from Stripe's published fixture (fixtures/*.json) and overrides what a test is about,
 * so every other field keeps its real shape and type.
 */
import balanceTransactionsPage from './fixtures/list_balance_transactions.json';
import chargesPage from './fixtures/list_charges.json';
import customersPage from './fixtures/list_customers.json';
import invoicesPage from './fixtures/list_invoices.json';
import subscriptionsPage from './fixtures/list_subscriptions.json';

export type StripeObject = Record<string, unknown>;

/** Unix seconds of an ISO date or date-time (UTC when no offset is given). */
export function ts(iso: string): number {
  const text = iso.length === 10 ? `${iso}T00:00:00Z` : /[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`Not a date: ${iso}`);
  return ms / 1000;
}

const clone = <T>(value: T): T => structuredClone(value);

export function customer(o: { id: string; created: string; email?: string; name?: string }): StripeObject {
  return {
    ...clone(customersPage.data[0]),
    id: o.id,
    created: ts(o.created),
    email: o.email ?? `${o.id}@example.com`,
    name: o.name ?? o.id,
    discount: null,
  };
}

export interface PriceInput {
  id: string;
  unit_amount: number | null;
  interval: 'day' | 'week' | 'month' | 'year';
  interval_count?: number;
  usage_type?: 'licensed' | 'metered';
  currency?: string;
  created?: string;
  /** A one-time price (a setup fee) has no recurring terms. */
  oneTime?: boolean;
}

/** A Price object (the same shape subscription items embed). */
export function price(p: PriceInput): StripeObject {
  const embedded = subscriptionsPage.data[0].items.data[0].price;
  return {
    ...clone(embedded),
    id: p.id,
    created: ts(p.created ?? '2024-01-01'),
    currency: p.currency ?? 'usd',
    unit_amount: p.unit_amount,
    unit_amount_decimal: p.unit_amount === null ? null : String(p.unit_amount),
    billing_scheme: p.unit_amount === null ? 'tiered' : 'per_unit',
    product: `prod_${p.id}`,
    type: p.oneTime ? 'one_time' : 'recurring',
    recurring: p.oneTime
      ? null
      : {
          interval: p.interval,
          interval_count: p.interval_count ?? 1,
          meter: null,
          usage_type: p.usage_type ?? 'licensed',
          trial_period_days: null,
        },
    transform_quantity: null,
  };
}

export interface CouponInput {
  percent_off?: number;
  amount_off?: number;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months?: number;
  /** When the discount stops (repeating coupons). */
  end?: string;
  start?: string;
}

/** A Discount as `expand[]=data.discounts.source.coupon` returns it. */
export function discount(id: string, c: CouponInput): StripeObject {
  return {
    ...clone(customersPage.data[0].discount),
    id,
    start: ts(c.start ?? '2024-01-01'),
    end: c.end ? ts(c.end) : null,
    source: {
      type: 'coupon',
      coupon: {
        id: `co_${id}`,
        object: 'coupon',
        percent_off: c.percent_off ?? null,
        amount_off: c.amount_off ?? null,
        currency: c.amount_off === undefined ? null : 'usd',
        duration: c.duration,
        duration_in_months: c.duration_in_months ?? null,
        valid: true,
      },
    },
  };
}

export interface SubscriptionInput {
  id: string;
  customer: string;
  status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'incomplete' | 'paused';
  created: string;
  items: Array<{ id: string; price: StripeObject; quantity?: number; period: [string, string] }>;
  discounts?: StripeObject[];
  trial?: [string, string];
  cancel_at_period_end?: boolean;
  canceled_at?: string;
  ended_at?: string;
  /** Payment collection paused: `void`, `keep_as_draft` or `mark_uncollectible`. */
  pauseCollection?: 'void' | 'keep_as_draft' | 'mark_uncollectible';
}

export function subscription(s: SubscriptionInput): StripeObject {
  const base = clone(subscriptionsPage.data[0]) as StripeObject;
  const itemBase = subscriptionsPage.data[0].items.data[0];
  return {
    ...base,
    id: s.id,
    customer: s.customer,
    status: s.status,
    created: ts(s.created),
    start_date: ts(s.created),
    billing_cycle_anchor: ts(s.created),
    trial_start: s.trial ? ts(s.trial[0]) : null,
    trial_end: s.trial ? ts(s.trial[1]) : null,
    cancel_at_period_end: s.cancel_at_period_end ?? false,
    cancel_at: s.cancel_at_period_end ? ts(s.items[0].period[1]) : null,
    canceled_at: s.canceled_at ? ts(s.canceled_at) : null,
    ended_at: s.ended_at ? ts(s.ended_at) : null,
    discounts: s.discounts ?? [],
    pending_update: null,
    pause_collection: s.pauseCollection ? { behavior: s.pauseCollection, resumes_at: null } : null,
    items: {
      object: 'list',
      has_more: false,
      url: `/v1/subscription_items?subscription=${s.id}`,
      data: s.items.map((it) => ({
        ...clone(itemBase),
        id: it.id,
        created: ts(s.created),
        subscription: s.id,
        price: it.price,
        plan: undefined,
        quantity: it.quantity ?? 1,
        current_period_start: ts(it.period[0]),
        current_period_end: ts(it.period[1]),
        discounts: [],
      })),
    },
  };
}

export interface LineInput {
  id: string;
  price: string;
  amount: number;
  period: [string, string];
  quantity?: number;
  proration?: boolean;
  /** Discount amounts applied to the line, smallest currency unit. */
  discount?: number;
  subscription_item?: string;
  description?: string;
}

export interface InvoiceInput {
  id: string;
  customer: string;
  subscription: string | null;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  created: string;
  lines: LineInput[];
  attempt_count?: number;
  currency?: string;
}

export function invoice(i: InvoiceInput): StripeObject {
  const base = clone(invoicesPage.data[0]) as StripeObject;
  const lineBase = invoicesPage.data[0].lines.data[0];
  const currency = i.currency ?? 'usd';
  const lines = i.lines.map((l) => {
    // Period lines come from the subscription item; prorations arrive as invoice items.
    const parent = l.proration
      ? {
          type: 'invoice_item_details',
          invoice_item_details: {
            invoice_item: `ii_${l.id}`,
            proration: true,
            proration_details: { credited_items: null },
            subscription: i.subscription,
          },
          subscription_item_details: null,
        }
      : {
          type: 'subscription_item_details',
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: false,
            proration_details: { credited_items: null },
            subscription: i.subscription,
            subscription_item: l.subscription_item ?? `si_${l.price}`,
          },
        };
    return {
      ...clone(lineBase),
      id: l.id,
      invoice: i.id,
      amount: l.amount,
      subtotal: l.amount,
      currency,
      description: l.description ?? null,
      discount_amounts: l.discount ? [{ amount: l.discount, discount: `di_${i.customer}` }] : [],
      period: { start: ts(l.period[0]), end: ts(l.period[1]) },
      quantity: l.quantity ?? 1,
      parent,
      pricing: {
        type: 'price_details',
        price_details: { price: l.price, product: `prod_${l.price}` },
        unit_amount_decimal: String(l.amount / (l.quantity ?? 1)),
      },
    };
  });
  const subtotal = lines.reduce((sum, l) => sum + (l.amount as number), 0);
  const discounts = i.lines.reduce((sum, l) => sum + (l.discount ?? 0), 0);
  const total = subtotal - discounts;
  const paid = i.status === 'paid';
  return {
    ...base,
    id: i.id,
    customer: i.customer,
    status: i.status,
    created: ts(i.created),
    currency,
    billing_reason: i.subscription ? 'subscription_cycle' : 'manual',
    amount_due: total,
    amount_paid: paid ? total : 0,
    amount_remaining: paid ? 0 : total,
    subtotal,
    total,
    attempt_count: i.attempt_count ?? (paid ? 1 : 0),
    attempted: (i.attempt_count ?? (paid ? 1 : 0)) > 0,
    parent: i.subscription
      ? {
          type: 'subscription_details',
          quote_details: null,
          subscription_details: { metadata: {}, subscription: i.subscription },
        }
      : { type: 'quote_details', quote_details: { quote: 'qt_1' }, subscription_details: null },
    status_transitions: {
      finalized_at: i.status === 'draft' ? null : ts(i.created),
      marked_uncollectible_at: null,
      paid_at: paid ? ts(i.created) : null,
      voided_at: null,
    },
    lines: { object: 'list', has_more: false, url: `/v1/invoices/${i.id}/lines`, data: lines },
  };
}

export function charge(c: {
  id: string;
  customer: string;
  amount: number;
  created: string;
  status: 'succeeded' | 'failed' | 'pending';
  amount_refunded?: number;
  currency?: string;
}): StripeObject {
  const failed = c.status === 'failed';
  return {
    ...clone(chargesPage.data[0]),
    id: c.id,
    customer: c.customer,
    amount: c.amount,
    amount_captured: failed ? 0 : c.amount,
    amount_refunded: c.amount_refunded ?? 0,
    refunded: (c.amount_refunded ?? 0) >= c.amount,
    captured: !failed,
    paid: c.status === 'succeeded',
    status: c.status,
    currency: c.currency ?? 'usd',
    created: ts(c.created),
    balance_transaction: failed ? null : `txn_${c.id}`,
    failure_code: failed ? 'card_declined' : null,
    failure_message: failed ? 'Your card was declined.' : null,
  };
}

export function balanceTransaction(b: {
  id: string;
  amount: number;
  fee?: number;
  created: string;
  reporting_category: string;
  type?: string;
  currency?: string;
  source?: string;
}): StripeObject {
  const fee = b.fee ?? 0;
  return {
    ...clone(balanceTransactionsPage.data[0]),
    id: b.id,
    amount: b.amount,
    fee,
    net: b.amount - fee,
    created: ts(b.created),
    available_on: ts(b.created) + 2 * 86_400,
    currency: b.currency ?? 'usd',
    reporting_category: b.reporting_category,
    type: b.type ?? b.reporting_category,
    source: b.source ?? null,
    description: null,
  };
}

/** A Stripe list page (`{object: 'list', data, has_more, url}`). */
export function listPage(url: string, data: StripeObject[], hasMore = false): StripeObject {
  return { object: 'list', url, has_more: hasMore, data };
}
