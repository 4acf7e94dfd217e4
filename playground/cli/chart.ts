/**
 * `tapdash chart SPEC.vl.json [--data FILE]`: how a Vega-Lite spec becomes a native Sheets chart,
 * or why it cannot (the sidebar then shows it with vega-embed). The spec is checked against the
 * full Vega-Lite schema first; --data is a JSON array of row objects or a CSV file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { inferTypes, read } from 'vega-loader';
import type {
  ChartPlan,
  DataShape,
  HelperRecipe,
  HelperTable,
  NativeChartPlan,
  Row,
} from '../../src/dashboard/chart-plan';
import { compileChart } from '../../src/dashboard/compile-chart';
import { computeHelperTable } from '../../src/dashboard/helper-table';
import { inferColumns } from '../../src/dashboard/infer-columns';
import { TapdashError } from '../../src/shared/errors';
import { validateVegaLite } from './vega-lite-schema';

/** A failure worded for the person at the terminal: what is wrong and what to do. */
export class ChartCommandError extends Error {}

const PREVIEW_ROWS = 8;

export function chartCommand(specPath: string, dataPath?: string): string {
  const name = basename(specPath);
  const spec = readSpec(specPath);
  const schema = validateVegaLite(spec);
  if (!schema.valid) {
    fail(
      `${name} is not a valid Vega-Lite spec:\n${schema.errors.map((e) => `  ${e}`).join('\n')}`,
      'Fix the properties named above; the reference is at https://vega.github.io/vega-lite/docs/.',
    );
  }
  const { shape, compiled, inline } = prepare(spec, dataPath);
  let plan: ChartPlan;
  try {
    plan = compileChart(compiled, shape, { chart: name });
  } catch (e) {
    if (e instanceof TapdashError) fail(e.message, e.fix);
    throw e;
  }
  const lines = plan.native ? describeNative(name, plan, shape) : describeRefused(name, plan);
  if (inline) lines.push('', 'Data: the spec\'s inline "values" stood in for the model\'s rows.');
  return lines.join('\n');
}

function fail(message: string, fix: string): never {
  throw new ChartCommandError(`${message}\nFix: ${fix}`);
}

function readSpec(path: string): Record<string, unknown> {
  const name = basename(path);
  if (!existsSync(path)) fail(`Cannot find the chart spec ${path}.`, 'Check the path and try again.');
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    fail(
      `${name} is not valid JSON: ${jsonErrorAt(text, e)}.`,
      'Fix the JSON syntax (a missing comma or quote is the usual cause).',
    );
  }
}

/** Node reports "at position N"; people read lines and columns. */
function jsonErrorAt(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

function prepare(
  spec: Record<string, unknown>,
  dataPath?: string,
): { shape: DataShape; compiled: Record<string, unknown>; inline: boolean } {
  const data = spec.data as Record<string, unknown> | undefined;
  const model = typeof data?.name === 'string' ? data.name : undefined;
  if (dataPath) {
    const rows = readRows(dataPath);
    // --data stands in for whatever the spec reads, even a gallery spec's url or inline values.
    const compiled = model ? spec : { ...spec, data: { name: 'data' } };
    return { shape: { model: model ?? 'data', columns: inferColumns(rows), rows }, compiled, inline: false };
  }
  // Gallery-style specs carry their rows inline; let them stand in for a model's output.
  if (data && Array.isArray(data.values) && !model) {
    const rows = data.values as Row[];
    return {
      shape: { model: 'values', columns: inferColumns(rows), rows },
      compiled: { ...spec, data: { name: 'values' } },
      inline: true,
    };
  }
  return { shape: { model: model ?? '' }, compiled: spec, inline: false };
}

function readRows(path: string): Row[] {
  if (!existsSync(path))
    fail(`Cannot find the data file ${path}.`, 'Pass a JSON array of row objects or a CSV file.');
  const text = readFileSync(path, 'utf8');
  const json = extname(path).toLowerCase() === '.json' || /^\s*\[/.test(text);
  if (json) {
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch (e) {
      fail(
        `${basename(path)} is not valid JSON: ${jsonErrorAt(text, e)}.`,
        'Pass a JSON array of row objects.',
      );
    }
    if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
      fail(
        `${basename(path)} is not an array of row objects.`,
        'Write it as [{"month": "2024-01-01", "mrr": 100}, …].',
      );
    return rows as Row[];
  }
  // Vega's own CSV reader and type inference, so the rows match what the sidebar would chart;
  // dates become Date values (Vega's "auto" parse would give epoch numbers), as a tab holds them.
  const raw = read(text, { type: 'csv' }) as Array<Record<string, string>>;
  const types = inferTypes(raw, raw.length ? Object.keys(raw[0]) : []);
  return raw.map((r) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(r)) {
      const type = types[key];
      if (value === '' || value === null || value === undefined) row[key] = null;
      else if (type === 'number' || type === 'integer') row[key] = Number(value);
      else if (type === 'boolean') row[key] = value === 'true';
      else if (type === 'date') row[key] = new Date(Date.parse(value));
      else row[key] = value;
    }
    return row;
  });
}

function describeNative(name: string, plan: NativeChartPlan, shape: DataShape): string[] {
  const stacked =
    plan.options.isStacked === 'percent' ? ', stacked to 100%' : plan.options.isStacked ? ', stacked' : '';
  const lines = [
    `${name}: native Sheets chart`,
    `  Chart type  ${plan.chartType}${stacked}`,
    `  Model       ${plan.model}`,
  ];
  if (plan.source.kind === 'model') {
    lines.push(
      `  Data        the model tab's columns ${plan.source.columns.map((c) => `"${c}"`).join(', ')} (live cells)`,
    );
  } else {
    lines.push("  Data        a helper range on _chart_data, prepared from the model's rows:");
    for (const step of describeRecipe(plan.source.recipe)) lines.push(`                ${step}`);
  }
  lines.push('  Options');
  const width = Math.max(...Object.keys(plan.options).map((k) => k.length));
  for (const [key, value] of Object.entries(plan.options))
    lines.push(`    ${key.padEnd(width)}  ${JSON.stringify(value)}`);
  if (plan.source.kind === 'helper' && shape.rows) {
    const table = computeHelperTable(plan.source.recipe, shape.rows);
    lines.push(`  Helper table (${Math.min(PREVIEW_ROWS, table.rows.length)} of ${table.rows.length} rows)`);
    for (const row of renderTable(table)) lines.push(`    ${row}`);
  }
  if (plan.notes.length) {
    lines.push('  Notes');
    for (const note of plan.notes) lines.push(`    - ${note}`);
  }
  return lines;
}

function describeRecipe(recipe: HelperRecipe): string[] {
  const steps: string[] = [];
  if (recipe.fold) steps.push(`fold ${recipe.fold.fields.join(', ')} into ${recipe.fold.as.join('/')}`);
  if (recipe.filter) steps.push(`keep rows where ${JSON.stringify(recipe.filter)}`);
  const unit = recipe.domain.timeUnit ? ` bucketed by ${recipe.domain.timeUnit}` : '';
  const sort = recipe.sort;
  const order =
    sort.by === 'none'
      ? 'in model order'
      : sort.by === 'value'
        ? sort.order
        : sort.by === 'list'
          ? `in the order ${sort.values.join(', ')}`
          : `by ${sort.op ?? 'the value'}${sort.field ? ` of ${sort.field}` : ''}, ${sort.order}`;
  steps.push(`first column: ${recipe.domain.field}${unit}, ${order}`);
  const value = recipe.measure.aggregate
    ? `${recipe.measure.aggregate}${recipe.measure.field ? ` of ${recipe.measure.field}` : ' of rows'}`
    : (recipe.measure.field ?? 'value');
  if (recipe.series) steps.push(`one column per ${recipe.series.field}, each the ${value}`);
  else steps.push(`second column: ${value}`);
  return steps;
}

function renderTable(table: HelperTable): string[] {
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  const rows = [table.header, ...table.rows.slice(0, PREVIEW_ROWS)].map((r) => r.map(cell));
  const widths = table.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

function describeRefused(name: string, plan: Extract<ChartPlan, { native: false }>): string[] {
  return [
    `${name}: not a native Sheets chart; the sidebar shows it with vega-embed instead.`,
    '  Reasons',
    ...plan.reasons.map((r) => `    - ${r}`),
  ];
}
