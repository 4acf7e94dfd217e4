import orderFixture from './payloads/list_orders.json';
import productFixture from './payloads/list_products.json';

/**
 * Shopify REST objects as the API sends them, built from Shopify's own sample payloads
 * (payloads/, from Shopify/shopify_python_api's fixtures) with a test's values put in. Those
 * samples are old, so the fields later API versions added and the tests rely on are filled in
 * from the 2026-10 reference: `line_items` (with `discount_allocations`), `refunds`,
 * `discount_codes`, `source_name`, `fulfillment_status`, product `status`, customer
 * `email_marketing_consent`
 * (https://shopify.dev/docs/api/admin-rest/2026-10/resources/order, …/refund, …/product,
 * …/customer). Money is a decimal string; ids are integers; times carry the shop's offset.
 */

export interface SeedLine {
  id: number;
  product_id: number | null;
  title: string;
  quantity: number;
  /** Unit price before discounts. */
  price: number;
  /** Discount allocated to the whole line. */
  discount?: number;
  sku?: string;
}

export interface SeedRefund {
  /** Money returned, in `currency` (the order's presentment currency by default). */
  amount: number;
  currency?: string;
  /** A failed refund transaction is listed but returns nothing. */
  status?: 'success' | 'failure';
  lines?: Array<{ line_item_id: number; quantity: number; subtotal: number }>;
}

export interface SeedOrder {
  id: number;
  created_at: string;
  updated_at?: string;
  customer_id?: number | null;
  lines: SeedLine[];
  shipping?: number;
  tax?: number;
  cancelled_at?: string;
  closed_at?: string;
  test?: boolean;
  currency?: string;
  /** The buyer paid in another currency: its code and the order total in it. */
  presentment?: { currency: string; total: number };
  refunds?: SeedRefund[];
  discount_codes?: string[];
}

export interface SeedCustomer {
  id: number;
  email: string;
  created_at: string;
  updated_at?: string;
  orders_count?: number;
  total_spent?: number;
  country_code?: string;
}

export interface SeedVariant {
  id: number;
  sku: string;
  price: number;
  inventory_quantity: number;
}

export interface SeedProduct {
  id: number;
  title: string;
  created_at: string;
  updated_at?: string;
  status?: 'active' | 'archived' | 'draft';
  variants: SeedVariant[];
}

type Json = Record<string, unknown>;

const baseOrder = orderFixture.orders[0] as Json;
const baseCustomer = baseOrder.customer as Json;
const baseProduct = productFixture.products[0] as Json;
const baseVariant = (baseProduct.variants as Json[])[0];

const cents = (n: number) => n.toFixed(2);

function moneySet(shop: number, currency: string, presentment?: { currency: string; rate: number }) {
  return {
    shop_money: { amount: cents(shop), currency_code: currency },
    presentment_money: presentment
      ? { amount: cents(shop / presentment.rate), currency_code: presentment.currency }
      : { amount: cents(shop), currency_code: currency },
  };
}

/** A line item as the 2026-10 reference documents it. */
export function lineItemJson(line: SeedLine, currency = 'USD'): Json {
  const discount = line.discount ?? 0;
  return {
    id: line.id,
    admin_graphql_api_id: `gid://shopify/LineItem/${line.id}`,
    attributed_staffs: [],
    current_quantity: line.quantity,
    fulfillable_quantity: line.quantity,
    fulfillment_service: 'manual',
    fulfillment_status: null,
    gift_card: false,
    grams: 200,
    name: line.title,
    price: cents(line.price),
    price_set: moneySet(line.price, currency),
    product_exists: line.product_id !== null,
    product_id: line.product_id,
    properties: [],
    quantity: line.quantity,
    requires_shipping: true,
    sku: line.sku ?? `SKU-${line.product_id ?? 'custom'}`,
    taxable: true,
    title: line.title,
    total_discount: '0.00',
    total_discount_set: moneySet(0, currency),
    variant_id: line.product_id === null ? null : line.product_id * 10,
    variant_inventory_management: 'shopify',
    variant_title: null,
    vendor: 'Tapdash Test Goods',
    tax_lines: [],
    duties: [],
    discount_allocations: discount
      ? [{ amount: cents(discount), amount_set: moneySet(discount, currency), discount_application_index: 0 }]
      : [],
  };
}

function refundJson(order: SeedOrder, refund: SeedRefund, index: number, currency: string): Json {
  const id = order.id * 10 + index;
  return {
    id,
    order_id: order.id,
    created_at: order.updated_at ?? order.created_at,
    processed_at: order.updated_at ?? order.created_at,
    note: null,
    restock: true,
    user_id: null,
    admin_graphql_api_id: `gid://shopify/Refund/${id}`,
    order_adjustments: [],
    refund_line_items: (refund.lines ?? []).map((l, k) => ({
      id: id * 10 + k,
      line_item_id: l.line_item_id,
      quantity: l.quantity,
      location_id: 487838322,
      restock_type: 'return',
      subtotal: l.subtotal,
      total_tax: 0,
      subtotal_set: moneySet(l.subtotal, currency),
      total_tax_set: moneySet(0, currency),
    })),
    transactions: [
      {
        id: id * 100,
        order_id: order.id,
        kind: 'refund',
        gateway: 'bogus',
        status: refund.status ?? 'success',
        message: 'Bogus Gateway: Forced success',
        created_at: order.updated_at ?? order.created_at,
        test: false,
        authorization: null,
        amount: cents(refund.amount),
        currency: refund.currency ?? order.presentment?.currency ?? currency,
        parent_id: order.id * 100,
      },
    ],
  };
}

export function orderJson(order: SeedOrder, number: number): Json {
  const currency = order.currency ?? 'USD';
  const items = order.lines.reduce((n, l) => n + l.price * l.quantity, 0);
  const discounts = order.lines.reduce((n, l) => n + (l.discount ?? 0), 0);
  const subtotal = items - discounts;
  const shipping = order.shipping ?? 0;
  const tax = order.tax ?? 0;
  const total = subtotal + shipping + tax;
  const presentment = order.presentment
    ? { currency: order.presentment.currency, rate: total / order.presentment.total }
    : undefined;
  const customer =
    order.customer_id === null || order.customer_id === undefined
      ? null
      : {
          ...baseCustomer,
          id: order.customer_id,
          admin_graphql_api_id: `gid://shopify/Customer/${order.customer_id}`,
        };
  return {
    ...baseOrder,
    id: order.id,
    admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
    name: `#${number}`,
    number: number - 1000,
    order_number: number,
    created_at: order.created_at,
    updated_at: order.updated_at ?? order.created_at,
    processed_at: order.created_at,
    cancelled_at: order.cancelled_at ?? null,
    cancel_reason: order.cancelled_at ? 'customer' : null,
    closed_at: order.closed_at ?? null,
    test: order.test ?? false,
    currency,
    presentment_currency: presentment?.currency ?? currency,
    financial_status: order.refunds?.length ? 'partially_refunded' : 'paid',
    fulfillment_status: null,
    source_name: 'web',
    total_price: cents(total),
    subtotal_price: cents(subtotal),
    total_tax: cents(tax),
    total_discounts: cents(discounts),
    total_line_items_price: cents(items),
    total_price_usd: cents(total),
    total_price_set: moneySet(total, currency, presentment),
    subtotal_price_set: moneySet(subtotal, currency, presentment),
    total_tax_set: moneySet(tax, currency, presentment),
    total_discounts_set: moneySet(discounts, currency, presentment),
    total_line_items_price_set: moneySet(items, currency, presentment),
    total_shipping_price_set: moneySet(shipping, currency, presentment),
    discount_codes: (order.discount_codes ?? []).map((code) => ({
      code,
      amount: '0.00',
      type: 'fixed_amount',
    })),
    line_items: order.lines.map((l) => lineItemJson(l, currency)),
    refunds: (order.refunds ?? []).map((r, i) => refundJson(order, r, i, currency)),
    customer,
  };
}

export function customerJson(c: SeedCustomer): Json {
  const address = baseCustomer.default_address as Json;
  return {
    ...baseCustomer,
    id: c.id,
    admin_graphql_api_id: `gid://shopify/Customer/${c.id}`,
    email: c.email,
    created_at: c.created_at,
    updated_at: c.updated_at ?? c.created_at,
    orders_count: c.orders_count ?? 0,
    total_spent: cents(c.total_spent ?? 0),
    email_marketing_consent: {
      state: 'not_subscribed',
      opt_in_level: 'single_opt_in',
      consent_updated_at: null,
    },
    default_address: { ...address, customer_id: c.id, country_code: c.country_code ?? 'US' },
    addresses: [{ ...address, customer_id: c.id, country_code: c.country_code ?? 'US' }],
  };
}

export function productJson(p: SeedProduct): Json {
  return {
    ...baseProduct,
    id: p.id,
    admin_graphql_api_id: `gid://shopify/Product/${p.id}`,
    title: p.title,
    handle: p.title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    status: p.status ?? 'active',
    created_at: p.created_at,
    updated_at: p.updated_at ?? p.created_at,
    variants: p.variants.map((v, i) => ({
      ...baseVariant,
      id: v.id,
      product_id: p.id,
      position: i + 1,
      sku: v.sku,
      price: cents(v.price),
      inventory_quantity: v.inventory_quantity,
      admin_graphql_api_id: `gid://shopify/ProductVariant/${v.id}`,
    })),
  };
}
