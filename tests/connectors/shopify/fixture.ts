import type { SeedLine, SeedOrder, SeedProduct } from '../../../playground/mock-apis/shopify/shopify-shapes';

/**
 * A small store for the package tests, in US dollars; every expected result in
 * package.test.ts is worked out by hand from this list. Customers 1, 2 and 3; one guest order.
 * Products: 100 Mug ($20), 200 Tee ($30), 300 Cap ($15), and a custom "Gift wrap" line.
 */

const mug = (id: number, quantity: number, discount = 0, title = 'Mug'): SeedLine => ({
  id,
  product_id: 100,
  title,
  quantity,
  price: 20,
  discount,
});
const tee = (id: number, quantity: number): SeedLine => ({
  id,
  product_id: 200,
  title: 'Tee',
  quantity,
  price: 30,
});
const cap = (id: number, quantity: number): SeedLine => ({
  id,
  product_id: 300,
  title: 'Cap',
  quantity,
  price: 15,
});

export const storeOrders: SeedOrder[] = [
  // O1: 2 mugs $40 − $4 discount + $5 shipping = $41.
  { id: 1, created_at: '2024-01-05T10:00:00Z', customer_id: 1, lines: [mug(11, 2, 4)], shipping: 5 },
  // O2: a tee, $30, the same day.
  { id: 2, created_at: '2024-01-05T15:00:00Z', customer_id: 2, lines: [tee(21, 1)] },
  // O3: a cap $15 + $5 shipping = $20; the cap is refunded ($15), shipping kept.
  {
    id: 3,
    created_at: '2024-01-20T09:00:00Z',
    updated_at: '2024-01-22T09:00:00Z',
    customer_id: 1,
    lines: [cap(31, 1)],
    shipping: 5,
    refunds: [{ amount: 15, lines: [{ line_item_id: 31, quantity: 1, subtotal: 15 }] }],
  },
  // O4: a guest checkout (no customer), one mug, $20.
  { id: 4, created_at: '2024-01-21T12:00:00Z', customer_id: null, lines: [mug(41, 1)] },
  // O5: cancelled: not a sale.
  {
    id: 5,
    created_at: '2024-01-22T12:00:00Z',
    cancelled_at: '2024-01-23T12:00:00Z',
    customer_id: 3,
    lines: [tee(51, 2)],
  },
  // O6: a test order: not a sale.
  { id: 6, created_at: '2024-01-25T12:00:00Z', test: true, customer_id: 2, lines: [mug(61, 5)] },
  // O7: tee + mug = $50, paid in euros (€45); a goodwill refund of €9 = $10 at the order's
  // rate (50/45), with no line returned; a failed €45 refund returns nothing.
  {
    id: 7,
    created_at: '2024-02-03T08:00:00Z',
    customer_id: 2,
    lines: [tee(71, 1), mug(72, 1)],
    presentment: { currency: 'EUR', total: 45 },
    refunds: [{ amount: 9 }, { amount: 45, status: 'failure' }],
  },
  // O8: 2 caps $30 + a custom gift-wrap line $5 = $35.
  {
    id: 8,
    created_at: '2024-02-10T16:00:00Z',
    customer_id: 3,
    lines: [cap(81, 2), { id: 82, product_id: null, title: 'Gift wrap', quantity: 1, price: 5 }],
  },
  // O9: the mug, renamed, at 02:00 UTC on March 1: still February 29 in New York.
  { id: 9, created_at: '2024-03-01T02:00:00Z', customer_id: 1, lines: [mug(91, 1, 0, 'Mug (large)')] },
];

/** The catalogue today: the mug was renamed, the cap was deleted. */
export const storeProducts: SeedProduct[] = [
  {
    id: 100,
    title: 'Travel mug',
    created_at: '2023-12-01T00:00:00Z',
    variants: [{ id: 1000, sku: 'MUG', price: 20, inventory_quantity: 12 }],
  },
  {
    id: 200,
    title: 'Tee',
    created_at: '2023-12-01T00:00:00Z',
    variants: [
      { id: 2000, sku: 'TEE-S', price: 30, inventory_quantity: 4 },
      { id: 2001, sku: 'TEE-M', price: 30, inventory_quantity: 6 },
    ],
  },
];
