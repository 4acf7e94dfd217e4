/**
 * Stripe's list API as documented (https://docs.stripe.com/api/pagination,
 * https://docs.stripe.com/api/errors, https://docs.stripe.com/rate-limits), as a pure function
 * of a request: bearer or basic auth with the real 401/403 bodies, `created[gte|gt|lte|lt]`
 * filters, newest-first order, `limit` (1–100, default 10) with `starting_after` and
 * `has_more`, `status` on subscriptions (canceled ones only with `status=all`), and `expand[]`
 * of subscription discounts. Faults (429, 5xx, malformed bodies) are injected per test.
 *
 * Plain data in and out, so it runs in the server's worker thread and in unit tests alike.
 */

export type StripeObject = Record<string, unknown>;

/** Objects by list endpoint path (`/v1/customers`…), in any order. */
export type StripeData = Record<string, StripeObject[]>;

export interface Fault {
  /** Endpoint path it applies to; every path when absent. */
  path?: string;
  /** How many matching requests get the fault before normal answers resume. */
  times: number;
  kind: 'rate-limit' | 'server-error' | 'malformed' | 'forbidden';
  /** For rate-limit: the Retry-After header, in seconds. */
  retryAfterSeconds?: number;
  /** For server-error: the status (500 by default). */
  status?: number;
  /** Only requests whose query has this `starting_after` (a later page). */
  startingAfter?: string;
}

export interface StripeMockConfig {
  data: StripeData;
  /** The key that authenticates; any other is rejected like Stripe does. */
  apiKey: string;
  faults?: Fault[];
  account?: string;
}

export interface MockRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | undefined>;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StripeState {
  config: StripeMockConfig;
  faults: Fault[];
  served: number;
}

export function createState(config: StripeMockConfig): StripeState {
  return { config, faults: (config.faults ?? []).map((f) => ({ ...f })), served: 0 };
}

const LIST_PATHS = [
  '/v1/customers',
  '/v1/subscriptions',
  '/v1/prices',
  '/v1/invoices',
  '/v1/charges',
  '/v1/balance_transactions',
];

const READ_PERMISSION: Record<string, string> = {
  '/v1/customers': 'rak_customer_read',
  '/v1/subscriptions': 'rak_subscription_read',
  '/v1/prices': 'rak_plan_read',
  '/v1/invoices': 'rak_invoice_read',
  '/v1/charges': 'rak_charge_read',
  '/v1/balance_transactions': 'rak_balance_transaction_source_read',
};

const ID_PREFIX: Record<string, string> = {
  '/v1/customers': 'customer',
  '/v1/subscriptions': 'subscription',
  '/v1/prices': 'price',
  '/v1/invoices': 'invoice',
  '/v1/charges': 'charge',
  '/v1/balance_transactions': 'balance transaction',
};

export function handleRequest(state: StripeState, request: MockRequest): MockResponse {
  state.served++;
  const requestId = `req_${String(state.served).padStart(14, '0')}`;
  const version = request.headers['stripe-version'];
  const base: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
    'stripe-version': version ?? '2025-12-15.clover',
  };
  const reply = (status: number, body: unknown, extra: Record<string, string> = {}): MockResponse => ({
    status,
    headers: { ...base, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body, null, 2),
  });
  const fail = (status: number, error: Record<string, unknown>, extra: Record<string, string> = {}) =>
    reply(
      status,
      { error: { ...error, request_log_url: `https://dashboard.stripe.com/logs/${requestId}` } },
      extra,
    );

  const { path, query } = parseUrl(request.url);

  const key = apiKeyOf(request.headers.authorization);
  if (key === undefined)
    return fail(401, {
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      type: 'invalid_request_error',
    });
  if (key !== state.config.apiKey)
    return fail(
      401,
      { message: `Invalid API Key provided: ${maskKey(key)}`, type: 'invalid_request_error' },
      { 'www-authenticate': 'Bearer realm="Stripe"' },
    );
  if (version !== undefined && !/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version))
    return fail(400, { message: `Invalid Stripe API version: ${version}`, type: 'invalid_request_error' });

  if (request.method !== 'GET' || !LIST_PATHS.includes(path))
    return fail(404, {
      message: `Unrecognized request URL (${request.method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      type: 'invalid_request_error',
    });

  const fault = takeFault(state, path, query);
  if (fault?.kind === 'rate-limit')
    return fail(
      429,
      {
        code: 'rate_limit',
        doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
        message:
          'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
        type: 'invalid_request_error',
      },
      {
        'stripe-should-retry': 'true',
        ...(fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }),
      },
    );
  if (fault?.kind === 'server-error')
    return fail(
      fault.status ?? 500,
      { message: 'An unknown error occurred', type: 'api_error' },
      { 'stripe-should-retry': 'true' },
    );
  if (fault?.kind === 'forbidden')
    return fail(403, {
      message: `The provided key '${maskKey(key)}' does not have the required permissions for this endpoint on account '${state.config.account ?? 'acct_1TapdashTest'}'. Having the '${READ_PERMISSION[path]}' permission would allow this request to continue.`,
      type: 'invalid_request_error',
    });

  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return fail(400, {
      message:
        limit > 100
          ? 'This value must be less than or equal to 100.'
          : 'This value must be greater than or equal to 1.',
      param: 'limit',
      type: 'invalid_request_error',
    });

  let items = sortNewestFirst(state.config.data[path] ?? []).filter((o) => matchesCreated(o, query));
  if (path === '/v1/subscriptions') {
    const status = query.status;
    if (status === undefined)
      items = items.filter((s) => s.status !== 'canceled' && s.status !== 'incomplete_expired');
    else if (status !== 'all') items = items.filter((s) => s.status === status);
  }
  if (query.starting_after !== undefined) {
    const at = items.findIndex((o) => o.id === query.starting_after);
    if (at < 0)
      return fail(400, {
        code: 'resource_missing',
        message: `No such ${ID_PREFIX[path]}: '${query.starting_after}'`,
        param: 'starting_after',
        type: 'invalid_request_error',
      });
    items = items.slice(at + 1);
  }
  const page = items.slice(0, limit).map((o) => expandAsAsked(path, o, expansions(request.url)));
  const body = { object: 'list', data: page, has_more: items.length > limit, url: path };
  if (fault?.kind === 'malformed') {
    const text = JSON.stringify(body);
    return reply(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
  }
  return reply(200, body);
}

function takeFault(state: StripeState, path: string, query: Record<string, string>): Fault | undefined {
  const fault = state.faults.find(
    (f) =>
      f.times > 0 &&
      (f.path === undefined || f.path === path) &&
      (f.startingAfter === undefined || f.startingAfter === query.starting_after),
  );
  if (fault) fault.times--;
  return fault;
}

function apiKeyOf(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization);
  if (bearer) return bearer[1].trim();
  const basic = /^Basic\s+(.+)$/i.exec(authorization);
  if (basic) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0];
  return undefined;
}

/** Stripe echoes a rejected key with all but its prefix and last four characters masked. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{2}_(live|test)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return rest.length <= 4
    ? `${prefix}${'*'.repeat(rest.length)}`
    : `${prefix}${'*'.repeat(rest.length - 4)}${rest.slice(-4)}`;
}

function parseUrl(url: string): { path: string; query: Record<string, string> } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query: Record<string, string> = {};
  if (q >= 0)
    for (const pair of url.slice(q + 1).split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const k = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      const v = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      if (k !== 'expand[]') query[k] = v;
    }
  return { path, query };
}

function expansions(url: string): string[] {
  const out: string[] = [];
  const q = url.indexOf('?');
  if (q < 0) return out;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (decodeURIComponent(pair.slice(0, eq)) === 'expand[]')
      out.push(decodeURIComponent(pair.slice(eq + 1)));
  }
  return out;
}

function sortNewestFirst(items: StripeObject[]): StripeObject[] {
  return [...items].sort((a, b) => {
    const byCreated = (b.created as number) - (a.created as number);
    return byCreated !== 0 ? byCreated : String(b.id).localeCompare(String(a.id));
  });
}

function matchesCreated(o: StripeObject, query: Record<string, string>): boolean {
  const created = o.created as number;
  const bound = (k: string) =>
    query[`created[${k}]`] === undefined ? undefined : Number(query[`created[${k}]`]);
  const [gte, gt, lte, lt, eq] = [bound('gte'), bound('gt'), bound('lte'), bound('lt'), query.created];
  if (gte !== undefined && !(created >= gte)) return false;
  if (gt !== undefined && !(created > gt)) return false;
  if (lte !== undefined && !(created <= lte)) return false;
  if (lt !== undefined && !(created < lt)) return false;
  if (eq !== undefined && created !== Number(eq)) return false;
  return true;
}

/**
 * The data holds subscriptions with discounts fully expanded; Stripe returns discount ids
 * unless `data.discounts` is expanded, and the coupon as an id unless
 * `data.discounts.source.coupon` is (since 2025-09-30.clover).
 */
function expandAsAsked(path: string, o: StripeObject, expand: string[]): StripeObject {
  if (path !== '/v1/subscriptions' || !Array.isArray(o.discounts)) return o;
  const coupon = expand.includes('data.discounts.source.coupon');
  const discounts = coupon || expand.includes('data.discounts');
  return {
    ...o,
    discounts: o.discounts.map((d: StripeObject) => {
      if (!discounts) return d.id;
      if (coupon) return d;
      const source = d.source as StripeObject;
      return { ...d, source: { ...source, coupon: (source.coupon as StripeObject).id } };
    }),
  };
}
