import type {
  SeedCustomer,
  SeedOrder,
  SeedProduct,
} from '../../../playground/mock-apis/shopify/shopify-shapes';

/**
 * A deterministic store for the end-to-end syncs: more than one 250-record page of orders and
 * of customers. Order n (1…) is placed n hours after 2024-01-01 by customer (n mod 60) + 1
 * and buys a mug; every third order a tee too; every 50th is cancelled.
 */

const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function orders(count: number): SeedOrder[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const created = iso(BASE + n * HOUR);
    return {
      id: 5_000_000 + n,
      created_at: created,
      customer_id: (n % 60) + 1,
      lines: [
        { id: 9_000_000 + n * 10, product_id: 100, title: 'Mug', quantity: 1, price: 20 },
        ...(n % 3 === 0
          ? [{ id: 9_000_000 + n * 10 + 1, product_id: 200, title: 'Tee', quantity: 1, price: 30 }]
          : []),
      ],
      ...(n % 50 === 0 ? { cancelled_at: created, updated_at: iso(BASE + n * HOUR + 600_000) } : {}),
    };
  });
}

export function customers(count: number): SeedCustomer[] {
  return Array.from({ length: count }, (_, i) => ({
    id: 7_000_000 + i + 1,
    email: `buyer${i + 1}@example.com`,
    created_at: iso(BASE + i * HOUR),
  }));
}

export const products: SeedProduct[] = [
  {
    id: 100,
    title: 'Mug',
    created_at: '2023-12-01T00:00:00Z',
    variants: [{ id: 1000, sku: 'MUG', price: 20, inventory_quantity: 50 }],
  },
  {
    id: 200,
    title: 'Tee',
    created_at: '2023-12-01T00:00:00Z',
    variants: [{ id: 2000, sku: 'TEE', price: 30, inventory_quantity: 9 }],
  },
];
