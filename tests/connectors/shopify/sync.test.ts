import { shopifyPackage } from '../../../connectors/shopify/package';
import { shopify } from '../../../connectors/shopify/spec';
import { type ShopifyMockState, shopifyState } from '../../../playground/mock-apis/shopify/mock-shopify';
import { buildDashboard } from '../../../src/dashboard/build-dashboard';
import { refreshModels } from '../../../src/model/refresh';
import type { TapdashError } from '../../../src/shared/errors';
import { testConnection } from '../../../src/sync/test-connection';
import type { MockRequest } from '../../support/mock-server';
import { startRig } from '../github/sync-harness';
import { customers, iso, orders, products } from './seed';

/**
 * Shopify through the real sync engine in the emulator, against the mock Admin API over HTTP:
 * what lands in the tabs, which requests went out, and how failures read.
 */

const MOCK = 'playground/mock-apis/shopify/mock-shopify.ts';
const NOW = '2024-03-01T12:00:00Z';
const SHOP = 'mystore.myshopify.com';

function store(): ShopifyMockState {
  return shopifyState({ orders: orders(260), customers: customers(255), products });
}

async function rigWith(state: ShopifyMockState, token = state.token) {
  const rig = await startRig(shopify, MOCK, state, NOW);
  const connect = (accessToken: string) =>
    rig.connect({ shop: SHOP, accessToken, baseUrl: `${rig.api.url}/admin/api/2026-10` });
  connect(token);
  return Object.assign(rig, { connectWith: connect });
}

const to = (requests: MockRequest[], resource: string) =>
  requests.filter((r) => r.path === `/admin/api/2026-10/${resource}.json`);

// 260 orders, a mug each and a tee every third: 260 + 86 line items.
const LINE_ITEMS = 260 + Math.floor(260 / 3);

describe('Shopify sync, first run', () => {
  let rig: Awaited<ReturnType<typeof rigWith>>;
  let requests: MockRequest[];
  beforeAll(async () => {
    rig = await rigWith(store());
    const progress = rig.sync();
    expect(progress.errors).toEqual([]);
    expect(progress.done).toBe(true);
    requests = await rig.api.requests();
  });
  afterAll(() => rig.close());

  it('holds every order, line item, customer and product exactly once', () => {
    const ids = (tab: string) => rig.rows(tab).map((r) => r.id);
    for (const [tab, count] of [
      ['shopify_orders', 260],
      ['shopify_order_line_items', LINE_ITEMS],
      ['shopify_customers', 255],
      ['shopify_products', 2],
    ] as const) {
      expect(ids(tab)).toHaveLength(count);
      expect(new Set(ids(tab)).size).toBe(count);
    }
  });

  it('asks for every status, 250 a page, then follows the Link header without repeating the filters', () => {
    const [first, second, ...rest] = to(requests, 'orders');
    expect(first.query).toEqual({ status: 'any', limit: '250' });
    // Shopify refuses any parameter but limit and fields beside page_info (the mock answers 400).
    expect(Object.keys(second.query).sort()).toEqual(['limit', 'page_info']);
    // Two streams read the orders endpoint: 2 pages each.
    expect(rest).toHaveLength(2);
    expect(to(requests, 'customers')).toHaveLength(2);
  });

  it('sends the access token in X-Shopify-Access-Token on every request, and nothing else', () => {
    for (const r of requests) {
      expect(r.headers['x-shopify-access-token']).toBe(store().token);
      expect(r.headers.authorization).toBeUndefined();
      expect(r.url).not.toContain(store().token);
    }
  });

  it('types the cells: times as Dates, money as numbers, flags as booleans, codes as JSON text', () => {
    const order = rig.rows('shopify_orders').find((r) => r.id === 5_000_003);
    // Order 3: a mug and a tee, $50, placed 3 hours into 2024.
    expect(order).toMatchObject({
      created_at: new Date('2024-01-01T03:00:00Z'),
      total_price: 50,
      refunded_amount: 0,
      test: false,
      'customer.id': 4,
      line_item_count: 2,
      discount_codes: '[]',
    });
    const cancelled = rig.rows('shopify_orders').find((r) => r.id === 5_000_050);
    expect(cancelled?.cancelled_at).toEqual(new Date('2024-01-03T02:00:00Z'));
  });

  it('never writes order tokens, status links or addresses to a tab', () => {
    const header = Object.keys(rig.rows('shopify_orders')[0]);
    expect(header).not.toEqual(expect.arrayContaining(['token']));
    expect(header.filter((h) => /token|status_url|address|browser|client_details/.test(h))).toEqual([]);
  });

  it('feeds the models and draws the Dashboard with every tile and chart', () => {
    const refresh = rig.emu.run((gas) => refreshModels(gas, { packages: [shopifyPackage] }));
    expect(refresh.models.map((m) => [m.name, m.status])).toEqual(
      shopifyPackage.models.map((m) => [m.name, 'ok']),
    );
    // All 260 orders fall in January (order 260 is placed at hour 260, Jan 11), and 5 of them
    // are cancelled (50, 100, 150, 200, 250): 255 sales.
    const monthly = rig.rows('Shopify sales by month');
    expect(monthly).toHaveLength(1);
    // Revenue: 255 mugs × $20 + tees on sales divisible by 3 (86, less cancelled 150: 85) × $30.
    expect(monthly[0]).toMatchObject({ orders: 255, revenue: 255 * 20 + 85 * 30 });
    const dashboard = rig.emu.run((gas) => buildDashboard(gas, { packages: [shopifyPackage] }));
    expect(dashboard.tiles).toBe(shopifyPackage.metrics.length);
    expect(dashboard.charts.map((c) => [c.id, c.shown])).toEqual(
      shopifyPackage.charts.map((c) => [c.id, 'sheet']),
    );
  });
});

describe('Shopify incremental sync', () => {
  it('asks only for orders and customers updated since the last sync (minus a minute) and updates rows in place', async () => {
    const rig = await rigWith(store());
    try {
      rig.sync();
      await rig.api.clearRequests();
      // An hour later: order 7 is refunded in part, a new order arrives.
      rig.emu.clock.advance(3_600_000);
      const later = await rig.api.getState();
      const changed = iso(Date.parse(NOW) + 1_800_000);
      Object.assign(later.orders[6], { updated_at: changed, refunds: [{ amount: 5 }] });
      later.orders.push({
        id: 6_000_000,
        created_at: changed,
        customer_id: 1,
        lines: [{ id: 9_999_990, product_id: 200, title: 'Tee', quantity: 2, price: 30 }],
      });
      await rig.api.setState(later);

      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      const requests = await rig.api.requests();
      const sent = to(requests, 'orders');
      // One page per orders stream, filtered from the bookmark: the newest update the first
      // run saw (order 260, placed 260 hours into 2024: Jan 11 20:00) less a minute of overlap.
      expect(sent).toHaveLength(2);
      for (const r of sent) {
        expect(r.query.status).toBe('any');
        expect(r.query.updated_at_min).toBe('2024-01-11T19:59:00.000Z');
      }
      expect(to(requests, 'customers')[0].query.updated_at_min).toBeDefined();
      // Products are a full refresh.
      expect(to(requests, 'products')[0].query).toEqual({ limit: '250' });

      const rows = rig.rows('shopify_orders');
      expect(rows).toHaveLength(261);
      expect(rows.find((r) => r.id === 5_000_007)?.refunded_amount).toBe(5);
      const lines = rig.rows('shopify_order_line_items');
      expect(lines).toHaveLength(LINE_ITEMS + 1);
      expect(new Set(lines.map((r) => r.id)).size).toBe(LINE_ITEMS + 1);
    } finally {
      await rig.close();
    }
  });
});

describe('Shopify sync failures', () => {
  it('reports a rejected token in the Sync log in plain words, without the token, and keeps what was synced', async () => {
    const rig = await rigWith(store());
    try {
      rig.sync();
      const before = rig.rows('shopify_orders');
      const wrong = `shpat_${'ffff0000'.repeat(4)}`;
      rig.connectWith(wrong);
      rig.emu.clock.advance(3_600_000);
      const progress = rig.sync();
      expect(progress.streams.every((s) => s.status === 'failed')).toBe(true);
      expect(progress.errors[0]).toMatchObject({
        code: 'auth-rejected',
        message: expect.stringContaining('Shopify rejected'),
        fix: expect.stringContaining('it starts with shpat_'),
      });
      const log = JSON.stringify(rig.rows('Sync log'));
      expect(log).toContain('Shopify rejected');
      expect(log).toContain('shpat_');
      expect(log).not.toContain(wrong);
      expect(JSON.stringify(progress)).not.toContain(wrong);
      expect(rig.rows('shopify_orders')).toEqual(before);
    } finally {
      await rig.close();
    }
  });

  it('waits out a 429 for as long as Retry-After says, then finishes the sync', async () => {
    const state = store();
    state.faults = [{ path: '/customers.json', kind: 'rate-limit', retryAfter: '2.0' }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      expect(rig.rows('shopify_customers')).toHaveLength(255);
      const sent = to(await rig.api.requests(), 'customers');
      expect(sent).toHaveLength(3); // the refused page, again, then page 2
      const waited = rig.emu.executions.find((e) => (e.calls['Utilities.sleep'] ?? 0) > 0);
      expect(waited?.durationMs).toBeGreaterThanOrEqual(2_000);
    } finally {
      await rig.close();
    }
  });

  it('retries a 500 and finishes the sync', async () => {
    const state = store();
    state.faults = [{ path: '/products.json', kind: 'server-error' }];
    const rig = await rigWith(state);
    try {
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('shopify_products')).toHaveLength(2);
      expect(to(await rig.api.requests(), 'products')).toHaveLength(2);
    } finally {
      await rig.close();
    }
  });

  it('reports a cut-off reply as unreadable, keeps the other streams, and reads it next time', async () => {
    const state = store();
    state.faults = [{ path: '/customers.json', kind: 'malformed' }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      const failed = progress.streams.find((s) => s.stream === 'customers');
      expect(failed?.status).toBe('failed');
      expect(failed?.error?.message).toContain('Shopify sent a reply Tapdash could not read');
      expect(progress.streams.filter((s) => s.status === 'done')).toHaveLength(3);
      rig.emu.clock.advance(3_600_000);
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('shopify_customers')).toHaveLength(255);
    } finally {
      await rig.close();
    }
  });

  it('slows down when the leaky bucket is nearly full, before Shopify has to refuse', async () => {
    // The same sync twice, from an empty bucket and from 38 of 40: with the bucket at 90% the
    // engine waits a second between pages instead of its usual 0.625 s (2 requests a second
    // with headroom). Orders, line items and customers have a second page: 3 × 0.375 s more.
    const simulatedMs = async (used: number) => {
      const state = store();
      state.bucket.used = used;
      const rig = await rigWith(state);
      try {
        expect(rig.sync().errors).toEqual([]);
        expect(await rig.api.requests()).toHaveLength(2 + 2 + 2 + 1); // nothing refused
        return rig.emu.executions.reduce((ms, e) => ms + e.durationMs, 0);
      } finally {
        await rig.close();
      }
    };
    const relaxed = await simulatedMs(0);
    const nearlyFull = await simulatedMs(38);
    expect(nearlyFull - relaxed).toBeGreaterThanOrEqual(3 * 375);
  });
});

describe('Shopify sync across several executions', () => {
  it('resumes at the saved page cursor when the time box stops it, with every record once', async () => {
    const rig = await rigWith(store());
    try {
      const progress = rig.sync({ budgetMs: 1_500 });
      expect(progress.done).toBe(true);
      expect(progress.errors).toEqual([]);
      expect(rig.chunks).toBeGreaterThan(1);
      const ids = rig.rows('shopify_orders').map((r) => r.id);
      expect(ids).toHaveLength(260);
      expect(new Set(ids).size).toBe(260);
      expect(rig.rows('shopify_order_line_items')).toHaveLength(LINE_ITEMS);
    } finally {
      await rig.close();
    }
  });
});

describe('Shopify "Test connection"', () => {
  let rig: Awaited<ReturnType<typeof rigWith>>;
  beforeAll(async () => {
    rig = await rigWith(store());
  });
  afterAll(() => rig.close());

  const check = (config: Record<string, string>) =>
    rig.emu.run((gas) => {
      try {
        return testConnection(
          gas,
          { connector: 'shopify', config: { baseUrl: `${rig.api.url}/admin/api/2026-10`, ...config } },
          [shopify],
        );
      } catch (error) {
        return (error as TapdashError).toInfo();
      }
    });

  it('reads the first page of orders with a working token', () => {
    expect(check({ shop: SHOP, accessToken: store().token })).toMatchObject({ records: 250 });
  });

  it('refuses a custom domain before calling Shopify', async () => {
    await rig.api.clearRequests();
    expect(check({ shop: 'mystore.com', accessToken: store().token })).toMatchObject({
      code: 'config-invalid',
      message: expect.stringContaining('myshopify.com'),
    });
    expect(await rig.api.requests()).toEqual([]);
  });

  it("reports Shopify's refusal of a wrong token with where to find the right one", () => {
    expect(check({ shop: SHOP, accessToken: `shpat_${'ffff0000'.repeat(4)}` })).toMatchObject({
      code: 'auth-rejected',
      fix: expect.stringContaining("custom app's Admin API access token (it starts with shpat_)"),
    });
  });
});
