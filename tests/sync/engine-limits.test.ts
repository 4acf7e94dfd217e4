import { saveConnection } from '../../src/connect/connection-store';
import { SyncStateStore } from '../../src/sync/state';
import { syncConnections } from '../../src/sync/sync-all';
import { appendSyncLog, SYNC_LOG_MAX_RUNS, type SyncLogRow } from '../../src/sync/sync-log';
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
    { defaultSize: 10 },
  );
};

describe('sync engine limits', () => {
  let api: MockServer<ApiState>;

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { items: records(5) } });
  });
  afterAll(() => api.close());

  const config = () => ({ token: 'ak_live_SECRET', baseUrl: api.url });
  const incremental = () =>
    itemsStream({
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix', lookbackSeconds: 60 },
    });

  it('never moves the bookmark past the start of the run, even for records stamped later', async () => {
    const h = harness(testConnector([incremental()]), config());
    const start = Math.floor(h.emu.clock.now() / 1000);
    await api.setState({ items: [...records(3), { id: 'future', amount: 1, updated: start + 3_600 }] });
    h.syncAll();
    const bookmark = h.emu.run((gas) => new SyncStateStore(gas).readStream('acme', 'items').bookmark);
    expect(bookmark).toBeLessThanOrEqual(h.emu.executions.find((e) => e.name === 'runSyncChunk')!.startedAt);
    await api.clearRequests();
    h.syncAll();
    const [request] = await api.requests();
    expect(Number(request.query.updated_since)).toBeLessThanOrEqual(start);
    expect(body(h.tab('acme_items')).map((r) => r[0])).toEqual(['it-001', 'it-002', 'it-003', 'future']);
  });

  it('refuses to grow the spreadsheet past 10 million cells, saying what to do', async () => {
    await api.setState({ items: records(5) });
    const h = harness(testConnector([itemsStream()]), config());
    h.emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      const big = ss.insertSheet('Big');
      const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
      // Leave room for less than one new tab (1,000 × 26 cells).
      const rows = Math.floor((10_000_000 - used - 10_000) / big.getMaxColumns());
      big.insertRowsAfter(big.getMaxRows(), rows);
    });
    const [p] = h.syncAll();
    expect(p.done).toBe(true);
    expect(p.errors[0]).toMatchObject({
      code: 'spreadsheet-full',
      message: expect.stringMatching(
        /^This spreadsheet is nearly full: Google Sheets allows 10 million cells/,
      ),
      fix: expect.stringContaining('Delete tabs'),
    });
  });

  it(`keeps the last ${SYNC_LOG_MAX_RUNS} runs in the Sync log`, () => {
    const h = harness(testConnector([itemsStream()]), config());
    const row = (i: number, stream: string): SyncLogRow => ({
      startedAt: Date.UTC(2024, 0, 1) + i * 60_000,
      endedAt: Date.UTC(2024, 0, 1) + i * 60_000 + 1000,
      connection: 'acme',
      stream,
      added: i,
      updated: 0,
      pages: 1,
      status: 'OK',
      message: '',
      fix: '',
    });
    for (let batch = 0; batch < SYNC_LOG_MAX_RUNS + 60; batch += 100) {
      h.emu.run((gas) => {
        const ss = gas.SpreadsheetApp.getActive();
        for (let i = batch; i < Math.min(batch + 100, SYNC_LOG_MAX_RUNS + 60); i++)
          appendSyncLog(ss, [row(i, 'a'), row(i, 'b')]);
      });
    }
    const log = h.tab('Sync log')!;
    const runs = new Set(log.slice(1).map((r) => (r[0] as Date).getTime()));
    expect(runs.size).toBeLessThanOrEqual(SYNC_LOG_MAX_RUNS + 50);
    expect(runs.size).toBeGreaterThanOrEqual(SYNC_LOG_MAX_RUNS);
    expect(log.at(-1)!.slice(2, 5)).toEqual(['acme', 'b', SYNC_LOG_MAX_RUNS + 59]);
    expect(log.slice(1).every((r, i, rows) => i % 2 === 1 || (r[3] === 'a' && rows[i + 1][3] === 'b'))).toBe(
      true,
    );
  });

  it('syncs every connection that is not paused in one scheduled run, one failure not stopping the others', async () => {
    await api.setState({ items: records(5) });
    const connector = testConnector([itemsStream()]);
    const h = harness(connector, config());
    h.emu.run((gas) => {
      saveConnection(
        gas,
        { id: 'broken', connector: 'acme', config: { token: 'x', baseUrl: `${api.url}/nothing-here` } },
        connector,
      );
      saveConnection(gas, { id: 'resting', connector: 'acme', config: config(), paused: true }, connector);
    });
    const outcomes = h.emu.run((gas, exec) =>
      syncConnections(gas, {
        startedAt: exec.startedAt,
        clock: () => h.emu.clock.now(),
        connectors: [connector],
      }),
    );
    expect(outcomes.map((o) => [o.connection, o.ok, o.done, o.code])).toEqual([
      ['acme', true, true, undefined],
      ['broken', false, true, 'not-found'],
    ]);
  });
});
