/**
 * The Demo package's parts fit together: metrics and charts point at models and columns that
 * exist, models come in dependency order, and every chart is valid Vega-Lite of a kind the
 * Dashboard can draw natively (bar, line, area, arc; series by colour).
 */

import { demoPackage } from '../../../connectors/demo/package';
import { demoConnector } from '../../../connectors/demo/spec';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { validateVegaLite } from '../../../playground/cli/vega-lite-schema';
import { UTC_CALENDAR } from '../../../src/dashboard/calendar';
import { compileChart } from '../../../src/dashboard/compile-chart';
import { inferColumns } from '../../../src/dashboard/infer-columns';
import { planTile } from '../../../src/dashboard/kpi-tiles';
import { demoData, NOW } from './support/demo-data';
import { demoDatabase, type Row, runModels } from './support/demo-db';

type Spec = Record<string, unknown> & {
  data: { name: string };
  encoding: Record<string, { field?: string }>;
};

const runs = runModels(demoDatabase(demoData(), DEMO_STREAM_SPECS), demoPackage.models);
const columnsOf = (model: string) => new Set(runs[model].rows.flatMap((r: Row) => Object.keys(r)));
const modelNames = demoPackage.models.map((m) => m.name);
const specs = demoPackage.charts.map((c) => c.spec as Spec);
const markOf = (spec: Spec) =>
  typeof spec.mark === 'string' ? spec.mark : (spec.mark as { type: string }).type;

describe('the Demo metric package', () => {
  it('belongs to the demo connector and names its models uniquely, apart from the source tables', () => {
    expect(demoPackage.connector).toBe(demoConnector.id);
    expect(new Set(modelNames).size).toBe(modelNames.length);
    const tables = DEMO_STREAM_SPECS.map((s) => `demo_${s.name}`);
    expect(modelNames.filter((m) => tables.includes(m))).toEqual([]);
    expect(modelNames.every((m) => /^demo_[a-z0-9_]+$/.test(m))).toBe(true);
  });

  it('lists models after the models they read, and reads only tables that exist', () => {
    const tables = new Set(DEMO_STREAM_SPECS.map((s) => `demo_${s.name}`));
    const problems: string[] = [];
    for (const model of demoPackage.models) {
      for (const [, name] of model.sql.matchAll(/\b(?:FROM|JOIN)\s+(demo_[a-z0-9_]+)/gi))
        if (!tables.has(name)) problems.push(`${model.name} reads ${name} before it exists`);
      tables.add(model.name);
    }
    expect(problems).toEqual([]);
  });

  it('has headline metrics on existing models, columns and period columns', () => {
    const problems = demoPackage.metrics.flatMap((m) => {
      if (!modelNames.includes(m.model)) return [`${m.id}: no model ${m.model}`];
      const columns = columnsOf(m.model);
      return [m.valueColumn, m.periodColumn ?? m.valueColumn]
        .filter((c) => !columns.has(c))
        .map((c) => `${m.id}: ${m.model} has no ${c}`);
    });
    expect(problems).toEqual([]);
    expect(new Set(demoPackage.metrics.map((m) => m.id)).size).toBe(demoPackage.metrics.length);
  });

  it('has one headline metric for each kind of metric', () => {
    const labels = demoPackage.metrics.map((m) => m.label);
    for (const label of [
      'MRR',
      'Paying customers',
      'Customer churn',
      'Net revenue retention',
      'Open pipeline',
      'Win rate',
      'Sessions (week)',
      'Signup conversion',
    ])
      expect(labels).toContain(label);
  });

  it('gives the Dashboard a value, a change and a sparkline for every headline metric', () => {
    const tiles = demoPackage.metrics.map((metric) => {
      const model = demoPackage.models.find((m) => m.name === metric.model);
      const rows = runs[metric.model].rows;
      const header = Object.keys(rows[0]);
      const tab = {
        model: metric.model,
        title: model?.label ?? metric.model,
        header,
        rows: rows.map((r) => header.map((h) => r[h])),
      };
      return planTile(metric, tab, 'USD', { calendar: UTC_CALENDAR, now: NOW });
    });
    const incomplete = tiles.filter(
      (t) => !t.value.startsWith('=') || !t.change || !t.sparkline.startsWith('=SPARKLINE('),
    );
    expect(incomplete).toEqual([]);
  });

  it('draws every chart from an existing model, with encodings on columns that model returns', () => {
    const problems = specs.flatMap((spec) => {
      const model = spec.data.name;
      if (!modelNames.includes(model)) return [`${spec.title}: no model ${model}`];
      const columns = columnsOf(model);
      return Object.values(spec.encoding)
        .map((channel) => channel.field)
        .filter((field): field is string => field !== undefined && !columns.has(field))
        .map((field) => `${spec.title}: ${model} has no ${field}`);
    });
    expect(problems).toEqual([]);
  });

  it('ships only valid Vega-Lite', () => {
    const invalid = demoPackage.charts.flatMap((c) => {
      const check = validateVegaLite(c.spec);
      return check.valid ? [] : [`${c.id}: ${check.errors.join('; ')}`];
    });
    expect(invalid).toEqual([]);
    expect(validateVegaLite({ data: { name: 'demo_mrr' }, mark: 'bubble' }).valid).toBe(false);
  });

  it('compiles every chart to a native Sheets chart over its model’s rows', () => {
    const plans = demoPackage.charts.map((c) => {
      const model = (c.spec as Spec).data.name;
      const rows = runs[model].rows;
      return {
        id: c.id,
        plan: compileChart(c.spec, { model, columns: inferColumns(rows), rows }, { chart: c.id }),
      };
    });
    const refused = plans.filter(({ plan }) => !plan.native).map(({ id, plan }) => [id, plan]);
    expect(refused).toEqual([]);
    const types = new Set(plans.map(({ plan }) => (plan.native ? plan.chartType : '')));
    expect([...types].sort()).toEqual(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE']);
  });

  it('uses a variety of chart kinds the Dashboard turns into native Sheets charts', () => {
    const marks = new Set(specs.map(markOf));
    expect([...marks].sort()).toEqual(['arc', 'area', 'bar', 'line']);
    expect(specs.some((s) => markOf(s) === 'bar' && s.encoding.color)).toBe(true);
    expect(specs.some((s) => markOf(s) === 'area' && s.encoding.color)).toBe(true);
    expect(specs.some((s) => markOf(s) === 'line' && s.encoding.color)).toBe(true);
    expect(specs.some((s) => markOf(s) === 'arc' && (s.mark as { innerRadius?: number }).innerRadius)).toBe(
      true,
    );
    const unsupported = specs.filter(
      (s) => 'layer' in s || 'facet' in s || 'transform' in s || 'params' in s,
    );
    expect(unsupported).toEqual([]);
  });

  it('gives every chart a unique id and a title', () => {
    const ids = demoPackage.charts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(demoPackage.charts.every((c) => c.title.length > 0 && c.title === (c.spec as Spec).title)).toBe(
      true,
    );
  });
});
