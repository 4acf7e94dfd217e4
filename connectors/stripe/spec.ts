import type {
  ColumnSpec,
  ConnectorSpec,
  IncrementalSpec,
  PaginationSpec,
  RateLimitHint,
  StreamSpec,
} from '../../src/connect/connector-spec';
import {
  declaredOnly,
  mapInvoice,
  mapSubscription,
  selectInvoiceLines,
  selectSubscriptionItems,
} from './hooks';

/**
 * Pinned so field shapes never change under us. 2025-12-15.clover is the shape of Stripe's own
 * published fixtures: billing periods on subscription items, `discounts` lists whose coupon
 * sits at `source.coupon`, invoice lines whose price and proration live under `pricing` and
 * `parent`. https://docs.stripe.com/changelog
 */
export const STRIPE_API_VERSION = '2025-12-15.clover';

/**
 * Every list endpoint pages the same way: `starting_after` = the id of the last object of the
 * page, while `has_more` is true, 100 a page (the maximum).
 */
function pages(idField = 'id'): PaginationSpec {
  return {
    type: 'last-id',
    param: 'starting_after',
    hasMorePath: 'has_more',
    idField,
    pageSize: { param: 'limit', value: 100 },
  };
}
const PAGES = pages();

/**
 * Stripe allows 100 requests per second in live mode and 25 in a sandbox, and 25 per endpoint
 * by default (https://docs.stripe.com/rate-limits); it signals overload only with 429, sending
 * no remaining-quota headers. Pacing at 25 is safe for both modes.
 */
const RATE: RateLimitHint = { requestsPerSecond: 25 };

/**
 * Stripe lists newest first and filters on `created` only, so a record changed after it was
 * created (an invoice paid, a charge refunded) is read again only inside the lookback window.
 */
function createdSince(lookbackDays: number, cursorField = 'created'): IncrementalSpec {
  return {
    cursorField,
    param: 'created[gte]',
    format: 'unix',
    lookbackSeconds: lookbackDays * 86_400,
    order: 'desc',
  };
}

function text(name: string, description?: string): ColumnSpec {
  return description ? { name, type: 'string', description } : { name, type: 'string' };
}
function int(name: string, description?: string): ColumnSpec {
  return description ? { name, type: 'integer', description } : { name, type: 'integer' };
}
function num(name: string, description?: string): ColumnSpec {
  return description ? { name, type: 'number', description } : { name, type: 'number' };
}
function bool(name: string, description?: string): ColumnSpec {
  return description ? { name, type: 'boolean', description } : { name, type: 'boolean' };
}
/** Stripe timestamps are unix seconds. */
function time(name: string, description?: string): ColumnSpec {
  const column: ColumnSpec = { name, type: 'datetime', format: 'unix' };
  return description ? { ...column, description } : column;
}
const AMOUNT = 'In the smallest currency unit (cents for USD).';

/** An amount in the smallest currency unit, whose currency is in the column `currencyColumn`. */
function minor(name: string, currencyColumn: string, description = AMOUNT): ColumnSpec {
  return { name, type: 'integer', description, money: { unit: 'minor', currencyColumn } };
}
function json(name: string, description?: string): ColumnSpec {
  return description ? { name, type: 'json', description } : { name, type: 'json' };
}

const customers: StreamSpec = {
  name: 'customers',
  label: 'Customers',
  path: '/v1/customers',
  records: 'data',
  primaryKey: ['id'],
  incremental: createdSince(1),
  pagination: PAGES,
  rateLimit: RATE,
  columns: [
    text('id'),
    text('email'),
    text('name'),
    text('description'),
    time('created'),
    text('currency'),
    minor('balance', 'currency', `Credit (negative) or amount owed (positive). ${AMOUNT}`),
    bool('delinquent', 'True when the latest invoice payment failed.'),
    text('address.country'),
    text('tax_exempt'),
    bool('livemode'),
    json('metadata'),
  ],
};

/** Subscriptions of every status (`status=all`); canceled ones are what churn is made of. */
const SUBSCRIPTION_LIST: Pick<StreamSpec, 'path' | 'params' | 'records' | 'pagination' | 'rateLimit'> = {
  path: '/v1/subscriptions',
  // The coupon behind each discount is not expanded by default since 2025-09-30.clover.
  params: { status: 'all', 'expand[]': 'data.discounts.source.coupon' },
  records: 'data',
  pagination: PAGES,
  rateLimit: RATE,
};

const subscriptions: StreamSpec = {
  name: 'subscriptions',
  label: 'Subscriptions',
  ...SUBSCRIPTION_LIST,
  primaryKey: ['id'],
  // Full refresh: a subscription changes status (canceled, unpaid) long after it was created,
  // which a `created` filter would never see again; the list is small next to invoices.
  hooks: { mapRecord: mapSubscription },
  columns: [
    text('id'),
    text('customer'),
    text('status', 'incomplete, incomplete_expired, trialing, active, past_due, canceled, unpaid or paused.'),
    time('created'),
    time('start_date'),
    time('trial_start'),
    time('trial_end'),
    time('current_period_start', 'Earliest current period start of its items.'),
    time('current_period_end', 'Latest current period end of its items.'),
    bool('cancel_at_period_end'),
    time('cancel_at'),
    time('canceled_at'),
    time('ended_at'),
    text('cancellation_details.reason'),
    text('cancellation_details.feedback'),
    text('collection_method'),
    text('currency'),
    text('latest_invoice'),
    text('discount.id', 'First discount applied to the subscription.'),
    time('discount.start'),
    time('discount.end', 'Empty for once and forever coupons.'),
    text('discount.coupon.id'),
    num('discount.coupon.percent_off'),
    minor('discount.coupon.amount_off', 'discount.coupon.currency'),
    text('discount.coupon.currency'),
    text('discount.coupon.duration', 'once, repeating or forever.'),
    int('discount.coupon.duration_in_months'),
    json('discounts', 'Every discount, in the order Stripe applies them.'),
    text('pause_collection.behavior'),
    bool('livemode'),
    json('metadata'),
  ],
};

const subscriptionItems: StreamSpec = {
  name: 'subscription_items',
  label: 'Subscription items',
  ...SUBSCRIPTION_LIST,
  primaryKey: ['id'],
  // Pages are subscriptions, so the next page starts after the last item's subscription.
  pagination: pages('subscription'),
  hooks: { selectRecords: selectSubscriptionItems },
  columns: [
    text('id'),
    text('subscription'),
    time('created'),
    int('quantity'),
    time('current_period_start'),
    time('current_period_end'),
    text('price.id'),
    text('price.product'),
    text('price.nickname'),
    text('price.currency'),
    minor('price.unit_amount', 'price.currency'),
    text('price.unit_amount_decimal'),
    text('price.billing_scheme', 'per_unit or tiered.'),
    text('price.type', 'recurring or one_time.'),
    text('price.recurring.interval', 'day, week, month or year.'),
    int('price.recurring.interval_count'),
    text('price.recurring.usage_type', 'licensed (per seat) or metered (per use).'),
    json('discounts'),
    json('metadata'),
  ],
};

const prices: StreamSpec = {
  name: 'prices',
  label: 'Prices',
  path: '/v1/prices',
  records: 'data',
  primaryKey: ['id'],
  // Full refresh: archived prices stay listed (invoices still point at them), and a catalogue
  // is a few pages at most.
  pagination: PAGES,
  rateLimit: RATE,
  columns: [
    text('id'),
    text('product'),
    text('nickname'),
    text('lookup_key'),
    bool('active'),
    time('created'),
    text('currency'),
    minor('unit_amount', 'currency'),
    text('unit_amount_decimal'),
    text('billing_scheme'),
    text('tiers_mode'),
    text('type'),
    text('recurring.interval'),
    int('recurring.interval_count'),
    text('recurring.usage_type'),
    bool('livemode'),
    json('metadata'),
  ],
};

/**
 * Invoices change after creation while payment is retried (open → paid, uncollectible or void);
 * Stripe's default retry schedule ends within a month, so 45 days of lookback keeps statuses
 * current without reading the whole history every hour.
 */
const INVOICE_LOOKBACK_DAYS = 45;

const invoices: StreamSpec = {
  name: 'invoices',
  label: 'Invoices',
  path: '/v1/invoices',
  records: 'data',
  primaryKey: ['id'],
  incremental: createdSince(INVOICE_LOOKBACK_DAYS),
  pagination: PAGES,
  rateLimit: RATE,
  hooks: { mapRecord: mapInvoice },
  columns: [
    text('id'),
    text('number'),
    text('customer'),
    text('subscription'),
    text('status', 'draft, open, paid, uncollectible or void.'),
    text('billing_reason'),
    text('collection_method'),
    text('currency'),
    time('created'),
    time('period_start'),
    time('period_end'),
    time('due_date'),
    minor('amount_due', 'currency'),
    minor('amount_paid', 'currency'),
    minor('amount_remaining', 'currency'),
    minor('subtotal', 'currency'),
    minor('total', 'currency'),
    json('total_discount_amounts'),
    bool(
      'lines_has_more',
      'True when Stripe embedded only part of the lines (the invoice_lines tab lacks the rest).',
    ),
    int('attempt_count', 'Payment attempts so far.'),
    bool('attempted'),
    time('next_payment_attempt'),
    time('status_transitions.finalized_at'),
    time('status_transitions.paid_at'),
    time('status_transitions.marked_uncollectible_at'),
    time('status_transitions.voided_at'),
    text('hosted_invoice_url'),
    bool('livemode'),
    json('metadata'),
  ],
};

const invoiceLines: StreamSpec = {
  name: 'invoice_lines',
  label: 'Invoice lines',
  path: '/v1/invoices',
  records: 'data',
  primaryKey: ['id'],
  incremental: createdSince(INVOICE_LOOKBACK_DAYS, 'invoice_created'),
  // Pages are invoices, so the next page starts after the last line's invoice.
  pagination: pages('invoice'),
  rateLimit: RATE,
  hooks: { selectRecords: selectInvoiceLines },
  columns: [
    text('id'),
    text('invoice'),
    time('invoice_created'),
    text('customer'),
    text('subscription'),
    text('subscription_item'),
    text('source', 'subscription_item_details (a period of a subscription) or invoice_item_details.'),
    bool('proration', 'True for the credit or charge Stripe adds when a subscription changes mid-period.'),
    text('price'),
    text('product'),
    int('quantity'),
    minor('amount', 'currency', `Before discounts, excluding tax. ${AMOUNT}`),
    minor('discount_amount', 'currency', `Sum of the discounts applied to the line. ${AMOUNT}`),
    text('unit_amount_decimal'),
    text('currency'),
    text('description'),
    time('period.start'),
    time('period.end'),
    bool('livemode'),
  ],
};

const charges: StreamSpec = {
  name: 'charges',
  label: 'Charges',
  path: '/v1/charges',
  records: 'data',
  primaryKey: ['id'],
  // Bank debits settle days after creation and refunds arrive later; two weeks covers both.
  incremental: createdSince(14),
  pagination: PAGES,
  rateLimit: RATE,
  columns: [
    text('id'),
    text('customer'),
    text('payment_intent'),
    text('balance_transaction'),
    time('created'),
    text('status', 'succeeded, pending or failed.'),
    bool('paid'),
    bool('captured'),
    minor('amount', 'currency'),
    minor('amount_captured', 'currency'),
    minor('amount_refunded', 'currency'),
    bool('refunded'),
    bool('disputed'),
    text('currency'),
    text('failure_code'),
    text('failure_message'),
    text('outcome.type'),
    text('outcome.reason'),
    text('outcome.network_status'),
    text('outcome.seller_message'),
    text('payment_method_details.type'),
    text('payment_method_details.card.brand'),
    text('payment_method_details.card.country'),
    text('description'),
    bool('livemode'),
    json('metadata'),
  ],
};

const balanceTransactions: StreamSpec = {
  name: 'balance_transactions',
  label: 'Balance transactions',
  path: '/v1/balance_transactions',
  records: 'data',
  primaryKey: ['id'],
  // Balance transactions never change amount; only `status` moves from pending to available.
  incremental: createdSince(3),
  pagination: PAGES,
  rateLimit: RATE,
  columns: [
    text('id'),
    time('created'),
    time('available_on'),
    text('type'),
    text('reporting_category', 'charge, refund, dispute, fee, payout… (Stripe reporting categories).'),
    minor('amount', 'currency', `In the balance currency. ${AMOUNT}`),
    minor('fee', 'currency'),
    minor('net', 'currency'),
    text('currency'),
    num('exchange_rate'),
    text('status'),
    text('source'),
    text('description'),
  ],
};

/** Every stream writes its declared columns only (see declaredOnly in hooks.ts). */
function declaredColumnsOnly(stream: StreamSpec): StreamSpec {
  return {
    ...stream,
    hooks: { ...stream.hooks, mapRecord: declaredOnly(stream.columns, stream.hooks?.mapRecord) },
  };
}

export const stripe = {
  id: 'stripe',
  label: 'Stripe',
  description: 'Customers, subscriptions, invoices and payments, for MRR, churn and revenue.',
  docsUrl: 'https://docs.stripe.com/keys',
  badge: { initials: 'St', color: '#635BFF' },
  fields: [
    {
      key: 'apiKey',
      label: 'Secret or restricted API key',
      kind: 'secret',
      required: true,
      help: 'A restricted key with read access to Customers, Subscriptions, Invoices, Prices, Charges and Balance is safest.',
      helpUrl: 'https://dashboard.stripe.com/apikeys',
      placeholder: 'rk_live_…',
      pattern: '^(sk|rk)_(live|test)_[A-Za-z0-9]{10,}$',
      patternMessage:
        'Stripe keys start with sk_live_, rk_live_, sk_test_ or rk_test_. Publishable keys (pk_…) cannot read data.',
    },
  ],
  auth: { type: 'bearer', field: 'apiKey' },
  baseUrl: 'https://api.stripe.com',
  allowedUrls: ['https://api.stripe.com/'],
  headers: { 'Stripe-Version': STRIPE_API_VERSION },
  streams: [
    customers,
    subscriptions,
    subscriptionItems,
    prices,
    invoices,
    invoiceLines,
    charges,
    balanceTransactions,
  ].map(declaredColumnsOnly),
  testStream: 'customers',
  errorHints: {
    '400':
      'Stripe refused the request ({status}). If you set a custom API address for this connection, remove it; otherwise report this to Tapdash.',
    '401':
      'The key may have been rolled or deleted. In Stripe → Developers → API keys, copy a current secret key (sk_…) or a restricted key (rk_…), then paste it under Sources in the Tapdash sidebar.',
    '403':
      'The restricted key is missing a permission ({status}). In Stripe → Developers → API keys, edit the key and give it Read access to Customers, Subscriptions, Invoices, Prices, Charges and Balance.',
    '404':
      'Stripe could not find that list ({status}). If you set a custom API address for this connection, check it.',
    '429':
      'Stripe is limiting how fast we read ({status}). Tapdash waits and retries by itself; if this keeps happening, another app may be using the same key heavily.',
    default:
      'Stripe returned an error ({status}). Check https://status.stripe.com, then try Sync now again in a few minutes.',
  },
  freshnessHours: 24,
} satisfies ConnectorSpec;
