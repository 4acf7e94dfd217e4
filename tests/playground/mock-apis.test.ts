/**
 * `npm start -- --mock-apis`: the vendors' mock APIs, and the emulator's host routes that send
 * a connector's requests for a vendor's real host to its local mock.
 */
import { Emulator } from '../../playground/emulator/emulator';
import {
  clearHostRoutes,
  hostRoutes,
  routedUrl,
  routeHosts,
} from '../../playground/emulator/services/url-fetch-routes';
import { DEMO_CREDENTIALS, type MockApis, startMockApis } from '../../playground/mock-apis';

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
