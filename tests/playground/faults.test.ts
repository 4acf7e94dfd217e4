/**
 * The fault queue every vendor mock shares (playground/mock-apis/faults.ts): which queued fault
 * a request takes, and how a vendor's style dresses the answer.
 */
import { type Fault, type FaultStyle, faultResponse, takeFault } from '../../playground/mock-apis/faults';
import type { MockResponse } from '../../playground/mock-apis/mock-server';

const style: FaultStyle<Fault> = {
  answer: (status, body, headers): MockResponse => ({
    status,
    headers: { 'content-type': 'application/json', 'x-vendor': 'yes', ...headers },
    body,
  }),
  rateLimit: {
    body: (f) => ({ error: `slow down for ${f.retryAfter}s` }),
    headers: () => ({ 'x-limit': '0' }),
  },
  serverErrorBody: () => ({ error: 'oops' }),
  cutOff: '{"items":[{"id":1,"na',
  contentType: 'application/json; charset=utf-8',
};

describe('takeFault', () => {
  it('takes the first fault whose path the request path contains', () => {
    const state: { faults: Fault[] } = {
      faults: [
        { path: '/orders', kind: 'malformed' },
        { path: '/customers', kind: 'server-error' },
        { path: '/customers', kind: 'malformed' },
      ],
    };
    expect(takeFault(state, '/admin/api/2026-10/customers.json')?.kind).toBe('server-error');
    expect(state.faults.map((f) => [f.path, f.kind])).toEqual([
      ['/orders', 'malformed'],
      ['/customers', 'malformed'],
    ]);
  });

  it('answers `times` matching requests, then leaves the queue', () => {
    const state: { faults: Fault[] } = { faults: [{ path: '/deals', kind: 'server-error', times: 2 }] };
    expect(takeFault(state, '/crm/v3/objects/deals/search')).toBeDefined();
    expect(takeFault(state, '/crm/v3/objects/deals/search')).toBeDefined();
    expect(takeFault(state, '/crm/v3/objects/deals/search')).toBeUndefined();
    expect(state.faults).toEqual([]);
  });

  it('leaves the queue alone for a request no fault matches', () => {
    const state: { faults: Fault[] } = { faults: [{ path: '/issues', kind: 'malformed' }] };
    expect(takeFault(state, '/merge_requests')).toBeUndefined();
    expect(state.faults).toHaveLength(1);
  });
});

describe('faultResponse', () => {
  it('answers a rate limit with 429, Retry-After as queued, and the vendor body and headers', () => {
    const r = faultResponse({ path: '/', kind: 'rate-limit', retryAfter: 3 }, style);
    expect(r).toEqual({
      status: 429,
      headers: { 'content-type': 'application/json', 'x-vendor': 'yes', 'retry-after': '3', 'x-limit': '0' },
      body: { error: 'slow down for 3s' },
    });
  });

  it('keeps a Retry-After the vendor writes as text exactly as queued', () => {
    const shopifyLike = style as unknown as FaultStyle<Fault<{ retryAfter: string }>>;
    const r = faultResponse({ path: '/', kind: 'rate-limit', retryAfter: '2.0' }, shopifyLike);
    expect(r.headers?.['retry-after']).toBe('2.0');
  });

  it('answers a server error with the queued status (500 by default) in the vendor words', () => {
    expect(faultResponse({ path: '/', kind: 'server-error', status: 503 }, style)).toMatchObject({
      status: 503,
      body: { error: 'oops' },
    });
    expect(faultResponse({ path: '/', kind: 'server-error' }, style).status).toBe(500);
  });

  it('answers a malformed fault with a 200 whose body is cut off and is not JSON', () => {
    const r = faultResponse({ path: '/', kind: 'malformed' }, style);
    expect(r).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"items":[{"id":1,"na',
    });
    expect(() => JSON.parse(String(r.body))).toThrow();
  });

  it('refuses a rate-limit fault on a vendor whose limits are its own kinds', () => {
    const { rateLimit: _none, ...withoutRateLimit } = style;
    expect(() => faultResponse({ path: '/', kind: 'rate-limit', retryAfter: 1 }, withoutRateLimit)).toThrow(
      /own kind/,
    );
  });
});
