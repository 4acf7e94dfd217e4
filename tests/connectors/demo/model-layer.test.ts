/**
 * The Demo package through the model layer itself (src/model/run-models.ts): the SQL guard,
 * column analysis, row budget, dependency order and declared tests, on source tabs shaped as
 * getValues returns them. Every model must pass; none may be refused or skipped.
 */

import { generateDemo, type Row } from '../../../connectors/demo/generator/dataset';
import { demoPackage } from '../../../connectors/demo/package';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { PACKAGES, packagesFor } from '../../../connectors/packages';
import { runModels } from '../../../src/model/run-models';
import { DEFAULT_BUDGET } from '../../../src/model/sql-budget';
import { intlZoneOffset, wallClock } from '../../../src/model/time-zone';
import { demoData, NOW } from './support/demo-data';
import { typedRows } from './support/demo-db';

function sourceTabs(data: Record<string, Row[]> = demoData()): Map<string, unknown[][]> {
  const tabs = new Map<string, unknown[][]>();
  for (const stream of DEMO_STREAM_SPECS) {
    const header = stream.columns.map((c) => c.name);
    const rows = typedRows(data[stream.name], stream).map((r) => header.map((h) => r[h] ?? ''));
    tabs.set(`demo_${stream.name}`, [header, ...rows]);
  }
  return tabs;
}

describe('the Demo package in the model layer', () => {
  const results = runModels({ models: demoPackage.models, sources: sourceTabs() });

  it('is registered for the demo connector', () => {
    expect(PACKAGES).toContain(demoPackage);
    expect(packagesFor(['demo'])).toEqual([demoPackage]);
  });

  it('runs every model without a refusal, a budget stop or a failed test', () => {
    const problems = results
      .filter((r) => r.status !== 'ok' || r.testFailures.length > 0)
      .map((r) => `${r.name}: ${r.error?.message ?? JSON.stringify(r.testFailures)}`);
    expect(problems).toEqual([]);
  });

  it('stays well inside the row budget, so a bigger company still fits', () => {
    const heaviest = Math.max(...results.map((r) => r.estimatedWork ?? 0));
    expect(heaviest).toBeLessThan(DEFAULT_BUDGET.maxRowsExamined / 5);
  });

  it('gives the Stripe-compatible MRR columns, with dates back as dates', () => {
    const mrr = results.find((r) => r.name === 'demo_mrr');
    expect(mrr?.columns).toEqual([
      'month',
      'mrr',
      'new_mrr',
      'expansion_mrr',
      'contraction_mrr',
      'churned_mrr',
      'reactivation_mrr',
      'customers',
    ]);
    expect(mrr?.rows[0][0]).toBeInstanceOf(Date);
    expect(mrr?.rows.length).toBe(25);
  });

  it.each(['America/Los_Angeles', 'Asia/Tokyo'])(
    'starts MRR in the launch month for a spreadsheet in %s',
    (zone) => {
      const offset = intlZoneOffset(zone);
      if (!offset) throw new Error(`no time zone ${zone}`);
      // Seed 2 has launch-day signups early in the UTC day: they must not land in February in Los Angeles.
      const local = runModels({
        models: demoPackage.models,
        sources: sourceTabs(generateDemo(2, NOW)),
        clock: wallClock(offset),
      });
      const mrr = local.find((r) => r.name === 'demo_mrr');
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
      expect(mrr?.status).toBe('ok');
      expect(month.format(mrr?.rows[0][0] as Date)).toBe('2024-03');
      expect(mrr?.rows).toHaveLength(25);
    },
  );
});
