/**
 * The package holds up for other seeds and other moments, not only the one the other tests use:
 * the first minutes of a month (no invoice yet this month), a leap day, the last day of a year.
 */
import { generateDemo } from '../../../connectors/demo/generator/dataset';
import { demoPackage } from '../../../connectors/demo/package';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { demoDatabase, type Row, runModels } from './support/demo-db';
import { failedModelTests } from './support/model-checks';

const num = (v: unknown) => v as number;

describe.each([
  [1, '2024-03-01T00:05:00Z'],
  [2, '2028-02-29T23:59:00Z'],
  [3, '2026-12-31T12:00:00Z'],
])('the Demo package for seed %i at %s', (seed, iso) => {
  const now = new Date(iso);
  const data = generateDemo(seed, now);
  const runs = runModels(demoDatabase(data, DEMO_STREAM_SPECS), demoPackage.models);
  const rows = (name: string): Row[] => runs[name].rows;

  it('runs every model to a non-empty result that passes its declared tests', () => {
    expect(demoPackage.models.filter((m) => rows(m.name).length === 0).map((m) => m.name)).toEqual([]);
    const tables = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.rows]));
    expect(demoPackage.models.flatMap((m) => failedModelTests(m, rows(m.name), tables))).toEqual([]);
  });

  it('keeps MRR positive and explained by its movements', () => {
    const m = rows('demo_mrr');
    expect(m.every((r) => num(r.mrr) > 0)).toBe(true);
    for (let i = 1; i < m.length; i++) {
      const r = m[i];
      const bridge =
        num(m[i - 1].mrr) +
        num(r.new_mrr) +
        num(r.expansion_mrr) +
        num(r.reactivation_mrr) -
        num(r.contraction_mrr) -
        num(r.churned_mrr);
      expect(bridge).toBeCloseTo(num(r.mrr), 1);
    }
  });

  it('dates nothing after now', () => {
    const latest = Math.max(
      ...data.invoices.map((r) => num(r.created) * 1000),
      ...data.tickets.map((r) => Date.parse(String(r.created_at))),
      ...data.deals.map((r) => Date.parse(String(r.createdAt))),
    );
    expect(latest).toBeLessThanOrEqual(now.getTime());
  });
});
