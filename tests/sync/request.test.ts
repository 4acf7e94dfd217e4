import type { ConnectorSpec, StreamSpec } from '../../src/connect/connector-spec';
import { TapdashError } from '../../src/shared/errors';
import { httpError, malformedBodyError, vendorDetail } from '../../src/sync/http-errors';
import { redact } from '../../src/sync/redact';
import { buildRequest, type RequestInput } from '../../src/sync/request';
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, paceAfterMs, serverWaitMs } from '../../src/sync/retry';

const stream: StreamSpec = {
  name: 'issues',
  label: 'Issues',
  path: '/projects/{project}/issues',
  params: { state: 'all', scope: '{scope}' },
  records: '',
  primaryKey: ['id'],
  incremental: { cursorField: 'updated_at', param: 'updated_after', format: 'iso' },
  pagination: { type: 'header', nextPageHeader: 'X-Next-Page', param: 'page' },
  columns: [],
};

const connector: ConnectorSpec = {
  id: 'gitlab',
  label: 'GitLab',
  description: '',
  docsUrl: 'https://docs.gitlab.com',
  badge: { initials: 'GL', color: '#fc6d26' },
  fields: [],
  auth: { type: 'header', header: 'PRIVATE-TOKEN', field: 'token' },
  baseUrl: 'https://gitlab.com/api/v4',
  allowedUrls: ['https://gitlab.com/'],
  streams: [stream],
  testStream: 'issues',
};

function input(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    connector,
    stream,
    config: { project: 'acme/web', scope: 'mine', token: 'glpat-SECRET123' },
    call: { params: { page: 2 } },
    base64: (s) => Buffer.from(s).toString('base64'),
    ...overrides,
  };
}

describe('buildRequest', () => {
  it('joins the base URL and the path, filling placeholders from the config (encoded)', () => {
    expect(buildRequest(input()).url).toBe(
      'https://gitlab.com/api/v4/projects/acme%2Fweb/issues?state=all&scope=mine&page=2',
    );
  });

  it('uses the connection baseUrl instead of the connector default (self-hosted, tests)', () => {
    const req = buildRequest(input({ config: { ...input().config, baseUrl: 'http://127.0.0.1:9/api/v4/' } }));
    expect(req.url.startsWith('http://127.0.0.1:9/api/v4/projects/')).toBe(true);
  });

  it('adds the incremental filter parameter when there is a bookmark', () => {
    expect(buildRequest(input({ cursor: '2024-01-01T00:00:00.000Z' })).url).toContain(
      'updated_after=2024-01-01T00%3A00%3A00.000Z',
    );
  });

  it('puts the key in the declared header', () => {
    expect(buildRequest(input()).headers['PRIVATE-TOKEN']).toBe('glpat-SECRET123');
  });

  it('lets a config field name the auth header', () => {
    const c: ConnectorSpec = {
      ...connector,
      auth: { type: 'header', header: 'Authorization', headerField: 'authHeader', field: 'token' },
    };
    const req = buildRequest(input({ connector: c, config: { ...input().config, authHeader: 'X-Api-Key' } }));
    expect(req.headers['X-Api-Key']).toBe('glpat-SECRET123');
  });

  it('sends Basic auth as base64 of user:password', () => {
    const c: ConnectorSpec = {
      ...connector,
      auth: { type: 'basic', usernameField: 'user', passwordField: 'pass' },
    };
    const req = buildRequest(input({ connector: c, config: { ...input().config, user: 'a', pass: 'b' } }));
    expect(req.headers.Authorization).toBe(`Basic ${Buffer.from('a:b').toString('base64')}`);
  });

  it('adds a query-parameter key to a next-page URL only when it is missing', () => {
    const c: ConnectorSpec = { ...connector, auth: { type: 'query', param: 'api_key', field: 'token' } };
    const next = buildRequest(input({ connector: c, call: { url: 'https://gitlab.com/api/v4/x?page=3' } }));
    expect(next.url).toBe('https://gitlab.com/api/v4/x?page=3&api_key=glpat-SECRET123');
    const carried = buildRequest(
      input({ connector: c, call: { url: 'https://gitlab.com/api/v4/x?api_key=k&page=3' } }),
    );
    expect(carried.url).toBe('https://gitlab.com/api/v4/x?api_key=k&page=3');
  });

  it('refuses a next-page URL on another host, so the key never leaves the configured API', () => {
    expect(() => buildRequest(input({ call: { url: 'https://evil.example/steal' } }))).toThrow(
      /another website/,
    );
  });

  it('says which setting is missing when a placeholder has no value', () => {
    expect(() => buildRequest(input({ config: { token: 't', scope: 's' } }))).toThrow(
      /no value for "project"/,
    );
  });

  it('lets a buildBody hook place the incremental cursor itself', () => {
    const post: StreamSpec = {
      ...stream,
      method: 'POST',
      incremental: { cursorField: 'date', param: 'startDate', format: 'date', in: 'body' },
      hooks: { buildBody: (ctx) => ({ dateRanges: [{ startDate: ctx.cursor, endDate: 'today' }] }) },
    };
    const req = buildRequest(input({ stream: post, call: {}, cursor: '2024-05-01' }));
    expect(JSON.parse(req.payload!)).toEqual({ dateRanges: [{ startDate: '2024-05-01', endDate: 'today' }] });
  });

  it('builds a JSON body for POST streams with paging fields merged in', () => {
    const post: StreamSpec = {
      ...stream,
      method: 'POST',
      body: { dimensions: ['date'] },
      incremental: undefined,
    };
    const req = buildRequest(input({ stream: post, call: { body: { offset: 100, limit: 50 } } }));
    expect(JSON.parse(req.payload!)).toEqual({ dimensions: ['date'], offset: 100, limit: 50 });
    expect(req.contentType).toBe('application/json');
  });
});

describe('retry rules', () => {
  it('retries 429 and 5xx, and a 403 that says the rate limit is used up', () => {
    expect(isRetryableStatus(429, {})).toBe(true);
    expect(isRetryableStatus(503, {})).toBe(true);
    expect(isRetryableStatus(403, { 'x-ratelimit-remaining': '0' })).toBe(true);
    expect(isRetryableStatus(403, { 'retry-after': '60', 'x-ratelimit-remaining': '4000' })).toBe(true);
  });

  it.each([400, 401, 403, 404, 422, 501])('never retries %i', (status) => {
    expect(isRetryableStatus(status, {})).toBe(false);
  });

  it('waits as long as Retry-After says, in seconds or as a date', () => {
    expect(serverWaitMs({ 'retry-after': '3' }, 0)).toBe(3000);
    expect(serverWaitMs({ 'retry-after': 'Thu, 01 Jan 1970 00:00:10 GMT' }, 4000)).toBe(6000);
  });

  it('waits until the rate-limit window resets when none remain', () => {
    expect(
      serverWaitMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000060' }, 1_700_000_000_000),
    ).toBe(60_000);
  });

  it('backs off exponentially, with jitter, up to a ceiling', () => {
    const at = (attempt: number, r: number) => backoffMs(attempt, DEFAULT_RETRY, () => r);
    expect([at(1, 0), at(1, 1), at(3, 1), at(20, 1)]).toEqual([500, 1000, 4000, 60_000]);
  });

  it('slows down before a Shopify-style bucket overflows', () => {
    expect(
      paceAfterMs({ 'x-shopify-shop-api-call-limit': '39/40' }, 0, {
        bucketHeader: 'X-Shopify-Shop-Api-Call-Limit',
      }),
    ).toBe(1000);
    expect(
      paceAfterMs({ 'x-shopify-shop-api-call-limit': '3/40' }, 0, {
        bucketHeader: 'X-Shopify-Shop-Api-Call-Limit',
      }),
    ).toBe(0);
  });
});

describe('HTTP errors', () => {
  const ctx = {
    connector: {
      label: 'Stripe',
      auth: connector.auth,
      errorHints: {
        '401': 'Open Connections and paste a secret or restricted key that starts with sk_ or rk_.',
      },
    },
    where: 'stripe_charges',
    secrets: ['sk_test_SECRET'],
  };

  it("turns a 401 into the connector's advice, never retried", () => {
    const err = httpError(401, { error: { message: 'Invalid API Key provided: sk_test_SECRET' } }, ctx);
    expect(err).toBeInstanceOf(TapdashError);
    expect(err.toInfo()).toEqual({
      code: 'auth-rejected',
      message: 'Stripe rejected the API key (401). It said: "Invalid API Key provided: ••••"',
      fix: 'Open Connections and paste a secret or restricted key that starts with sk_ or rk_.',
      where: 'stripe_charges',
    });
  });

  it('speaks of the Google sign-in, not an API key, for Google APIs', () => {
    const google = {
      ...ctx,
      connector: {
        ...ctx.connector,
        label: 'Google Analytics',
        auth: { type: 'google' as const },
        errorHints: {},
      },
    };
    expect(httpError(401, undefined, google).message).toBe(
      'Google Analytics rejected your Google sign-in (401).',
    );
  });

  it('says what a 404 means and how to fix it', () => {
    expect(httpError(404, undefined, ctx).toInfo()).toMatchObject({
      code: 'not-found',
      fix: expect.stringMatching(/settings/),
    });
  });

  it('names a body that is not JSON as such, showing its start', () => {
    const err = malformedBodyError('<!DOCTYPE html><html>Login</html>', 'text/html; charset=utf-8', ctx);
    expect(err.message).toMatch(/not JSON \(text\/html\)\. It starts with "<!DOCTYPE html>/);
  });

  it('finds the vendor message in the usual places', () => {
    expect(vendorDetail({ errors: [{ message: 'Bad field' }] }, [])).toBe('Bad field');
    expect(vendorDetail({ message: 'Not Found' }, [])).toBe('Not Found');
  });

  it("reads Shopify's errors string, and keeps the token out of it", () => {
    const body = { errors: '[API] Invalid API key or access token shpat_SECRET (unrecognized login)' };
    expect(vendorDetail(body, ['shpat_SECRET'])).toBe(
      '[API] Invalid API key or access token •••• (unrecognized login)',
    );
  });
});

describe('redact', () => {
  it('masks a secret as typed and URL-encoded', () => {
    expect(redact('token a/b+c here', ['a/b+c'])).toBe('token •••• here');
    expect(redact(`?k=${encodeURIComponent('s3cr/t')}`, ['s3cr/t'])).toBe('?k=••••');
  });
});
