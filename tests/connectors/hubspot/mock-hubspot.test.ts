import { archive, contactJson, salesPipeline } from '../../../playground/mock-apis/hubspot/hubspot-shapes';
import hubspotHandler, {
  type HubspotMockState,
  hubspotState,
  type MockRequest,
} from '../../../playground/mock-apis/hubspot/mock-hubspot';

/** The mock must speak HubSpot's documented protocol, or the connector tests prove nothing. */

function state(): HubspotMockState {
  return hubspotState({
    objects: {
      contacts: Array.from({ length: 5 }, (_, i) =>
        contactJson({
          id: 10 + i,
          email: `c${i}@example.com`,
          created: '2024-01-01',
          modified: `2024-01-0${5 - i}T10:00`,
        }),
      ),
      companies: [],
      deals: [],
    },
    pipelines: [salesPipeline()],
  });
}

function request(
  s: HubspotMockState,
  path: string,
  body?: unknown,
  token = s.token,
  query: Record<string, string> = {},
): MockRequest {
  return {
    method: body === undefined ? 'GET' : 'POST',
    url: path,
    path,
    query,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

const search = (s: HubspotMockState, body: unknown) =>
  hubspotHandler(request(s, '/crm/v3/objects/contacts/search', body), s);

const ids = (body: unknown) => (body as { results: Array<{ id: string }> }).results.map((r) => r.id);

describe('HubSpot mock API', () => {
  it('answers a wrong token with 401 INVALID_AUTHENTICATION', () => {
    const s = state();
    const res = hubspotHandler(request(s, '/crm/v3/pipelines/deals', undefined, 'pat-na1-wrong'), s);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ category: 'INVALID_AUTHENTICATION', status: 'error' });
  });

  it('pages a search with after, reporting the total and the next after', () => {
    const s = state();
    const first = search(s, { limit: 2 });
    expect(first.body).toMatchObject({ total: 5, paging: { next: { after: '2' } } });
    const last = search(s, { limit: 2, after: '4' });
    expect(ids(last.body)).toEqual(['14']);
    expect((last.body as { paging?: unknown }).paging).toBeUndefined();
  });

  it('filters by a date property given in epoch milliseconds and sorts by it', () => {
    const s = state();
    const res = search(s, {
      filterGroups: [
        {
          filters: [
            { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(Date.UTC(2024, 0, 3, 10)) },
          ],
        },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      limit: 10,
    });
    // Contact 10 + i changed on Jan 5 - i: 12 on Jan 3, 11 on Jan 4, 10 on Jan 5.
    expect(ids(res.body)).toEqual(['12', '11', '10']);
  });

  it('returns the requested properties plus the ones HubSpot always adds', () => {
    const s = state();
    const res = search(s, { properties: ['email'], limit: 1 });
    const [record] = (res.body as { results: Array<{ properties: Record<string, unknown> }> }).results;
    expect(Object.keys(record.properties).sort()).toEqual([
      'createdate',
      'email',
      'hs_object_id',
      'lastmodifieddate',
    ]);
  });

  it('refuses to page past 10,000 results with a 400', () => {
    const s = state();
    expect(search(s, { limit: 100, after: '9900' }).status).toBe(200);
    const res = search(s, { limit: 100, after: '10000' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ category: 'VALIDATION_ERROR' });
  });

  describe('the list endpoint', () => {
    /** Contacts 12 and 14 deleted. */
    function withDeleted(): HubspotMockState {
      const s = state();
      archive(s.objects.contacts[2], '2024-02-01T09:00');
      archive(s.objects.contacts[4], '2024-02-02T09:00');
      return s;
    }
    const list = (s: HubspotMockState, query: Record<string, string>) =>
      hubspotHandler(request(s, '/crm/v3/objects/contacts', undefined, s.token, query), s);

    it('lists only deleted records with archived=true, each with archivedAt', () => {
      const res = list(withDeleted(), { archived: 'true', limit: '100' });
      expect(res.status).toBe(200);
      expect((res.body as { results: unknown[] }).results).toEqual([
        expect.objectContaining({ id: '12', archived: true, archivedAt: '2024-02-01T09:00:00.000Z' }),
        expect.objectContaining({ id: '14', archived: true, archivedAt: '2024-02-02T09:00:00.000Z' }),
      ]);
    });

    it('lists live records only without archived=true', () => {
      expect(ids(list(withDeleted(), { limit: '100' }).body)).toEqual(['10', '11', '13']);
    });

    it('pages by id with the after cursor from paging.next.after', () => {
      const s = withDeleted();
      const first = list(s, { limit: '2' });
      expect(ids(first.body)).toEqual(['10', '11']);
      const after = (first.body as { paging: { next: { after: string } } }).paging.next.after;
      const last = list(s, { limit: '2', after });
      expect(ids(last.body)).toEqual(['13']);
      expect((last.body as { paging?: unknown }).paging).toBeUndefined();
    });

    it('refuses a page size over 100 and sends the rolling-window headers', () => {
      const s = withDeleted();
      expect(list(s, { limit: '101' }).status).toBe(400);
      expect(list(s, { limit: '100' }).headers).toMatchObject({ 'x-hubspot-ratelimit-remaining': '98' });
    });
  });

  it('refuses a page size over 200', () => {
    expect(search(state(), { limit: 201 }).status).toBe(400);
  });

  it('lists deal pipelines with their stages and the rolling-window rate-limit headers', () => {
    const s = state();
    const res = hubspotHandler(request(s, '/crm/v3/pipelines/deals'), s);
    expect((res.body as { results: Array<{ stages: unknown[] }> }).results[0].stages).toHaveLength(7);
    expect(res.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-remaining': '99',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    });
  });

  it('answers 403 MISSING_SCOPES naming the scope when the app lacks one', () => {
    const s = state();
    s.scopes = ['contacts'];
    const res = hubspotHandler(request(s, '/crm/v3/objects/deals/search', {}), s);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).toContain('crm.objects.deals.read');
  });

  it('plays a queued 429 with Retry-After and policyName once, then answers normally', () => {
    const s = state();
    s.faults = [{ path: '/contacts/search', kind: 'rate-limit', retryAfter: 3 }];
    const limited = search(s, {});
    expect(limited.status).toBe(429);
    expect(limited.headers).toMatchObject({ 'retry-after': '3' });
    expect(limited.body).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(search(s, {}).status).toBe(200);
  });
});
