import { TapdashError } from '../shared/errors';
import { type Calendar, toDate, UTC_CALENDAR } from './calendar';
import { buildOptions, channelTitle } from './chart-options';
import type {
  AggregateOp,
  ChartPlan,
  ChartSource,
  DataShape,
  DomainSort,
  HelperRecipe,
  ModelColumn,
  Row,
  SeriesOrder,
  SheetsChartType,
} from './chart-plan';
import { checkChartSpec } from './check-spec';
import { compareAscending, toNumber } from './helper-table';
import { type FieldChannel, readUnitSpec, type UnitSpec } from './read-unit-spec';
import { isObject } from './spec-json';

export interface CompileOptions {
  /** How the chart is named in messages (its title or file). Defaults to the model name. */
  chart?: string;
  /** Used to read `YYYY-MM-DD` strings when checking whether rows are already in order. */
  calendar?: Calendar;
}

/**
 * Compiles a Vega-Lite spec over a model's output into a native Sheets chart plan, or into the
 * reasons it cannot be one. Pure: no services, same answer for the same input.
 *
 * Throws a TapdashError when the spec itself is wrong (not an object, no model, a field the
 * model lacks); returns `native: false` when it is a fine spec that Sheets cannot draw.
 */
export function compileChart(spec: unknown, shape: DataShape, options: CompileOptions = {}): ChartPlan {
  const chart = options.chart ?? shape.model;
  const checked = checkChartSpec(spec, { chart, models: new Map([[shape.model, shape.columns]]) });
  const model = checked.model;
  const read = readUnitSpec(checked.spec);
  const { reasons, notes } = read;
  if (!read.unit) return { native: false, model, reasons };
  const unit = read.unit;

  const layout = planLayout(unit, reasons);
  if (!layout || reasons.length) return { native: false, model, reasons };
  checkFieldTypes(unit, layout, shape, chart);

  const view = {
    width: typeof checked.spec.width === 'number' ? checked.spec.width : undefined,
    height: typeof checked.spec.height === 'number' ? checked.spec.height : undefined,
  };
  const domainSort =
    layout.chartType === 'PIE'
      ? sortFromSeries(seriesOrder(layout.domain, reasons))
      : readDomainSort(layout, reasons, notes);
  const order = layout.series ? seriesOrder(layout.series, reasons) : undefined;
  const recipe = buildRecipe(unit, layout, domainSort, order);
  const direct = directColumns(unit, layout, shape, recipe, order, options.calendar ?? UTC_CALENDAR, notes);
  const chartOptions = buildOptions(
    {
      unit,
      chartType: layout.chartType,
      domain: layout.domain,
      measure: layout.measure,
      series: layout.series,
      isStacked: layout.isStacked,
      pivoted: layout.series !== undefined && !direct,
      view,
    },
    reasons,
    notes,
  );
  if (reasons.length) return { native: false, model, reasons };
  const source: ChartSource = direct ? { kind: 'model', columns: direct } : { kind: 'helper', recipe };
  return { native: true, model, chartType: layout.chartType, source, options: chartOptions, notes };
}

interface Layout {
  chartType: SheetsChartType;
  domain: FieldChannel;
  measure: FieldChannel;
  series?: FieldChannel;
  isStacked?: boolean | 'percent';
}

const DISCRETE = new Set(['nominal', 'ordinal']);

/** Decides the Sheets chart type and which channel plays which part, or says why none fits. */
function planLayout(unit: UnitSpec, reasons: string[]): Layout | undefined {
  const { x, y, color, theta, xOffset, yOffset } = unit.channels;
  const mark = unit.mark.type;
  const before = reasons.length;

  if (mark === 'arc') {
    if (x || y) reasons.push('encoding.x/y: an arc (pie) has no x or y axis');
    if (!theta) reasons.push('encoding.theta: a pie needs theta (the slice sizes)');
    else if (theta.type !== 'quantitative')
      reasons.push('encoding.theta: slice sizes must be numbers (quantitative)');
    if (!color?.field) reasons.push('encoding.color: a pie needs a color field naming the slices');
    else if (!DISCRETE.has(color.type))
      reasons.push('encoding.color: pie slices must be categories (nominal)');
    if (reasons.length > before || !theta || !color) return undefined;
    return { chartType: 'PIE', domain: color, measure: theta };
  }
  if (theta) reasons.push('encoding.theta: only arc marks use theta');

  if (!x || !y) {
    reasons.push(`mark "${mark}": Sheets charts need both x and y (a category or date, and a number)`);
    return undefined;
  }
  const series = color?.field ? color : undefined;
  if (series && !DISCRETE.has(series.type))
    reasons.push(`${series.path}: coloring by a ${series.type} field (a gradient) has no Sheets equivalent`);
  if (series?.aggregate || series?.timeUnit)
    reasons.push(`${series?.path}: a color field with an aggregate or timeUnit is not supported`);

  let layout: Layout | undefined;
  if (mark === 'bar') layout = barLayout(unit, x, y, series, reasons);
  else if (mark === 'line' || mark === 'area') layout = lineLayout(mark, x, y, series, reasons);
  else layout = scatterLayout(x, y, series, reasons);
  if (!layout) return undefined;

  if (layout.domain.aggregate)
    reasons.push(`${layout.domain.path}.aggregate: the category axis cannot be aggregated in a Sheets chart`);
  if (layout.measure.timeUnit)
    reasons.push(`${layout.measure.path}.timeUnit: the value axis must hold numbers`);
  const offset = layout.chartType === 'COLUMN' ? xOffset : layout.chartType === 'BAR' ? yOffset : undefined;
  for (const o of [xOffset, yOffset]) {
    if (o && o !== offset) reasons.push(`${o.path}: offsets only group bars along their category axis`);
    else if (o && (!series || o.field !== series.field))
      reasons.push(`${o.path}: grouped bars need the offset field to be the color field`);
  }
  return reasons.length > before ? undefined : layout;
}

function barLayout(
  unit: UnitSpec,
  x: FieldChannel,
  y: FieldChannel,
  series: FieldChannel | undefined,
  reasons: string[],
): Layout | undefined {
  const xq = x.type === 'quantitative';
  const yq = y.type === 'quantitative';
  if (!xq && !yq) {
    reasons.push('mark "bar": one of x and y must be a number (quantitative); both are categories or dates');
    return undefined;
  }
  const horizontal =
    xq && yq ? (!!x.aggregate && !y.aggregate) || unit.mark.props.orient === 'horizontal' : xq;
  const domain = horizontal ? y : x;
  const measure = horizontal ? x : y;
  const grouped = !!(horizontal ? unit.channels.yOffset : unit.channels.xOffset);
  const stack = readStack(measure, reasons);
  let isStacked: boolean | 'percent' | undefined;
  if (series) {
    if (grouped) isStacked = false;
    else if (stack === 'none') {
      reasons.push(
        `${measure.path}.stack: unstacked bars would overlap, which Sheets cannot draw; add ${horizontal ? 'yOffset' : 'xOffset'} with the color field for grouped bars`,
      );
    } else isStacked = stack === 'normalize' ? 'percent' : true;
  } else if (stack === 'normalize') {
    reasons.push(`${measure.path}.stack "normalize": without a color field every bar would fill the axis`);
  }
  return { chartType: horizontal ? 'BAR' : 'COLUMN', domain, measure, series, isStacked };
}

function lineLayout(
  mark: 'line' | 'area',
  x: FieldChannel,
  y: FieldChannel,
  series: FieldChannel | undefined,
  reasons: string[],
): Layout | undefined {
  if (y.type !== 'quantitative') {
    reasons.push(`mark "${mark}": Sheets ${mark} charts run along x with numbers on y; here y is ${y.type}`);
    return undefined;
  }
  const stack = readStack(y, reasons);
  if (mark === 'line') {
    if (y.hasStack && stack !== 'none') reasons.push(`${y.path}.stack: Sheets line charts do not stack`);
    return { chartType: 'LINE', domain: x, measure: y, series };
  }
  let isStacked: boolean | 'percent' | undefined;
  if (series) isStacked = stack === 'none' ? false : stack === 'normalize' ? 'percent' : true;
  else if (stack === 'normalize')
    reasons.push(`${y.path}.stack "normalize": without a color field the area would fill the axis`);
  return { chartType: 'AREA', domain: x, measure: y, series, isStacked };
}

function scatterLayout(
  x: FieldChannel,
  y: FieldChannel,
  series: FieldChannel | undefined,
  reasons: string[],
): Layout | undefined {
  for (const c of [x, y]) {
    if (DISCRETE.has(c.type))
      reasons.push(
        `${c.path}: Sheets scatter charts plot numbers or dates on both axes; this one is ${c.type}`,
      );
  }
  if (y.type !== 'quantitative' && !DISCRETE.has(y.type))
    reasons.push(`${y.path}: Sheets scatter charts need numbers on y`);
  if (y.hasStack && y.stack !== null && y.stack !== false)
    reasons.push(`${y.path}.stack: Sheets scatter charts do not stack`);
  return { chartType: 'SCATTER', domain: x, measure: y, series };
}

function readStack(measure: FieldChannel, reasons: string[]): 'zero' | 'normalize' | 'none' {
  if (!measure.hasStack) return 'zero';
  const s = measure.stack;
  if (s === null || s === false) return 'none';
  if (s === true || s === 'zero') return 'zero';
  if (s === 'normalize') return 'normalize';
  reasons.push(`${measure.path}.stack "${String(s)}": Sheets stacks from zero only`);
  return 'zero';
}

const SORT_OPS = new Set(['count', 'valid', 'distinct', 'sum', 'mean', 'average', 'median', 'min', 'max']);

function readDomainSort(layout: Layout, reasons: string[], notes: string[]): DomainSort {
  const { domain, measure } = layout;
  const ascending: DomainSort = { by: 'value', order: 'ascending' };
  if (!domain.hasSort) return ascending;
  const sort = domain.sort;
  const continuous = !DISCRETE.has(domain.type);
  if (sort === null) return { by: 'none' };
  if (sort === 'ascending' || sort === 'descending')
    return continuous ? ascending : { by: 'value', order: sort };
  if (continuous) {
    notes.push(`${domain.path}.sort: a continuous axis keeps its natural order, as in Vega-Lite`);
    return ascending;
  }
  if (Array.isArray(sort)) return { by: 'list', values: sort as Array<string | number | boolean> };
  const byEncoding = (channel: string, order: 'ascending' | 'descending'): DomainSort => {
    if (channel === measure.channel) return { by: 'measure', order };
    reasons.push(
      `${domain.path}.sort: sorting by encoding "${channel}" is not supported; sort by the value axis`,
    );
    return ascending;
  };
  if (typeof sort === 'string') {
    const descending = sort.startsWith('-');
    return byEncoding(descending ? sort.slice(1) : sort, descending ? 'descending' : 'ascending');
  }
  if (isObject(sort)) {
    const order = sort.order === 'descending' ? 'descending' : 'ascending';
    if (sort.order === null) return { by: 'none' };
    if (typeof sort.encoding === 'string') return byEncoding(sort.encoding, order);
    const op = sort.op === undefined ? undefined : String(sort.op);
    if (op !== undefined && !SORT_OPS.has(op)) {
      reasons.push(`${domain.path}.sort.op "${op}": not supported; sort in the model's SQL`);
      return ascending;
    }
    const out: DomainSort = { by: 'measure', order };
    if (typeof sort.field === 'string') out.field = sort.field;
    if (op) out.op = (op === 'average' ? 'mean' : op) as AggregateOp;
    return out;
  }
  reasons.push(`${domain.path}.sort: not a sort Vega-Lite defines`);
  return ascending;
}

function seriesOrder(color: FieldChannel, reasons: string[]): SeriesOrder {
  const domain = color.scale?.domain;
  if (Array.isArray(domain))
    return { by: 'list', values: domain as Array<string | number | boolean>, complete: true };
  if (!color.hasSort) return { by: 'value', order: 'ascending' };
  const sort = color.sort;
  if (sort === null) return { by: 'none' };
  if (sort === 'ascending' || sort === 'descending') return { by: 'value', order: sort };
  if (Array.isArray(sort))
    return { by: 'list', values: sort as Array<string | number | boolean>, complete: false };
  reasons.push(`${color.path}.sort: series can be sorted by their own values or a list only`);
  return { by: 'value', order: 'ascending' };
}

function sortFromSeries(order: SeriesOrder): DomainSort {
  if (order.by === 'list') return { by: 'list', values: order.values, complete: order.complete };
  return order;
}

function buildRecipe(unit: UnitSpec, layout: Layout, sort: DomainSort, order?: SeriesOrder): HelperRecipe {
  const { domain, measure, series } = layout;
  const recipe: HelperRecipe = {
    domain: {
      field: domain.field ?? '',
      type: domain.type,
      title: channelTitle(domain) || domain.field || '',
    },
    measure: { title: channelTitle(measure) || measure.field || 'value' },
    sort,
  };
  if (domain.timeUnit) recipe.domain.timeUnit = domain.timeUnit;
  if (measure.field !== undefined) recipe.measure.field = measure.field;
  if (measure.aggregate) recipe.measure.aggregate = measure.aggregate;
  if (series?.field && order) recipe.series = { field: series.field, order };
  if (unit.filter) recipe.filter = unit.filter;
  if (unit.fold) recipe.fold = unit.fold;
  return recipe;
}

/**
 * The model's own columns when they already have the chart's shape (no filter, aggregate, time
 * bucket or pivot; rows in the order the chart shows), so the chart binds to the model tab.
 */
function directColumns(
  unit: UnitSpec,
  layout: Layout,
  shape: DataShape,
  recipe: HelperRecipe,
  order: SeriesOrder | undefined,
  calendar: Calendar,
  notes: string[],
): string[] | undefined {
  const { domain, measure, series } = layout;
  if (unit.filter || measure.aggregate || domain.timeUnit || !domain.field || !measure.field)
    return undefined;
  let valueColumns: string[];
  if (series) {
    const fold = unit.fold;
    if (!fold || series.field !== fold.as[0] || measure.field !== fold.as[1] || !order) return undefined;
    const ordered = orderFoldedFields(fold.fields, order);
    if (!ordered) return undefined;
    valueColumns = ordered;
  } else {
    if (unit.fold) return undefined;
    valueColumns = [measure.field];
  }
  const column = (name: string): ModelColumn | undefined => shape.columns?.find((c) => c.name === name);
  if (domain.type === 'temporal' && shape.columns && column(domain.field)?.type !== 'date') return undefined;

  // A scatter plot draws points, not a path: row order does not matter.
  if (layout.chartType === 'SCATTER') return [domain.field, ...valueColumns];
  const sort = recipe.sort;
  if (sort.by === 'none') return [domain.field, ...valueColumns];
  if (sort.by !== 'value' || sort.order !== 'ascending') return undefined;
  const continuous = !DISCRETE.has(domain.type);
  if (!shape.rows) {
    if (!continuous) return undefined;
    notes.push(`binds the model's columns directly, assuming its rows are in ${domain.field} order`);
    return [domain.field, ...valueColumns];
  }
  return isAscending(shape.rows, domain.field, domain.type, calendar, !continuous)
    ? [domain.field, ...valueColumns]
    : undefined;
}

function orderFoldedFields(fields: string[], order: SeriesOrder): string[] | undefined {
  if (order.by === 'none') return fields;
  if (order.by === 'value') {
    const sorted = [...fields].sort((a, b) => compareAscending(a, b));
    return order.order === 'descending' ? sorted.reverse() : sorted;
  }
  // A color domain that lists values the fold does not produce needs empty series: a helper.
  if (order.complete && order.values.some((v) => !fields.includes(String(v)))) return undefined;
  const listed = order.values.map(String).filter((v) => fields.includes(v));
  return [...listed, ...fields.filter((f) => !listed.includes(f))];
}

function isAscending(
  rows: readonly Row[],
  field: string,
  type: string,
  calendar: Calendar,
  strict: boolean,
): boolean {
  const values = rows.map((r) => {
    const v = r[field];
    if (type === 'temporal') return toDate(v, calendar);
    if (type === 'quantitative') return toNumber(v);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  });
  if (values.some((v) => v === null)) return false;
  for (let i = 1; i < values.length; i++) {
    const c = compareAscending(values[i - 1] as string, values[i] as string);
    if (c > 0 || (strict && c === 0)) return false;
  }
  return true;
}

const COUNTING = new Set(['count', 'valid', 'distinct']);

/** Numbers must come from number columns: a text column on a value axis is a spec mistake. */
function checkFieldTypes(unit: UnitSpec, layout: Layout, shape: DataShape, chart: string): void {
  if (!shape.columns) return;
  const columns = new Map(shape.columns.map((c) => [c.name, c]));
  for (const f of unit.fold?.fields ?? []) {
    if (!columns.has(f)) {
      throw new TapdashError({
        code: 'chart_field_missing',
        message: `The chart “${chart}” folds the field “${f}”, which the model “${shape.model}” does not have.`,
        fix: `Use the model's columns (${shape.columns.map((c) => c.name).join(', ')}) in "fold".`,
        where: chart,
      });
    }
  }
  const measure = layout.measure;
  if (!measure.field || (measure.aggregate && COUNTING.has(measure.aggregate))) return;
  if (unit.fold && measure.field === unit.fold.as[1]) {
    for (const f of unit.fold.fields) expectNumber(columns.get(f), f, measure.path, shape.model, chart);
    return;
  }
  expectNumber(columns.get(measure.field), measure.field, measure.path, shape.model, chart);
}

function expectNumber(
  column: ModelColumn | undefined,
  field: string,
  path: string,
  model: string,
  chart: string,
): void {
  if (!column || column.type === 'number') return;
  throw new TapdashError({
    code: 'chart_field_type',
    message: `The chart “${chart}” plots “${field}” (${path}) as numbers, but the model “${model}” holds ${column.type} there.`,
    fix: `Plot a number column on that axis, or make “${field}” a number in the model's SQL (CAST(${field} AS NUMBER)).`,
    where: chart,
  });
}
