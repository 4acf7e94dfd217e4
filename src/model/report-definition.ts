/**
 * What the report builder's form produces: a table, dimensions, measures, filters, sort and
 * limit. Plain data, so it travels through google.script.run and is saved with the model.
 */
import type { ColumnFormat } from './model-spec';

export type DateGrain = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Dimension {
  column: string;
  /** Only for date columns: group by the start of the day, week (Monday), month, quarter or year. */
  grain?: DateGrain;
  /** Output column name; defaults to the column name (with the grain: "created (month)"). */
  label?: string;
}

export type MeasureKind = 'count' | 'count_distinct' | 'sum' | 'average' | 'min' | 'max';

export interface Measure {
  kind: MeasureKind;
  /** Not used by `count` (it counts rows). */
  column?: string;
  /** Output column name ("Revenue"). */
  label: string;
}

/** A date travels as `{ date: 'YYYY-MM-DD' }`: google.script.run cannot carry Date objects. */
export type FilterValue = string | number | boolean | { date: string };

export type Filter =
  | { column: string; op: 'equals' | 'not_equals' | 'greater_than' | 'less_than'; value: FilterValue }
  | { column: string; op: 'in'; values: FilterValue[] }
  | { column: string; op: 'contains'; value: string }
  | { column: string; op: 'between'; from: FilterValue; to: FilterValue }
  | { column: string; op: 'is_empty' | 'is_not_empty' }
  | { column: string; op: 'last_days' | 'last_weeks' | 'last_months'; count: number }
  | { column: string; op: 'this_month' | 'previous_month' };

export interface SortKey {
  /** An output column: a dimension's or a measure's label. */
  by: string;
  direction: 'asc' | 'desc';
}

export interface ReportDefinition {
  /** A source tab (`stripe_charges`) or a model name. */
  table: string;
  dimensions: Dimension[];
  measures: Measure[];
  filters?: Filter[];
  sort?: SortKey[];
  limit?: number;
}

export interface ReportProblem {
  /** Where in the definition: "measures[1].column". */
  path: string;
  message: string;
}

export interface CompiledReport {
  sql: string;
  /** Output columns, in order. */
  columns: string[];
  /** How the summary tab shows some outputs: money columns as currency. */
  formats?: Record<string, ColumnFormat>;
}

export function dimensionLabel(d: Dimension): string {
  return d.label ?? (d.grain ? `${d.column} (${d.grain})` : d.column);
}

export function isDateValue(v: FilterValue): v is { date: string } {
  return typeof v === 'object' && v !== null && typeof (v as { date?: unknown }).date === 'string';
}

/** A calendar day, as written in a filter (`YYYY-MM-DD`). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/** Calendar arithmetic on plain dates, done in UTC where every day has 24 hours. */
export function addDays(d: Day, days: number): Day {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: d.day };
}

export function parseDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const day: Day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(day, 0);
  return check.year === day.year && check.month === day.month && check.day === day.day ? day : undefined;
}
