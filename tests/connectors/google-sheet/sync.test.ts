/**
 * The Google Sheets source end to end: the real spec and hooks, the sync engine in the
 * emulator, and the Sheets API mock (mock-google-sheet.ts) behind a real HTTP server.
 */
import { join } from 'node:path';
import { googleSheet } from '../../../connectors/google-sheet/spec';
import { testConnection } from '../../../src/sync/test-connection';
import { type MockServer, startMockServer } from '../../support/mock-server';
import { body, harness } from '../../sync/harness';
import type { Cell, SheetsMockState } from './mock-google-sheet';

const ID = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
const LINK = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;

const CUSTOMERS: Cell[][] = [
  ['Customers export'],
  [],
  ['email', 'plan', 'mrr', 'active', 'signed up', 'last seen'],
  [
    'ana@acme.io',
    'pro',
    49,
    true,
    { serial: 45306, shown: '1/15/2024' },
    { serial: 45306.5, shown: '1/15/2024 12:00:00' },
  ],
  ['bo@acme.io', 'basic', 9.5, false, { serial: 45312, shown: '1/21/2024' }, null],
  [
    'ana@acme.io',
    'team',
    99,
    true,
    { serial: 45306, shown: '1/15/2024' },
    { serial: 45307, shown: '1/16/2024 0:00:00' },
  ],
];

let api: MockServer<SheetsMockState>;
let token: string;

beforeAll(async () => {
  api = await startMockServer<SheetsMockState>({
    handlerFile: join(__dirname, 'mock-google-sheet.ts'),
    state: { token: '', files: {} },
  });
});
afterAll(() => api.close());

function setUp(config: Record<string, string> = {}) {
  const h = harness(
    googleSheet,
    { spreadsheet: LINK, range: 'Customers!A:F', headerRow: '3', baseUrl: api.url, ...config },
    {},
    'google_sheet',
  );
  token = h.emu.run((gas) => gas.ScriptApp.getOAuthToken());
  return h;
}

async function serve(state: Partial<SheetsMockState> = {}, tab: Cell[][] = CUSTOMERS) {
  await api.setState({ token, files: { [ID]: { granted: true, tabs: { Customers: tab } } }, ...state });
  await api.clearRequests();
}

describe('Google Sheets sync through the engine', () => {
  it('reads the range once with the Google token, unformatted values and dates as shown', async () => {
    const h = setUp();
    await serve();
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    const [req] = await api.requests();
    expect(req.path).toBe(`/v4/spreadsheets/${ID}/values/Customers!A%3AF`);
    expect(req.query).toEqual({
      majorDimension: 'ROWS',
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(req.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('writes one row per data row under the header row, typed per column', async () => {
    const h = setUp();
    await serve();
    h.syncAll();
    const tab = h.tab('google_sheet_rows')!;
    expect(tab[0]).toEqual(['email', 'plan', 'mrr', 'active', 'signed up', 'last seen']);
    // Dates at midnight, and wall-clock times, in the spreadsheet's zone (America/New_York, UTC-5 in January).
    expect(body(tab)).toEqual([
      ['ana@acme.io', 'pro', 49, true, '2024-01-15T05:00:00.000Z', '2024-01-15T17:00:00.000Z'],
      ['bo@acme.io', 'basic', 9.5, false, '2024-01-21T05:00:00.000Z', ''],
      ['ana@acme.io', 'team', 99, true, '2024-01-15T05:00:00.000Z', '2024-01-16T05:00:00.000Z'],
    ]);
  });

  it('keeps the last row of a repeated key when a key column is set', async () => {
    const h = setUp({ primaryKey: 'email' });
    await serve();
    h.syncAll();
    expect(body(h.tab('google_sheet_rows')).map((r) => [r[0], r[1]])).toEqual([
      ['ana@acme.io', 'team'],
      ['bo@acme.io', 'basic'],
    ]);
  });

  it('mirrors the source on the next sync: deleted rows go, changed rows change', async () => {
    const h = setUp();
    await serve();
    h.syncAll();
    await serve({}, [...CUSTOMERS.slice(0, 3), ['cy@acme.io', 'pro', 59, true, null, null]]);
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(body(h.tab('google_sheet_rows'))).toEqual([['cy@acme.io', 'pro', 59, true, '', '']]);
  });

  it('names the columns there are when the key column is not one of them', async () => {
    const h = setUp({ primaryKey: 'Email' });
    await serve();
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'import-key-missing',
      message: expect.stringContaining('The columns are: email, plan, mrr, active, signed up, last seen.'),
    });
  });

  it('asks to choose the file again when it was not picked for the add-on (403)', async () => {
    const h = setUp();
    await serve({ files: { [ID]: { granted: false, tabs: { Customers: CUSTOMERS } } } });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'forbidden',
      fix: expect.stringContaining('Choose from Drive'),
    });
  });

  it('explains how to write a range it cannot parse (400)', async () => {
    const h = setUp({ range: 'Sheet9!A:F' });
    await serve();
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'bad-request',
      message: expect.stringContaining('Unable to parse range: Sheet9!A:F'),
      fix: expect.stringContaining('Sheet1!A1:F'),
    });
  });

  it('says Google refused the sign-in (401) and keeps the rows synced before', async () => {
    const h = setUp();
    await serve();
    h.syncAll();
    await serve({ token: 'other' });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'auth-rejected',
      message: expect.stringContaining('your Google sign-in'),
    });
    expect(body(h.tab('google_sheet_rows'))).toHaveLength(3);
  });

  it('waits out a 429 with Retry-After and a 500, then loads the range', async () => {
    const h = setUp();
    await serve({ faults: [{ status: 429, retryAfter: 1 }, { status: 500 }] });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(await api.requests()).toHaveLength(3);
    expect(body(h.tab('google_sheet_rows'))).toHaveLength(3);
  });

  it('reports a reply that is not JSON and keeps the rows synced before', async () => {
    const h = setUp();
    await serve();
    h.syncAll();
    await serve({ faults: [{ status: 200, malformed: true }] });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({ code: 'bad-response' });
    expect(body(h.tab('google_sheet_rows'))).toHaveLength(3);
  });

  it('tests the connection by reading the range and listing its columns', async () => {
    const h = setUp();
    await serve();
    const result = h.emu.run((gas) =>
      testConnection(
        gas,
        {
          connector: 'google-sheet',
          config: { spreadsheet: ID, range: 'Customers!A:F', headerRow: '3', baseUrl: api.url },
        },
        [googleSheet],
      ),
    );
    expect(result).toMatchObject({
      records: 3,
      columns: ['email', 'plan', 'mrr', 'active', 'signed up', 'last seen'],
    });
  });
});
