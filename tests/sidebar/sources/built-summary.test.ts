import { PACKAGES } from '../../../connectors/packages';
import { describeBuilt, isPackageModelOf, type RefreshOutcome } from '../../../sidebar/sources/built-summary';

function model(name: string, label: string, status: 'ok' | 'failed' | 'skipped' = 'ok') {
  return { name, label, status, rows: 3, columns: [], testFailures: [] };
}

function refresh(models: RefreshOutcome['models'], charts = 2): RefreshOutcome {
  return {
    models,
    alertsSent: 0,
    refreshedAt: 0,
    charts: Array.from({ length: charts }, (_, i) => ({
      id: `c${i}`,
      title: `Chart ${i}`,
      shown: 'sheet' as const,
    })),
  };
}

describe('what a sync built, in a sentence', () => {
  const demoAndStripe = [
    model('demo_invoices_by_month', 'Demo · Invoices by month'),
    model('demo_months', 'Demo · Months'),
    model('demo_mrr', 'Demo · MRR'),
    model('stripe_mrr', 'Stripe · MRR'),
    model('stripe_revenue', 'Stripe · Revenue'),
  ];

  it("names only the synced source's summary tabs, not every source's", () => {
    expect(describeBuilt(refresh(demoAndStripe), 'stripe').text).toBe(
      'Built 2 summary tabs (Stripe · MRR, Stripe · Revenue) and the Dashboard with 2 charts.',
    );
  });

  it('says the Dashboard was updated when the source has no summary tabs of its own', () => {
    expect(describeBuilt(refresh(demoAndStripe, 1), 'csv-url').text).toBe(
      'Updated the Dashboard with 1 chart.',
    );
  });

  it('shortens a long list of tabs to three names and a count', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((x) => model(`stripe_${x}`, `Stripe · ${x}`));
    expect(describeBuilt(refresh(many), 'stripe').text).toBe(
      'Built 5 summary tabs (Stripe · a, Stripe · b, Stripe · c and 2 more) and the Dashboard with 2 charts.',
    );
  });

  it('still names a failed report with its reason', () => {
    const failed = {
      ...model('weekly_sales', 'Weekly sales', 'failed'),
      error: { code: 'x', message: 'No such column.', fix: '' },
    };
    expect(describeBuilt(refresh([failed]), 'stripe').failures).toEqual(['Weekly sales: No such column.']);
  });

  it("every shipped package's models are named after its connector, so the sidebar can tell whose they are", () => {
    for (const p of PACKAGES)
      for (const m of p.models)
        expect({ model: m.name, ours: isPackageModelOf(m.name, p.connector) }).toEqual({
          model: m.name,
          ours: true,
        });
  });
});
