/**
 * Embedded charts: the Charts enums, EmbeddedChartBuilder (with the typed conveniences of the
 * per-type builders, each recorded as the Google Charts option it stands for) and
 * EmbeddedChart. A chart's data ranges are stored as sheet id + A1 so the playground can draw
 * it from the live cells.
 */
import { rectToA1 } from './a1';
import type { Calls } from './calls';
import { fail, MSG } from './messages';
import type { ChartState, SheetState } from './model';
import { RangeApi } from './range-api';

const CHART_TYPES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

function stringEnum<T extends string>(names: readonly T[]): { readonly [K in T]: K } {
  const out = {} as { [K in T]: K };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** Charts.* enums, as plain strings (their toString() in Apps Script is the same name). */
export const CHARTS_ENUMS = {
  ChartType: stringEnum(CHART_TYPES),
  ChartHiddenDimensionStrategy: stringEnum([
    'IGNORE_BOTH',
    'IGNORE_ROWS',
    'IGNORE_COLUMNS',
    'SHOW_BOTH',
  ] as const),
  ChartMergeStrategy: stringEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const),
  CurveStyle: stringEnum(['NORMAL', 'SMOOTH'] as const),
  PointStyle: stringEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'] as const),
  Position: stringEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const),
  ColumnType: stringEnum(['DATE', 'NUMBER', 'STRING'] as const),
  Orientation: stringEnum(['HORIZONTAL', 'VERTICAL'] as const),
};

/**
 * Point sizes for PointStyle. Google does not document the pixel sizes behind the enum; these
 * follow Google Charts' own scale (0 hides points, 7 is its usual "medium").
 */
const POINT_SIZES: Record<string, number> = { NONE: 0, TINY: 2, MEDIUM: 7, LARGE: 14, HUGE: 21 };

export function newChartState(chartType: string | null = null): ChartState {
  return {
    chartId: 0,
    chartType: chartType ?? '',
    ranges: [],
    position: { row: 1, col: 1, offsetX: 0, offsetY: 0 },
    options: {},
    numHeaders: -1,
    mergeStrategy: 'MERGE_COLUMNS',
    transpose: false,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
  };
}

function cloneChart(state: ChartState): ChartState {
  return JSON.parse(JSON.stringify(state)) as ChartState;
}

/** Reads a dotted option key whether it was set flat ('legend.position') or nested ({legend: {position}}). */
export function readOption(options: Record<string, unknown>, key: string): unknown {
  if (key in options) return options[key];
  const parts = key.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (head in options) {
      let v: unknown = options[head];
      for (const p of parts.slice(i))
        v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      if (v !== undefined) return v;
    }
  }
  // Flat keys below the one asked for ('legend.position' when asked for 'legend').
  const prefix = `${key}.`;
  const nested: Record<string, unknown> = {};
  let found = false;
  for (const [k, v] of Object.entries(options)) {
    if (!k.startsWith(prefix)) continue;
    found = true;
    const path = k.slice(prefix.length).split('.');
    let node = nested;
    for (let i = 0; i < path.length - 1; i++) {
      node[path[i]] = (node[path[i]] as Record<string, unknown>) ?? {};
      node = node[path[i]] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = v;
  }
  return found ? nested : null;
}

/** A text style from Charts.newTextStyle(), recorded as Google Charts' textStyle object. */
export class TextStyleBuilder {
  private readonly style: {
    color?: string;
    fontName?: string;
    fontSize?: number;
    bold?: boolean;
    italic?: boolean;
  } = {};
  setColor(color: string): this {
    this.style.color = color;
    return this;
  }
  setFontName(name: string): this {
    this.style.fontName = name;
    return this;
  }
  setFontSize(size: number): this {
    this.style.fontSize = size;
    return this;
  }
  setBold(bold: boolean): this {
    this.style.bold = bold;
    return this;
  }
  setItalic(italic: boolean): this {
    this.style.italic = italic;
    return this;
  }
  build(): TextStyle {
    return new TextStyle({ ...this.style });
  }
}

export class TextStyle {
  constructor(readonly style: Record<string, unknown>) {}
  getColor(): string {
    return (this.style.color as string) ?? '#000000';
  }
  getFontName(): string {
    return (this.style.fontName as string) ?? '';
  }
  getFontSize(): number {
    return (this.style.fontSize as number) ?? 0;
  }
}

function textStyleValue(style: unknown): unknown {
  return style instanceof TextStyle ? { ...style.style } : style;
}

const SVC = 'EmbeddedChartBuilder';

export class EmbeddedChartBuilderApi {
  private readonly draft: ChartState;

  constructor(
    private readonly calls: Calls,
    private readonly sheet: SheetState,
    from?: ChartState,
  ) {
    this.draft = from ? cloneChart(from) : newChartState();
  }

  private local(method: string): void {
    this.calls.local(SVC, method);
  }

  private option(method: string, key: string, value: unknown): this {
    this.local(method);
    this.draft.options[key] = value;
    return this;
  }

  /** Bar charts lie on their side: their value axis is horizontal. */
  private valueAxis(): 'hAxis' | 'vAxis' {
    return this.draft.chartType === 'BAR' ? 'hAxis' : 'vAxis';
  }

  private categoryAxis(): 'hAxis' | 'vAxis' {
    return this.draft.chartType === 'BAR' ? 'vAxis' : 'hAxis';
  }

  setChartType(type: string): this {
    this.local('setChartType');
    const name = String(type);
    if (!(CHART_TYPES as readonly string[]).includes(name))
      fail(MSG.signature(`${name}`, 'EmbeddedChartBuilder.setChartType'));
    this.draft.chartType = name;
    return this;
  }

  getChartType(): string | null {
    this.local('getChartType');
    return this.draft.chartType || null;
  }

  asAreaChart(): this {
    return this.setChartType('AREA');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asComboChart(): this {
    return this.setChartType('COMBO');
  }
  asHistogramChart(): this {
    return this.setChartType('HISTOGRAM');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asScatterChart(): this {
    return this.setChartType('SCATTER');
  }
  asTableChart(): this {
    return this.setChartType('TABLE');
  }

  addRange(range: RangeApi): this {
    this.local('addRange');
    this.draft.ranges.push({ sheetId: range.state.id, a1: rectToA1(range.rect) });
    return this;
  }

  removeRange(range: RangeApi): this {
    this.local('removeRange');
    const a1 = rectToA1(range.rect);
    const i = this.draft.ranges.findIndex((r) => r.sheetId === range.state.id && r.a1 === a1);
    if (i >= 0) this.draft.ranges.splice(i, 1);
    return this;
  }

  clearRanges(): this {
    this.local('clearRanges');
    this.draft.ranges = [];
    return this;
  }

  getRanges(): RangeApi[] {
    this.local('getRanges');
    return resolveRanges(this.calls, this.draft);
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.local('setPosition');
    if (offsetX < 0 || offsetY < 0) fail(MSG.invalidOffset);
    this.draft.position = { row: anchorRowPos, col: anchorColPos, offsetX, offsetY };
    return this;
  }

  getContainer(): ContainerInfoApi {
    this.local('getContainer');
    return new ContainerInfoApi(this.draft);
  }

  setOption(option: string, value: unknown): this {
    return this.option('setOption', String(option), value);
  }

  setNumHeaders(headers: number): this {
    this.local('setNumHeaders');
    this.draft.numHeaders = headers;
    return this;
  }

  setMergeStrategy(strategy: string): this {
    this.local('setMergeStrategy');
    this.draft.mergeStrategy = String(strategy);
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): this {
    this.local('setTransposeRowsAndColumns');
    this.draft.transpose = Boolean(transpose);
    return this;
  }

  setHiddenDimensionStrategy(strategy: string): this {
    this.local('setHiddenDimensionStrategy');
    this.draft.hiddenDimensionStrategy = String(strategy);
    return this;
  }

  // --- typed conveniences of the per-type builders ---------------------------------------------

  setTitle(title: string): this {
    return this.option('setTitle', 'title', title);
  }
  setTitleTextStyle(style: unknown): this {
    return this.option('setTitleTextStyle', 'titleTextStyle', textStyleValue(style));
  }
  setStacked(): this {
    return this.option('setStacked', 'isStacked', true);
  }
  setLegendPosition(position: string): this {
    return this.option('setLegendPosition', 'legend.position', String(position).toLowerCase());
  }
  setLegendTextStyle(style: unknown): this {
    return this.option('setLegendTextStyle', 'legend.textStyle', textStyleValue(style));
  }
  setXAxisTitle(title: string): this {
    return this.option('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.option('setYAxisTitle', 'vAxis.title', title);
  }
  setXAxisTextStyle(style: unknown): this {
    return this.option('setXAxisTextStyle', 'hAxis.textStyle', textStyleValue(style));
  }
  setYAxisTextStyle(style: unknown): this {
    return this.option('setYAxisTextStyle', 'vAxis.textStyle', textStyleValue(style));
  }
  setXAxisTitleTextStyle(style: unknown): this {
    return this.option('setXAxisTitleTextStyle', 'hAxis.titleTextStyle', textStyleValue(style));
  }
  setYAxisTitleTextStyle(style: unknown): this {
    return this.option('setYAxisTitleTextStyle', 'vAxis.titleTextStyle', textStyleValue(style));
  }
  setColors(colors: string[]): this {
    return this.option('setColors', 'colors', [...colors]);
  }
  setBackgroundColor(color: string): this {
    return this.option('setBackgroundColor', 'backgroundColor', color);
  }
  setPointStyle(style: string): this {
    return this.option('setPointStyle', 'pointSize', POINT_SIZES[String(style)] ?? 0);
  }
  setCurveStyle(style: string): this {
    return this.option('setCurveStyle', 'curveType', String(style) === 'SMOOTH' ? 'function' : 'none');
  }
  /** The value axis's range (vertical, or horizontal for bar charts). */
  setRange(start: number, end: number): this {
    const axis = this.valueAxis();
    this.option('setRange', `${axis}.viewWindow.min`, start);
    this.draft.options[`${axis}.viewWindow.max`] = end;
    return this;
  }
  setXAxisRange(start: number, end: number): this {
    this.option('setXAxisRange', 'hAxis.viewWindow.min', start);
    this.draft.options['hAxis.viewWindow.max'] = end;
    return this;
  }
  setYAxisRange(start: number, end: number): this {
    this.option('setYAxisRange', 'vAxis.viewWindow.min', start);
    this.draft.options['vAxis.viewWindow.max'] = end;
    return this;
  }
  reverseCategories(): this {
    return this.option('reverseCategories', `${this.categoryAxis()}.direction`, -1);
  }
  reverseDirection(): this {
    return this.option('reverseDirection', 'reverseCategories', true);
  }
  useLogScale(): this {
    return this.option('useLogScale', `${this.valueAxis()}.logScale`, true);
  }
  setXAxisLogScale(): this {
    return this.option('setXAxisLogScale', 'hAxis.logScale', true);
  }
  setYAxisLogScale(): this {
    return this.option('setYAxisLogScale', 'vAxis.logScale', true);
  }
  set3D(): this {
    return this.option('set3D', 'is3D', true);
  }
  setDimensions(width: number, height: number): this {
    this.option('setDimensions', 'width', width);
    this.draft.options.height = height;
    return this;
  }
  enablePaging(enable: boolean, pageSize?: number): this {
    this.option('enablePaging', 'page', enable ? 'enable' : 'disable');
    if (pageSize !== undefined) this.draft.options.pageSize = pageSize;
    return this;
  }
  enableSorting(enable: boolean): this {
    return this.option('enableSorting', 'sort', enable ? 'enable' : 'disable');
  }
  showRowNumberColumn(show: boolean): this {
    return this.option('showRowNumberColumn', 'showRowNumber', Boolean(show));
  }
  useAlternatingRowStyle(alternate: boolean): this {
    return this.option('useAlternatingRowStyle', 'alternatingRowStyle', Boolean(alternate));
  }

  /** Builds the chart without inserting it (Sheet.insertChart does that). */
  build(): EmbeddedChartApi {
    this.local('build');
    return new EmbeddedChartApi(this.calls, this.sheet, cloneChart(this.draft));
  }
}

export class ContainerInfoApi {
  constructor(private readonly state: ChartState) {}
  getAnchorRow(): number {
    return this.state.position.row;
  }
  getAnchorColumn(): number {
    return this.state.position.col;
  }
  getOffsetX(): number {
    return this.state.position.offsetX;
  }
  getOffsetY(): number {
    return this.state.position.offsetY;
  }
}

function resolveRanges(calls: Calls, state: ChartState): RangeApi[] {
  const out: RangeApi[] = [];
  for (const ref of state.ranges) {
    const sheet = calls.wb.sheetById(ref.sheetId);
    if (!sheet) continue;
    const [a, b] = ref.a1.split(':');
    const start = cellPos(a);
    const end = b ? cellPos(b) : start;
    out.push(
      new RangeApi(calls, sheet, {
        row: start.row,
        col: start.col,
        numRows: end.row - start.row + 1,
        numCols: end.col - start.col + 1,
      }),
    );
  }
  return out;
}

function cellPos(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

const CHART_SVC = 'EmbeddedChart';

/** A built or inserted chart. Built charts are snapshots; getCharts returns fresh ones. */
export class EmbeddedChartApi {
  constructor(
    private readonly calls: Calls,
    private readonly sheet: SheetState,
    readonly state: ChartState,
  ) {}

  private local(method: string): void {
    this.calls.local(CHART_SVC, method);
  }

  /** null until the chart is inserted in a sheet. */
  getChartId(): number | null {
    this.local('getChartId');
    return this.state.chartId || null;
  }

  getId(): string | null {
    this.local('getId');
    return this.state.chartId ? `u${this.state.chartId}` : null;
  }

  getRanges(): RangeApi[] {
    this.local('getRanges');
    return resolveRanges(this.calls, this.state);
  }

  getOptions(): { get(option: string): unknown } {
    this.local('getOptions');
    const options = JSON.parse(JSON.stringify(this.state.options)) as Record<string, unknown>;
    return { get: (option: string) => readOption(options, option) };
  }

  getContainerInfo(): ContainerInfoApi {
    this.local('getContainerInfo');
    return new ContainerInfoApi(this.state);
  }

  getHiddenDimensionStrategy(): string {
    this.local('getHiddenDimensionStrategy');
    return this.state.hiddenDimensionStrategy;
  }

  getMergeStrategy(): string {
    this.local('getMergeStrategy');
    return this.state.mergeStrategy;
  }

  getNumHeaders(): number {
    this.local('getNumHeaders');
    return this.state.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    this.local('getTransposeRowsAndColumns');
    return this.state.transpose;
  }

  modify(): EmbeddedChartBuilderApi {
    this.local('modify');
    return new EmbeddedChartBuilderApi(this.calls, this.sheet, this.state);
  }

  getAs(_contentType: string): never {
    this.local('getAs');
    return fail('EmbeddedChart.getAs is not available in the emulator: charts are drawn by the playground.');
  }

  getBlob(): never {
    return this.getAs('image/png');
  }
}

/** Sheet.insertChart/updateChart/removeChart/getCharts. */
export const chartOps = {
  insert(calls: Calls, sheet: SheetState, chart: EmbeddedChartApi): void {
    const state = cloneChart(chart.state);
    const taken = calls.wb.sheets.some((s) => s.charts.some((c) => c.chartId === state.chartId));
    if (!state.chartId || taken) state.chartId = calls.wb.newObjectId();
    sheet.charts.push(state);
  },
  update(sheet: SheetState, chart: EmbeddedChartApi): void {
    const i = sheet.charts.findIndex((c) => chart.state.chartId && c.chartId === chart.state.chartId);
    if (i < 0) fail(MSG.chartNotOnSheet);
    sheet.charts[i] = cloneChart(chart.state);
  },
  remove(sheet: SheetState, chart: EmbeddedChartApi): void {
    const i = sheet.charts.findIndex((c) => chart.state.chartId && c.chartId === chart.state.chartId);
    if (i < 0) fail(MSG.chartNotOnSheet);
    sheet.charts.splice(i, 1);
  },
  list(calls: Calls, sheet: SheetState): EmbeddedChartApi[] {
    return sheet.charts.map((c) => new EmbeddedChartApi(calls, sheet, cloneChart(c)));
  },
};
