/**
 * GA4 syncs end to end: the real connector spec and hooks, the sync engine in the emulator,
 * and the GA4 mock (mock-ga4.ts) behind a real HTTP server on a worker thread.
 */
import { join } from 'node:path';
import { ga4 } from '../../../connectors/ga4/spec';
import type { Ga4Fact, Ga4MockState } from '../../../playground/mock-apis/ga4/mock-ga4';
import type { ConnectorSpec } from '../../../src/connect/connector-spec';
import { testConnection } from '../../../src/sync/test-connection';
import { type MockServer, startMockServer } from '../../support/mock-server';
import { body, harness } from '../../sync/harness';

const PROPERTY = '123456789';
const SOURCES = ['google / organic', '(direct) / (none)', 'newsletter / email'];
const COUNTRIES: Array<[string, string]> = [
  ['United States', 'US'],
  ['Germany', 'DE'],
];

/** Every day from `from` to `to` (inclusive) × 3 sources × 2 countries, with small distinct numbers. */
function facts(from: string, to: string, bump = 0): Ga4Fact[] {
  const out: Ga4Fact[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const d = new Date(t).getUTCDate();
    SOURCES.forEach((sessionSourceMedium, s) => {
      COUNTRIES.forEach(([country, countryId], c) => {
        const sessions = d + 10 * s + c + bump;
        out.push({
          date,
          sessionSourceMedium,
          country,
          countryId,
          sessions,
          totalUsers: sessions - 1,
          newUsers: 1,
          keyEvents: s,
          totalRevenue: s * 10,
        });
      });
    });
  }
  return out;
}

/** The spec with 50-row pages, so a month of data takes several pages. */
const SMALL_PAGES: ConnectorSpec = {
  ...ga4,
  streams: ga4.streams.map((s) => ({
    ...s,
    pagination: { ...s.pagination, limit: 50 } as typeof s.pagination,
  })),
};

let api: MockServer<Ga4MockState>;
let token: string;

beforeAll(async () => {
  api = await startMockServer<Ga4MockState>({
    handlerFile: join(__dirname, '../../../playground/mock-apis/ga4/mock-ga4.ts'),
    state: { token: '', properties: [], today: '2024-06-03', facts: [] },
  });
});
afterAll(() => api.close());

function setUp(connector: ConnectorSpec = SMALL_PAGES, config: Record<string, string> = {}) {
  const h = harness(connector, { propertyId: PROPERTY, baseUrl: api.url, ...config }, {}, 'ga4');
  token = h.emu.run((gas) => gas.ScriptApp.getOAuthToken());
  return h;
}

async function serve(state: Partial<Ga4MockState>) {
  await api.setState({
    token,
    properties: [PROPERTY],
    today: '2024-06-03',
    facts: facts('2024-05-01', '2024-06-03'),
    ...state,
  });
  await api.clearRequests();
}

type Sent = {
  offset?: number;
  limit?: number;
  dateRanges: Array<{ startDate: string; endDate: string }>;
  dimensions: Array<{ name: string }>;
};
const sent = async () => (await api.requests()).map((r) => JSON.parse(r.body) as Sent);
const trafficRequests = async () => (await sent()).filter((b) => b.dimensions.length > 1);

describe('GA4 sync through the engine', () => {
  it('loads every page of both reports into typed tabs, asking for the rest in parallel once rowCount is known', async () => {
    const h = setUp();
    await serve({});
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    // 34 days × 3 sources × 2 countries = 204 traffic rows: pages at offsets 0, 50, 100, 150, 200.
    const traffic = h.tab('ga4_traffic')!;
    expect(traffic[0]).toEqual([
      'id',
      'date',
      'source_medium',
      'country',
      'country_id',
      'sessions',
      'users',
      'new_users',
      'key_events',
      'revenue',
      'currency',
    ]);
    expect(traffic).toHaveLength(1 + 204);
    expect((await trafficRequests()).map((b) => b.offset)).toEqual([0, 50, 100, 150, 200]);
    const chunk = h.emu.executions.find((e) => e.name === 'runSyncChunk')!;
    expect(chunk.calls['UrlFetchApp.fetchAll']).toBe(1);
    // 2024-06-01, direct (s = 1), Germany (c = 1): 1 + 10 + 1 = 12 sessions.
    const row = body(traffic).find((r) => r[0] === '2024-06-01 | (direct) / (none) | Germany')!;
    expect(row.slice(2)).toEqual(['(direct) / (none)', 'Germany', 'DE', 12, 11, 1, 1, 10, 'USD']);
    // The date is a Date cell at midnight in the spreadsheet's zone (America/New_York).
    expect(row[1]).toBe(new Date('2024-06-01T04:00:00Z').toISOString());
    expect(h.tab('ga4_daily')).toHaveLength(1 + 34);
  });

  it('reads the chosen history up to today on the first sync, and sends only fields runReport knows', async () => {
    const h = setUp(SMALL_PAGES, { history: '90daysAgo' });
    await serve({});
    h.syncAll();
    for (const b of await sent()) {
      expect(b.dateRanges).toEqual([{ startDate: '90daysAgo', endDate: 'today' }]);
      expect(Object.keys(b).sort()).toEqual([
        'dateRanges',
        'dimensions',
        'limit',
        'metrics',
        'offset',
        'orderBys',
      ]);
    }
  });

  it('re-reads only the last days on the next sync and replaces the rows that changed', async () => {
    const h = setUp();
    await serve({});
    h.syncAll();
    // A day later: 06-02 and 06-03 settled higher, 06-04 arrived.
    h.emu.clock.advance(24 * 3_600_000);
    await serve({
      today: '2024-06-04',
      facts: [
        ...facts('2024-05-01', '2024-06-01'),
        ...facts('2024-06-02', '2024-06-03', 100),
        ...facts('2024-06-04', '2024-06-04'),
      ],
    });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    // The bookmark is the newest day synced (06-03); minus the 3-day lookback: 05-31.
    for (const b of await sent()) expect(b.dateRanges[0].startDate).toBe('2024-05-31');
    const traffic = body(h.tab('ga4_traffic'));
    expect(traffic).toHaveLength(204 + 6);
    const changed = traffic.find((r) => r[0] === '2024-06-02 | google / organic | United States')!;
    expect(changed[5]).toBe(2 + 100);
    const daily = body(h.tab('ga4_daily'));
    expect(daily).toHaveLength(35);
    // 06-04 across the six rows: 4 × 6 + 10 × (0 + 1 + 2) × 2 + (0 + 1) × 3 = 24 + 60 + 3 = 87.
    expect(daily.at(-1)!.slice(1, 2)).toEqual([87]);
  });

  it('loads the whole history again for a tab that was deleted (how to switch properties)', async () => {
    const h = setUp();
    await serve({});
    h.syncAll();
    h.emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      ss.deleteSheet(ss.getSheetByName('ga4_daily')!);
    });
    await serve({ properties: [PROPERTY] });
    h.syncAll();
    const daily = (await sent()).filter((b) => b.dimensions.length === 1);
    expect(daily.map((b) => b.dateRanges[0].startDate)).toEqual(['395daysAgo']);
    expect(body(h.tab('ga4_daily'))).toHaveLength(34);
  });

  it('says in plain words that Google refused the sign-in (401), and keeps what was synced', async () => {
    const h = setUp();
    await serve({});
    h.syncAll();
    await serve({ token: 'another-token' });
    const [p] = h.syncAll();
    expect(p.done).toBe(true);
    expect(p.errors[0]).toMatchObject({
      code: 'auth-rejected',
      message: expect.stringMatching(/^Google Analytics 4 rejected your Google sign-in \(401\)\./),
      fix: expect.stringContaining('allow access to Google Analytics'),
    });
    expect(p.errors[0].message).not.toContain(token);
    expect(body(h.tab('ga4_traffic'))).toHaveLength(204);
  });

  it('explains a property the account cannot read (403) with the Viewer role hint', async () => {
    const h = setUp();
    await serve({ properties: ['999'] });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('User does not have sufficient permissions for this property'),
      fix: expect.stringContaining('Viewer role'),
    });
  });

  it('waits as Retry-After asks after a 429 and finishes the sync', async () => {
    const h = setUp();
    await serve({ faults: [{ status: 429, retryAfter: 2 }] });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect((await api.requests()).length).toBe(1 + 1 + 5);
    expect(h.emu.executions.find((e) => e.name === 'runSyncChunk')!.calls['Utilities.sleep']).toBeGreaterThan(
      0,
    );
    expect(body(h.tab('ga4_daily'))).toHaveLength(34);
  });

  it('tries again after a 500 and finishes the sync', async () => {
    const h = setUp();
    await serve({ faults: [{ status: 500 }] });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(body(h.tab('ga4_traffic'))).toHaveLength(204);
  });

  it('reports a reply that is not JSON as such, and keeps the rows already synced', async () => {
    const h = setUp();
    await serve({});
    h.syncAll();
    await serve({ faults: [{ status: 200, malformed: true }] });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({ code: 'bad-response', message: expect.stringContaining('not JSON') });
    expect(body(h.tab('ga4_daily'))).toHaveLength(34);
  });

  it('tests the connection with one real request for the first page of daily totals', async () => {
    const h = setUp(ga4);
    await serve({});
    const result = h.emu.run((gas) =>
      testConnection(gas, { connector: 'ga4', config: { propertyId: PROPERTY, baseUrl: api.url } }, [ga4]),
    );
    expect(result).toMatchObject({
      records: 34,
      columns: expect.arrayContaining(['date', 'sessions', 'users', 'key_events', 'revenue']),
    });
    expect(await api.requests()).toHaveLength(1);
  });
});
