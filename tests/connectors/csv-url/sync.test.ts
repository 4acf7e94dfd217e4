/**
 * The CSV source end to end: the real spec and hooks, the sync engine in the emulator (which
 * parses with its Utilities.parseCsv), and a file host (mock-csv-url.ts) behind a real HTTP server.
 */
import { join } from 'node:path';
import { csvUrl } from '../../../connectors/csv-url/spec';
import { saveConnection } from '../../../src/connect/connection-store';
import { testConnection } from '../../../src/sync/test-connection';
import { type MockServer, startMockServer } from '../../support/mock-server';
import { body, harness } from '../../sync/harness';
import type { CsvMockState } from './mock-csv-url';

const ORDERS = [
  'order_id,customer,total,paid,ordered_at,note',
  '1001,"Acme, Inc.",120.50,TRUE,2024-05-01 09:30,"said ""thanks"""',
  '1002,Globex,80,false,2024-05-02 18:05,',
  '1003,Initech,0099,true,2024-05-03T10:00:00Z,"two',
  'lines"',
].join('\r\n');

let api: MockServer<CsvMockState>;

beforeAll(async () => {
  api = await startMockServer<CsvMockState>({
    handlerFile: join(__dirname, 'mock-csv-url.ts'),
    state: { files: {} },
  });
});
afterAll(() => api.close());

function setUp(path = '/exports/orders.csv', config: Record<string, string> = {}) {
  return harness(csvUrl, { baseUrl: `${api.url}${path}`, ...config }, {}, 'csv_url');
}

async function serve(state: Partial<CsvMockState> = {}) {
  await api.setState({ files: { '/exports/orders.csv': { body: ORDERS } }, ...state });
  await api.clearRequests();
}

describe('CSV sync through the engine', () => {
  it('parses quoted fields, doubled quotes and line breaks, and types each column', async () => {
    const h = setUp();
    await serve();
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    const [req] = await api.requests();
    expect(req.headers.accept).toBe('text/csv, text/plain;q=0.9, */*;q=0.5');
    const tab = h.tab('csv_url_rows')!;
    expect(tab[0]).toEqual(['order_id', 'customer', 'total', 'paid', 'ordered_at', 'note']);
    // `0099` has a leading zero, so `total` stays text; wall-clock times are New York time (UTC-4 in May);
    // the line break inside quotes is kept as the file wrote it (CRLF).
    expect(body(tab)).toEqual([
      [1001, 'Acme, Inc.', '120.50', true, '2024-05-01T13:30:00.000Z', 'said "thanks"'],
      [1002, 'Globex', '80', false, '2024-05-02T22:05:00.000Z', ''],
      [1003, 'Initech', '0099', true, '2024-05-03T10:00:00.000Z', 'two\r\nlines'],
    ]);
  });

  it('upserts by the key column and reads the whole file on every sync', async () => {
    const h = setUp('/exports/orders.csv', { primaryKey: 'order_id' });
    await serve();
    h.syncAll();
    await serve({
      files: { '/exports/orders.csv': { body: 'order_id,customer\n1002,Globex Corp\n1004,Umbrella\n' } },
    });
    h.syncAll();
    expect(body(h.tab('csv_url_rows')).map((r) => r.slice(0, 2))).toEqual([
      [1002, 'Globex Corp'],
      [1004, 'Umbrella'],
    ]);
  });

  it('reads a semicolon-separated file with the header on row 2', async () => {
    const h = setUp('/eu.csv', { delimiter: 'semicolon', headerRow: '2', dateOrder: 'day-first' });
    await serve({ files: { '/eu.csv': { body: 'Export from Shop\nid;amount;day\n1;12;03/04/2024\n' } } });
    h.syncAll();
    expect(body(h.tab('csv_url_rows'))).toEqual([[1, 12, '2024-04-03T04:00:00.000Z']]);
  });

  it('follows a published link’s redirect to the file', async () => {
    const h = setUp('/spreadsheets/d/e/2PACX-key/pub?output=csv');
    await serve({ redirects: { '/spreadsheets/d/e/2PACX-key/pub': '/exports/orders.csv' } });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(body(h.tab('csv_url_rows'))).toHaveLength(3);
  });

  it('sends the token of a private file as a bearer header, and only then', async () => {
    const h = setUp('/private.csv', { token: 's3cret' });
    await serve({ files: { '/private.csv': { body: 'a\n1\n', token: 's3cret' } } });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    const public_ = setUp();
    await serve();
    public_.syncAll();
    const [req] = await api.requests();
    expect(req.headers.authorization).toBeUndefined();
  });

  it('asks for a token when the host says the file is private (401), without showing a secret', async () => {
    const h = setUp('/private.csv', { token: 'wrong-token' });
    await serve({ files: { '/private.csv': { body: 'a\n1\n', token: 's3cret' } } });
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({ code: 'auth-rejected', fix: expect.stringContaining('token') });
    expect(JSON.stringify(p)).not.toContain('wrong-token');
  });

  it('refuses a web page served instead of the file, naming what it got', async () => {
    const h = setUp('/signin');
    await serve();
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({
      code: 'bad-response',
      message: expect.stringContaining('not a CSV file'),
      fix: expect.stringContaining('download the CSV file itself'),
    });
  });

  it('says nothing is at the address (404) with where to copy the link from', async () => {
    const h = setUp('/missing.csv');
    await serve();
    const [p] = h.syncAll();
    expect(p.errors[0]).toMatchObject({ code: 'not-found', fix: expect.stringContaining('Raw') });
  });

  it('waits out a 429 with Retry-After and a 500, then loads the file', async () => {
    const h = setUp();
    await serve({ faults: [{ status: 429, retryAfter: 1 }, { status: 500 }] });
    const [p] = h.syncAll();
    expect(p).toMatchObject({ done: true, errors: [] });
    expect(await api.requests()).toHaveLength(3);
  });

  it('refuses to save an address on a host the build does not allow, listing the allowed ones', () => {
    const h = setUp();
    const attempt = () =>
      h.emu.run((gas) =>
        saveConnection(
          gas,
          { connector: 'csv-url', config: { baseUrl: 'https://files.example.org/a.csv' } },
          csvUrl,
        ),
      );
    expect(attempt).toThrow(/raw\.githubusercontent\.com/);
  });

  it('tests the connection by downloading the file and listing its columns', async () => {
    const h = setUp();
    await serve();
    const result = h.emu.run((gas) =>
      testConnection(gas, { connector: 'csv-url', config: { baseUrl: `${api.url}/exports/orders.csv` } }, [
        csvUrl,
      ]),
    );
    expect(result).toMatchObject({
      records: 3,
      columns: ['order_id', 'customer', 'total', 'paid', 'ordered_at', 'note'],
    });
  });
});
