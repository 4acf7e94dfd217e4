import { numberFormatToIcu, timeFormatToIcu } from './chart-formats';
import type { ChartOptions, SheetsChartType } from './chart-plan';
import { CATEGORICAL_SCHEMES, DEFAULT_CATEGORY_SCHEME, DEFAULT_MARK_COLOR } from './color-schemes';
import type { FieldChannel, UnitSpec } from './read-unit-spec';
import { titleText } from './read-unit-spec';
import { isObject, type Json } from './spec-json';

/** What the layout step decided, as the options need it. */
export interface OptionsInput {
  unit: UnitSpec;
  chartType: SheetsChartType;
  /** The category axis channel (the color channel for a pie). */
  domain: FieldChannel;
  measure: FieldChannel;
  /** The color channel when a field splits the data into series. */
  series?: FieldChannel;
  isStacked?: boolean | 'percent';
  /** Series drawn from a pivot, where a series may lack a value at some category. */
  pivoted: boolean;
  /** The view's size when the spec gives one, for the pie hole ratio. */
  view: { width?: number; height?: number };
}

const HANDLED_AXIS_KEYS = new Set(['title', 'format', 'formatType', 'labelAngle', 'grid', 'tickCount']);
const HANDLED_SCALE_KEYS = new Set(['type', 'domain', 'range', 'scheme', 'zero', 'reverse']);
const FAITHFUL_SCALE_TYPES = new Set(['linear', 'log', 'time', 'utc', 'band', 'point', 'ordinal']);

/** Google Charts options for a chart the layout step accepted; meaning-changing misses go to `reasons`. */
export function buildOptions(input: OptionsInput, reasons: string[], notes: string[]): ChartOptions {
  const { unit, chartType, series } = input;
  const options: ChartOptions = {};
  if (unit.title !== undefined) options.title = unit.title;

  if (chartType !== 'PIE') {
    for (const channel of [unit.channels.x, unit.channels.y]) {
      if (channel) axisOptions(channel, input, options, reasons, notes);
    }
  }

  const legendChannel = chartType === 'PIE' ? input.domain : series;
  options['legend.position'] = legendChannel ? legendPosition(legendChannel, notes) : 'none';

  const colors = legendChannel ? seriesColors(legendChannel, notes) : [markColor(unit)];
  if (colors) options.colors = colors;

  if (input.isStacked !== undefined && series) options.isStacked = input.isStacked;
  markOptions(input, options, notes);
  return options;
}

function axisName(channel: FieldChannel): 'hAxis' | 'vAxis' {
  return channel.channel === 'x' ? 'hAxis' : 'vAxis';
}

/** Vega-Lite's default axis title (channeldef.ts verbalTitleFormatter). */
export function defaultTitle(channel: FieldChannel): string {
  const field = channel.field ?? '';
  if (channel.aggregate === 'count') return 'Count of Records';
  if (channel.timeUnit) return `${field} (${TIME_UNIT_PARTS[channel.timeUnit].join('-')})`;
  if (channel.aggregate)
    return `${channel.aggregate[0].toUpperCase()}${channel.aggregate.slice(1)} of ${field}`;
  return field;
}

const TIME_UNIT_PARTS: Record<NonNullable<FieldChannel['timeUnit']>, string[]> = {
  year: ['year'],
  yearquarter: ['year', 'quarter'],
  yearmonth: ['year', 'month'],
  yearmonthdate: ['year', 'month', 'date'],
  month: ['month'],
  quarter: ['quarter'],
};

/** The title an axis (or a helper column header) shows: axis.title, then the channel's title. */
export function channelTitle(channel: FieldChannel): string {
  if (channel.axis === null) return '';
  if (channel.axis && 'title' in channel.axis)
    return channel.axis.title === null ? '' : titleText(channel.axis.title);
  if (channel.title !== undefined) return channel.title ?? '';
  return defaultTitle(channel);
}

function axisOptions(
  channel: FieldChannel,
  input: OptionsInput,
  options: ChartOptions,
  reasons: string[],
  notes: string[],
): void {
  const ax = axisName(channel);
  options[`${ax}.title`] = channelTitle(channel);
  const axis = channel.axis;
  if (axis === null) options[`${ax}.textPosition`] = 'none';
  if (axis) {
    if (typeof axis.format === 'string') {
      const temporal = axis.formatType ? axis.formatType !== 'number' : channel.type === 'temporal';
      const discreteTime = channel.type !== 'temporal' && channel.timeUnit;
      const result = temporal ? timeFormatToIcu(axis.format) : numberFormatToIcu(axis.format);
      if (discreteTime)
        notes.push(`${channel.path}.axis.format: category labels keep the default month names`);
      else if (result.ok) {
        options[`${ax}.format`] = result.pattern;
        if (result.note) notes.push(`${channel.path}.axis.format: ${result.note}`);
      } else notes.push(`${channel.path}.axis.format: ${result.why}; left to Sheets`);
    }
    if (typeof axis.labelAngle === 'number') {
      options[`${ax}.slantedText`] = axis.labelAngle !== 0;
      if (axis.labelAngle !== 0) options[`${ax}.slantedTextAngle`] = Math.min(90, Math.abs(axis.labelAngle));
    }
    if (axis.grid === false) options[`${ax}.gridlines.color`] = 'transparent';
    if (typeof axis.tickCount === 'number') options[`${ax}.gridlines.count`] = axis.tickCount;
    const ignored = Object.keys(axis).filter((k) => !HANDLED_AXIS_KEYS.has(k));
    if (ignored.length) notes.push(`${channel.path}.axis.${ignored.join(', .')}: left to Sheets' defaults`);
  }
  scaleOptions(channel, ax, input, options, reasons, notes);
}

function scaleOptions(
  channel: FieldChannel,
  ax: 'hAxis' | 'vAxis',
  input: OptionsInput,
  options: ChartOptions,
  reasons: string[],
  notes: string[],
): void {
  const scale: Json = channel.scale ?? {};
  const type = scale.type;
  if (typeof type === 'string' && !FAITHFUL_SCALE_TYPES.has(type)) {
    reasons.push(`${channel.path}.scale.type "${type}": Sheets axes are linear or logarithmic only`);
    return;
  }
  if (type === 'log') options[`${ax}.scaleType`] = 'log';
  const domain = scale.domain;
  const numericDomain =
    Array.isArray(domain) && domain.length === 2 && domain.every((v) => typeof v === 'number' || v === null);
  if (numericDomain && channel.type === 'quantitative') {
    const [min, max] = domain as Array<number | null>;
    if (min !== null) options[`${ax}.viewWindow.min`] = min;
    if (max !== null) options[`${ax}.viewWindow.max`] = max;
  } else if (domain !== undefined)
    notes.push(`${channel.path}.scale.domain: left to Sheets' automatic range`);
  if (scale.reverse === true) options[`${ax}.direction`] = -1;
  if (channel.hasSort && channel.sort === 'descending' && isContinuous(channel))
    options[`${ax}.direction`] = -1;
  // Vega-Lite starts quantitative scales at zero; Sheets line and scatter axes fit the data instead.
  const zero = scale.zero !== false && domain === undefined && type !== 'log';
  const fitsData = input.chartType === 'LINE' || input.chartType === 'AREA' || input.chartType === 'SCATTER';
  if (zero && fitsData && channel.type === 'quantitative') options[`${ax}.minValue`] = 0;
  const ignored = Object.keys(scale).filter((k) => !HANDLED_SCALE_KEYS.has(k));
  if (ignored.length) notes.push(`${channel.path}.scale.${ignored.join(', .')}: left to Sheets' defaults`);
}

function isContinuous(channel: FieldChannel): boolean {
  return channel.type === 'quantitative' || channel.type === 'temporal';
}

const LEGEND_ORIENT: Record<string, string> = {
  left: 'left',
  right: 'right',
  top: 'top',
  bottom: 'bottom',
  none: 'none',
  'top-left': 'top',
  'top-right': 'top',
  'bottom-left': 'bottom',
  'bottom-right': 'bottom',
};

function legendPosition(channel: FieldChannel, notes: string[]): string {
  if (channel.legend === null) return 'none';
  const legend = channel.legend ?? {};
  const orient = typeof legend.orient === 'string' ? legend.orient : 'right';
  const position = LEGEND_ORIENT[orient];
  if (!position) {
    notes.push(`${channel.path}.legend.orient "${orient}": Sheets places legends on a side; using the right`);
    return 'right';
  }
  if (position !== orient)
    notes.push(`${channel.path}.legend.orient "${orient}": Sheets centres it on the ${position}`);
  const ignored = Object.keys(legend).filter((k) => k !== 'orient');
  if (ignored.length)
    notes.push(`${channel.path}.legend.${ignored.join(', .')}: Sheets legends have no such setting`);
  return position;
}

/**
 * Colors in series order: the scale's range (aligned to its domain when it lists one), a named
 * scheme, or Vega-Lite's default categorical palette.
 */
function seriesColors(channel: FieldChannel, notes: string[]): string[] | undefined {
  const scale = channel.scale ?? {};
  if (Array.isArray(scale.range) && scale.range.every((c) => typeof c === 'string'))
    return scale.range as string[];
  const schemeName = isObject(scale.scheme) ? scale.scheme.name : scale.scheme;
  const named = scale.range === 'category' ? DEFAULT_CATEGORY_SCHEME : schemeName;
  if (typeof named === 'string') {
    const colors = CATEGORICAL_SCHEMES[named];
    if (colors) return [...colors];
    notes.push(`${channel.path}.scale.scheme "${named}": not a categorical scheme; colors left to Sheets`);
    return undefined;
  }
  if (scale.range !== undefined) notes.push(`${channel.path}.scale.range: colors left to Sheets`);
  if (channel.type === 'ordinal') {
    notes.push(`${channel.path}: ordinal color shades are left to Sheets' palette`);
    return undefined;
  }
  return [...CATEGORICAL_SCHEMES[DEFAULT_CATEGORY_SCHEME]];
}

function markColor(unit: UnitSpec): string {
  const props = unit.mark.props;
  const value = unit.channels.color?.value;
  if (typeof value === 'string') return value;
  const line = unit.mark.type === 'line';
  const candidates = line ? [props.stroke, props.color] : [props.fill, props.color, props.stroke];
  const found = candidates.find((c) => typeof c === 'string');
  return typeof found === 'string' ? found : DEFAULT_MARK_COLOR;
}

const SMOOTH = new Set(['monotone', 'basis', 'cardinal', 'catmull-rom', 'natural', 'bundle']);

function markOptions(input: OptionsInput, options: ChartOptions, notes: string[]): void {
  const props = input.unit.mark.props;
  const { chartType } = input;
  if (chartType === 'LINE' || chartType === 'AREA') {
    if (typeof props.strokeWidth === 'number') options.lineWidth = props.strokeWidth;
    if (typeof props.interpolate === 'string' && SMOOTH.has(props.interpolate)) {
      options.curveType = 'function';
      notes.push(`mark.interpolate "${props.interpolate}": Sheets' smooth curve differs slightly`);
    }
    if (chartType === 'LINE' && props.point !== undefined && props.point !== false) options.pointSize = 6;
    if (chartType === 'LINE' && input.pivoted) options.interpolateNulls = true;
  }
  if (chartType === 'SCATTER' && input.unit.mark.type === 'square') options.pointShape = 'square';
  if (chartType === 'PIE') {
    const inner = typeof props.innerRadius === 'number' ? props.innerRadius : 0;
    if (inner > 0) {
      const width = input.view.width ?? 200;
      const height = input.view.height ?? 200;
      const outerProp = typeof props.outerRadius === 'number' ? props.outerRadius : props.radius;
      const outer = typeof outerProp === 'number' ? outerProp : Math.min(width, height) / 2;
      options.pieHole = Math.round(Math.min(0.95, Math.max(0, inner / outer)) * 100) / 100;
    }
    // Vega-Lite draws no labels on slices; Sheets prints percentages unless told not to.
    options.pieSliceText = 'none';
  }
}
