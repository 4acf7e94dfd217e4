import {
  DEFAULT_SEED,
  DEMO_STREAMS,
  generateDemo,
  generateDemoStream,
} from '../../../connectors/demo/generator/dataset';
import { TapdashError } from '../../../src/shared/errors';
import { NOW } from './support/demo-data';

const unixMs = (seconds: unknown) => Number(seconds) * 1000;
const minCreated = (rows: Array<Record<string, unknown>>) => Math.min(...rows.map((r) => unixMs(r.created)));
const maxCreated = (rows: Array<Record<string, unknown>>) => Math.max(...rows.map((r) => unixMs(r.created)));
const ids = (rows: Array<Record<string, unknown>>) => rows.map((r) => r.id);

describe('the Demo generator', () => {
  it('returns identical records for the same seed and now, even after generating another company in between', () => {
    const first = JSON.stringify(generateDemo(DEFAULT_SEED, NOW));
    generateDemo(DEFAULT_SEED + 1, new Date('2025-07-01T00:00:00Z'));
    const second = JSON.stringify(generateDemo(DEFAULT_SEED, NOW));
    expect(second).toBe(first);
  });

  it('builds a different company from a different seed', () => {
    const a = generateDemo(1, NOW).customers;
    const b = generateDemo(2, NOW).customers;
    expect(ids(a)).not.toEqual(ids(b));
  });

  it('never reads the clock or Math.random', () => {
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now was called');
    });
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random was called');
    });
    try {
      // A month never generated before in this file, so nothing comes from the cache.
      expect(generateDemo(7, new Date('2024-02-10T09:00:00Z')).customers.length).toBeGreaterThan(100);
    } finally {
      clock.mockRestore();
      random.mockRestore();
    }
  });

  it('covers the 24 months before the current one and nothing after now', () => {
    const customers = generateDemo(DEFAULT_SEED, NOW).customers;
    expect(new Date(minCreated(customers)).toISOString().slice(0, 7)).toBe('2024-03');
    expect(maxCreated(customers)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('starts the company at noon UTC on the 1st, so launch is in the same month in every time zone', () => {
    // Seeds 1, 2 and 4 have launch-day activity before 08:00 UTC unless launch waits for noon.
    for (const seed of [1, 2, 4]) {
      const d = generateDemo(seed, NOW);
      const times = [
        ...d.customers.map((r) => unixMs(r.created)),
        ...d.deals.map((r) => Date.parse(String(r.createdAt))),
        ...d.tickets.map((r) => Date.parse(String(r.created_at))),
        ...d.issues.map((r) => Date.parse(String(r.created_at))),
        ...d.pull_requests.map((r) => Date.parse(String(r.created_at))),
      ];
      expect([seed, new Date(Math.min(...times)).toISOString() >= '2024-03-01T12:00:00.000Z']).toEqual([
        seed,
        true,
      ]);
      expect(d.web_sessions.map((r) => r.date).sort()[0]).toBe('2024-03-01');
    }
  });

  it('moves the window when now moves to a later month', () => {
    const later = new Date('2026-06-18T15:30:00Z');
    const customers = generateDemo(DEFAULT_SEED, later).customers;
    expect(new Date(minCreated(customers)).toISOString().slice(0, 7)).toBe('2024-06');
    expect(maxCreated(customers)).toBeLessThanOrEqual(later.getTime());
    expect(maxCreated(customers)).toBeGreaterThan(NOW.getTime());
  });

  it('only adds records as now advances within a month, keeping the earlier ones', () => {
    const earlier = generateDemo(DEFAULT_SEED, new Date('2026-03-05T08:00:00Z'));
    const later = generateDemo(DEFAULT_SEED, NOW);
    for (const stream of [
      'customers',
      'subscriptions',
      'invoices',
      'invoice_lines',
      'charges',
      'deals',
      'tickets',
    ]) {
      const before = ids(earlier[stream as keyof typeof earlier]);
      const after = new Set(ids(later[stream as keyof typeof later]));
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((id) => !after.has(id))).toEqual([]);
      expect(after.size).toBeGreaterThan(before.length);
    }
  });

  it('gives the same records stream by stream as all at once', () => {
    const all = generateDemo(DEFAULT_SEED, NOW);
    for (const stream of DEMO_STREAMS)
      expect(generateDemoStream(stream, DEFAULT_SEED, NOW)).toEqual(all[stream]);
  });

  it('rebuilds records on every call, so a caller that changes them cannot change the next caller’s', () => {
    const first = generateDemoStream('customers', DEFAULT_SEED, NOW);
    first[0].name = 'changed by a caller';
    expect(generateDemoStream('customers', DEFAULT_SEED, NOW)[0].name).not.toBe('changed by a caller');
  });

  it('stays a moderate size: hundreds to a few thousand customers and under 60,000 records in all', () => {
    const all = generateDemo(DEFAULT_SEED, NOW);
    expect(all.customers.length).toBeGreaterThan(500);
    expect(all.customers.length).toBeLessThan(3_000);
    expect(all.web_sessions.length).toBeLessThan(25 * 760);
    expect(Object.values(all).reduce((n, rows) => n + rows.length, 0)).toBeLessThan(60_000);
  });

  it('refuses an unknown stream with a plain message that lists the streams', () => {
    expect.assertions(3);
    try {
      generateDemoStream('orders', DEFAULT_SEED, NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(TapdashError);
      expect((error as TapdashError).message).toBe('The Demo source has no stream called "orders".');
      expect((error as TapdashError).fix).toContain('customers, subscriptions');
    }
  });

  it('refuses a seed that is not a whole number, and an invalid date', () => {
    expect(() => generateDemo(1.5, NOW)).toThrow(/seed must be a whole number/);
    expect(() => generateDemo(DEFAULT_SEED, new Date('not a date'))).toThrow(/invalid date/);
  });
});
