/**
 * `npm start -- --mock-apis`: the vendors' mock APIs, and the emulator's host routes that send
 * a connector's requests for a vendor's real host to its local mock.
 */
import { findConnector } from '../../connectors';
import { hubspotPackage } from '../../connectors/hubspot/package';
import { hubspot } from '../../connectors/hubspot/spec';
import { shopifyPackage } from '../../connectors/shopify/package';
import { SHOPIFY_API_VERSION, shopify } from '../../connectors/shopify/spec';
import { Emulator } from '../../playground/emulator/emulator';
import {
  clearHostRoutes,
  hostRoutes,
  routedUrl,
  routeHosts,
} from '../../playground/emulator/services/url-fetch-routes';
import { DEMO_CREDENTIALS, type MockApis, startMockApis } from '../../playground/mock-apis';
import { demoHubspotAccount } from '../../playground/mock-apis/hubspot/seed';
import { demoShopifyStore } from '../../playground/mock-apis/shopify/seed';
import { validateConfig, withDefaults } from '../../src/connect/config-validation';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { buildDashboard } from '../../src/dashboard/build-dashboard';
import type { MetricPackage } from '../../src/model/model-spec';
import { refreshModels } from '../../src/model/refresh';
import { type SyncRig, startRig } from '../connectors/github/sync-harness';

const NOW = Date.UTC(2025, 6, 15, 12);
const STRIPE = 'https://api.stripe.com/v1/customers?limit=3';
const auth = { Authorization: `Bearer ${DEMO_CREDENTIALS.stripe.apiKey}` };

let mocks: MockApis;
let googleToken: string;

beforeAll(async () => {
  googleToken = String(new Emulator({ now: NOW }).run((gas) => gas.ScriptApp.getOAuthToken()));
  mocks = await startMockApis({ now: NOW, googleToken });
});

afterAll(async () => {
  await mocks.close();
});

function routed(): Emulator {
  const emu = new Emulator({ now: NOW });
  routeHosts(emu, mocks.routes);
  return emu;
}

function fetchJson(emu: Emulator, url: string, params: Record<string, unknown> = {}) {
  return emu.run((gas) => {
    const r = gas.UrlFetchApp.fetch(url, { muteHttpExceptions: true, ...params });
    return { status: r.getResponseCode(), body: JSON.parse(r.getContentText()) };
  });
}

describe('host routes', () => {
  it('send a request for https://api.stripe.com/v1/customers to the Stripe mock', () => {
    const { status, body } = fetchJson(routed(), STRIPE, { headers: auth });
    expect(status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(3);
    expect(body.data[0].id).toMatch(/^cus_demo/);
  });

  it('log where a rerouted request really went, under its real URL', () => {
    const emu = routed();
    fetchJson(emu, STRIPE, { headers: auth });
    const [entry] = emu.services.requests.slice(-1);
    expect(entry.url).toBe(STRIPE);
    expect(entry.routedTo).toBe(`${mocks.routes['api.stripe.com']}/v1/customers?limit=3`);
  });

  // Checked at the routing decision, not by fetching: an unrouted request would go to the real
  // api.stripe.com, and tests never leave 127.0.0.1.
  it('are off by default: a new emulator sends api.stripe.com nowhere else', () => {
    const emu = new Emulator({ now: NOW });
    expect(hostRoutes(emu)).toEqual({});
    expect(routedUrl(emu, new URL(STRIPE))).toBeUndefined();
  });

  it('stop when cleared', () => {
    const emu = routed();
    expect(routedUrl(emu, new URL(STRIPE))).toBe(`${mocks.routes['api.stripe.com']}/v1/customers?limit=3`);
    clearHostRoutes(emu);
    expect(routedUrl(emu, new URL(STRIPE))).toBeUndefined();
  });

  it('still apply the manifest allowlist to the real URL', () => {
    const emu = new Emulator({ now: NOW, localMode: false, urlFetchWhitelist: ['https://api.github.com/'] });
    routeHosts(emu, mocks.routes);
    expect(() => emu.run((gas) => gas.UrlFetchApp.fetch(STRIPE, { headers: auth }))).toThrow(/not permitted/);
  });

  it('accept only an origin as the target', () => {
    expect(() => routeHosts(new Emulator(), { 'api.stripe.com': 'http://127.0.0.1:1/v1' })).toThrow(
      /origin only/,
    );
  });
});

describe('the demo accounts', () => {
  it('Stripe rejects any key but the demo key, in Stripe words', () => {
    const { status, body } = fetchJson(routed(), STRIPE, {
      headers: { Authorization: 'Bearer sk_test_wrongkey123' },
    });
    expect(status).toBe(401);
    expect(body.error.message).toMatch(/Invalid API Key provided/);
  });

  it('Stripe has a growing customer base with subscriptions, invoices and payments', () => {
    const emu = routed();
    const count = (path: string) => {
      let total = 0;
      let after = '';
      for (;;) {
        const { body } = fetchJson(emu, `https://api.stripe.com${path}?limit=100${after}`, { headers: auth });
        total += body.data.length;
        if (!body.has_more) return total;
        after = `&starting_after=${body.data[body.data.length - 1].id}`;
      }
    };
    expect(count('/v1/customers')).toBeGreaterThan(50);
    expect(count('/v1/invoices')).toBeGreaterThan(300);
    expect(count('/v1/charges')).toBeGreaterThan(300);
  });

  it('GitHub serves the acme repositories to the demo token', () => {
    const { status, body } = fetchJson(
      routed(),
      'https://api.github.com/repos/acme/web/issues?state=all&per_page=5',
      {
        headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.github.token}` },
      },
    );
    expect(status).toBe(200);
    expect(body).toHaveLength(5);
  });

  it('GitLab serves the acme/platform project to the demo token', () => {
    const { status, body } = fetchJson(
      routed(),
      'https://gitlab.com/api/v4/projects/acme%2Fplatform/merge_requests?per_page=5',
      { headers: { 'PRIVATE-TOKEN': DEMO_CREDENTIALS.gitlab.token } },
    );
    expect(status).toBe(200);
    expect(body).toHaveLength(5);
  });

  it('GA4 reports sessions for the demo property to the emulated user', () => {
    const { status, body } = fetchJson(
      routed(),
      `https://analyticsdata.googleapis.com/v1beta/properties/${DEMO_CREDENTIALS.ga4.propertyId}:runReport`,
      {
        method: 'post',
        contentType: 'application/json',
        headers: { Authorization: `Bearer ${googleToken}` },
        payload: JSON.stringify({
          dateRanges: [{ startDate: '30daysAgo', endDate: 'today' }],
          dimensions: [{ name: 'date' }],
          metrics: [{ name: 'sessions' }],
        }),
      },
    );
    expect(status).toBe(200);
    expect(Number(body.rowCount)).toBeGreaterThanOrEqual(30);
  });
});

const SHOP = `https://${DEMO_CREDENTIALS.shopify.shop}/admin/api/${SHOPIFY_API_VERSION}`;

describe('the HubSpot and Shopify demo accounts', () => {
  const shopifyAuth = { 'X-Shopify-Access-Token': DEMO_CREDENTIALS.shopify.accessToken };

  // The form starts from each field's default (GitHub's account type), so the check does too.
  it('have demo settings every connector form accepts as typed', () => {
    for (const vendor of mocks.vendors) {
      const connector = findConnector(vendor.id);
      expect([
        vendor.id,
        connector && validateConfig(connector, withDefaults(connector, vendor.demo)),
      ]).toEqual([vendor.id, []]);
    }
  });

  it('are listed for the banner with the hosts they stand in for', () => {
    expect(mocks.vendors.map((v) => [v.id, v.host])).toEqual(
      expect.arrayContaining([
        ['hubspot', 'api.hubapi.com'],
        ['shopify', 'tapdash-demo.myshopify.com'],
      ]),
    );
  });

  it('HubSpot finds the live contacts for the demo token, deleted ones left out', () => {
    const { status, body } = fetchJson(routed(), 'https://api.hubapi.com/crm/v3/objects/contacts/search', {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.hubspot.accessToken}` },
      payload: JSON.stringify({ limit: 5, properties: ['email', 'hs_analytics_source'] }),
    });
    expect(status).toBe(200);
    expect(body.total).toBe(198);
    expect(body.results).toHaveLength(5);
    expect(body.results[0].properties.hs_analytics_source).toEqual(expect.any(String));
  });

  it('HubSpot rejects any other token, in HubSpot words', () => {
    const { status, body } = fetchJson(routed(), 'https://api.hubapi.com/crm/v3/pipelines/deals', {
      headers: { Authorization: 'Bearer pat-na1-00000000-0000-0000-0000-000000000000' },
    });
    expect(status).toBe(401);
    expect(body.category).toBe('INVALID_AUTHENTICATION');
  });

  it('Shopify serves the demo shop its orders, with next-page links on its own host', () => {
    const emu = routed();
    const response = emu.run((gas) => {
      const r = gas.UrlFetchApp.fetch(`${SHOP}/orders.json?status=any&limit=250`, { headers: shopifyAuth });
      return {
        status: r.getResponseCode(),
        orders: JSON.parse(r.getContentText()).orders.length,
        link: r.getHeaders(),
      };
    });
    expect(response.status).toBe(200);
    expect(response.orders).toBe(250);
    const link = String(
      (response.link as Record<string, string>).Link ?? (response.link as Record<string, string>).link,
    );
    expect(link).toMatch(
      /^<https:\/\/tapdash-demo\.myshopify\.com\/admin\/api\/[^>]+page_info=[^>]+>; rel="next"$/,
    );
  });

  it('Shopify rejects any other access token, in Shopify words', () => {
    const { status, body } = fetchJson(routed(), `${SHOP}/products.json`, {
      headers: { 'X-Shopify-Access-Token': `shpat_${'1'.repeat(32)}` },
    });
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
  });
});

/**
 * A first sync of each demo account as a founder would run it: the demo settings as typed (no
 * base URL), the real hosts routed to the vendor's mock, then the package's models and
 * Dashboard. The account ends at the emulated clock, as under `npm start -- --mock-apis`.
 */
interface DemoSync<S> {
  connector: ConnectorSpec;
  pkg: MetricPackage;
  mock: string;
  account: S;
  host: string;
  settings: Record<string, string>;
}

/**
 * Syncs a demo account with its demo settings and the real host routed to its mock, then
 * refreshes the package's models and builds its Dashboard: each must work as a whole (every
 * request to the real host, every model ok, every tile and chart drawn). `check` reads the tabs.
 */
async function syncDemo<S>(demo: DemoSync<S>, check: (rig: SyncRig<S>) => void): Promise<void> {
  const rig = await startRig(demo.connector, demo.mock, demo.account, new Date(NOW).toISOString());
  try {
    routeHosts(rig.emu, { [demo.host]: rig.api.url });
    rig.connect({ ...demo.settings });
    const progress = rig.sync();
    expect(progress.errors).toEqual([]);
    expect(progress.done).toBe(true);
    expect(rig.emu.services.requests.filter((r) => !r.url.startsWith(`https://${demo.host}/`))).toEqual([]);
    const refresh = rig.emu.run((gas) => refreshModels(gas, { packages: [demo.pkg] }));
    expect(refresh.models.map((m) => [m.name, m.status])).toEqual(demo.pkg.models.map((m) => [m.name, 'ok']));
    const dashboard = rig.emu.run((gas) => buildDashboard(gas, { packages: [demo.pkg] }));
    expect(dashboard.tiles).toBe(demo.pkg.metrics.length);
    expect(dashboard.charts.map((c) => c.shown)).toEqual(demo.pkg.charts.map(() => 'sheet'));
    check(rig);
  } finally {
    await rig.close();
  }
}

/**
 * A first sync of each demo account as a founder would run it: the demo settings as typed (no
 * base URL), the real host routed to the vendor's mock. The account ends at the emulated clock,
 * as under `npm start -- --mock-apis`.
 */
describe('a full sync of a demo account', () => {
  it('HubSpot builds the pipeline and lead summaries', async () => {
    const demo = {
      connector: hubspot,
      pkg: hubspotPackage,
      mock: 'playground/mock-apis/hubspot/mock-hubspot.ts',
      account: demoHubspotAccount(NOW, DEMO_CREDENTIALS.hubspot.accessToken),
      host: 'api.hubapi.com',
      settings: DEMO_CREDENTIALS.hubspot,
    };
    await syncDemo(demo, (rig) => {
      const [pipeline] = rig.rows('HubSpot pipeline');
      expect(Number(pipeline.open_deals)).toBeGreaterThan(15);
      expect(Number(pipeline.weighted_pipeline)).toBeLessThan(Number(pipeline.open_pipeline));
      expect(rig.rows('HubSpot deals won and lost by month').length).toBeGreaterThan(10);
      // 200 contacts, 2 of them deleted.
      const contacts = rig
        .rows('HubSpot new contacts by month')
        .reduce((n, r) => n + Number(r.new_contacts), 0);
      expect(contacts).toBe(198);
    });
  });

  it('Shopify builds the sales and customer summaries', async () => {
    const demo = {
      connector: shopify,
      pkg: shopifyPackage,
      mock: 'playground/mock-apis/shopify/mock-shopify.ts',
      account: demoShopifyStore(NOW, DEMO_CREDENTIALS.shopify.accessToken),
      host: DEMO_CREDENTIALS.shopify.shop,
      settings: DEMO_CREDENTIALS.shopify,
    };
    await syncDemo(demo, (rig) => {
      expect(rig.rows('shopify_orders')).toHaveLength(600);
      // Eighteen months and a bit: the first and the current month are partial.
      expect(rig.rows('Shopify sales by month').length).toBeGreaterThanOrEqual(18);
      // A loyal core comes back: by now a good share of customers have ordered more than once.
      const latest = rig.rows('Shopify repeat customers').slice(-1)[0];
      expect(Number(latest.repeat_customer_rate)).toBeGreaterThan(0.15);
      expect(Number(latest.repeat_customer_rate)).toBeLessThan(0.6);
    });
  });
});
