import type { PaginationSpec } from '../../src/connect/connector-spec';
import type { PaginationStyle } from '../support/mock-server';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { body, harness, itemsStream, records, testConnector } from './harness';

interface ApiState {
  token: string;
  items: ReturnType<typeof records>;
  style: PaginationStyle;
  withTotal?: boolean;
  /** Failures to serve before the real answer: status (and Retry-After), or a broken body. */
  faults: Array<{ status?: number; retryAfter?: string; malformed?: boolean }>;
  /** Say on the next answer that no request remains in the window, which resets in 5 seconds. */
  exhaust?: boolean;
}

/** One list endpoint paging in the style the state names, with bearer auth and queued faults. */
const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.headers.authorization !== `Bearer ${state.token}`)
    return {
      status: 401,
      body: { error: { message: `Invalid API Key provided: ${String(req.headers.authorization).slice(7)}` } },
    };
  const fault = state.faults.shift();
  if (fault?.malformed)
    return { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>Maintenance</html>' };
  if (fault?.status)
    return {
      status: fault.status,
      headers: { 'Retry-After': fault.retryAfter },
      body: { error: 'try later' },
    };
  if (req.path !== '/items') return undefined;
  const since = Number(req.query.updated_since ?? 0);
  const items = state.items.filter((r) => r.updated >= since);
  const res = mock.paginate(items, req, state.style, {
    withTotal: state.withTotal,
    sizeParam: 'per_page',
    defaultSize: 10,
  });
  if (!state.exhaust) return res;
  state.exhaust = false;
  return { ...res, headers: { ...res.headers, 'X-Left': '0', 'X-Reset-In': '5' } };
};

const PAGINATIONS: Array<[PaginationStyle, PaginationSpec, boolean?]> = [
  ['page-number', { type: 'page-number', param: 'page', pageSize: { param: 'per_page', value: 10 } }],
  [
    'page-number',
    {
      type: 'page-number',
      param: 'page',
      pageSize: { param: 'per_page', value: 10 },
      totalRecordsPath: 'total_count',
    },
    true,
  ],
  [
    'offset',
    { type: 'offset', offsetParam: 'offset', limitParam: 'limit', limit: 10, totalRecordsPath: 'total' },
    true,
  ],
  ['offset', { type: 'offset', offsetParam: 'offset', limitParam: 'limit', limit: 10 }],
  [
    'cursor',
    { type: 'cursor', tokenPath: 'next_cursor', param: 'after', pageSize: { param: 'per_page', value: 10 } },
  ],
  [
    'last-id',
    {
      type: 'last-id',
      param: 'starting_after',
      hasMorePath: 'has_more',
      idField: 'id',
      pageSize: { param: 'per_page', value: 10 },
    },
  ],
  ['next-url', { type: 'next-url', nextUrlPath: 'next' }],
  ['link-header', { type: 'link-header', pageSize: { param: 'per_page', value: 10 } }],
  [
    'header',
    {
      type: 'header',
      nextPageHeader: 'X-Next-Page',
      param: 'page',
      pageSize: { param: 'per_page', value: 10 },
    },
  ],
  [
    'header',
    {
      type: 'header',
      nextPageHeader: 'X-Next-Page',
      param: 'page',
      totalPagesHeader: 'X-Total-Pages',
      pageSize: { param: 'per_page', value: 10 },
    },
    true,
  ],
];

describe('sync engine over HTTP', () => {
  let api: MockServer<ApiState>;

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler });
  });
  afterAll(() => api.close());

  async function serve(state: Partial<ApiState>): Promise<void> {
    await api.setState({
      token: 'ak_live_SECRET',
      items: records(25),
      style: 'page-number',
      faults: [],
      ...state,
    });
    await api.clearRequests();
  }

  const config = () => ({ token: 'ak_live_SECRET', baseUrl: api.url });

  it.each(
    PAGINATIONS.map(
      ([style, spec, total]) => [`${style}${total ? ' with a total' : ''}`, style, spec, total] as const,
    ),
  )(
    'loads every record of a multi-page list exactly once (%s), one request per page',
    async (_name, style, pagination, withTotal) => {
      await serve({ style, withTotal });
      const h = harness(testConnector([itemsStream({ pagination })]), config());
      const [progress] = h.syncAll();
      expect(progress).toMatchObject({ done: true, errors: [], rowsLoaded: 25 });
      const tab = h.tab('acme_items')!;
      expect(tab[0]).toEqual(['id', 'amount', 'updated']);
      expect(body(tab).map((r) => r[0])).toEqual(records(25).map((r) => r.id));
      const pages = (await api.requests()).length;
      expect(pages).toBeLessThanOrEqual(4); // 3 pages, plus one empty page when the API gives no total
      expect(progress.streams[0].pages).toBe(pages);
    },
  );

  it('fetches the remaining pages in parallel with fetchAll when the total is known', async () => {
    await serve({ style: 'page-number', withTotal: true, items: records(95) });
    const spec: PaginationSpec = {
      type: 'page-number',
      param: 'page',
      pageSize: { param: 'per_page', value: 10 },
      totalRecordsPath: 'total_count',
    };
    const h = harness(testConnector([itemsStream({ pagination: spec })]), config());
    h.syncAll();
    const calls = h.emu.executions.at(-1)!.calls;
    // The first page tells the total; the other 9 go 8 at once, then the last one alone.
    expect(calls['UrlFetchApp.fetchAll']).toBe(1);
    expect(calls['UrlFetchApp.fetch']).toBe(2);
    expect(body(h.tab('acme_items'))).toHaveLength(95);
  });

  it('stops on a 401 with the connector advice, keeping every row already loaded and the bookmark', async () => {
    await serve({});
    const h = harness(testConnector([itemsStream()]), config());
    h.syncAll();
    const before = h.tab('acme_items');
    await serve({ token: 'ak_live_ROTATED' });
    const [progress] = h.syncAll();
    expect(progress.done).toBe(true);
    expect(progress.errors).toEqual([
      {
        code: 'auth-rejected',
        message: 'Acme rejected the API key (401). It said: "Invalid API Key provided: ••••"',
        fix: 'Open Connections and paste a key that starts with ak_.',
        where: 'acme_items',
      },
    ]);
    expect(h.tab('acme_items')).toEqual(before);
    expect(await api.requests()).toHaveLength(1);
    const log = h.tab('Sync log')!;
    expect(log.at(-1)!.slice(2, 8)).toEqual(['acme', 'items', 0, 0, 0, 'Failed']);
    expect(JSON.stringify(log)).not.toContain('ak_live_SECRET');
  });

  it('waits as long as a 429 Retry-After asks, then succeeds', async () => {
    await serve({ faults: [{ status: 429, retryAfter: '7' }] });
    const h = harness(testConnector([itemsStream()]), config());
    const [progress] = h.syncAll();
    expect(progress).toMatchObject({ done: true, errors: [], rowsLoaded: 25 });
    const exec = h.emu.executions.at(-1)!;
    expect(exec.calls['Utilities.sleep']).toBe(1);
    expect(exec.durationMs).toBeGreaterThanOrEqual(7_000);
  });

  it('waits for the rate-limit window to reset before the next request when none remain', async () => {
    await serve({ exhaust: true });
    const stream = itemsStream({
      rateLimit: { remainingHeader: 'X-Left', resetHeader: 'X-Reset-In', resetFormat: 'seconds' },
    });
    const h = harness(testConnector([stream]), config());
    const [progress] = h.syncAll();
    expect(progress).toMatchObject({ done: true, errors: [], rowsLoaded: 25 });
    const exec = h.emu.executions.at(-1)!;
    expect(exec.calls['Utilities.sleep']).toBe(1);
    expect(exec.durationMs).toBeGreaterThanOrEqual(5_000);
    expect(await api.requests()).toHaveLength(3);
  });

  it('retries a 500 and succeeds', async () => {
    await serve({ faults: [{ status: 500 }] });
    const h = harness(testConnector([itemsStream()]), config());
    const [progress] = h.syncAll();
    expect(progress).toMatchObject({ done: true, errors: [] });
    expect(body(h.tab('acme_items'))).toHaveLength(25);
    expect(await api.requests()).toHaveLength(4); // the 500, then 3 pages
  });

  it('gives up on a server that keeps failing after a bounded number of tries, saying so', async () => {
    await serve({ faults: Array.from({ length: 10 }, () => ({ status: 503 })) });
    const h = harness(testConnector([itemsStream()]), config());
    const [progress] = h.syncAll();
    expect(progress.errors[0]).toMatchObject({
      code: 'vendor-error',
      message: expect.stringMatching(/\(503\).*after 5 tries/),
    });
    expect(await api.requests()).toHaveLength(5);
  });

  it('retries an unreachable server with backoff, then says it could not reach it', () => {
    const h = harness(testConnector([itemsStream()]), {
      token: 'ak_live_SECRET',
      baseUrl: 'http://127.0.0.1:9',
    });
    const [progress] = h.syncAll();
    expect(progress.errors[0]).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/^Tapdash could not reach Acme for acme_items after 5 tries/),
    });
    const exec = h.emu.executions.at(-1)!;
    expect(exec.calls['UrlFetchApp.fetch']).toBe(5);
    expect(exec.calls['Utilities.sleep']).toBe(4);
  });

  it('reports a body that is not JSON as a clear error', async () => {
    await serve({ faults: [{ malformed: true }] });
    const h = harness(testConnector([itemsStream()]), config());
    const [progress] = h.syncAll();
    expect(progress.errors[0]).toMatchObject({
      code: 'bad-response',
      message:
        'Acme sent a reply Tapdash could not read for acme_items: it is not JSON (text/html). It starts with "<html>Maintenance</html>".',
    });
  });

  it('upserts an incremental stream: a changed record replaces its row, a new one is added, from the bookmark minus lookback', async () => {
    await serve({});
    const stream = itemsStream({
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix', lookbackSeconds: 600 },
    });
    const h = harness(testConnector([stream]), config());
    h.syncAll();
    const items = records(25);
    const lastUpdate = items[24].updated;
    h.emu.clock.advance(3_600_000);
    items[3] = { ...items[3], amount: 999, updated: lastUpdate + 60 };
    items.push({ id: 'it-026', amount: 2600, updated: lastUpdate + 120 });
    await serve({ items });
    const [progress] = h.syncAll();
    expect(progress).toMatchObject({ done: true, streams: [{ rowsAdded: 1, rowsUpdated: 1 }] });
    const [first] = await api.requests();
    expect(first.query.updated_since).toBe(String(lastUpdate - 600));
    const rows = body(h.tab('acme_items'));
    expect(rows).toHaveLength(26);
    expect(rows[3]).toEqual(['it-004', 999, new Date((lastUpdate + 60) * 1000).toISOString()]);
    expect(rows[25][0]).toBe('it-026');
  });

  it('loads the whole history again when the tab of an incremental stream was deleted', async () => {
    await serve({});
    const stream = itemsStream({
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix' },
    });
    const h = harness(testConnector([stream]), config());
    h.syncAll();
    h.emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      ss.deleteSheet(ss.getSheetByName('acme_items')!);
    });
    await api.clearRequests();
    h.syncAll();
    expect((await api.requests())[0].query.updated_since).toBeUndefined();
    expect(body(h.tab('acme_items'))).toHaveLength(25);
  });

  it('adds a new field as a column at the end and keeps the column of a field that disappears', async () => {
    const withNote = records(3).map((r) => ({ ...r, note: 'first' }));
    await serve({ items: withNote as never });
    const h = harness(testConnector([itemsStream()]), config());
    h.syncAll();
    expect(h.tab('acme_items')![0]).toEqual(['id', 'amount', 'updated', 'note']);
    const withTier = records(3).map((r) => ({ ...r, customer: { tier: 'gold' } }));
    await serve({ items: withTier as never });
    h.syncAll();
    const tab = h.tab('acme_items')!;
    expect(tab[0]).toEqual(['id', 'amount', 'updated', 'note', 'customer.tier']);
    expect(tab[1].slice(3)).toEqual(['', 'gold']);
  });
});
