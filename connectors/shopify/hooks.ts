/**
 * What the Shopify declaration cannot say by itself.
 *
 * - Shopify records carry far more than a spreadsheet needs, and some of it must never reach a
 *   cell: an order has its `token`, `cart_token`, `checkout_token` and an `order_status_url`
 *   that opens the order's status page for anyone holding it, plus the buyer's addresses, IP
 *   address and browser. The sync engine keeps every field it is given as a column, so each
 *   record is cut down to the fields the connector declares (an allowlist, not a blocklist: a
 *   field Shopify adds later stays out until it is declared).
 * - Line items sit inside orders. Top products need one row per line item, so the
 *   `order_line_items` stream reads the same orders endpoint and lifts each order's line items
 *   out, carrying the order fields the models filter on (as GitHub's pull requests share the
 *   issues endpoint).
 * - Refunds sit inside orders too (`refunds[].transactions[]`, `refunds[].refund_line_items[]`);
 *   what was refunded is summed here, once, in the shop's currency.
 *
 * Money arrives as decimal strings ("409.94") in the shop's currency, except refund
 * transactions, which are in the currency the buyer paid in
 * (https://shopify.dev/docs/api/admin-rest/2026-10/resources/order,
 * https://shopify.dev/docs/api/admin-rest/2026-10/resources/refund).
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A Shopify amount (string or number) as a number; undefined when absent or not a number. */
function amount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Sums of decimal amounts pick up binary noise (0.1 + 0.2); no currency has more than 3 decimals. */
function money(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** `{shop_money: {amount}}` of a `*_set` field: the amount in the shop's currency. */
function shopMoney(set: unknown): number | undefined {
  return isRecord(set) && isRecord(set.shop_money) ? amount(set.shop_money.amount) : undefined;
}

/** Copies the named top-level fields that are present. */
function pick(item: Raw, keys: readonly string[]): Raw {
  const out: Raw = {};
  for (const key of keys) if (key in item) out[key] = item[key];
  return out;
}

const ORDER_FIELDS = [
  'id',
  'name',
  'order_number',
  'created_at',
  'updated_at',
  'processed_at',
  'cancelled_at',
  'cancel_reason',
  'closed_at',
  'test',
  'financial_status',
  'fulfillment_status',
  'currency',
  'presentment_currency',
  'total_price',
  'subtotal_price',
  'total_tax',
  'total_discounts',
  'source_name',
  'tags',
] as const;

/**
 * How much of an order was refunded, in the shop's currency: the successful refund
 * transactions of its refunds. A transaction in another currency (the buyer paid in their own
 * on a multi-currency shop) is converted at the order's own rate, total_price over
 * total_price_set.presentment_money, which is the rate Shopify charged at.
 */
export function refundedAmount(order: Raw): number {
  const shopCurrency = typeof order.currency === 'string' ? order.currency : undefined;
  const shopTotal = amount(order.total_price);
  const set = isRecord(order.total_price_set) ? order.total_price_set : {};
  const presentmentTotal = isRecord(set.presentment_money) ? amount(set.presentment_money.amount) : undefined;
  const rate = shopTotal !== undefined && presentmentTotal ? shopTotal / presentmentTotal : 1;
  let total = 0;
  for (const refund of list(order.refunds)) {
    for (const t of list(refund.transactions)) {
      if (t.kind !== 'refund' || t.status !== 'success') continue;
      const value = amount(t.amount) ?? 0;
      const foreign = typeof t.currency === 'string' && shopCurrency && t.currency !== shopCurrency;
      total += foreign ? value * rate : value;
    }
  }
  return money(total);
}

/** The fields a spreadsheet needs of an order, plus what was refunded and a few counts. */
export function mapOrder(raw: unknown): Raw {
  const order = isRecord(raw) ? raw : {};
  const lines = list(order.line_items);
  const customer = isRecord(order.customer) ? { id: order.customer.id ?? null } : { id: null };
  const codes = list(order.discount_codes)
    .map((d) => d.code)
    .filter((c): c is string => typeof c === 'string');
  return {
    ...pick(order, ORDER_FIELDS),
    customer,
    total_shipping: shopMoney(order.total_shipping_price_set) ?? null,
    refunded_amount: refundedAmount(order),
    line_item_count: lines.length,
    units: lines.reduce((n, l) => n + (amount(l.quantity) ?? 0), 0),
    discount_codes: codes,
  };
}

const LINE_FIELDS = [
  'id',
  'product_id',
  'variant_id',
  'title',
  'variant_title',
  'name',
  'sku',
  'vendor',
  'quantity',
  'price',
  'gift_card',
] as const;

/** Quantity and amount refunded per line item id, over every refund of an order. */
function refundedLines(order: Raw): Map<unknown, { quantity: number; subtotal: number }> {
  const out = new Map<unknown, { quantity: number; subtotal: number }>();
  for (const refund of list(order.refunds)) {
    for (const r of list(refund.refund_line_items)) {
      const seen = out.get(r.line_item_id) ?? { quantity: 0, subtotal: 0 };
      seen.quantity += amount(r.quantity) ?? 0;
      seen.subtotal += shopMoney(r.subtotal_set) ?? amount(r.subtotal) ?? 0;
      out.set(r.line_item_id, seen);
    }
  }
  return out;
}

/**
 * The discount on a line in the shop's currency: its discount allocations (what Shopify
 * documents since 2019), else the older `total_discount`.
 */
function lineDiscount(line: Raw): number {
  const allocations = list(line.discount_allocations);
  if (allocations.length)
    return allocations.reduce((n, a) => n + (shopMoney(a.amount_set) ?? amount(a.amount) ?? 0), 0);
  return amount(line.total_discount) ?? 0;
}

/**
 * One record per line item of every order on the page, with the order fields the models
 * filter and group on. `order_updated_at` is the stream's cursor: an order that changes
 * (refunded, cancelled, edited) is read again and its line items replace themselves by id.
 */
export function selectLineItems(body: unknown): unknown[] {
  // A page's body is `{"orders": [...]}`; a bare list of orders is read the same way.
  const orders = isRecord(body) ? list(body.orders) : list(body);
  return orders.flatMap((order) => {
    const refunded = refundedLines(order);
    return list(order.line_items).map((line) => {
      const back = refunded.get(line.id) ?? { quantity: 0, subtotal: 0 };
      return {
        ...pick(line, LINE_FIELDS),
        discount_amount: money(lineDiscount(line)),
        refunded_quantity: back.quantity,
        refunded_amount: money(back.subtotal),
        order_id: order.id ?? null,
        order_created_at: order.created_at ?? null,
        order_updated_at: order.updated_at ?? null,
        order_cancelled_at: order.cancelled_at ?? null,
        order_test: order.test ?? null,
        currency: order.currency ?? null,
      };
    });
  });
}

const CUSTOMER_FIELDS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'state',
  'verified_email',
  'tags',
  'currency',
  'orders_count',
  'total_spent',
  'last_order_id',
  'created_at',
  'updated_at',
] as const;

/**
 * A customer without street addresses, phone numbers or notes: the country, region and city of
 * the default address are what a dashboard groups by.
 */
export function mapCustomer(raw: unknown): Raw {
  const customer = isRecord(raw) ? raw : {};
  const address = isRecord(customer.default_address) ? customer.default_address : undefined;
  const consent = isRecord(customer.email_marketing_consent) ? customer.email_marketing_consent : undefined;
  return {
    ...pick(customer, CUSTOMER_FIELDS),
    default_address: address
      ? pick(address, ['country_code', 'province_code', 'city'])
      : { country_code: null, province_code: null, city: null },
    // Shopify replaced `accepts_marketing` with `email_marketing_consent.state` in 2022-04.
    email_marketing: consent?.state ?? (customer.accepts_marketing === true ? 'subscribed' : null),
  };
}

const PRODUCT_FIELDS = [
  'id',
  'title',
  'handle',
  'vendor',
  'product_type',
  'status',
  'tags',
  'created_at',
  'updated_at',
  'published_at',
] as const;

const VARIANT_FIELDS = ['id', 'title', 'sku', 'price', 'compare_at_price', 'inventory_quantity'] as const;

/**
 * A product as one row: its first variant flattened (`first_variant.price`…, what a one-variant
 * product is), every variant as JSON text, and the stock summed over variants. The description
 * (`body_html`) and images are left out: HTML and image lists only fill cells.
 */
export function mapProduct(raw: unknown): Raw {
  const product = isRecord(raw) ? raw : {};
  const variants = list(product.variants).map((v) => pick(v, VARIANT_FIELDS));
  const first = variants[0] ?? {};
  const stock = variants.reduce((n, v) => n + (amount(v.inventory_quantity) ?? 0), 0);
  return {
    ...pick(product, PRODUCT_FIELDS),
    variant_count: variants.length,
    first_variant: {
      id: first.id ?? null,
      sku: first.sku ?? null,
      price: first.price ?? null,
      compare_at_price: first.compare_at_price ?? null,
    },
    inventory_quantity: stock,
    variants,
  };
}
