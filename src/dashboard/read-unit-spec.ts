import type { AggregateOp, EncodingType, Predicate, TimeUnit } from './chart-plan';
import { COMPOSITION_KEYS, isObject, type Json, unescapeField } from './spec-json';

/**
 * Reads a Vega-Lite unit spec into the few things a Sheets chart can express, collecting a
 * reason for every part it cannot (so nothing is dropped quietly) and a note for every cosmetic
 * part left to Sheets' defaults.
 */

export interface FieldChannel {
  channel: string;
  /** Where it sits in the spec, for messages: `encoding.x`. */
  path: string;
  field?: string;
  type: EncodingType;
  aggregate?: AggregateOp;
  timeUnit?: TimeUnit;
  sort?: unknown;
  hasSort: boolean;
  title?: string | null;
  axis?: Json | null;
  legend?: Json | null;
  scale?: Json | null;
  stack?: unknown;
  hasStack: boolean;
  /** A constant (`{"value": "#e45756"}`), used for color only. */
  value?: unknown;
}

export type PlotChannel = 'x' | 'y' | 'color' | 'theta' | 'xOffset' | 'yOffset';

export interface UnitSpec {
  mark: { type: string; props: Json };
  channels: Partial<Record<PlotChannel, FieldChannel>>;
  filter?: Predicate;
  fold?: { fields: string[]; as: [string, string] };
  title?: string;
}

export interface ReadResult {
  unit?: UnitSpec;
  reasons: string[];
  notes: string[];
}

const COMPOSITION_REASONS: Record<(typeof COMPOSITION_KEYS)[number], string> = {
  layer: 'Sheets charts cannot overlay two marks',
  facet: 'Sheets charts cannot split into small multiples (facet)',
  concat: 'Sheets charts cannot place several views side by side (concat)',
  hconcat: 'Sheets charts cannot place several views side by side (hconcat)',
  vconcat: 'Sheets charts cannot stack several views (vconcat)',
  repeat: 'Sheets charts cannot repeat a view over fields (repeat)',
  spec: 'Sheets charts cannot nest views',
};

/** Top-level keys that only size or decorate the view: the Dashboard grid and Sheets take over. */
const VIEW_KEYS = new Set([
  '$schema',
  'description',
  'name',
  'usermeta',
  'width',
  'height',
  'autosize',
  'padding',
]);
const COSMETIC_TOP_KEYS = new Set(['background', 'config', 'view', 'resolve']);

const SUPPORTED_MARKS = new Set(['bar', 'line', 'area', 'point', 'circle', 'square', 'arc']);
const REFUSED_MARKS: Record<string, string> = {
  rect: 'rect marks (heatmaps, 2D histograms) have no Sheets chart type',
  rule: 'Sheets charts cannot draw rule marks (reference lines)',
  text: 'Sheets charts cannot place text marks',
  tick: 'Sheets has no tick (strip) plot',
  trail: 'Sheets has no trail mark',
  geoshape: 'maps (geoshape) are not Sheets charts',
  image: 'Sheets charts cannot draw image marks',
  boxplot: 'Sheets has no box plot chart',
  errorbar: 'Sheets charts cannot draw error bars from a spec',
  errorband: 'Sheets charts cannot draw error bands from a spec',
};

/** Mark properties that change what the chart says rather than how it looks. */
const MEANINGFUL_MARK_PROPS: Record<string, string> = {
  x: 'a fixed mark position has no Sheets equivalent',
  y: 'a fixed mark position has no Sheets equivalent',
  x2: 'a fixed mark position has no Sheets equivalent',
  y2: 'a fixed mark position has no Sheets equivalent',
  theta: 'a partial pie (fixed angle) has no Sheets equivalent',
  theta2: 'a partial pie (fixed angle) has no Sheets equivalent',
  radius2: 'a radial range has no Sheets equivalent',
};
/** Mark properties the compiler carries over. */
const HANDLED_MARK_PROPS = new Set([
  'type',
  'tooltip',
  'aria',
  'description',
  'color',
  'fill',
  'stroke',
  'innerRadius',
  'outerRadius',
  'radius',
  'point',
  'strokeWidth',
  'interpolate',
  'orient',
]);

const FIELD_CHANNEL_REASONS: Record<string, string> = {
  fill: 'a separate fill field has no Sheets equivalent; use color',
  stroke: 'a separate stroke field has no Sheets equivalent; use color',
  shape: 'Sheets charts cannot vary point shape by a field',
  size: 'Sheets charts cannot size marks by a field',
  opacity: 'Sheets charts cannot vary opacity by a field',
  fillOpacity: 'Sheets charts cannot vary opacity by a field',
  strokeOpacity: 'Sheets charts cannot vary opacity by a field',
  strokeWidth: 'Sheets charts cannot vary line width by a field',
  strokeDash: 'Sheets charts cannot vary the dash pattern by a field',
  angle: 'Sheets charts cannot rotate marks by a field',
  detail: 'Sheets charts cannot group marks by a field without coloring them (detail)',
  row: 'Sheets charts cannot split into small multiples (row)',
  column: 'Sheets charts cannot split into small multiples (column)',
  facet: 'Sheets charts cannot split into small multiples (facet)',
  x2: 'ranged marks (x2) have no Sheets equivalent',
  y2: 'ranged marks (y2) have no Sheets equivalent',
  theta2: 'ranged arcs (theta2) have no Sheets equivalent',
  radius: 'radial charts (radius) have no Sheets equivalent',
  radius2: 'radial charts (radius2) have no Sheets equivalent',
  xError: 'Sheets charts cannot draw error bars from a spec',
  xError2: 'Sheets charts cannot draw error bars from a spec',
  yError: 'Sheets charts cannot draw error bars from a spec',
  yError2: 'Sheets charts cannot draw error bars from a spec',
  text: 'Sheets charts cannot label marks with a field (text)',
  order: 'Sheets draws series in column order; sort the model instead of using order',
  latitude: 'maps are not Sheets charts',
  longitude: 'maps are not Sheets charts',
  latitude2: 'maps are not Sheets charts',
  longitude2: 'maps are not Sheets charts',
  url: 'Sheets charts cannot draw image marks',
  time: 'Sheets charts cannot animate',
  href: 'Sheets charts cannot link marks',
};
const SILENT_CHANNELS = new Set(['description', 'key', 'aria']);
const PLOT_CHANNELS = new Set<string>(['x', 'y', 'color', 'theta', 'xOffset', 'yOffset']);

const AGGREGATES: Record<string, AggregateOp> = {
  count: 'count',
  valid: 'valid',
  distinct: 'distinct',
  sum: 'sum',
  mean: 'mean',
  average: 'mean',
  median: 'median',
  min: 'min',
  max: 'max',
};
const TIME_UNITS = new Set<TimeUnit>([
  'year',
  'yearquarter',
  'yearmonth',
  'yearmonthdate',
  'month',
  'quarter',
]);

export function readUnitSpec(spec: Json): ReadResult {
  const reasons: string[] = [];
  const notes: string[] = [];

  const composition = COMPOSITION_KEYS.filter((k) => k in spec);
  for (const key of composition)
    reasons.push(`${key}: ${COMPOSITION_REASONS[key]}; shown in the sidebar only`);
  if ('params' in spec || 'selection' in spec) {
    const key = 'params' in spec ? 'params' : 'selection';
    reasons.push(`${key}: Sheets charts have no interactive selections or parameters`);
  }
  if ('projection' in spec) reasons.push('projection: maps are not Sheets charts');
  if ('datasets' in spec) reasons.push('datasets: Tapdash charts read a model by name, not inline datasets');
  for (const key of Object.keys(spec)) {
    const known =
      VIEW_KEYS.has(key) ||
      COSMETIC_TOP_KEYS.has(key) ||
      [
        'data',
        'mark',
        'encoding',
        'transform',
        'title',
        'params',
        'selection',
        'projection',
        'datasets',
      ].includes(key) ||
      (COMPOSITION_KEYS as readonly string[]).includes(key);
    if (!known) reasons.push(`${key}: not something a Sheets chart can express`);
    else if (COSMETIC_TOP_KEYS.has(key)) notes.push(`${key}: theme and view settings are left to Sheets`);
  }
  if (composition.length) return { reasons, notes };

  const mark = readMark(spec.mark, reasons, notes);
  const { filter, fold } = readTransforms(spec.transform, reasons);
  const channels = readEncoding(spec.encoding, reasons, notes);
  const title = readTitle(spec.title, notes);
  // Even with reasons, a readable unit goes on to the layout step so every problem is named at once.
  if (!mark) return { reasons, notes };
  const unit: UnitSpec = { mark, channels };
  if (filter) unit.filter = filter;
  if (fold) unit.fold = fold;
  if (title !== undefined) unit.title = title;
  return { unit, reasons, notes };
}

function readMark(raw: unknown, reasons: string[], notes: string[]): UnitSpec['mark'] | undefined {
  const props: Json = isObject(raw) ? raw : { type: raw };
  const type = String(props.type);
  if (!SUPPORTED_MARKS.has(type)) {
    reasons.push(`mark "${type}": ${REFUSED_MARKS[type] ?? 'unknown mark type'}`);
    return undefined;
  }
  for (const [key, value] of Object.entries(props)) {
    if (key in MEANINGFUL_MARK_PROPS) reasons.push(`mark.${key}: ${MEANINGFUL_MARK_PROPS[key]}`);
    else if (key === 'interpolate' && typeof value === 'string' && value.startsWith('step'))
      reasons.push(`mark.interpolate "${value}": Sheets line charts cannot draw steps`);
    else if (!HANDLED_MARK_PROPS.has(key)) notes.push(`mark.${key}: left to Sheets' defaults`);
  }
  return { type, props };
}

function readTransforms(raw: unknown, reasons: string[]): Pick<UnitSpec, 'filter' | 'fold'> {
  if (raw === undefined) return {};
  const list = Array.isArray(raw) ? raw : [raw];
  const filters: Predicate[] = [];
  let fold: UnitSpec['fold'];
  list.forEach((t, i) => {
    const at = `transform[${i}]`;
    if (!isObject(t)) {
      reasons.push(`${at}: not a transform object`);
      return;
    }
    if ('filter' in t) {
      const predicate = readPredicate(t.filter, `${at}.filter`, reasons);
      if (predicate) filters.push(predicate);
    } else if ('fold' in t && Array.isArray(t.fold) && !fold) {
      const as = Array.isArray(t.as) && t.as.length === 2 ? t.as.map(String) : ['key', 'value'];
      fold = { fields: t.fold.map((f) => unescapeField(String(f))), as: [as[0], as[1]] };
    } else {
      const name = Object.keys(t).find((k) => k !== 'as') ?? 'unknown';
      reasons.push(`${at} (${name}): Sheets charts cannot run this transform; compute it in the model's SQL`);
    }
  });
  const out: Pick<UnitSpec, 'filter' | 'fold'> = {};
  if (filters.length) out.filter = filters.length === 1 ? filters[0] : { and: filters };
  if (fold) out.fold = fold;
  return out;
}

const PREDICATE_OPS = ['equal', 'oneOf', 'range', 'lt', 'lte', 'gt', 'gte', 'valid'] as const;

function readPredicate(raw: unknown, at: string, reasons: string[]): Predicate | undefined {
  if (typeof raw === 'string') {
    reasons.push(`${at} "${raw}": Sheets charts cannot evaluate Vega expressions; filter in the model's SQL`);
    return undefined;
  }
  if (!isObject(raw)) {
    reasons.push(`${at}: not a predicate`);
    return undefined;
  }
  if ('param' in raw || 'selection' in raw) {
    reasons.push(`${at}: Sheets charts have no interactive selections`);
    return undefined;
  }
  for (const op of ['and', 'or'] as const) {
    if (Array.isArray(raw[op])) {
      const parts = (raw[op] as unknown[]).map((p, i) => readPredicate(p, `${at}.${op}[${i}]`, reasons));
      return parts.every((p) => p) ? ({ [op]: parts } as Predicate) : undefined;
    }
  }
  if ('not' in raw) {
    const inner = readPredicate(raw.not, `${at}.not`, reasons);
    return inner ? { not: inner } : undefined;
  }
  if (typeof raw.field !== 'string' || 'timeUnit' in raw) {
    reasons.push(`${at}: only field predicates (equal, oneOf, range, lt, lte, gt, gte, valid) are supported`);
    return undefined;
  }
  const op = PREDICATE_OPS.find((k) => k in raw);
  if (!op) {
    reasons.push(`${at}: only field predicates (equal, oneOf, range, lt, lte, gt, gte, valid) are supported`);
    return undefined;
  }
  if (isObject(raw[op])) {
    reasons.push(
      `${at}.${op}: date objects and parameters in predicates are not supported; use an ISO date string`,
    );
    return undefined;
  }
  return { field: unescapeField(raw.field), [op]: raw[op] } as Predicate;
}

function readEncoding(raw: unknown, reasons: string[], notes: string[]): UnitSpec['channels'] {
  const channels: UnitSpec['channels'] = {};
  if (!isObject(raw)) return channels;
  for (const [channel, def] of Object.entries(raw)) {
    const path = `encoding.${channel}`;
    if (SILENT_CHANNELS.has(channel)) continue;
    if (channel === 'tooltip') {
      notes.push(`${path}: Sheets charts show their own tooltips`);
      continue;
    }
    if (!PLOT_CHANNELS.has(channel)) {
      const constant = isObject(def) && 'value' in def && !('field' in def) && !('condition' in def);
      if (isObject(def) && 'condition' in def)
        reasons.push(`${path}.condition: ${REFUSED_FIELD_DEF_KEYS.condition}`);
      else if (constant) notes.push(`${path}: a constant ${channel} is left to Sheets' defaults`);
      else reasons.push(`${path}: ${FIELD_CHANNEL_REASONS[channel] ?? 'not a channel Sheets charts have'}`);
      continue;
    }
    const read = readFieldChannel(channel, path, def, reasons, notes);
    if (read) channels[channel as PlotChannel] = read;
  }
  return channels;
}

const FIELD_DEF_KEYS = new Set([
  'field',
  'type',
  'aggregate',
  'timeUnit',
  'sort',
  'title',
  'axis',
  'legend',
  'scale',
  'stack',
  'value',
]);
const REFUSED_FIELD_DEF_KEYS: Record<string, string> = {
  bin: 'binning has no Sheets equivalent (Sheets histograms choose their own buckets)',
  impute: 'imputing missing values has no Sheets equivalent; fill them in the model',
  condition: 'conditional encodings need selections, which Sheets charts do not have',
  datum: 'a constant data value has no Sheets equivalent',
};

function readFieldChannel(
  channel: string,
  path: string,
  def: unknown,
  reasons: string[],
  notes: string[],
): FieldChannel | undefined {
  if (!isObject(def)) {
    reasons.push(`${path}: expected a field definition object`);
    return undefined;
  }
  for (const key of Object.keys(def)) {
    if (key in REFUSED_FIELD_DEF_KEYS) {
      reasons.push(`${path}.${key}: ${REFUSED_FIELD_DEF_KEYS[key]}`);
    } else if (!FIELD_DEF_KEYS.has(key)) notes.push(`${path}.${key}: left to Sheets' defaults`);
  }
  if ('value' in def && channel !== 'color') {
    reasons.push(`${path}.value: a constant position has no Sheets equivalent`);
  }
  if (def.field !== undefined && typeof def.field !== 'string') {
    reasons.push(`${path}.field: a repeated or computed field reference is not supported`);
  }

  let aggregate: AggregateOp | undefined;
  if (def.aggregate !== undefined) {
    aggregate = typeof def.aggregate === 'string' ? AGGREGATES[def.aggregate] : undefined;
    if (!aggregate) {
      const name = typeof def.aggregate === 'string' ? def.aggregate : Object.keys(def.aggregate as Json)[0];
      reasons.push(
        `${path}.aggregate "${name}": Sheets charts cannot compute it; compute it in the model's SQL`,
      );
    }
  }

  let timeUnit: TimeUnit | undefined;
  if (def.timeUnit !== undefined) {
    const params = isObject(def.timeUnit) ? def.timeUnit : { unit: def.timeUnit };
    const raw = String(params.unit ?? '');
    const utc = raw.startsWith('utc') || params.utc === true;
    const unit = raw.replace(/^utc/, '') as TimeUnit;
    if (!TIME_UNITS.has(unit) || params.step !== undefined || params.maxbins !== undefined) {
      reasons.push(
        `${path}.timeUnit "${raw || 'auto'}": only year, yearquarter, yearmonth, yearmonthdate, month and quarter buckets are supported; bucket it in the model's SQL`,
      );
    } else {
      timeUnit = unit;
      if (utc) notes.push(`${path}.timeUnit: buckets are cut in the spreadsheet's time zone, not UTC`);
    }
  }

  // A channel with a refused part is still returned (without that part) so later checks can run.
  const out: FieldChannel = {
    channel,
    path,
    type: (def.type as EncodingType | undefined) ?? defaultType(def, aggregate, timeUnit),
    hasSort: 'sort' in def,
    hasStack: 'stack' in def,
  };
  if (typeof def.field === 'string') out.field = unescapeField(def.field);
  if (aggregate) out.aggregate = aggregate;
  if (timeUnit) out.timeUnit = timeUnit;
  if ('sort' in def) out.sort = def.sort;
  if ('title' in def) out.title = def.title === null ? null : titleText(def.title);
  if ('axis' in def) out.axis = isObject(def.axis) ? def.axis : null;
  if ('legend' in def) out.legend = isObject(def.legend) ? def.legend : null;
  if ('scale' in def) out.scale = isObject(def.scale) ? def.scale : null;
  if ('stack' in def) out.stack = def.stack;
  if ('value' in def) out.value = def.value;
  return out;
}

/** Vega-Lite's type inference for a field without `type` (channeldef.ts defaultType). */
function defaultType(def: Json, aggregate?: AggregateOp, timeUnit?: TimeUnit): EncodingType {
  if (Array.isArray(def.sort)) return 'ordinal';
  if (timeUnit) return 'temporal';
  if (aggregate) return 'quantitative';
  const scaleType = isObject(def.scale) ? def.scale.type : undefined;
  if (scaleType === 'time' || scaleType === 'utc') return 'temporal';
  if (typeof scaleType === 'string' && ['linear', 'log', 'pow', 'sqrt', 'symlog'].includes(scaleType))
    return 'quantitative';
  return 'nominal';
}

export function titleText(raw: unknown): string {
  return Array.isArray(raw) ? raw.map(String).join(' ') : String(raw);
}

function readTitle(raw: unknown, notes: string[]): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isObject(raw)) {
    const extra = Object.keys(raw).filter((k) => k !== 'text');
    if (extra.length) notes.push(`title.${extra.join(', title.')}: Sheets chart titles are text only`);
    return titleText(raw.text ?? '');
  }
  return titleText(raw);
}
