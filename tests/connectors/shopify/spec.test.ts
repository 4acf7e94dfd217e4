import {
  mapCustomer,
  mapOrder,
  mapProduct,
  refundedAmount,
  selectLineItems,
} from '../../../connectors/shopify/hooks';
import { SHOPIFY_API_VERSION, shopify } from '../../../connectors/shopify/spec';
import orderFixture from '../../../playground/mock-apis/shopify/payloads/list_orders.json';
import productFixture from '../../../playground/mock-apis/shopify/payloads/list_products.json';
import customerFixture from '../../../playground/mock-apis/shopify/payloads/search_customers.json';
import {
  customerJson,
  orderJson,
  productJson,
  type SeedOrder,
} from '../../../playground/mock-apis/shopify/shopify-shapes';
import { assertBaseUrlAllowed } from '../../../src/connect/url-allowlist-check';
import { buildRequest } from '../../../src/sync/request';
import { checkColumnsAgainstPayloads, checkConnectorSpec, manifestAllowlist } from '../github/spec-checks';

const at = '2024-01-05T10:00:00-05:00';
const order: SeedOrder = {
  id: 450789469,
  created_at: at,
  customer_id: 207119551,
  lines: [
    { id: 466157049, product_id: 632910392, title: 'IPod Nano - 8gb', quantity: 1, price: 199, discount: 10 },
  ],
  refunds: [{ amount: 50, lines: [{ line_item_id: 466157049, quantity: 1, subtotal: 50 }] }],
  discount_codes: ['TENOFF'],
};

describe('Shopify connector spec', () => {
  // The shared checks read the default address; Shopify's has the shop in it.
  checkConnectorSpec({ ...shopify, baseUrl: shopify.baseUrl.replace('{shop}', 'mystore.myshopify.com') });
  checkColumnsAgainstPayloads(shopify, {
    orders: orderJson(order, 1001),
    order_line_items: orderJson(order, 1001),
    customers: customerJson({ id: 207119551, email: 'bob.norman@hostmail.com', created_at: at }),
    products: productJson({
      id: 632910392,
      title: 'IPod Nano - 8GB',
      created_at: at,
      variants: [{ id: 808950810, sku: 'IPOD2008PINK', price: 199, inventory_quantity: 10 }],
    }),
  });

  it('puts every myshopify.com store on the manifest allowlist, and nothing else', () => {
    expect(manifestAllowlist(shopify)).toEqual(['https://*.myshopify.com/']);
  });

  it("calls the store's own admin API at the pinned version", () => {
    const config = { shop: 'mystore.myshopify.com', accessToken: 'shpat_x' };
    expect(() => assertBaseUrlAllowed(shopify, config)).not.toThrow();
    const request = buildRequest({
      connector: shopify,
      stream: shopify.streams[0],
      config,
      call: { params: { limit: 250 } },
      base64: (t) => t,
    });
    expect(request.url).toBe(
      'https://mystore.myshopify.com/admin/api/2026-10/orders.json?status=any&limit=250',
    );
    expect(request.headers['X-Shopify-Access-Token']).toBe('shpat_x');
    expect(request.headers.Authorization).toBeUndefined();
    expect(SHOPIFY_API_VERSION).toBe('2026-10');
  });

  it('refuses a base URL outside myshopify.com, so the token is never sent elsewhere', () => {
    expect(() =>
      assertBaseUrlAllowed(shopify, {
        shop: 'mystore.myshopify.com',
        baseUrl: 'https://mystore.com/admin/api/2026-10',
      }),
    ).toThrow(/myshopify\.com/);
  });

  const pattern = (key: string) => new RegExp(shopify.fields.find((f) => f.key === key)?.pattern as string);

  it.each([
    ['a myshopify.com domain', 'my-store-2.myshopify.com', true],
    ['the domain with https://', 'https://mystore.myshopify.com', false],
    ['a custom domain', 'shop.example.com', false],
    ['the bare store name', 'mystore', false],
    ['a trailing slash', 'mystore.myshopify.com/', false],
  ])('the shop pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('shop').test(value)).toBe(ok);
  });

  it.each([
    ['an Admin API access token', `shpat_${'0a1b2c3d'.repeat(4)}`, true],
    ['a storefront token', `shpca_${'0a1b2c3d'.repeat(4)}`, false],
    ['an API secret key', `shpss_${'0a1b2c3d'.repeat(4)}`, false],
    ['a 32-hex API key', '0a1b2c3d'.repeat(4), false],
  ])('the token pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('accessToken').test(value)).toBe(ok);
  });
});

describe('Shopify record trimming', () => {
  const keys = (v: unknown): string[] =>
    v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : [];

  it("never lets an order's access tokens, status link or the buyer's addresses and IP reach a cell", () => {
    const raw = orderFixture.orders[0];
    expect(keys(raw)).toEqual(
      expect.arrayContaining(['token', 'order_status_url', 'browser_ip', 'billing_address']),
    );
    const text = JSON.stringify(mapOrder(raw));
    for (const secret of [
      raw.token,
      raw.cart_token,
      raw.checkout_token,
      raw.order_status_url,
      raw.browser_ip,
      'Chestnut',
    ])
      expect(text).not.toContain(secret);
    expect(mapOrder(raw)).toMatchObject({
      id: 450789469,
      total_price: '598.94',
      customer: { id: 207119551 },
    });
  });

  it("keeps a customer's email and name but not their street address or phone", () => {
    const raw = customerFixture.customers[0];
    const customer = mapCustomer(raw);
    expect(customer).toMatchObject({
      email: 'bob.norman@hostmail.com',
      default_address: { country_code: 'US', city: 'Louisville' },
    });
    expect(JSON.stringify(customer)).not.toMatch(/Chestnut|555-625-1199/);
  });

  it("flattens a product's first variant, sums stock and keeps every variant as a list", () => {
    const raw = productFixture.products[0];
    const product = mapProduct(raw);
    const variants = raw.variants;
    expect(product).toMatchObject({
      title: 'IPod Nano - 8GB',
      variant_count: variants.length,
      first_variant: { id: variants[0].id, sku: variants[0].sku, price: variants[0].price },
      inventory_quantity: variants.reduce((n, v) => n + v.inventory_quantity, 0),
    });
    expect((product.variants as unknown[]).length).toBe(variants.length);
    expect(JSON.stringify(product)).not.toContain('body_html');
  });
});

describe('Shopify refunds and line items', () => {
  it('counts successful refund transactions only, in the shop currency', () => {
    // €9 refunded and a failed €45 on an order of $50 paid as €45: 9 × 50/45 = $10.
    const json = orderJson(
      {
        id: 7,
        created_at: at,
        lines: [{ id: 71, product_id: 1, title: 'Tee', quantity: 1, price: 50 }],
        presentment: { currency: 'EUR', total: 45 },
        refunds: [{ amount: 9 }, { amount: 45, status: 'failure' }],
      },
      1007,
    );
    expect(refundedAmount(json)).toBe(10);
    expect(refundedAmount(orderJson({ ...order, refunds: [] }, 1001))).toBe(0);
  });

  it('lifts every line item out of the orders of a page, with the order fields models filter on', () => {
    const page = { orders: [orderJson(order, 1001), orderJson({ ...order, id: 2, lines: [] }, 1002)] };
    expect(selectLineItems(page)).toEqual([
      expect.objectContaining({
        id: 466157049,
        order_id: 450789469,
        quantity: 1,
        price: '199.00',
        discount_amount: 10,
        refunded_quantity: 1,
        refunded_amount: 50,
        order_updated_at: at,
        order_cancelled_at: null,
        order_test: false,
      }),
    ]);
  });

  it('reads an error body as no line items', () => {
    expect(selectLineItems({ errors: 'Not Found' })).toEqual([]);
  });
});
