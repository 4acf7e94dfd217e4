import type { StreamSpec } from '../../src/connect/connector-spec';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { harness, itemsStream, records, testConnector } from './harness';

/**
 * An API that answers at most `cap` records per query and refuses to page further (HubSpot's
 * search: 10,000): with `maxRecordsPerQuery` the engine starts a new query from the newest cursor
 * it has written instead of asking for the refused page.
 */

interface ApiState {
  items: ReturnType<typeof records>;
  cap: number;
}

// Records changed at or after `since` (unix seconds), oldest first, `after` an offset token.
const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.path !== '/items') return undefined;
  const after = Number(req.query.after ?? 0);
  const size = Number(req.query.limit ?? 10);
  if (after + size > state.cap) return mock.json({ message: `No paging past ${state.cap}` }, { status: 400 });
  const since = req.query.since === undefined ? 0 : Number(req.query.since);
  const matched = state.items.filter((r) => r.updated >= since).sort((a, b) => a.updated - b.updated);
  const page = matched.slice(after, after + size);
  const next = after + size < matched.length ? { after: String(after + size) } : undefined;
  return mock.json({ data: page, next });
};

const stream = (cap?: number): StreamSpec =>
  itemsStream({
    pagination: {
      type: 'cursor',
      tokenPath: 'next.after',
      param: 'after',
      pageSize: { param: 'limit', value: 10 },
    },
    incremental: {
      cursorField: 'updated',
      param: 'since',
      format: 'unix',
      order: 'asc',
      maxRecordsPerQuery: cap,
    },
  });

describe('an API that caps the records of one query', () => {
  let api: MockServer<ApiState>;
  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { items: records(75), cap: 30 } });
  });
  afterAll(() => api.close());
  beforeEach(() => api.clearRequests());

  const config = () => ({ token: 'ak_live_SECRET', baseUrl: api.url });

  it('fails on the refused page when the stream does not declare the cap', () => {
    const h = harness(testConnector([stream()]), config());
    const [progress] = h.syncAll();
    expect(progress.errors[0]?.message).toContain('No paging past 30');
  });

  it('starts a new query from the newest cursor written, and every record lands once', async () => {
    const h = harness(testConnector([stream(30)]), config());
    const chunks = h.syncAll();
    expect(chunks.at(-1)?.errors).toEqual([]);
    const ids = (h.tab('acme_items') ?? []).slice(1).map((r) => r[0]);
    expect(ids).toEqual(records(75).map((r) => r.id));
    // Queries of 30: from the start (records 1–30), from record 30 (30–59), from 59 (59–75).
    const calls = (await api.requests()).map((r) => [r.query.since ?? '-', r.query.after ?? '0']);
    const t = (n: number) => String(records(1, n)[0].updated);
    expect(calls).toEqual([
      ['-', '0'],
      ['-', '10'],
      ['-', '20'],
      [t(30), '0'],
      [t(30), '10'],
      [t(30), '20'],
      [t(59), '0'],
      [t(59), '10'],
    ]);
  });
});
