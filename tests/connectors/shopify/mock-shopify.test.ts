import shopifyHandler, {
  API_VERSION,
  type MockRequest,
  type ShopifyMockState,
  shopifyState,
} from '../../../playground/mock-apis/shopify/mock-shopify';
import linkExample from '../../../playground/mock-apis/shopify/payloads/pagination_link_header_example.json';
import { nextLink, queryOf } from '../../../src/sync/url';
import { orders } from './seed';

/** The mock must speak Shopify's documented protocol, or the connector tests prove nothing. */

const BASE = `/admin/api/${API_VERSION}`;

function request(
  path: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
): MockRequest {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    method: 'GET',
    url: qs ? `${path}?${qs}` : path,
    path,
    query,
    headers: { host: '127.0.0.1:4000', ...headers },
    body: '',
  };
}

const state = (): ShopifyMockState =>
  shopifyState({
    orders: orders(7).map((o, i) => (i === 1 ? { ...o, closed_at: o.created_at } : o)),
  });
const authed = (s: ShopifyMockState) => ({ 'x-shopify-access-token': s.token });

/** Follows a Link URL the way a client must: only its own query, nothing added. */
function follow(link: string, s: ShopifyMockState) {
  const path = link.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  return shopifyHandler(request(path, queryOf(link), authed(s)), s);
}

describe('Shopify mock Admin API', () => {
  it("answers a wrong or missing token with 401 and Shopify's errors text", () => {
    const s = state();
    for (const headers of [{ 'x-shopify-access-token': 'shpat_nope' }, {}] as Record<string, string>[]) {
      const res = shopifyHandler(request(`${BASE}/orders.json`, {}, headers), s);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      });
    }
  });

  it('lists open orders by default and every order with status=any', () => {
    const s = state();
    const open = shopifyHandler(request(`${BASE}/orders.json`, {}, authed(s)), s);
    const any = shopifyHandler(request(`${BASE}/orders.json`, { status: 'any' }, authed(s)), s);
    expect((open.body as { orders: unknown[] }).orders).toHaveLength(6);
    expect((any.body as { orders: unknown[] }).orders).toHaveLength(7);
  });

  it('pages with page_info cursors in a Link header shaped like Shopify’s, next and previous', () => {
    const s = state();
    const first = shopifyHandler(request(`${BASE}/orders.json`, { status: 'any', limit: '3' }, authed(s)), s);
    const link = String(first.headers?.link);
    // The same shape as the header Shopify's own client library parses.
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:4000\/admin\/api\/2026-10\/orders\.json\?limit=3&page_info=[\w-]+>; rel="next"$/,
    );
    expect(linkExample.next_page_response_headers.Link).toMatch(
      /^<https:\/\/[^>]+\?limit=2&page_info=\w+>; rel="next"$/,
    );
    const second = follow(nextLink(link) as string, s);
    expect(String(second.headers?.link)).toMatch(/rel="previous", <[^>]+>; rel="next"$/);
    const third = follow(nextLink(String(second.headers?.link)) as string, s);
    expect(nextLink(String(third.headers?.link))).toBeUndefined();
    const ids = [first, second, third].flatMap((r) =>
      (r.body as { orders: Array<{ id: number }> }).orders.map((o) => o.id),
    );
    expect(ids).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => 5_000_000 + n));
  });

  it('refuses filters repeated beside page_info, as Shopify does', () => {
    const s = state();
    const first = shopifyHandler(request(`${BASE}/orders.json`, { status: 'any', limit: '3' }, authed(s)), s);
    const next = nextLink(String(first.headers?.link)) as string;
    const repeated = shopifyHandler(
      request(`${BASE}/orders.json`, { ...queryOf(next), status: 'any' }, authed(s)),
      s,
    );
    expect(repeated.status).toBe(400);
  });

  it('keeps orders updated at or after updated_at_min', () => {
    const s = state();
    const res = shopifyHandler(
      request(`${BASE}/orders.json`, { status: 'any', updated_at_min: '2024-01-01T05:00:00Z' }, authed(s)),
      s,
    );
    expect((res.body as { orders: Array<{ id: number }> }).orders.map((o) => o.id)).toEqual([
      5_000_007, 5_000_006, 5_000_005,
    ]);
  });

  it('reports the leaky bucket on every answer and a queued 429 with Retry-After', () => {
    const s = state();
    s.faults = [{ path: '/orders.json', kind: 'rate-limit', retryAfter: '2.0' }];
    const limited = shopifyHandler(request(`${BASE}/orders.json`, {}, authed(s)), s);
    expect(limited.status).toBe(429);
    expect(limited.headers?.['retry-after']).toBe('2.0');
    const ok = shopifyHandler(request(`${BASE}/orders.json`, {}, authed(s)), s);
    expect(ok.headers?.['x-shopify-shop-api-call-limit']).toMatch(/^\d+\/40$/);
  });

  it('answers an unknown path or API version with 404', () => {
    const s = state();
    expect(shopifyHandler(request('/admin/api/2019-01/orders.json', {}, authed(s)), s).status).toBe(404);
    expect(shopifyHandler(request(`${BASE}/widgets.json`, {}, authed(s)), s).status).toBe(404);
  });
});
