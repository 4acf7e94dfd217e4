import { compile } from 'vega-lite';
import type { ConnectorSpec } from '../../../src/connect/connector-spec';
import { toDate, UTC_CALENDAR } from '../../../src/dashboard/calendar';
import { compileChart } from '../../../src/dashboard/compile-chart';
import type { MetricPackage } from '../../../src/model/model-spec';
import type { Row } from './run-models';

// vega-lite imports vega, whose package exports only an ES module that jest's transform skips;
// its UMD build is the same code in CommonJS form.
jest.mock('vega', () => jest.requireActual(`${process.cwd()}/node_modules/vega/build/vega.js`));

/** Every model, metric and chart refers to names that exist, and every chart compiles. */
export function checkPackage(pkg: MetricPackage, spec: ConnectorSpec, outputs: Record<string, Row[]>): void {
  const modelNames = pkg.models.map((m) => m.name);
  const columnsOf = (model: string) => new Set(outputs[model]?.flatMap((row) => Object.keys(row)) ?? []);

  it('names every model <connector>_… in lower_snake_case, once', () => {
    for (const name of modelNames) expect(name).toMatch(new RegExp(`^${spec.id}_[a-z0-9_]+$`));
    expect(modelNames).toEqual([...new Set(modelNames)]);
  });

  it('reads only its own source tabs and earlier models', () => {
    const sources = new Set(spec.streams.map((s) => `${spec.id}_${s.name}`));
    for (const [index, model] of pkg.models.entries()) {
      const tables = [...model.sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]);
      for (const table of tables) {
        const known = sources.has(table) || modelNames.slice(0, index).includes(table);
        expect(`${model.name} reads ${table}: ${known}`).toBe(`${model.name} reads ${table}: true`);
      }
    }
  });

  it('points every headline metric at a model column that the fixture produces', () => {
    for (const metric of pkg.metrics) {
      const columns = columnsOf(metric.model);
      expect(columns).toContain(metric.valueColumn);
      if (metric.periodColumn) expect(columns).toContain(metric.periodColumn);
    }
  });

  it("declares every headline metric a level or a flow, and keeps each flow by its periods' first days", () => {
    const problems = pkg.metrics.flatMap((metric) => {
      if (metric.kind === 'level') return [];
      if (metric.kind !== 'flow') return [`${metric.id}: declare kind 'level' or 'flow'`];
      if (!metric.periodColumn || !metric.periodUnit)
        return [`${metric.id}: a flow needs periodColumn and periodUnit`];
      const column = metric.periodColumn;
      // A row's period runs from the first day its column holds: a month's 1st, a week's Monday.
      return (outputs[metric.model] ?? []).flatMap((row) => {
        const start = toDate(row[column], UTC_CALENDAR);
        const ok =
          start !== null &&
          (metric.periodUnit === 'month' ? start.getUTCDate() === 1 : true) &&
          (metric.periodUnit === 'week' ? start.getUTCDay() === 1 : true);
        return ok ? [] : [`${metric.id}: ${String(row[column])} does not start a ${metric.periodUnit}`];
      });
    });
    expect(problems).toEqual([]);
  });

  it('draws every chart from a model, with fields that model produces, as valid Vega-Lite', () => {
    for (const chart of pkg.charts) {
      const spec = chart.spec as {
        data: { name: string };
        transform?: Array<{ fold?: string[]; as?: string[] }>;
      };
      expect(modelNames).toContain(spec.data.name);
      const fields = columnsOf(spec.data.name);
      for (const t of spec.transform ?? []) {
        for (const f of t.fold ?? []) expect(fields).toContain(f);
        for (const f of t.as ?? []) fields.add(f);
      }
      const encoding = (chart.spec.encoding ?? {}) as Record<string, { field?: string }>;
      for (const channel of Object.values(encoding))
        if (channel.field) expect(fields).toContain(channel.field);
      expect(`${chart.id}: ${compileWarnings(chart.spec)}`).toBe(`${chart.id}: `);
    }
  });

  it('compiles every chart to a native Sheets chart on the Dashboard, nothing left to the sidebar', () => {
    const refused = pkg.charts.flatMap((chart) => {
      const model = (chart.spec.data as { name: string }).name;
      const plan = compileChart(chart.spec, { model, rows: outputs[model] }, { chart: chart.title });
      return plan.native ? [] : [`${chart.id}: ${plan.reasons.join('; ')}`];
    });
    expect(refused).toEqual([]);
  });
}

/** Vega-Lite logs most mistakes (a field type that cannot take a channel) as warnings and goes on. */
function compileWarnings(spec: Record<string, unknown>): string {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
  };
  try {
    compile(spec as never, { logger: logger as never });
  } catch (error) {
    warnings.push(String(error));
  }
  return warnings.join('; ');
}
