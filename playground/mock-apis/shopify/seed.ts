/**
 * The Shopify demo store for `--mock-apis`: `tapdash-demo.myshopify.com`, a small coffee-gear
 * shop in US dollars. About 600 orders over the last 18 months, more each month; a loyal core
 * of customers who come back, many one-time buyers and a few guest checkouts; 25 products; a
 * few orders cancelled, refunded, paid in another currency or placed as tests. Deterministic
 * for a given `now`.
 */
import { demoRandom } from '../random';
import { type ShopifyMockState, shopifyState } from './mock-shopify';
import type { SeedCustomer, SeedLine, SeedOrder, SeedProduct } from './shopify-shapes';

export const DEMO_SHOP = 'tapdash-demo.myshopify.com';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SPAN_DAYS = 548;
const ORDERS = 600;

const CATALOGUE: Array<[string, number]> = [
  ['Ceramic pour-over dripper', 32],
  ['Glass carafe 600 ml', 28],
  ['Paper filters (100)', 8],
  ['Burr grinder', 149],
  ['Gooseneck kettle', 79],
  ['Travel mug', 24],
  ['Stoneware mug', 18],
  ['Espresso cups (set of 2)', 26],
  ['Milk frother', 39],
  ['Cold brew jar', 34],
  ['Scale with timer', 54],
  ['Cleaning tablets', 12],
  ['House blend 250 g', 14],
  ['House blend 1 kg', 46],
  ['Ethiopia Guji 250 g', 17],
  ['Colombia Huila 250 g', 16],
  ['Decaf Swiss water 250 g', 15],
  ['Espresso roast 1 kg', 48],
  ['Tasting flight (4 × 100 g)', 29],
  ['Barista apron', 36],
  ['Tamper 58 mm', 42],
  ['Knock box', 31],
  ['Gift card $25', 25],
  ['Subscription box (1 month)', 38],
  ['Canvas tote', 15],
];
const NAMES = [
  'alex',
  'bea',
  'carmen',
  'dmitri',
  'eve',
  'felix',
  'gia',
  'hana',
  'ivan',
  'jade',
  'kofi',
  'lena',
];
const COUNTRIES = [
  ['US', 70],
  ['CA', 12],
  ['GB', 10],
  ['DE', 8],
] as const;
const FOREIGN = [
  ['EUR', 0.92],
  ['GBP', 0.79],
  ['CAD', 1.36],
] as const;

/** Times as Shopify writes them, to the second. */
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const cents = (n: number) => Math.round(n * 100) / 100;

export function demoShopifyStore(now: number, token: string): ShopifyMockState {
  const random = demoRandom(20_240_701);
  const start = now - SPAN_DAYS * DAY;

  const products: SeedProduct[] = CATALOGUE.map(([title, price], i) => {
    const id = 8_100_001 + i;
    const created = start - random.int(10, 90) * DAY;
    return {
      id,
      title,
      created_at: iso(created),
      updated_at: iso(now - random.int(1, 200) * DAY),
      // Two old items were taken off the shop; orders still name them.
      status: i === 9 || i === 21 ? 'archived' : 'active',
      // lineItemJson gives a line's variant id as product id × 10: the first variant matches it.
      variants: [
        {
          id: id * 10,
          sku: `TD-${String(i + 1).padStart(3, '0')}`,
          price,
          inventory_quantity: random.int(0, 80),
        },
      ],
    };
  });

  const customers: SeedCustomer[] = [];
  const loyal: number[] = [];
  const placedAt = Array.from({ length: ORDERS }, () => Math.floor(Math.sqrt(random.next()) * SPAN_DAYS * 24))
    .sort((a, b) => a - b)
    .map((hours) => Math.min(now - HOUR, start + hours * HOUR + random.int(0, 59) * 60_000));

  const newCustomer = (at: number): number => {
    const id = 7_100_001 + customers.length;
    customers.push({
      id,
      email: `${random.pick(NAMES)}.${customers.length + 1}@example.com`,
      created_at: iso(at - random.int(1, 30) * 60_000),
      country_code: random.weighted(COUNTRIES),
    });
    // About a third of new buyers become regulars.
    if (random.next() < 0.35) loyal.push(id);
    return id;
  };

  const orders: SeedOrder[] = placedAt.map((at, i) => {
    const id = 5_200_001 + i;
    const roll = random.next();
    const returning = roll >= 0.04 && roll < 0.5 && loyal.length > 0;
    const customerId = roll < 0.04 ? null : returning ? random.pick(loyal) : newCustomer(at);
    const picked = new Set<number>();
    const count = random.weighted([
      [1, 55],
      [2, 30],
      [3, 15],
    ] as const);
    while (picked.size < count) picked.add(random.int(0, products.length - 1));
    // Some first orders use the welcome code.
    const welcome = customerId !== null && !returning && random.next() < 0.2;
    const lines: SeedLine[] = [...picked].map((p, k) => {
      const product = products[p];
      const price = product.variants[0].price;
      const quantity = random.next() < 0.85 ? 1 : 2;
      return {
        id: id * 10 + k,
        product_id: product.id,
        title: product.title,
        quantity,
        price,
        sku: product.variants[0].sku,
        ...(welcome && k === 0 ? { discount: cents(price * quantity * 0.1) } : {}),
      };
    });
    const subtotal = lines.reduce((n, l) => n + l.price * l.quantity - (l.discount ?? 0), 0);
    const order: SeedOrder = {
      id,
      created_at: iso(at),
      customer_id: customerId,
      lines,
      shipping: subtotal >= 75 ? 0 : 6.95,
      tax: cents(subtotal * 0.08),
      ...(welcome ? { discount_codes: ['WELCOME10'] } : {}),
    };
    const total = subtotal + (order.shipping ?? 0) + (order.tax ?? 0);
    const kind = random.next();
    if (kind < 0.015) {
      // Cancelled within the day: not a sale.
      const cancelled = Math.min(now, at + random.int(1, 12) * HOUR);
      order.cancelled_at = iso(cancelled);
      order.updated_at = iso(cancelled);
    } else if (kind < 0.04) {
      // The first item came back within a few weeks.
      const [first] = lines;
      const back = cents(first.price * first.quantity - (first.discount ?? 0));
      const refunded = Math.min(now - HOUR, at + random.int(3, 25) * DAY);
      order.refunds = [
        { amount: back, lines: [{ line_item_id: first.id, quantity: first.quantity, subtotal: back }] },
      ];
      order.updated_at = iso(refunded);
    } else if (kind < 0.09) {
      const [currency, rate] = random.pick(FOREIGN);
      order.presentment = { currency, total: cents(total * rate) };
    } else if (kind < 0.095) {
      order.test = true;
    }
    // Shopify closes an order once it is fulfilled and paid; most are, within a week.
    const closed = at + random.int(2, 7) * DAY;
    if (!order.cancelled_at && closed < now) {
      order.closed_at = iso(closed);
      if (!order.updated_at || Date.parse(order.updated_at) < closed) order.updated_at = iso(closed);
    }
    return order;
  });

  for (const customer of customers) {
    const theirs = orders.filter((o) => o.customer_id === customer.id && !o.cancelled_at && !o.test);
    customer.orders_count = theirs.length;
    customer.total_spent = cents(
      theirs.reduce(
        (n, o) => n + o.lines.reduce((m, l) => m + l.price * l.quantity - (l.discount ?? 0), 0),
        0,
      ),
    );
    const last = theirs[theirs.length - 1];
    if (last) customer.updated_at = last.updated_at ?? last.created_at;
  }

  return shopifyState({ token, shop: DEMO_SHOP, orders, customers, products });
}
