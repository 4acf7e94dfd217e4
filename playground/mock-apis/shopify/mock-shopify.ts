import { type Fault, type FaultStyle, faultResponse, takeFault } from '../faults';
import type { MockRequest, MockResponse } from '../mock-server';
import {
  customerJson,
  orderJson,
  productJson,
  type SeedCustomer,
  type SeedOrder,
  type SeedProduct,
} from './shopify-shapes';

/**
 * Shopify's Admin REST API as documented, for the connector's tests:
 * - `X-Shopify-Access-Token` auth, 401 with Shopify's own `errors` text otherwise;
 * - versioned paths `/admin/api/{version}/{resource}.json`;
 * - cursor pagination told only in the `Link` header (`page_info`, rel="next"/"previous"); a
 *   page_info request may carry only `limit` and `fields`, anything else is a 400, and the
 *   cursor remembers the first request's filters, as Shopify's does;
 * - orders filtered by `status` (open by default: `any` is needed for cancelled and closed
 *   ones) and `updated_at_min`; customers and products by `updated_at_min`;
 * - the leaky bucket in `X-Shopify-Shop-Api-Call-Limit: used/size` on every answer, draining
 *   in real time; and faults a test queues (429 with Retry-After, a 5xx, a cut-off body).
 *
 * A pure handler `(request, state) => response` for playground/mock-apis/mock-server.ts, which runs it
 * in a worker (default export, `handlerFile`); unit tests call it directly. State is plain JSON.
 * Sources: https://shopify.dev/docs/api/usage/pagination-rest,
 * https://shopify.dev/docs/api/usage/rate-limits, https://shopify.dev/docs/api/admin-rest/2026-10/resources/order,
 * …/customer, …/product, and payloads/README.md.
 */

/** Shopify writes Retry-After as decimal seconds ("2.0"), kept as the text it sends. */
export type ShopifyFault = Fault<{ retryAfter: string }>;

export interface ShopifyMockState {
  token: string;
  version: string;
  orders: SeedOrder[];
  customers: SeedCustomer[];
  products: SeedProduct[];
  /** Consumed in order by matching requests (`path` is a substring of the request path). */
  faults: ShopifyFault[];
  /**
   * The store's myshopify.com host, for the `Link` header's URLs as Shopify writes them
   * (`https://{shop}/admin/api/…`); without it they name the host the request came to.
   */
  shop?: string;
  /** The store's bucket: `used` of `size`, draining `leakPerSecond` (real time, in the worker). */
  bucket: { used: number; size: number; leakPerSecond: number; at: number };
}

export const API_VERSION = '2026-10';
const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;
/** Parameters Shopify accepts beside page_info. */
const PAGE_INFO_PARAMS = new Set(['page_info', 'limit', 'fields']);

export function shopifyState(
  partial: Partial<ShopifyMockState> & Pick<ShopifyMockState, 'orders'>,
): ShopifyMockState {
  return {
    token: `shpat_${'0a1b2c3d'.repeat(4)}`,
    version: API_VERSION,
    customers: [],
    products: [],
    faults: [],
    bucket: { used: 0, size: 40, leakPerSecond: 2, at: 0 },
    ...partial,
  };
}

export default function shopifyHandler(req: MockRequest, state: ShopifyMockState): MockResponse {
  const level = fillBucket(state);
  if (header(req, 'x-shopify-access-token') !== state.token) {
    return answer(state, level, 401, {
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
  }
  const fault = takeFault(state, req.path);
  if (fault) return faultResponse(fault, faultStyle(state, level));
  return route(req, state, level) ?? answer(state, level, 404, { errors: 'Not Found' });
}

function header(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Drains the bucket for the time since the last request, then adds this one. */
function fillBucket(state: ShopifyMockState): number {
  const b = state.bucket;
  const now = Date.now();
  const drained = b.at ? ((now - b.at) / 1000) * b.leakPerSecond : 0;
  b.used = Math.min(b.size, Math.max(0, b.used - drained) + 1);
  b.at = now;
  return Math.ceil(b.used);
}

function answer(
  state: ShopifyMockState,
  level: number,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): MockResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-shopify-shop-api-call-limit': `${level}/${state.bucket.size}`,
      'x-shopify-api-version': state.version,
      ...extra,
    },
    body,
  };
}

/** Shopify's fault answers; a 429 shows the bucket full. */
function faultStyle(state: ShopifyMockState, level: number): FaultStyle<ShopifyFault> {
  return {
    answer: (status, body, headers) =>
      answer(state, status === 429 ? state.bucket.size : level, status, body, headers),
    rateLimit: {
      body: () => ({
        errors:
          'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
      }),
    },
    serverErrorBody: () => ({ errors: 'Internal Server Error' }),
    cutOff: '{"orders":[{"id":450789469,"email":"bob.norman@hostmail.com","closed_at":nu',
    contentType: 'application/json; charset=utf-8',
  };
}

type Resource = 'orders' | 'customers' | 'products';

/** What a page_info cursor remembers: the list, its filters, and where the page starts. */
interface Cursor {
  resource: Resource;
  filters: Record<string, string>;
  offset: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(text: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    return typeof c.offset === 'number' && typeof c.resource === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}

function route(req: MockRequest, state: ShopifyMockState, level: number): MockResponse | undefined {
  if (req.method !== 'GET') return undefined;
  const m = /^\/admin\/api\/([^/]+)\/(orders|customers|products)\.json$/.exec(req.path);
  if (!m || m[1] !== state.version) return undefined;
  const resource = m[2] as Resource;
  let filters: Record<string, string>;
  let offset = 0;
  if (req.query.page_info !== undefined) {
    // The cursor carries the filters; repeating them is refused.
    const extra = Object.keys(req.query).filter((k) => !PAGE_INFO_PARAMS.has(k));
    if (extra.length) {
      return answer(state, level, 400, {
        errors: `page_info cannot be combined with other parameters than limit and fields: ${extra.join(', ')}`,
      });
    }
    const cursor = decodeCursor(req.query.page_info);
    if (!cursor || cursor.resource !== resource)
      return answer(state, level, 400, { errors: { page_info: 'Invalid value.' } });
    filters = cursor.filters;
    offset = cursor.offset;
  } else {
    const { limit: _limit, ...rest } = req.query;
    filters = rest;
  }
  const min = filters.updated_at_min;
  if (min !== undefined && Number.isNaN(Date.parse(min)))
    return answer(state, level, 400, { errors: { updated_at_min: 'is invalid' } });
  const items = listOf(resource, state, filters);
  if (items === undefined) return answer(state, level, 400, { errors: { status: 'is invalid' } });
  const limit = Math.min(MAX_LIMIT, Math.max(1, Number(req.query.limit ?? DEFAULT_LIMIT)));
  const origin = state.shop ? `https://${state.shop}` : `http://${header(req, 'host') ?? '127.0.0.1'}`;
  const link = (at: number, rel: string) => {
    const page = encodeCursor({ resource, filters, offset: at });
    return `<${origin}${req.path}?limit=${limit}&page_info=${page}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (offset > 0) rels.push(link(Math.max(0, offset - limit), 'previous'));
  if (offset + limit < items.length) rels.push(link(offset + limit, 'next'));
  return answer(
    state,
    level,
    200,
    { [resource]: items.slice(offset, offset + limit) },
    rels.length ? { link: rels.join(', ') } : {},
  );
}

/** Orders newest first, customers and products by id, as filters leave them; undefined for a bad status. */
function listOf(resource: Resource, state: ShopifyMockState, filters: Record<string, string>) {
  const min = filters.updated_at_min ? Date.parse(filters.updated_at_min) : undefined;
  const since = (updated: string) => min === undefined || Date.parse(updated) >= min;
  if (resource === 'orders') {
    const status = filters.status ?? 'open';
    const keep = (o: SeedOrder) => {
      if (status === 'any') return true;
      if (status === 'cancelled') return Boolean(o.cancelled_at);
      if (status === 'closed') return Boolean(o.closed_at);
      if (status === 'open') return !o.cancelled_at && !o.closed_at;
      return undefined;
    };
    if (keep(state.orders[0] ?? { id: 0, created_at: '', lines: [] }) === undefined) return undefined;
    return state.orders
      .map((o, i) => ({ o, number: 1001 + i }))
      .filter(({ o }) => keep(o) && since(o.updated_at ?? o.created_at))
      .sort((a, b) => b.o.id - a.o.id)
      .map(({ o, number }) => orderJson(o, number));
  }
  if (resource === 'customers') {
    return state.customers
      .filter((c) => since(c.updated_at ?? c.created_at))
      .sort((a, b) => a.id - b.id)
      .map(customerJson);
  }
  return state.products
    .filter((p) => since(p.updated_at ?? p.created_at))
    .sort((a, b) => a.id - b.id)
    .map(productJson);
}

export type { MockRequest, MockResponse };
