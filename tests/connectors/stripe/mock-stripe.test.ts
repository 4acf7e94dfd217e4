/** The Stripe mock speaks Stripe's documented list protocol, over real HTTP. */

import { customer, ts } from '../../../playground/mock-apis/stripe/stripe-objects';
import { type StripeMock, startStripeMock } from './mock-stripe';
import { SAAS } from './support/saas-fixture';

const KEY = 'sk_test_51MockKeyForTapdash0000';

let mock: StripeMock;

const customers = Array.from({ length: 25 }, (_, i) =>
  customer({ id: `cus_${String(i).padStart(3, '0')}`, created: `2025-01-${String(i + 1).padStart(2, '0')}` }),
);

beforeAll(async () => {
  mock = await startStripeMock({
    apiKey: KEY,
    data: { '/v1/customers': customers, '/v1/subscriptions': SAAS.subscriptions },
  });
});

afterAll(async () => {
  await mock.close();
});

beforeEach(async () => {
  await mock.setFaults([]);
  await mock.resetRequests();
});

async function get(
  path: string,
  key: string | null = KEY,
): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(mock.url + path, {
    headers: {
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      'Stripe-Version': '2025-12-15.clover',
    },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function json(
  path: string,
): Promise<{ data: Array<Record<string, unknown>>; has_more: boolean; object: string }> {
  const res = await get(path);
  expect(res.status).toBe(200);
  return JSON.parse(res.text);
}

test('lists newest first, `limit` at a time, continuing after the last id while has_more', async () => {
  const ids: unknown[] = [];
  let after: unknown;
  let pages = 0;
  for (;;) {
    const page = await json(`/v1/customers?limit=10${after ? `&starting_after=${after}` : ''}`);
    pages++;
    ids.push(...page.data.map((c) => c.id));
    if (!page.has_more) break;
    after = page.data[page.data.length - 1].id;
  }
  expect(pages).toBe(3);
  expect(ids).toEqual(customers.map((c) => c.id).reverse());
});

test('created[gte] keeps objects created at or after the moment', async () => {
  const page = await json(`/v1/customers?limit=100&created%5Bgte%5D=${ts('2025-01-20')}`);
  expect(page.data.map((c) => c.id)).toEqual([
    'cus_024',
    'cus_023',
    'cus_022',
    'cus_021',
    'cus_020',
    'cus_019',
  ]);
});

test("a wrong key gets Stripe's 401 with the key masked", async () => {
  const res = await get('/v1/customers', 'sk_test_51WrongKey00001234');
  expect(res.status).toBe(401);
  expect(JSON.parse(res.text).error).toMatchObject({
    type: 'invalid_request_error',
    message: `Invalid API Key provided: sk_test_${'*'.repeat(14)}1234`, // 18 characters after the prefix, last 4 shown
  });
  expect(res.text).not.toContain('WrongKey');
});

test('a request without a key is told to send one', async () => {
  const res = await get('/v1/customers', null);
  expect(res.status).toBe(401);
  expect(JSON.parse(res.text).error.message).toMatch(/^You did not provide an API key/);
});

test('canceled subscriptions are listed only with status=all', async () => {
  const live = await json('/v1/subscriptions?limit=100');
  const all = await json('/v1/subscriptions?limit=100&status=all');
  expect(live.data.map((s) => s.status)).not.toContain('canceled');
  expect(all.data).toHaveLength(SAAS.subscriptions.length);
});

test('discounts come as ids unless expanded, with the coupon when asked', async () => {
  const plain = await json('/v1/subscriptions?limit=100');
  const expanded = await json('/v1/subscriptions?limit=100&expand%5B%5D=data.discounts.source.coupon');
  const seats = (page: { data: Array<Record<string, unknown>> }) =>
    page.data.find((s) => s.id === 'sub_seats');
  expect(seats(plain)?.discounts).toEqual(['di_seats']);
  expect(seats(expanded)?.discounts).toEqual([
    expect.objectContaining({
      id: 'di_seats',
      source: expect.objectContaining({ coupon: expect.objectContaining({ percent_off: 20 }) }),
    }),
  ]);
});

test('a rate-limited request gets 429 with Retry-After, then the next one succeeds', async () => {
  await mock.setFaults([{ kind: 'rate-limit', times: 1, retryAfterSeconds: 2 }]);
  const limited = await get('/v1/customers');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('2');
  expect(JSON.parse(limited.text).error.code).toBe('rate_limit');
  expect((await get('/v1/customers')).status).toBe(200);
});

test('a server error is answered once, then normal service resumes', async () => {
  await mock.setFaults([{ kind: 'server-error', times: 1, path: '/v1/customers' }]);
  const failed = await get('/v1/customers');
  expect(failed.status).toBe(500);
  expect(JSON.parse(failed.text).error.type).toBe('api_error');
  expect((await get('/v1/customers')).status).toBe(200);
});

test('a malformed body is cut-off JSON with status 200', async () => {
  await mock.setFaults([{ kind: 'malformed', times: 1 }]);
  const res = await get('/v1/customers');
  expect(res.status).toBe(200);
  expect(() => JSON.parse(res.text)).toThrow();
});

test('a restricted key without a permission gets 403 naming it', async () => {
  await mock.setFaults([{ kind: 'forbidden', times: 1, path: '/v1/customers' }]);
  const res = await get('/v1/customers');
  expect(res.status).toBe(403);
  expect(JSON.parse(res.text).error.message).toContain("'rak_customer_read' permission");
});

test('a page size above 100 is refused', async () => {
  const res = await get('/v1/customers?limit=101');
  expect(res.status).toBe(400);
  expect(JSON.parse(res.text).error.param).toBe('limit');
});

test('every request is logged with the status it got', async () => {
  await get('/v1/customers?limit=5');
  await get('/v1/nothing');
  expect((await mock.requests()).map((r) => [r.url, r.status, r.headers.authorization])).toEqual([
    ['/v1/customers?limit=5', 200, `Bearer ${KEY}`],
    ['/v1/nothing', 404, `Bearer ${KEY}`],
  ]);
});
