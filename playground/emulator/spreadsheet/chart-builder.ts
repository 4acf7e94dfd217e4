/**
 * Building embedded charts: the Charts enums and EmbeddedChartBuilder, with the typed
 * conveniences of the per-type builders each recorded as the Google Charts option it stands
 * for. A chart's data ranges are stored as sheet id + A1 so the playground can draw it from the
 * live cells.
 */
import { rectToA1 } from './a1';
import type { Calls } from './calls';
import { EmbeddedChartApi, resolveRanges } from './embedded-chart';
import { fail, MSG } from './messages';
import type { ChartState, SheetState } from './model';
import type { RangeApi } from './range-api';

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

export function cloneChart(state: ChartState): ChartState {
  return JSON.parse(JSON.stringify(state)) as ChartState;
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
