/**
 * The report builder's form state and the ReportDefinition it stands for. Values are typed by
 * the column they filter (numbers, `{date}` for dates, booleans), so the server compares like
 * with like. Pure: tested without a browser.
 */
import type { ColumnInfo, ColumnKind } from '../../src/model/column-types';
import {
  type DateGrain,
  dimensionLabel,
  type Filter,
  type FilterValue,
  type MeasureKind,
  type ReportDefinition,
} from '../../src/model/report-definition';

export interface DimensionRow {
  column: string;
  grain: DateGrain | '';
}

export interface MeasureRow {
  kind: MeasureKind;
  column: string;
  /** Empty: the default label ("Sum of amount"). */
  label: string;
}

export type FilterOp = Filter['op'];

export interface FilterRow {
  column: string;
  op: FilterOp;
  value: string;
  /** The end of a "between" range. */
  value2: string;
}

export interface ReportForm {
  table: string;
  dimensions: DimensionRow[];
  measures: MeasureRow[];
  filters: FilterRow[];
  sortBy: string;
  sortDirection: 'asc' | 'desc';
  limit: string;
}

export const GRAINS: Array<{ value: DateGrain; label: string }> = [
  { value: 'day', label: 'by day' },
  { value: 'week', label: 'by week' },
  { value: 'month', label: 'by month' },
  { value: 'quarter', label: 'by quarter' },
  { value: 'year', label: 'by year' },
];

export const MEASURES: Array<{ value: MeasureKind; label: string; needs: ColumnKind[] | 'none' | 'any' }> = [
  { value: 'count', label: 'Count rows', needs: 'none' },
  { value: 'count_distinct', label: 'Count distinct', needs: 'any' },
  { value: 'sum', label: 'Sum', needs: ['number'] },
  { value: 'average', label: 'Average', needs: ['number'] },
  { value: 'min', label: 'Minimum', needs: ['number', 'date'] },
  { value: 'max', label: 'Maximum', needs: ['number', 'date'] },
];

const OP_LABELS: Record<FilterOp, string> = {
  equals: 'is',
  not_equals: 'is not',
  greater_than: 'is more than',
  less_than: 'is less than',
  in: 'is one of',
  contains: 'contains',
  between: 'is between',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  last_days: 'in the last N days',
  last_weeks: 'in the last N weeks',
  last_months: 'in the last N months',
  this_month: 'is this month',
  previous_month: 'is last month',
};

/** Comparisons read as time on a date column: "is after 2026-01-31" (the whole day excluded). */
const DATE_LABELS: Partial<Record<FilterOp, string>> = {
  greater_than: 'is after',
  less_than: 'is before',
};

/** The conditions that make sense for a column of this kind, as the filter's select lists them. */
export function opsFor(kind: ColumnKind | undefined): Array<{ value: FilterOp; label: string }> {
  const ops: FilterOp[] =
    kind === 'date'
      ? [
          'last_days',
          'last_weeks',
          'last_months',
          'this_month',
          'previous_month',
          'equals',
          'greater_than',
          'less_than',
          'between',
          'is_empty',
          'is_not_empty',
        ]
      : kind === 'number'
        ? ['equals', 'not_equals', 'greater_than', 'less_than', 'between', 'is_empty', 'is_not_empty']
        : kind === 'boolean'
          ? ['equals', 'is_empty', 'is_not_empty']
          : ['equals', 'not_equals', 'contains', 'in', 'is_empty', 'is_not_empty'];
  return ops.map((value) => ({ value, label: (kind === 'date' && DATE_LABELS[value]) || OP_LABELS[value] }));
}

/** How many value boxes a condition takes. */
export function valuesFor(op: FilterOp): 0 | 1 | 2 {
  if (op === 'between') return 2;
  if (op === 'is_empty' || op === 'is_not_empty' || op === 'this_month' || op === 'previous_month') return 0;
  return 1;
}

export function measureLabel(m: MeasureRow): string {
  if (m.label.trim()) return m.label.trim();
  if (m.kind === 'count') return 'Rows';
  const name = MEASURES.find((x) => x.value === m.kind)?.label ?? m.kind;
  return `${name} of ${m.column || '…'}`;
}

/** A new form on a table: one "Count rows" measure, so the first preview already says something. */
export function emptyForm(table: string): ReportForm {
  return {
    table,
    dimensions: [],
    measures: [{ kind: 'count', column: '', label: '' }],
    filters: [],
    sortBy: '',
    sortDirection: 'desc',
    limit: '',
  };
}

/** The form back from a saved report (to edit it). */
export function formOf(def: ReportDefinition): ReportForm {
  return {
    table: def.table,
    dimensions: def.dimensions.map((d) => ({ column: d.column, grain: d.grain ?? '' })),
    measures: def.measures.map((m) => ({ kind: m.kind, column: m.column ?? '', label: m.label })),
    filters: (def.filters ?? []).map(filterRowOf),
    sortBy: def.sort?.[0]?.by ?? '',
    sortDirection: def.sort?.[0]?.direction ?? 'desc',
    limit: def.limit === undefined ? '' : String(def.limit),
  };
}

function text(v: FilterValue): string {
  return typeof v === 'object' ? v.date : String(v);
}

function filterRowOf(f: Filter): FilterRow {
  const row: FilterRow = { column: f.column, op: f.op, value: '', value2: '' };
  if ('value' in f) row.value = text(f.value);
  if ('values' in f) row.value = f.values.map(text).join(', ');
  if ('from' in f) {
    row.value = text(f.from);
    row.value2 = text(f.to);
  }
  if ('count' in f) row.value = String(f.count);
  return row;
}

/** Output column names, in order: what "Sort by" offers. */
export function outputColumns(form: ReportForm): string[] {
  return [
    ...form.dimensions.map((d) =>
      dimensionLabel({ column: d.column, ...(d.grain ? { grain: d.grain } : {}) }),
    ),
    ...form.measures.map(measureLabel),
  ];
}

export function toDefinition(form: ReportForm, columns: readonly ColumnInfo[]): ReportDefinition {
  const kindOf = (name: string) => columns.find((c) => c.name === name)?.kind;
  const typed = (column: string, raw: string): FilterValue => {
    const v = raw.trim();
    switch (kindOf(column)) {
      case 'number':
        return v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
      case 'date':
        return { date: v };
      case 'boolean':
        return v === 'true' ? true : v === 'false' ? false : v;
      default:
        return raw;
    }
  };
  const def: ReportDefinition = {
    table: form.table,
    dimensions: form.dimensions.map((d) =>
      d.grain ? { column: d.column, grain: d.grain } : { column: d.column },
    ),
    measures: form.measures.map((m) =>
      m.kind === 'count'
        ? { kind: m.kind, label: measureLabel(m) }
        : { kind: m.kind, column: m.column, label: measureLabel(m) },
    ),
  };
  const filters = form.filters.map((f): Filter => {
    switch (f.op) {
      case 'is_empty':
      case 'is_not_empty':
      case 'this_month':
      case 'previous_month':
        return { column: f.column, op: f.op };
      case 'last_days':
      case 'last_weeks':
      case 'last_months':
        return { column: f.column, op: f.op, count: Number(f.value) };
      case 'between':
        return { column: f.column, op: f.op, from: typed(f.column, f.value), to: typed(f.column, f.value2) };
      case 'in':
        return {
          column: f.column,
          op: f.op,
          values: f.value
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
            .map((v) => typed(f.column, v)),
        };
      case 'contains':
        return { column: f.column, op: f.op, value: f.value };
      default:
        return { column: f.column, op: f.op, value: typed(f.column, f.value) };
    }
  });
  if (filters.length) def.filters = filters;
  if (form.sortBy) def.sort = [{ by: form.sortBy, direction: form.sortDirection }];
  if (form.limit.trim()) def.limit = Number(form.limit);
  return def;
}

/** A model name from the report's title: "Revenue by month" → "revenue_by_month". */
export function modelNameFor(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 55);
  if (!slug) return '';
  return /^[a-z]/.test(slug) ? slug : `report_${slug}`;
}
