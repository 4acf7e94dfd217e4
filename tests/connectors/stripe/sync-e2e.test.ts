/**
 * End to end: the sync engine, in the emulator, against the Stripe mock server. A first sync
 * reads every page of every stream; the models over the synced tabs give the hand-computed MRR;
 * a second sync reads only what is new or recent; and Stripe's failures (401, 403, 429, 500, a
 * broken body) end as the engine promises.
 */

import { CONNECTORS } from '../../../connectors';
import { stripePackage } from '../../../connectors/stripe/package';
import { STRIPE_API_VERSION, stripe } from '../../../connectors/stripe/spec';
import { Emulator } from '../../../playground/emulator/emulator';
import { customer, ts } from '../../../playground/mock-apis/stripe/stripe-objects';
import { saveConnection } from '../../../src/connect/connection-store';
import { buildDashboard } from '../../../src/dashboard/build-dashboard';
import { refreshModels } from '../../../src/model/refresh';
import type { TapdashError } from '../../../src/shared/errors';
import { runSyncChunk, type SyncProgress } from '../../../src/sync/engine';
import { testConnection } from '../../../src/sync/test-connection';
import { type LoggedRequest, type StripeData, type StripeMock, startStripeMock } from './mock-stripe';
import type { Row } from './support/engine-tables';
import { byMonth } from './support/model-rows';
import { runModels } from './support/run-models';
import { NOW, SAAS, SAAS_BY_ENDPOINT } from './support/saas-fixture';

const KEY = 'sk_test_51TapdashEndToEnd000000';
const START = Date.parse(NOW);

/** The hand-computed SaaS, with enough extra (non-paying) customers to need three pages. */
function account(): StripeData {
  const fillers = Array.from({ length: 250 - SAAS.customers.length }, (_, i) =>
    customer({
      id: `cus_lead_${String(i).padStart(3, '0')}`,
      created: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
    }),
  );
  return {
    ...SAAS_BY_ENDPOINT,
    '/v1/customers': [...SAAS.customers, ...fillers],
  };
}

interface Setup {
  emu: Emulator;
  sync(): SyncProgress[];
  tab(name: string): unknown[][];
}

function setup(mock: StripeMock, apiKey = KEY): Setup {
  const emu = new Emulator({ realCpu: false, now: START, timeZone: 'Etc/UTC' });
  emu.run((gas) =>
    saveConnection(gas, { id: 'stripe', connector: 'stripe', config: { apiKey, baseUrl: mock.url } }, stripe),
  );
  return {
    emu,
    sync() {
      const out: SyncProgress[] = [];
      for (let i = 0; i < 20; i++) {
        const progress = emu.run(
          (gas, execution) =>
            runSyncChunk(gas, 'stripe', {
              startedAt: execution.startedAt,
              clock: () => emu.clock.now(),
              random: () => 0.5,
            }),
          { kind: 'script-run', name: 'runSyncChunk' },
        );
        out.push(progress);
        if (progress.done || progress.stopped !== 'deadline') return out;
      }
      throw new Error('The sync did not finish in 20 chunks');
    },
    tab(name) {
      return emu.run((gas) => {
        const sheet = gas.SpreadsheetApp.getActive().getSheetByName(name);
        return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : [];
      });
    },
  };
}

/** A tab as rows keyed by its header, blank cells as Sheets returns them (''). */
function rowsOf(grid: unknown[][]): Row[] {
  const [header, ...body] = grid;
  return body.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] as Row[string]])));
}

function query(url: string): Record<string, string> {
  const q = url.indexOf('?');
  if (q < 0) return {};
  return Object.fromEntries(
    url
      .slice(q + 1)
      .split('&')
      .map((p) => p.split('=').map(decodeURIComponent) as [string, string]),
  );
}

let mock: StripeMock;

beforeAll(async () => {
  mock = await startStripeMock({ apiKey: KEY, data: account() });
});

afterAll(async () => {
  await mock.close();
});

beforeEach(async () => {
  await mock.setData(account());
  await mock.setFaults([]);
  await mock.resetRequests();
});

describe('a first sync', () => {
  let s: Setup;
  let progress: SyncProgress[];
  let requests: LoggedRequest[];

  beforeAll(async () => {
    await mock.setData(account());
    await mock.resetRequests();
    s = setup(mock);
    progress = s.sync();
    requests = await mock.requests();
  });

  test('loads every stream without errors', () => {
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: true, errors: [] });
    expect(last.streams.map((p) => [p.table, p.status])).toEqual(
      stripe.streams.map((st) => [`stripe_${st.name}`, 'done']),
    );
  });

  test('pages through 250 customers 100 at a time, after the last id of each page', () => {
    const customers = requests.filter((r) => r.url.startsWith('/v1/customers'));
    expect(customers.map((r) => query(r.url).limit)).toEqual(['100', '100', '100']);
    const ids = rowsOf(s.tab('stripe_customers')).map((r) => r.id);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    // Newest first: page 2 starts after the 100th newest customer.
    const newest = [...account()['/v1/customers']].sort(
      (a, b) => (b.created as number) - (a.created as number) || String(b.id).localeCompare(String(a.id)),
    );
    expect(query(customers[1].url).starting_after).toBe(newest[99].id);
    expect(query(customers[2].url).starting_after).toBe(newest[199].id);
  });

  test('authenticates with the key as a bearer token and pins the API version on every request', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(r.headers['stripe-version']).toBe(STRIPE_API_VERSION);
    }
  });

  test('asks for canceled subscriptions and their coupons', () => {
    const subs = requests.filter((r) => r.url.startsWith('/v1/subscriptions'));
    expect(subs.map((r) => query(r.url))).toContainEqual(
      expect.objectContaining({ status: 'all', 'expand[]': 'data.discounts.source.coupon', limit: '100' }),
    );
    const rows = rowsOf(s.tab('stripe_subscriptions'));
    expect(rows).toHaveLength(SAAS.subscriptions.length);
    expect(rows.find((r) => r.id === 'sub_seats')).toMatchObject({
      'discount.coupon.percent_off': 20,
      'discount.coupon.duration': 'forever',
    });
  });

  test('writes one row per subscription item and per invoice line, with declared columns only', () => {
    const items = SAAS.subscriptions.reduce(
      (n, sub) => n + ((sub.items as { data: unknown[] }).data.length ?? 0),
      0,
    );
    const lines = SAAS.invoices.reduce((n, inv) => n + (inv.lines as { data: unknown[] }).data.length, 0);
    expect(rowsOf(s.tab('stripe_subscription_items'))).toHaveLength(items);
    expect(rowsOf(s.tab('stripe_invoice_lines'))).toHaveLength(lines);
    for (const stream of stripe.streams)
      expect(s.tab(`stripe_${stream.name}`)[0]).toEqual(stream.columns.map((c) => c.name));
  });

  test('types the cells: unix seconds become dates, amounts numbers, flags booleans', () => {
    const line = rowsOf(s.tab('stripe_invoice_lines')).find((r) => r.id === 'il_upgrade_4a');
    expect(line).toMatchObject({
      amount: -3333,
      proration: true,
      subscription: 'sub_upgrade',
      price: 'price_basic',
    });
    expect(line?.['period.start']).toEqual(new Date(ts('2025-04-25') * 1000));
  });

  test('a model refresh after the sync writes the Stripe MRR tab', () => {
    jest.useFakeTimers({
      now: START,
      doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'],
    });
    const refresh = s.emu.run((gas) => refreshModels(gas, { packages: [stripePackage] }));
    jest.useRealTimers();
    expect(refresh.models.map((m) => [m.name, m.status, m.error?.message])).toEqual(
      stripePackage.models.map((m) => [m.name, 'ok', undefined]),
    );
    const tab = s.tab('Stripe MRR');
    expect(tab[0]).toEqual([
      'month',
      'mrr',
      'new_mrr',
      'expansion_mrr',
      'contraction_mrr',
      'churned_mrr',
      'reactivation_mrr',
      'customers',
    ]);
    expect(tab.slice(1).map((r) => r[1])).toEqual([200, 224, 324, 474, 474, 466, 466]);
  });

  test('the Dashboard then shows every headline metric and draws every chart natively', () => {
    const dashboard = s.emu.run((gas) => buildDashboard(gas, { packages: [stripePackage] }));
    expect(dashboard.tiles).toBe(stripePackage.metrics.length);
    expect(dashboard.charts.map((c) => [c.id, c.shown, c.detail])).toEqual(
      stripePackage.charts.map((c) => [c.id, 'sheet', undefined]),
    );
  });

  test('the models over the synced tabs give the hand-computed MRR', () => {
    const tables: Record<string, Row[]> = {};
    for (const stream of stripe.streams)
      tables[`stripe_${stream.name}`] = rowsOf(s.tab(`stripe_${stream.name}`));
    jest.useFakeTimers({ now: START });
    const results = runModels(stripePackage.models, tables);
    jest.useRealTimers();
    // The same month-end MRR as mrr-model.test.ts, which shows the arithmetic.
    expect(byMonth(results.stripe_mrr, ['mrr', 'customers'])).toEqual({
      '2025-01': { mrr: 200, customers: 3 },
      '2025-02': { mrr: 224, customers: 4 },
      '2025-03': { mrr: 324, customers: 5 },
      '2025-04': { mrr: 474, customers: 6 },
      '2025-05': { mrr: 474, customers: 6 },
      '2025-06': { mrr: 466, customers: 6 },
      '2025-07': { mrr: 466, customers: 6 },
    });
  });
});

describe('a second sync', () => {
  test('reads from the bookmark less the lookback, adds what is new and updates what changed', async () => {
    const s = setup(mock);
    s.sync();
    await mock.resetRequests();
    // A day later: a new customer signs up, the past-due invoice is paid at last.
    s.emu.clock.advance(86_400_000);
    const data = account();
    data['/v1/customers'] = [...data['/v1/customers'], customer({ id: 'cus_new', created: '2025-07-16' })];
    data['/v1/invoices'] = data['/v1/invoices'].map((i) =>
      i.id === 'in_pastdue_3' ? { ...i, status: 'paid', amount_paid: 5000, amount_remaining: 0 } : i,
    );
    await mock.setData(data);
    const progress = s.sync();
    expect(progress.at(-1)).toMatchObject({ done: true, errors: [] });

    const requests = await mock.requests();
    const customersAsked = query(requests.find((r) => r.url.startsWith('/v1/customers'))!.url);
    // The bookmark is the newest `created` seen; customers look back one day, invoices 45.
    const newestBefore = Math.max(...account()['/v1/customers'].map((c) => c.created as number));
    expect(customersAsked['created[gte]']).toBe(String(newestBefore - 86_400));
    const invoicesAsked = requests.filter((r) => r.url.startsWith('/v1/invoices')).map((r) => query(r.url));
    const newestInvoice = Math.max(...SAAS.invoices.map((i) => i.created as number));
    expect(invoicesAsked[0]['created[gte]']).toBe(String(newestInvoice - 45 * 86_400));

    const customers = rowsOf(s.tab('stripe_customers'));
    expect(customers).toHaveLength(251);
    expect(customers.filter((r) => r.id === 'cus_new')).toHaveLength(1);
    const invoices = rowsOf(s.tab('stripe_invoices'));
    expect(invoices).toHaveLength(SAAS.invoices.length);
    expect(invoices.find((r) => r.id === 'in_pastdue_3')?.status).toBe('paid');
  });
});

describe('Test connection', () => {
  const test1 = (apiKey: string) => {
    const emu = new Emulator({ realCpu: false, now: START });
    return emu.run((gas) => {
      try {
        return testConnection(
          gas,
          { connector: 'stripe', config: { apiKey, baseUrl: mock.url } },
          CONNECTORS,
        );
      } catch (error) {
        return (error as TapdashError).toInfo();
      }
    });
  };

  test('reads the first page of customers with a working key', () => {
    expect(test1(KEY)).toMatchObject({
      records: 100,
      message: 'Connected to Stripe: 100 customers on the first page.',
      columns: expect.arrayContaining(['id', 'email', 'created']),
    });
  });

  test('refuses a publishable key before calling Stripe', async () => {
    expect(test1('pk_test_51TapdashEndToEnd000000')).toMatchObject({
      code: 'config-invalid',
      message: expect.stringContaining('Publishable keys (pk_…) cannot read data'),
    });
    expect(await mock.requests()).toEqual([]);
  });

  test("reports Stripe's refusal of a wrong key with the fix", () => {
    expect(test1('sk_test_51NotTheRightKey0000')).toMatchObject({
      code: 'auth-rejected',
      fix: expect.stringContaining('a current secret key (sk_…) or a restricted key (rk_…)'),
    });
  });
});

describe("Stripe's failures", () => {
  test('a rejected key stops the sync with the fix in Stripe words, and keeps every row', async () => {
    const s = setup(mock);
    s.sync();
    const before = s.tab('stripe_customers');
    s.emu.run((gas) =>
      saveConnection(
        gas,
        {
          id: 'stripe',
          connector: 'stripe',
          config: { apiKey: 'sk_test_51RotatedKey99999999', baseUrl: mock.url },
        },
        stripe,
      ),
    );
    s.emu.clock.advance(3_600_000);
    const progress = s.sync().at(-1)!;
    expect(progress.errors[0]).toMatchObject({
      code: 'auth-rejected',
      message: expect.stringContaining(
        'Stripe rejected the API key (401). It said: "Invalid API Key provided: sk_test_',
      ),
      fix: expect.stringContaining('a current secret key (sk_…) or a restricted key (rk_…)'),
    });
    expect(s.tab('stripe_customers')).toEqual(before);
    expect(JSON.stringify(s.tab('Sync log'))).not.toContain('RotatedKey');
  });

  test('a restricted key without a permission names what to grant', async () => {
    await mock.setFaults([{ kind: 'forbidden', times: 1, path: '/v1/charges' }]);
    const progress = setup(mock).sync().at(-1)!;
    expect(progress.errors).toEqual([
      expect.objectContaining({
        code: 'forbidden',
        where: 'stripe_charges',
        fix: expect.stringContaining(
          'give it Read access to Customers, Subscriptions, Invoices, Prices, Charges and Balance',
        ),
      }),
    ]);
  });

  test('a 429 is waited out as Retry-After asks, then the sync succeeds', async () => {
    await mock.setFaults([{ kind: 'rate-limit', times: 1, retryAfterSeconds: 3, path: '/v1/invoices' }]);
    const s = setup(mock);
    const progress = s.sync().at(-1)!;
    expect(progress).toMatchObject({ done: true, errors: [] });
    const invoices = (await mock.requests()).filter((r) => r.url.startsWith('/v1/invoices'));
    expect(invoices[0].status).toBe(429);
    expect(invoices[1].status).toBe(200);
    // Waited as asked, on the emulator's simulated clock.
    const waited = s.emu.executions.find((e) => (e.calls['Utilities.sleep'] ?? 0) > 0);
    expect(waited?.durationMs).toBeGreaterThanOrEqual(3_000);
    expect(rowsOf(s.tab('stripe_invoices'))).toHaveLength(SAAS.invoices.length);
  });

  test('a 500 on a later page is retried and the stream completes', async () => {
    const data = account();
    const newest = [...data['/v1/customers']].sort(
      (a, b) => (b.created as number) - (a.created as number) || String(b.id).localeCompare(String(a.id)),
    );
    await mock.setFaults([
      { kind: 'server-error', times: 1, path: '/v1/customers', startingAfter: String(newest[99].id) },
    ]);
    const s = setup(mock);
    expect(s.sync().at(-1)).toMatchObject({ done: true, errors: [] });
    const customers = (await mock.requests()).filter((r) => r.url.startsWith('/v1/customers'));
    expect(customers.map((r) => r.status)).toEqual([200, 500, 200, 200]);
    expect(rowsOf(s.tab('stripe_customers'))).toHaveLength(250);
  });

  test('a broken body is reported as Stripe sending something unreadable', async () => {
    await mock.setFaults([{ kind: 'malformed', times: 5, path: '/v1/prices' }]);
    const progress = setup(mock).sync().at(-1)!;
    expect(progress.errors).toEqual([
      expect.objectContaining({
        code: 'bad-response',
        where: 'stripe_prices',
        message: expect.stringContaining('Stripe sent a reply'),
      }),
    ]);
  });
});
