import type { StreamSpec } from '../../src/connect/connector-spec';
import { SyncStateStore } from '../../src/sync/state';
import { type MockHandler, type MockServer, startMockServer } from '../support/mock-server';
import { body, harness, testConnector } from './harness';

interface ApiState {
  csv: string;
  csvType: string;
  days: Array<{ date: string; sessions: number }>;
  feed: Array<{ id: number; kind: string; updated_at: string }>;
}

const handler: MockHandler<ApiState> = (req, state, mock) => {
  if (req.path === '/export.csv') return { headers: { 'Content-Type': state.csvType }, body: state.csv };
  if (req.path === '/feed') return mock.json(state.feed);
  if (req.path === '/report') {
    const from = req.query.startDate ?? '0000-00-00';
    return mock.json({ rows: state.days.filter((d) => d.date >= from) });
  }
  return undefined;
};

/** Turns CSV rows into records, the first row naming the fields. */
const csvRecords = (rows: unknown): Array<Record<string, string>> => {
  const [head, ...rest] = rows as string[][];
  return rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
};

const csvStream: StreamSpec = {
  name: 'sheet',
  label: 'Sheet',
  path: '/export.csv',
  records: '',
  primaryKey: ['id'],
  pagination: { type: 'none' },
  csv: {},
  columns: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'number' },
  ],
  hooks: { selectRecords: csvRecords },
};

const dailyStream: StreamSpec = {
  name: 'daily',
  label: 'Daily',
  path: '/report',
  records: 'rows',
  primaryKey: ['date'],
  incremental: { cursorField: 'date', param: 'startDate', format: 'date', lookbackSeconds: 2 * 86_400 },
  pagination: { type: 'none' },
  columns: [
    { name: 'date', type: 'date' },
    { name: 'sessions', type: 'integer' },
  ],
};

describe('replies in other shapes', () => {
  let api: MockServer<ApiState>;

  beforeAll(async () => {
    api = await startMockServer<ApiState>({ handler });
  });
  afterAll(() => api.close());

  const state = (over: Partial<ApiState> = {}): ApiState => ({
    csv: '\uFEFFid,amount\r\na-1,10.5\r\n007,"1,000"\r\n',
    csvType: 'text/csv',
    days: [
      { date: '2024-05-01', sessions: 10 },
      { date: '2024-05-02', sessions: 12 },
      { date: '2024-05-03', sessions: 9 },
    ],
    feed: [
      { id: 1, kind: 'issue', updated_at: '2024-05-01T10:00:00Z' },
      { id: 2, kind: 'pull', updated_at: '2024-05-02T10:00:00Z' },
    ],
    ...over,
  });

  it('reads a CSV reply into typed rows, keeping "007" as text', async () => {
    await api.setState(state());
    const h = harness(testConnector([csvStream]), { token: 't', baseUrl: api.url });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(h.tab('acme_sheet')).toEqual([
      ['id', 'amount'],
      ['a-1', 10.5],
      ['007', '1,000'],
    ]);
  });

  it('refuses a web page where a CSV file was expected, saying what to check', async () => {
    await api.setState(state({ csv: '<!DOCTYPE html><html>Sign in</html>', csvType: 'text/html' }));
    const h = harness(testConnector([csvStream]), { token: 't', baseUrl: api.url });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'bad-response',
      message:
        'Acme got something that is not a CSV file for acme_sheet (text/html). It starts with "<!DOCTYPE html><html>Sign in</html>".',
    });
  });

  it('lets the bookmark pass items a selectRecords hook leaves out, so they are not read again', async () => {
    await api.setState(state());
    const issuesOnly: StreamSpec = {
      name: 'issues',
      label: 'Issues',
      path: '/feed',
      records: '',
      primaryKey: ['id'],
      incremental: { cursorField: 'updated_at', param: 'since', format: 'iso' },
      pagination: { type: 'none' },
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'updated_at', type: 'datetime' },
      ],
      hooks: { selectRecords: (b) => (b as Array<{ kind: string }>).filter((i) => i.kind === 'issue') },
    };
    const h = harness(testConnector([issuesOnly]), { token: 't', baseUrl: api.url });
    h.syncAll();
    expect(body(h.tab('acme_issues')).map((r) => r[0])).toEqual([1]);
    const bookmark = h.emu.run((gas) => new SyncStateStore(gas).readStream('acme', 'issues').bookmark);
    expect(new Date(bookmark!).toISOString()).toBe('2024-05-02T10:00:00.000Z');
  });

  it('bookmarks a stream whose cursor is a calendar day, and asks from that day minus the lookback', async () => {
    await api.setState(state());
    const h = harness(testConnector([dailyStream]), { token: 't', baseUrl: api.url });
    h.syncAll();
    const bookmark = h.emu.run((gas) => new SyncStateStore(gas).readStream('acme', 'daily').bookmark);
    expect(new Date(bookmark!).toISOString()).toBe('2024-05-03T00:00:00.000Z');
    await api.clearRequests();
    h.syncAll();
    const [request] = await api.requests();
    expect(request.query.startDate).toBe('2024-05-01');
    expect(body(h.tab('acme_daily'))).toHaveLength(3);
  });
});
