import { TapdashError } from '../shared/errors';
import type { ModelColumn } from './chart-plan';
import { COMPOSITION_KEYS, isObject, type Json, referencedFields } from './spec-json';

const ENCODING_TYPES = new Set(['quantitative', 'temporal', 'nominal', 'ordinal', 'geojson']);

export interface SpecCheckOptions {
  /** How the chart is named in messages: its title or file name. */
  chart: string;
  /**
   * The models a chart may read, with their columns when known. Omitted: the model name is not
   * checked. A model mapped to undefined exists but its columns are unknown.
   */
  models?: ReadonlyMap<string, readonly ModelColumn[] | undefined>;
}

/**
 * The structural checks the server can afford (the full Vega-Lite JSON schema stays out of
 * Code.js): a JSON object that reads a known model by name, has a mark or a composition, uses
 * valid encoding types, and only fields the model has. Returns the model name.
 */
export function checkChartSpec(spec: unknown, options: SpecCheckOptions): { model: string; spec: Json } {
  const { chart } = options;
  if (!isObject(spec)) {
    throw new TapdashError({
      code: 'chart_spec_invalid',
      message: `The chart “${chart}” is not a Vega-Lite spec: it must be a JSON object.`,
      fix: 'Write the chart as a JSON object such as {"data": {"name": "stripe_mrr"}, "mark": "line", "encoding": {…}}.',
      where: chart,
    });
  }
  const model = readModelName(spec, chart);
  if (options.models && !options.models.has(model)) {
    const known = [...options.models.keys()].sort();
    throw new TapdashError({
      code: 'chart_model_missing',
      message: `The chart “${chart}” reads the model “${model}”, which this spreadsheet does not have.`,
      fix: known.length
        ? `Set "data": {"name": …} to one of: ${known.join(', ')}.`
        : 'Install the package that provides this model first, then rebuild the dashboard.',
      where: chart,
    });
  }
  if (!('mark' in spec) && !COMPOSITION_KEYS.some((k) => k in spec)) {
    throw new TapdashError({
      code: 'chart_spec_invalid',
      message: `The chart “${chart}” has no "mark", so there is nothing to draw.`,
      fix: 'Add a mark such as "mark": "bar", "line", "area", "point" or "arc".',
      where: chart,
    });
  }
  checkEncodingTypes(spec, chart);
  const columns = options.models?.get(model);
  if (columns) checkFields(spec, chart, model, columns);
  return { model, spec };
}

function readModelName(spec: Json, chart: string): string {
  const data = spec.data;
  if (isObject(data) && typeof data.name === 'string' && data.name.trim() !== '') return data.name;
  const source =
    isObject(data) && 'url' in data ? 'a URL' : isObject(data) && 'values' in data ? 'inline values' : '';
  throw new TapdashError({
    code: 'chart_spec_invalid',
    message: source
      ? `The chart “${chart}” reads its data from ${source}; Tapdash charts read a model's output by name.`
      : `The chart “${chart}” does not say which model it reads.`,
    fix: 'Set "data": {"name": "<model>"}, for example {"name": "stripe_mrr"}.',
    where: chart,
  });
}

function checkEncodingTypes(spec: Json, chart: string): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!isObject(node)) return;
    if ('encoding' in node && node.encoding !== undefined && !isObject(node.encoding)) {
      throw new TapdashError({
        code: 'chart_spec_invalid',
        message: `The chart “${chart}” has an "encoding" that is not an object.`,
        fix: 'Write the encoding as an object of channels, such as {"x": {"field": "month", "type": "temporal"}}.',
        where: chart,
      });
    }
    if (isObject(node.encoding)) {
      for (const [channel, def] of Object.entries(node.encoding)) {
        for (const d of Array.isArray(def) ? def : [def]) {
          if (isObject(d) && d.type !== undefined && !ENCODING_TYPES.has(String(d.type))) {
            throw new TapdashError({
              code: 'chart_spec_invalid',
              message: `The chart “${chart}” gives encoding.${channel} the type “${String(d.type)}”, which Vega-Lite does not know.`,
              fix: 'Use one of: quantitative (numbers), temporal (dates), nominal (categories), ordinal (ordered categories).',
              where: chart,
            });
          }
        }
      }
    }
    for (const key of COMPOSITION_KEYS) if (key in node) visit(node[key]);
  };
  visit(spec);
}

function checkFields(spec: Json, chart: string, model: string, columns: readonly ModelColumn[]): void {
  const { fields, created } = referencedFields(spec);
  if (created.has('*')) return;
  const names = new Set(columns.map((c) => c.name));
  for (const [field, at] of fields) {
    if (names.has(field) || created.has(field)) continue;
    const list = columns.map((c) => c.name).join(', ');
    throw new TapdashError({
      code: 'chart_field_missing',
      message: `The chart “${chart}” uses the field “${field}” (${at}), which the model “${model}” does not have.`,
      fix: list
        ? `Use one of the model's columns (${list}), or add “${field}” to the model's SQL.`
        : `Add “${field}” to the model's SQL, or refresh so the model has columns.`,
      where: chart,
    });
  }
}
