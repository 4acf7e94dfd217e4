/**
 * Models turn raw source tabs into summary tabs. A model is a named AlaSQL SELECT whose tables
 * are source tables (`<connection>_<stream>`, e.g. `stripe_charges`) or other models (by name).
 */

/** How a summary-tab column is shown: currency in the spreadsheet's currency, month as "Jan 2026"… */
export type ColumnFormat =
  | 'currency'
  | 'percent'
  | 'integer'
  | 'number'
  | 'month'
  | 'date'
  | 'datetime'
  | 'text';

/** dbt-style checks run after each refresh; a failure marks the tab and the Sync log. */
export type ModelTest =
  | { type: 'not_null'; column: string }
  | { type: 'unique'; columns: string[] }
  | { type: 'accepted_values'; column: string; values: Array<string | number | boolean> }
  | { type: 'relationships'; column: string; to: string; field: string }
  | { type: 'row_count_min'; min: number };

export interface ModelSpec {
  /** SQL name, also how other models reference it: lower_snake_case. */
  name: string;
  /** Summary tab title ("Stripe MRR"). Defaults to the name. */
  label?: string;
  description?: string;
  sql: string;
  /** An intermediate step other models build on: its tab is kept hidden to spare the founder clutter. */
  hidden?: boolean;
  formats?: Record<string, ColumnFormat>;
  tests?: ModelTest[];
}

/**
 * A level is right at any moment (MRR, paying customers, open pipeline, open issues): today's row
 * is the number to show. A flow is counted or rated over its period (revenue, orders, win rate,
 * churn, sessions, time to merge): a period that has not ended holds only part of it, so it is
 * compared only once complete.
 */
export type MetricKind = 'level' | 'flow';

/** How long one row of a model's period column lasts; the column holds each period's first day. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** A number the Dashboard shows as a KPI tile and the Metrics history tab snapshots daily. */
export interface HeadlineMetric {
  id: string;
  label: string;
  /** Model whose rows hold the metric, one row per period, oldest first. */
  model: string;
  valueColumn: string;
  /** Period column (month, week, day); the tile compares the last two periods. */
  periodColumn?: string;
  /**
   * Level or flow; every shipped metric declares it (the package checks). Undeclared reads as a
   * level, the latest row, which is how a founder's own metric behaved before kinds existed.
   */
  kind?: MetricKind;
  /** A flow's period length: its tile shows the last period that has ended, and says which. */
  periodUnit?: PeriodUnit;
  format: ColumnFormat;
  /** Whether a rise is good news (MRR) or bad (churn): picks the arrow's colour. */
  goodDirection: 'up' | 'down';
}

/** A Vega-Lite chart whose data is a model's output: `{"data": {"name": "<model>"}, …}`. */
export interface ChartDefinition {
  id: string;
  title: string;
  spec: Record<string, unknown>;
}

/** What ships beside a connector: its models, headline metrics and charts. */
export interface MetricPackage {
  connector: string;
  models: ModelSpec[];
  metrics: HeadlineMetric[];
  charts: ChartDefinition[];
}
