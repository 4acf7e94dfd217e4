import type {
  ColumnSpec,
  ConnectorSpec,
  IncrementalSpec,
  PaginationSpec,
  RateLimitHint,
} from '../../src/connect/connector-spec';
import { mapCustomer, mapOrder, mapProduct, selectLineItems } from './hooks';

/**
 * Shopify Admin REST API, pinned to one version (https://shopify.dev/docs/api/usage/versioning):
 * each version is supported for at least 12 months, then Shopify answers with the oldest
 * supported one, so the pin is moved forward deliberately, with the tests.
 */
export const SHOPIFY_API_VERSION = '2026-10';

/**
 * Cursor pagination (https://shopify.dev/docs/api/usage/pagination-rest): the next page is only
 * in the `Link` header, `<…?limit=250&page_info=…>; rel="next"`. A page_info request must not
 * repeat any other filter (Shopify answers 400), and the engine follows the link as given,
 * adding nothing. 250 is the largest page Shopify serves.
 */
const pagination: PaginationSpec = { type: 'link-header', pageSize: { param: 'limit', value: 250 } };

/**
 * A leaky bucket per store and app (https://shopify.dev/docs/api/usage/rate-limits): 40
 * requests that drain at 2 a second on standard plans (Plus: 400 and 20). Every answer tells
 * the level in `X-Shopify-Shop-Api-Call-Limit: 32/40`; the engine pauses when it is nearly full,
 * and a 429 comes with Retry-After.
 */
const rateLimit: RateLimitHint = { requestsPerSecond: 2, bucketHeader: 'X-Shopify-Shop-Api-Call-Limit' };

/**
 * `updated_at_min` keeps records updated at or after the bookmark. Shopify documents no sort
 * order for it, so the bookmark moves only when the whole stream has been read; a minute of
 * overlap catches late writes, and the primary key makes the re-read rows upserts.
 */
const updatedSince = (cursorField: string): IncrementalSpec => ({
  cursorField,
  param: 'updated_at_min',
  format: 'iso',
  lookbackSeconds: 60,
  order: 'unsorted',
});

const col = (name: string, type: ColumnSpec['type'], description?: string): ColumnSpec =>
  description ? { name, type, description } : { name, type };

// Cancelled, closed and archived orders too: the default is open orders only.
const orderParams = { status: 'any' };

export const shopify = {
  id: 'shopify',
  label: 'Shopify',
  description: 'Orders, line items, customers and products of your Shopify store.',
  docsUrl: 'https://shopify.dev/docs/api/admin-rest',
  badge: { initials: 'SH', color: '#008060' },
  fields: [
    {
      key: 'shop',
      label: 'Shop domain',
      kind: 'text',
      required: true,
      help: 'Your store’s myshopify.com address, shown in Settings → Domains (not your own domain).',
      placeholder: 'mystore.myshopify.com',
      // People paste the address bar's https://mystore.myshopify.com/ — keep only the domain.
      normalize: 'domain',
      pattern: '^[A-Za-z0-9][A-Za-z0-9-]*\\.myshopify\\.com$',
      patternMessage: 'Type the myshopify.com address without https://, for example mystore.myshopify.com.',
    },
    {
      key: 'accessToken',
      label: 'Admin API access token',
      kind: 'secret',
      required: true,
      help: 'From a custom app with the read_orders, read_customers and read_products scopes (read_all_orders for orders older than 60 days).',
      helpUrl: 'https://help.shopify.com/en/manual/apps/app-types/custom-apps',
      placeholder: 'shpat_…',
      pattern: '^shpat_[A-Za-z0-9]{20,}$',
      patternMessage:
        'Paste the Admin API access token: it starts with shpat_. The API key and the API secret key are not it.',
    },
  ],
  auth: { type: 'header', header: 'X-Shopify-Access-Token', field: 'accessToken' },
  baseUrl: `https://{shop}/admin/api/${SHOPIFY_API_VERSION}`,
  allowedUrls: ['https://*.myshopify.com/'],
  streams: [
    {
      name: 'orders',
      label: 'Orders',
      // https://shopify.dev/docs/api/admin-rest/2026-10/resources/order#get-orders?status=any
      path: '/orders.json',
      params: orderParams,
      records: 'orders',
      primaryKey: ['id'],
      incremental: updatedSince('updated_at'),
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('name', 'string', 'The order name customers see, such as #1001'),
        col('order_number', 'integer'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('processed_at', 'datetime'),
        col('cancelled_at', 'datetime', 'Empty unless the order was cancelled'),
        col('cancel_reason', 'string'),
        col('closed_at', 'datetime'),
        col('test', 'boolean', 'True for orders placed with a test payment gateway'),
        col('financial_status', 'string', 'pending, authorized, paid, partially_refunded, refunded, voided…'),
        col('fulfillment_status', 'string'),
        col('currency', 'string', 'The shop currency every amount here is in'),
        col('presentment_currency', 'string', 'The currency the customer paid in'),
        col('total_price', 'number', 'Items after discounts, plus shipping, taxes and tips'),
        col('subtotal_price', 'number', 'Items after discounts, before shipping and taxes'),
        col('total_tax', 'number'),
        col('total_discounts', 'number'),
        col('total_shipping', 'number'),
        col('refunded_amount', 'number', 'Successful refund transactions, in the shop currency'),
        col('customer.id', 'integer', 'Empty for orders without a customer record'),
        col('source_name', 'string', 'Sales channel: web, pos, shopify_draft_order…'),
        col('tags', 'string'),
        col('discount_codes', 'json', 'Discount codes used'),
        col('line_item_count', 'integer'),
        col('units', 'integer', 'Items ordered, all line items together'),
      ],
      hooks: { mapRecord: mapOrder },
    },
    {
      name: 'order_line_items',
      label: 'Order line items',
      // The same orders endpoint: each order's line_items array, one row per line.
      path: '/orders.json',
      params: orderParams,
      records: 'orders',
      primaryKey: ['id'],
      incremental: updatedSince('order_updated_at'),
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('order_id', 'integer'),
        col('product_id', 'integer', 'Empty when the product was deleted or the item was custom'),
        col('variant_id', 'integer'),
        col('title', 'string', 'Product title at the time of the order'),
        col('variant_title', 'string'),
        col('name', 'string'),
        col('sku', 'string'),
        col('vendor', 'string'),
        col('quantity', 'integer'),
        col('price', 'number', 'Unit price before discounts, in the shop currency'),
        col('discount_amount', 'number', 'Discounts on this line, in the shop currency'),
        col('refunded_quantity', 'integer'),
        col('refunded_amount', 'number', 'Refunded for this line, in the shop currency'),
        col('gift_card', 'boolean'),
        col('order_created_at', 'datetime'),
        col('order_updated_at', 'datetime'),
        col('order_cancelled_at', 'datetime'),
        col('order_test', 'boolean'),
        col('currency', 'string'),
      ],
      hooks: { selectRecords: selectLineItems },
    },
    {
      name: 'customers',
      label: 'Customers',
      // https://shopify.dev/docs/api/admin-rest/2026-10/resources/customer#get-customers
      path: '/customers.json',
      records: 'customers',
      primaryKey: ['id'],
      incremental: updatedSince('updated_at'),
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('email', 'string'),
        col('first_name', 'string'),
        col('last_name', 'string'),
        col('state', 'string', 'disabled, invited, enabled or declined (customer account)'),
        col('verified_email', 'boolean'),
        col('tags', 'string'),
        col('currency', 'string'),
        col('orders_count', 'integer'),
        col('total_spent', 'number'),
        col('last_order_id', 'integer'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('default_address.country_code', 'string'),
        col('default_address.province_code', 'string'),
        col('default_address.city', 'string'),
        col('email_marketing', 'string', 'subscribed, not_subscribed, unsubscribed…'),
      ],
      hooks: { mapRecord: mapCustomer },
    },
    {
      name: 'products',
      label: 'Products',
      // https://shopify.dev/docs/api/admin-rest/2026-10/resources/product#get-products: a full
      // refresh, so deleted products leave the tab.
      path: '/products.json',
      records: 'products',
      primaryKey: ['id'],
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('title', 'string'),
        col('handle', 'string'),
        col('vendor', 'string'),
        col('product_type', 'string'),
        col('status', 'string', 'active, archived or draft'),
        col('tags', 'string'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('published_at', 'datetime'),
        col('variant_count', 'integer'),
        col('first_variant.id', 'integer'),
        col('first_variant.sku', 'string'),
        col('first_variant.price', 'number'),
        col('first_variant.compare_at_price', 'number'),
        col('inventory_quantity', 'integer', 'Stock summed over every variant'),
        col('variants', 'json', 'Every variant: id, title, sku, price, compare_at_price, inventory_quantity'),
      ],
      hooks: { mapRecord: mapProduct },
    },
  ],
  testStream: 'orders',
  errorHints: {
    '401':
      "Open Sources in the Tapdash sidebar and paste your custom app's Admin API access token (it starts with shpat_); if the app was uninstalled, install it again to get a new one.",
    '403':
      'Shopify refused access ({status}). In Shopify go to Settings → Apps and sales channels → Develop apps → your app → Configuration, give it the read_orders, read_customers and read_products Admin API scopes, then install the update.',
    '404':
      'Shopify could not find that store (404). Check the shop domain under Sources in the Tapdash sidebar: it is the mystore.myshopify.com address from Settings → Domains, not your own domain.',
    '429':
      "Shopify asked Tapdash to slow down (429). The sync resumes by itself; if it keeps happening, another app may be using up the store's API allowance.",
    default:
      'Shopify answered with an error ({status}). A 402 means the store is frozen for an unpaid bill and a 423 that Shopify locked it: the next sync continues once that is sorted out in Shopify. Otherwise try again in a few minutes; shopifystatus.com shows outages.',
  },
  freshnessHours: 26,
} satisfies ConnectorSpec;
