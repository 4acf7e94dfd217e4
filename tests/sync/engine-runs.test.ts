import type { Emulator } from '../../playground/emulator/emulator';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { runSyncChunk, type SyncProgress } from '../../src/sync/engine';
import { summarizeConnections } from '../../src/sync/status';
import { SYNC_LOG_HEADER } from '../../src/sync/sync-log';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { body, harness, itemsStream, records, testConnector } from './harness';

interface ApiState {
  items: ReturnType<typeof records>;
}

const handler: MockHandler<ApiState> = (req, state, mock) =>
  req.path === '/items' ? mock.paginate(state.items, req, 'page-number', { defaultSize: 10 }) : undefined;

describe('sync runs across executions', () => {
  let api: MockServer<ApiState>;

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { items: records(95) } });
  });
  afterAll(() => api.close());
  beforeEach(() => api.clearRequests());

  const config = () => ({ token: 'ak_live_SECRET', baseUrl: api.url });

  it('stops cleanly at the time box and continues in the next execution until every record is in, once', async () => {
    // Each request costs a simulated minute: four or five pages fit in a 4.5-minute chunk.
    const h = harness(testConnector([itemsStream()]), config(), { costModel: { urlFetchMs: 60_000 } });
    const chunks = h.syncAll();
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((p) => !p.done && p.stopped === 'deadline')).toBe(true);
    expect(chunks.at(-1)!.done).toBe(true);
    expect(h.emu.executions.every((e) => e.status === 'completed')).toBe(true);
    expect(body(h.tab('acme_items')).map((r) => r[0])).toEqual(records(95).map((r) => r.id));
    expect(await api.requests()).toHaveLength(10);
  });

  it('keeps at most two Sheets writes per stream per chunk', async () => {
    const h = harness(testConnector([itemsStream()]), config(), { costModel: { urlFetchMs: 60_000 } });
    h.syncAll();
    const syncs = h.emu.executions.filter((e) => e.name === 'runSyncChunk');
    for (const e of syncs.slice(0, -1)) expect(e.calls['Range.setValues'] ?? 0).toBeLessThanOrEqual(2);
    // The last chunk also writes the run's Sync log rows (the header of a new log, then one batch).
    expect(syncs.at(-1)!.calls['Range.setValues']).toBeLessThanOrEqual(4);
  });

  it('stops before the daily UrlFetch quota with a clear message, and resumes the next day', async () => {
    // A quota of 503 with 500 kept in reserve leaves three requests for the sync.
    const incremental = itemsStream({
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix' },
    });
    const h = harness(testConnector([incremental]), config());
    const [stopped] = h.syncAll({ urlFetchQuota: 503 });
    expect(stopped).toMatchObject({ done: false, stopped: 'quota' });
    expect(stopped.errors[0]).toMatchObject({
      code: 'urlfetch-quota',
      message: expect.stringContaining('3 of its 503 daily web requests'),
      fix: expect.stringContaining('continues tomorrow'),
    });
    expect(body(h.tab('acme_items'))).toHaveLength(30);
    const [again] = h.syncAll({ urlFetchQuota: 503 });
    expect(again.stopped).toBe('quota');
    const [listed] = h.emu.run((gas) => summarizeConnections(gas, [h.connector], h.emu.clock.now()));
    expect(listed).toMatchObject({ status: 'syncing', rows: 30, lastError: { code: 'urlfetch-quota' } });
    h.emu.clock.advance(24 * 3_600_000);
    const chunks = h.syncAll();
    expect(chunks.at(-1)!.done).toBe(true);
    expect(body(h.tab('acme_items')).map((r) => r[0])).toEqual(records(95).map((r) => r.id));
    // Resumed at page 4: the three pages of the first day were not fetched again.
    expect(await api.requests()).toHaveLength(10);
    const [after] = h.emu.run((gas) => summarizeConnections(gas, [h.connector], h.emu.clock.now()));
    expect(after).toMatchObject({ status: 'healthy', rows: 95 });
    expect(after.lastError).toBeUndefined();
  });

  it('writes one Sync log row per stream per run, with start, end, counts and status', async () => {
    const h = harness(testConnector([itemsStream(), itemsStream({ name: 'more', label: 'More' })]), config());
    h.syncAll();
    const log = h.tab('Sync log')!;
    expect(log[0]).toEqual([...SYNC_LOG_HEADER]);
    expect(log.slice(1).map((r) => r.slice(2, 8))).toEqual([
      ['acme', 'items', 95, 0, 10, 'OK'],
      ['acme', 'more', 95, 0, 10, 'OK'],
    ]);
    const exec = h.emu.executions.find((e) => e.name === 'runSyncChunk')!;
    expect((log[1][0] as Date).getTime()).toBe(exec.startedAt);
    expect((log[1][1] as Date).getTime()).toBeGreaterThan(exec.startedAt);
  });

  it('refuses a second sync of the same connection while one is running, and says so', () => {
    let inner: SyncProgress | undefined;
    let emu: Emulator;
    const synthetic: ConnectorSpec = testConnector([itemsStream()], {
      id: 'synthetic',
      fields: [],
      auth: { type: 'none' },
      generate: () => {
        inner = emu.run((gas, exec) =>
          runSyncChunk(gas, 'acme', {
            startedAt: exec.startedAt,
            clock: () => emu.clock.now(),
            connectors: [synthetic],
          }),
        );
        return records(3);
      },
    });
    const h = harness(synthetic, {});
    emu = h.emu;
    const outer = h.chunk();
    expect(outer.done).toBe(true);
    expect(inner).toMatchObject({
      done: false,
      stopped: 'busy',
      message: expect.stringMatching(/^Acme is already syncing \(started just now by owner@example.com\)\./),
    });
    expect(body(h.tab('acme_items'))).toHaveLength(3);
  });

  it('loads a synthetic connector through the same tabs, merge and Sync log, with no HTTP', async () => {
    const synthetic = testConnector([itemsStream()], {
      id: 'synthetic',
      fields: [],
      auth: { type: 'none' },
      generate: ({ stream }) => (stream === 'items' ? records(12) : []),
    });
    const h = harness(synthetic, {});
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, rowsLoaded: 12, streams: [{ pages: 0 }] });
    expect(body(h.tab('acme_items'))).toHaveLength(12);
    expect(h.emu.executions.at(-1)!.calls['UrlFetchApp.fetch']).toBeUndefined();
    expect(await api.requests()).toHaveLength(0);
  });

  it('keeps the previous data visible while a full refresh is half done, then swaps it in whole', async () => {
    await api.setState({ items: records(95) });
    const h = harness(testConnector([itemsStream()]), config(), { costModel: { urlFetchMs: 60_000 } });
    h.syncAll();
    const sheetId = () =>
      h.emu.run((gas) => gas.SpreadsheetApp.getActive().getSheetByName('acme_items')!.getSheetId());
    const before = sheetId();
    await api.setState({ items: records(95).map((r) => ({ ...r, amount: r.amount + 1 })) });
    const first = h.chunk();
    expect(first.stopped).toBe('deadline');
    expect(body(h.tab('acme_items')).map((r) => r[1])).toEqual(records(95).map((r) => r.amount));
    h.syncAll();
    const tab = h.tab('acme_items')!;
    expect(tab[0]).toEqual(['id', 'amount', 'updated']);
    expect(body(tab).map((r) => [r[0], r[1]])).toEqual(records(95).map((r) => [r.id, r.amount + 1]));
    expect(h.tab('acme_items (loading)')).toBeUndefined();
    // The same sheet, so formulas elsewhere that point at it keep working.
    expect(sheetId()).toBe(before);
  });

  it('replaces a small full-refresh table in place in one write, dropping rows the source no longer has', async () => {
    await api.setState({ items: records(25) });
    const h = harness(testConnector([itemsStream()]), config());
    h.syncAll();
    await api.setState({ items: records(8) });
    h.syncAll();
    expect(body(h.tab('acme_items')).map((r) => r[0])).toEqual(records(8).map((r) => r.id));
    const last = h.emu.executions.filter((e) => e.name === 'runSyncChunk').at(-1)!;
    expect(last.calls['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    await api.setState({ items: records(95) });
  });
});
