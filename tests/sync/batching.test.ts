import type { PaginationSpec } from '../../src/connect/connector-spec';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { body, harness, itemsStream, records, testConnector } from './harness';

interface ApiState {
  items: ReturnType<typeof records>;
}

const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.path !== '/items') return undefined;
  const since = Number(req.query.updated_since ?? 0);
  return mock.paginate(
    state.items.filter((r) => r.updated >= since),
    req,
    'page-number',
    { defaultSize: 100, withTotal: true },
  );
};

const pagination: PaginationSpec = {
  type: 'page-number',
  param: 'page',
  pageSize: { param: 'per_page', value: 100 },
  totalRecordsPath: 'total_count',
};

describe('batching at scale', () => {
  let api: MockServer<ApiState>;
  const source = records(10_000);

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { items: source } });
  });
  afterAll(() => api.close());

  it('loads 10,000 records and then upserts scattered changes with batched reads and writes only', async () => {
    const stream = itemsStream({
      pagination,
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix' },
    });
    const h = harness(testConnector([stream]), { token: 't', baseUrl: api.url });
    const first = h.syncAll();
    const firstExecs = h.emu.executions.filter((e) => e.name === 'runSyncChunk');
    expect(first.at(-1)!.done).toBe(true);
    expect(body(h.tab('acme_items'))).toHaveLength(10_000);

    const changed = source.map((r, i) =>
      i % 97 === 0 ? { ...r, amount: -r.amount, updated: r.updated + 86_400 } : r,
    );
    changed.push(...records(100, 10_001).map((r) => ({ ...r, updated: r.updated + 86_400 })));
    await api.setState({ items: changed });
    h.emu.clock.advance(2 * 86_400_000);
    const second = h.syncAll();
    const secondExecs = h.emu.executions.filter((e) => e.name === 'runSyncChunk').slice(firstExecs.length);
    expect(second.at(-1)!.streams[0]).toMatchObject({ rowsAdded: 100, rowsUpdated: 104 });
    expect(body(h.tab('acme_items'))).toHaveLength(10_100);

    // Two data writes (one per 5,000-record flush) and the Sync log's header and rows.
    for (const e of [...firstExecs, ...secondExecs])
      expect(e.calls['Range.setValues']).toBeLessThanOrEqual(4);
    // 100 pages: the first alone, the other 99 by fetchAll, 8 at a time.
    expect(firstExecs.map((e) => [e.calls['UrlFetchApp.fetch'], e.calls['UrlFetchApp.fetchAll']])).toEqual([
      [1, 13],
    ]);
    // Reads: the header, the key column once, the span of changed rows per flush, the log's tail.
    for (const e of secondExecs) expect(e.calls['Range.getValues']).toBeLessThanOrEqual(5);
  });
});
