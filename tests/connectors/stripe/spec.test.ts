/** The Stripe spec and package hold together: streams, columns, allowlist, models, metrics, charts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CONNECTORS, findConnector } from '../../../connectors';
import { stripePackage } from '../../../connectors/stripe/package';
import { STRIPE_API_VERSION, stripe } from '../../../connectors/stripe/spec';
import balanceTransactionsPage from '../../../playground/mock-apis/stripe/fixtures/list_balance_transactions.json';
import chargesPage from '../../../playground/mock-apis/stripe/fixtures/list_charges.json';
import customersPage from '../../../playground/mock-apis/stripe/fixtures/list_customers.json';
import invoicesPage from '../../../playground/mock-apis/stripe/fixtures/list_invoices.json';
import subscriptionsPage from '../../../playground/mock-apis/stripe/fixtures/list_subscriptions.json';
import { balanceTransaction, charge, listPage } from '../../../playground/mock-apis/stripe/stripe-objects';
import { allowlistEntryProblem, isUrlAllowed } from '../../../src/connect/allowlist';
import { type Row, streamRecords, tablesFromPages } from './support/engine-tables';
import { runModels } from './support/run-models';
import { NOW, saasPages } from './support/saas-fixture';

describe('connector spec', () => {
  test('is registered under its id', () => {
    expect(CONNECTORS).toContain(stripe);
    expect(findConnector('stripe')).toBe(stripe);
  });

  test('pins the Stripe API version and authenticates with the key as a bearer token', () => {
    expect(stripe.headers['Stripe-Version']).toBe(STRIPE_API_VERSION);
    expect(stripe.auth).toEqual({ type: 'bearer', field: 'apiKey' });
    expect(stripe.fields.find((f) => f.key === 'apiKey')?.kind).toBe('secret');
  });

  test('its allowlist entries are valid and cover every stream URL', () => {
    for (const entry of stripe.allowedUrls) expect(allowlistEntryProblem(entry)).toBeUndefined();
    for (const stream of stripe.streams)
      expect(isUrlAllowed(stripe.baseUrl + stream.path, stripe.allowedUrls)).toBe(true);
  });

  test.each([
    ['sk_live_51H8xAbCdEfGhIjKlMn', true],
    ['rk_test_51H8xAbCdEfGhIjKlMn', true],
    ['pk_live_51H8xAbCdEfGhIjKlMn', false],
    ['whsec_51H8xAbCdEfGhIjKlMn', false],
    ['sk_live_', false],
  ])('the key field accepts %s: %s', (key, ok) => {
    const field = stripe.fields.find((f) => f.key === 'apiKey');
    expect(new RegExp(field?.pattern ?? '').test(key)).toBe(ok);
  });

  test('the test stream exists', () => {
    expect(stripe.streams.map((s) => s.name)).toContain(stripe.testStream);
  });

  test.each(stripe.streams.map((s) => [s.name, s] as const))(
    '%s declares its key, cursor and pages',
    (_, stream) => {
      const names = stream.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const key of stream.primaryKey) expect(names).toContain(key);
      if (stream.incremental) {
        const cursor = stream.columns.find((c) => c.name === stream.incremental?.cursorField);
        expect(cursor).toMatchObject({ type: 'datetime', format: 'unix' });
        expect(stream.incremental.param).toBe('created[gte]');
        expect(stream.incremental.lookbackSeconds).toBeGreaterThan(0);
      }
      expect(stream.pagination).toMatchObject({
        type: 'last-id',
        param: 'starting_after',
        hasMorePath: 'has_more',
      });
      expect(stream.pagination).toMatchObject({ pageSize: { param: 'limit', value: 100 } });
    },
  );

  test('every declared column is filled from what Stripe sends', () => {
    const pages: Record<string, unknown[]> = {
      ...saasPages(),
      '/v1/charges': [
        chargesPage,
        listPage('/v1/charges', [
          charge({ id: 'ch_1', customer: 'c', amount: 1, created: '2025-01-01', status: 'failed' }),
        ]),
      ],
      '/v1/balance_transactions': [
        balanceTransactionsPage,
        listPage('/v1/balance_transactions', [
          balanceTransaction({ id: 't', amount: 1, created: '2025-01-01', reporting_category: 'charge' }),
        ]),
      ],
    };
    pages['/v1/customers'].push(customersPage);
    pages['/v1/invoices'].push(invoicesPage);
    pages['/v1/subscriptions'].push(subscriptionsPage);
    for (const stream of stripe.streams) {
      const seen = new Set<string>();
      for (const page of pages[stream.path])
        for (const record of streamRecords(stream, page)) collectPaths(record, '', seen);
      const missing = stream.columns.map((c) => c.name).filter((name) => !seen.has(name));
      expect({ stream: stream.name, missing }).toEqual({ stream: stream.name, missing: [] });
    }
  });
});

function collectPaths(value: unknown, prefix: string, out: Set<string>): void {
  if (prefix) out.add(prefix);
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) collectPaths(v, prefix ? `${prefix}.${k}` : k, out);
}

const vegaLiteSchema = JSON.parse(
  readFileSync(join(__dirname, '../../../node_modules/vega-lite/build/vega-lite-schema.json'), 'utf8'),
);
const validVegaLite = new Ajv({ strict: false, validateFormats: false }).compile(vegaLiteSchema);

describe('metric package', () => {
  let results: Record<string, Row[]>;

  beforeAll(() => {
    jest.useFakeTimers({ now: new Date(NOW) });
    results = runModels(stripePackage.models, tablesFromPages(stripe.streams, saasPages()));
    jest.useRealTimers();
  });

  const columnsOf = (model: string) => new Set(results[model].flatMap((row) => Object.keys(row)));

  test('reads only its own tabs and the models listed before it', () => {
    const tables = new Set(stripe.streams.map((s) => `stripe_${s.name}`));
    for (const model of stripePackage.models) {
      const ctes = [...model.sql.matchAll(/(\w+) AS \(/g)].map((m) => m[1]);
      const reads = [...model.sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)/g)].map((m) => m[1]);
      for (const name of reads)
        expect({ model: model.name, reads: name, known: tables.has(name) || ctes.includes(name) }).toEqual({
          model: model.name,
          reads: name,
          known: true,
        });
      tables.add(model.name);
    }
  });

  test('has the Stripe MRR model with the agreed columns', () => {
    const mrr = stripePackage.models.find((m) => m.name === 'stripe_mrr');
    expect(mrr?.label).toBe('Stripe MRR');
    expect([...columnsOf('stripe_mrr')]).toEqual([
      'month',
      'mrr',
      'new_mrr',
      'expansion_mrr',
      'contraction_mrr',
      'churned_mrr',
      'reactivation_mrr',
      'customers',
    ]);
  });

  test('formats name columns each model returns', () => {
    for (const model of stripePackage.models) {
      const columns = columnsOf(model.name);
      for (const column of Object.keys(model.formats ?? {}))
        expect(`${model.name}.${column}: ${columns.has(column)}`).toBe(`${model.name}.${column}: true`);
    }
  });

  test('headline metrics read existing model columns', () => {
    for (const metric of stripePackage.metrics) {
      const columns = columnsOf(metric.model);
      expect(columns.has(metric.valueColumn)).toBe(true);
      if (metric.periodColumn) expect(columns.has(metric.periodColumn)).toBe(true);
    }
  });

  test.each(stripePackage.charts.map((c) => [c.id, c] as const))(
    'chart %s is valid Vega-Lite over its model',
    (_, chart) => {
      const spec = chart.spec as { data: { name: string }; encoding: Record<string, { field?: string }> };
      const columns = columnsOf(spec.data.name);
      for (const channel of Object.values(spec.encoding))
        if (channel.field) expect(columns.has(channel.field)).toBe(true);
      expect(validVegaLite(chart.spec) ? [] : validVegaLite.errors).toEqual([]);
    },
  );
});

describe('registration', () => {
  test('the Stripe package ships with the connector', async () => {
    const { PACKAGES, packagesFor } = await import('../../../connectors/packages');
    expect(PACKAGES).toContain(stripePackage);
    expect(packagesFor(['stripe'])).toEqual([stripePackage]);
  });
});
