/**
 * What the chart compiler produces: either a native Sheets chart plan, or the reasons the spec
 * cannot be a native chart (the sidebar then renders it with vega-embed). Plain data only, so
 * plans print in the CLI, travel through google.script.run and compare in tests.
 */

/** How a model column holds its values, as far as charts care. */
export type FieldType = 'number' | 'text' | 'date' | 'boolean';

export interface ModelColumn {
  name: string;
  type: FieldType;
}

/** One row of a model's output, keyed by column name. Dates arrive as Date (cells) or ISO strings. */
export type Row = Record<string, unknown>;

/**
 * The data a chart reads: a model's output. `columns` and `rows` are optional so a spec can be
 * compiled before any data exists (the CLI without --data); fields are then not checked.
 */
export interface DataShape {
  model: string;
  columns?: ModelColumn[];
  rows?: Row[];
}

/** The Sheets chart types we emit (Charts.ChartType names). */
export type SheetsChartType = 'BAR' | 'COLUMN' | 'LINE' | 'AREA' | 'SCATTER' | 'PIE';

/** Google Charts options as EmbeddedChartBuilder.setOption takes them: dotted keys. */
export type ChartOptions = Record<string, string | number | boolean | string[]>;

export type EncodingType = 'quantitative' | 'temporal' | 'nominal' | 'ordinal';

export type AggregateOp = 'count' | 'valid' | 'distinct' | 'sum' | 'mean' | 'median' | 'min' | 'max';

/** Calendar buckets a temporal field can be truncated to (Vega-Lite timeUnit names). */
export type TimeUnit = 'year' | 'yearquarter' | 'yearmonth' | 'yearmonthdate' | 'month' | 'quarter';

/** A Vega-Lite field predicate, the subset the helper evaluates. */
export type Predicate =
  | { and: Predicate[] }
  | { or: Predicate[] }
  | { not: Predicate }
  | {
      field: string;
      equal?: string | number | boolean;
      oneOf?: Array<string | number | boolean>;
      range?: [number | null, number | null];
      lt?: number | string;
      lte?: number | string;
      gt?: number | string;
      gte?: number | string;
      valid?: boolean;
    };

/** The order of the category axis (or of pie slices). */
export type DomainSort =
  | { by: 'none' }
  | { by: 'value'; order: 'ascending' | 'descending' }
  /** `complete`: every listed value gets a row even without data (a pie's color domain). */
  | { by: 'list'; values: Array<string | number | boolean>; complete?: boolean }
  | { by: 'measure'; order: 'ascending' | 'descending'; field?: string; op?: AggregateOp };

/** The order of the series a color field splits into (also the legend's order). */
export type SeriesOrder =
  | { by: 'none' }
  | { by: 'value'; order: 'ascending' | 'descending' }
  /** `complete`: every listed value gets a column even without data (a color scale's domain). */
  | { by: 'list'; values: Array<string | number | boolean>; complete: boolean };

/**
 * How to prepare a helper table from the model's rows: filter, fold, bucket dates, aggregate,
 * pivot a color field into one column per series, sort. `computeHelperTable` runs it.
 */
export interface HelperRecipe {
  filter?: Predicate;
  fold?: { fields: string[]; as: [string, string] };
  /** The category/x axis: the table's first column. */
  domain: { field: string; type: EncodingType; timeUnit?: TimeUnit; title: string };
  /** The numbers plotted. Without `field`, only `count` makes sense. */
  measure: { field?: string; aggregate?: AggregateOp; title: string };
  /** A color field whose values become one column each. */
  series?: { field: string; order: SeriesOrder };
  sort: DomainSort;
}

/** The table a recipe yields: a header row, then data rows, and a Sheets number format per column. */
export interface HelperTable {
  header: string[];
  rows: Array<Array<string | number | boolean | Date | null>>;
  formats: Array<string | null>;
}

export type ChartSource =
  /** The model tab already has the chart's shape: bind these columns (domain first). */
  | { kind: 'model'; columns: string[] }
  /** Prepared data: write the recipe's table to a helper range and bind all its columns. */
  | { kind: 'helper'; recipe: HelperRecipe };

export interface NativeChartPlan {
  native: true;
  model: string;
  chartType: SheetsChartType;
  source: ChartSource;
  options: ChartOptions;
  /** Cosmetic parts of the spec that were left to Sheets' defaults, and assumptions made. */
  notes: string[];
}

export interface RefusedChartPlan {
  native: false;
  model: string;
  /** Each names the exact part of the spec and why Sheets cannot draw it. */
  reasons: string[];
}

export type ChartPlan = NativeChartPlan | RefusedChartPlan;
