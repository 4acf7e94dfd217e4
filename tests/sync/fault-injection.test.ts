import type { Emulator } from '../../playground/emulator/emulator';
import { LEASE_MS } from '../../src/sync/connection-lease';
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

/**
 * From the Nth emulated service call on, every call of the execution throws, as when Apps
 * Script kills an execution (deadline, quota, lost connection): nothing after the fault runs.
 */
function killAt(emu: Emulator, n: number): () => number {
  const call = emu.call.bind(emu);
  let count = 0;
  let armed = true;
  emu.call = (...args: Parameters<Emulator['call']>) => {
    if (emu.current() && armed && ++count >= n) throw new Error(`Injected failure at service call ${count}`);
    return call(...args);
  };
  return () => {
    armed = false;
    return count;
  };
}

describe('fault injection', () => {
  let api: MockServer<ApiState>;
  const source = records(35);

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler, state: { items: source } });
  });
  afterAll(() => api.close());

  const streams = () => [
    itemsStream({
      incremental: { cursorField: 'updated', param: 'updated_since', format: 'unix', order: 'asc' },
    }),
    itemsStream({ name: 'snapshot', label: 'Snapshot' }),
    itemsStream({ name: 'nokey', label: 'No key', primaryKey: [] }),
  ];

  /** A clean sync's number of service calls (each fault point is one of them). */
  function cleanCalls(): number {
    const h = harness(testConnector(streams()), { token: 't0k3n_SECRET', baseUrl: api.url }, {}, 'acme');
    const stop = killAt(h.emu, Number.POSITIVE_INFINITY);
    h.syncAll({ flushRecords: 10 });
    return stop();
  }

  it('leaves every tab equal to the source, with no loss and no duplicate, whichever call the sync dies at', () => {
    const total = cleanCalls();
    expect(total).toBeGreaterThan(40);
    const expected = source.map((r) => r.id);
    for (let n = 1; n <= total; n++) {
      const h = harness(testConnector(streams()), { token: 't0k3n_SECRET', baseUrl: api.url }, {}, 'acme');
      const disarm = killAt(h.emu, n);
      expect(() => h.chunk({ flushRecords: 10 })).toThrow(/Injected failure|Exceeded/);
      disarm();
      // A killed execution cannot release its lease; the next scheduled run comes after it expires.
      h.emu.clock.advance(LEASE_MS + 1);
      const done = h.syncAll({ flushRecords: 10 }).at(-1)!;
      expect({ n, done: done.done, errors: done.errors }).toEqual({ n, done: true, errors: [] });
      for (const tab of ['acme_items', 'acme_snapshot', 'acme_nokey']) {
        expect({ n, tab, ids: body(h.tab(tab)).map((r) => r[0]) }).toEqual({ n, tab, ids: expected });
      }
    }
  }, 300_000);

  it('leaves every tab equal to the changed source, whichever call a re-sync dies at', async () => {
    const config = { token: 't0k3n_SECRET', baseUrl: api.url };
    // Changed: amounts of a few records (with a newer update time), five new records, and
    // (for the full-refresh streams) three records gone.
    const later = source[source.length - 1].updated + 3_600;
    const changed = [
      ...source.slice(3).map((r, i) => (i % 7 === 0 ? { ...r, amount: -r.amount, updated: later } : r)),
      ...records(5, 100).map((r) => ({ ...r, updated: later })),
    ];
    const fresh = () => harness(testConnector(streams()), config, {}, 'acme');
    const resync = async (n: number) => {
      await api.setState({ items: source });
      const h = fresh();
      h.syncAll({ flushRecords: 10 });
      h.emu.clock.advance(86_400_000);
      await api.setState({ items: changed });
      const disarm = killAt(h.emu, n);
      let died = false;
      try {
        h.chunk({ flushRecords: 10 });
      } catch {
        died = true;
      }
      const calls = disarm();
      h.emu.clock.advance(LEASE_MS + 1);
      const done = h.syncAll({ flushRecords: 10 }).at(-1)!;
      return { h, done, died, calls };
    };
    const { calls: total } = await resync(Number.POSITIVE_INFINITY);
    const byId = (rows: unknown[][]) => rows.map((r) => `${r[0]}:${r[1]}`);
    const incremental = byId([...source.slice(0, 3), ...changed].map((r) => [r.id, r.amount])).sort();
    const snapshot = byId(changed.map((r) => [r.id, r.amount]));
    for (let n = 1; n <= total; n++) {
      const { h, done, died } = await resync(n);
      expect({ n, died }).toEqual({ n, died: true });
      expect({ n, done: done.done, errors: done.errors }).toEqual({ n, done: true, errors: [] });
      expect({ n, rows: byId(body(h.tab('acme_items'))).sort() }).toEqual({ n, rows: incremental });
      expect({ n, rows: byId(body(h.tab('acme_snapshot'))) }).toEqual({ n, rows: snapshot });
      expect({ n, rows: byId(body(h.tab('acme_nokey'))) }).toEqual({ n, rows: snapshot });
    }
    await api.setState({ items: source });
  }, 300_000);
});
