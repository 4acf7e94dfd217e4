/**
 * The no-SQL report builder: a founder picks a table, dimensions, measures, filters, sort and
 * limit; this turns the choice into AlaSQL SQL (shown read-only, editable by those who can)
 * and checks it against the table's columns first, with problems in plain words.
 *
 * Every name is written with quoteIdentifier and every text with quoteString, so any column
 * name AlaSQL can hold works, including `customer.email`, names with spaces, quotes, brackets,
 * backticks and SQL words (tests/model/report-builder.test.ts checks random definitions over
 * hostile names against a plain JavaScript computation).
 *
 * Semantics, where SQL leaves room:
 * - empty cells are NULL: `equals`, `greater than`… never match them; `not equals` does (a row
 *   without a status is "not paid"); `is empty` finds them;
 * - date values compare by whole days: "equals 2026-01-31" is any time that day; "between"
 *   includes both end days;
 * - relative dates count in the spreadsheet's time zone from `now`: "last 7 days" is today and
 *   the 6 days before; "last 3 months" is this month and the 2 before; "this month" and
 *   "previous month" are calendar months;
 * - sorting puts empty values last; with no sort, rows are ordered by the dimensions.
 */
import { type ColumnInfo, type ColumnKind, describeKind } from './column-types';
import { identifierProblem, quoteIdentifier, quoteString } from './sql-identifiers';
import { closestName } from './suggest';

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
}

const GRAIN_FUNCTION: Record<DateGrain, string> = {
  day: 'DAY_START',
  week: 'WEEK_START',
  month: 'MONTH_START',
  quarter: 'QUARTER_START',
  year: 'YEAR_START',
};

const MEASURE_SQL: Record<MeasureKind, (column: string) => string> = {
  count: () => 'COUNT(*)',
  count_distinct: (c) => `COUNT(DISTINCT ${c})`,
  sum: (c) => `SUM(${c})`,
  average: (c) => `AVG(${c})`,
  min: (c) => `MIN(${c})`,
  max: (c) => `MAX(${c})`,
};

const MEASURE_PURPOSE: Record<MeasureKind, string> = {
  count: 'a count',
  count_distinct: 'a count of distinct values',
  sum: 'a sum',
  average: 'an average',
  min: 'a minimum',
  max: 'a maximum',
};

const MAX_LIMIT = 200_000;

export function dimensionLabel(d: Dimension): string {
  return d.label ?? (d.grain ? `${d.column} (${d.grain})` : d.column);
}

/** Checks a definition against the table's columns; an empty list means it compiles. */
export function validateReport(
  def: ReportDefinition,
  columns: readonly ColumnInfo[] | undefined,
): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const tableProblem = identifierProblem(def.table);
  if (tableProblem) add('table', `The table name "${def.table}" cannot be used: ${tableProblem}.`);
  if (!columns) {
    add('table', `There is no table \`${def.table}\`. Pick a synced source or a model.`);
    return problems;
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const names = columns.map((c) => c.name);
  const column = (
    path: string,
    name: string | undefined,
    allowed?: ColumnKind[],
    purpose?: string,
  ): ColumnInfo | undefined => {
    if (name === undefined || name === '') {
      add(path, 'Pick a column.');
      return undefined;
    }
    const info = byName.get(name);
    if (!info) {
      const guess = closestName(name, names);
      add(path, `\`${def.table}\` has no column \`${name}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
      return undefined;
    }
    if (allowed && !allowed.includes(info.kind) && info.kind !== 'empty')
      add(
        path,
        `\`${name}\` holds ${describeKind(info.kind)}; ${purpose} needs ${allowed.map(describeKind).join(' or ')}.`,
      );
    return info;
  };

  if (def.dimensions.length === 0 && def.measures.length === 0)
    add('measures', 'Add at least one measure (such as a count of rows) or one dimension.');
  def.dimensions.forEach((d, i) => {
    column(`dimensions[${i}].column`, d.column, d.grain ? ['date'] : undefined, 'grouping by a date period');
  });
  def.measures.forEach((m, i) => {
    if (m.kind === 'count') return;
    const allowed: ColumnKind[] | undefined =
      m.kind === 'sum' || m.kind === 'average'
        ? ['number']
        : m.kind === 'count_distinct'
          ? undefined
          : ['number', 'date'];
    column(`measures[${i}].column`, m.column, allowed, MEASURE_PURPOSE[m.kind]);
  });

  const labels = [...def.dimensions.map(dimensionLabel), ...def.measures.map((m) => m.label)];
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    const path =
      i < def.dimensions.length ? `dimensions[${i}].label` : `measures[${i - def.dimensions.length}].label`;
    if (label.trim() === '') {
      add(path, 'Give this column a name.');
      return;
    }
    const problem = identifierProblem(label);
    if (problem) add(path, `The name "${label}" cannot be a column name: ${problem}.`);
    if (seen.has(label.toLowerCase())) add(path, `Two columns are named "${label}"; give one another name.`);
    seen.add(label.toLowerCase());
  });

  (def.filters ?? []).forEach((f, i) => {
    validateFilter(f, `filters[${i}]`, column, add);
  });

  (def.sort ?? []).forEach((s, i) => {
    if (!labels.includes(s.by))
      add(`sort[${i}].by`, `Sort by one of the report's columns: ${labels.join(', ')}.`);
  });
  if (def.limit !== undefined && !(Number.isInteger(def.limit) && def.limit > 0 && def.limit <= MAX_LIMIT))
    add('limit', `The row limit must be a whole number from 1 to ${MAX_LIMIT.toLocaleString('en-US')}.`);
  return problems;
}

type ColumnCheck = (
  path: string,
  name: string | undefined,
  allowed?: ColumnKind[],
  purpose?: string,
) => ColumnInfo | undefined;

function validateFilter(f: Filter, path: string, column: ColumnCheck, add: Add): void {
  const info = column(`${path}.column`, f.column);
  const kinds = (allowed: ColumnKind[], purpose: string) => {
    if (info && !allowed.includes(info.kind) && info.kind !== 'empty')
      add(
        `${path}.column`,
        `\`${info.name}\` holds ${describeKind(info.kind)}; ${purpose} needs ${allowed.map(describeKind).join(' or ')}.`,
      );
  };
  const values =
    f.op === 'contains'
      ? []
      : 'value' in f
        ? [f.value]
        : 'from' in f
          ? [f.from, f.to]
          : 'values' in f
            ? f.values
            : [];
  if (info && (info.kind === 'date' || info.kind === 'number'))
    for (const v of values)
      if (info.kind === 'date' ? !isDateValue(v) : typeof v !== 'number')
        add(
          `${path}.value`,
          `\`${f.column}\` holds ${describeKind(info.kind)}; compare it with ${info.kind === 'date' ? 'a date' : 'a number'}.`,
        );
  switch (f.op) {
    case 'equals':
    case 'not_equals':
      checkValue(f.value, `${path}.value`, add);
      return;
    case 'greater_than':
    case 'less_than':
      kinds(['number', 'date'], 'a comparison');
      checkValue(f.value, `${path}.value`, add, true);
      return;
    case 'between':
      kinds(['number', 'date'], 'a range');
      checkValue(f.from, `${path}.from`, add, true);
      checkValue(f.to, `${path}.to`, add, true);
      return;
    case 'in':
      if (f.values.length === 0) add(`${path}.values`, 'Pick at least one value.');
      f.values.forEach((v, j) => {
        if (isDateValue(v)) add(`${path}.values[${j}]`, 'Pick dates with "between" rather than "is one of".');
        else checkValue(v, `${path}.values[${j}]`, add);
      });
      return;
    case 'contains':
      if (typeof f.value !== 'string' || f.value === '') add(`${path}.value`, 'Type the text to look for.');
      return;
    case 'is_empty':
    case 'is_not_empty':
      return;
    case 'last_days':
    case 'last_weeks':
    case 'last_months':
      kinds(['date'], 'a relative date filter');
      if (!Number.isInteger(f.count) || f.count < 1 || f.count > 10_000)
        add(`${path}.count`, 'The number of days, weeks or months must be a whole number from 1 to 10,000.');
      return;
    case 'this_month':
    case 'previous_month':
      kinds(['date'], 'a relative date filter');
      return;
    default:
      add(`${path}.op`, `Unknown filter "${(f as { op: string }).op}".`);
  }
}

type Add = (path: string, message: string) => void;

function checkValue(
  value: FilterValue,
  path: string,
  add: (path: string, message: string) => void,
  ordered = false,
): void {
  if (isDateValue(value)) {
    if (!parseDay(value.date)) add(path, `"${value.date}" is not a date written as YYYY-MM-DD.`);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) add(path, 'Type a number.');
  else if (ordered && typeof value !== 'number') add(path, 'Type a number or pick a date.');
  else if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
    add(path, 'Type a value.');
}

/** Compiles a definition into SQL; `now` is a wall-clock Date (see time-zone.ts). */
export function compileReport(
  def: ReportDefinition,
  columns: readonly ColumnInfo[] | undefined,
  now: Date,
): { ok: true; report: CompiledReport } | { ok: false; problems: ReportProblem[] } {
  const problems = validateReport(def, columns);
  if (problems.length) return { ok: false, problems };
  return { ok: true, report: buildReportSql(def, now) };
}

/** The SQL for a valid definition (validateReport first). */
export function buildReportSql(def: ReportDefinition, now: Date): CompiledReport {
  const dims = def.dimensions.map((d) => {
    const col = quoteIdentifier(d.column);
    const expr = d.grain ? `${GRAIN_FUNCTION[d.grain]}(${col})` : col;
    return { expr, label: dimensionLabel(d) };
  });
  const measures = def.measures.map((m) => ({
    expr: MEASURE_SQL[m.kind](m.column === undefined ? '' : quoteIdentifier(m.column)),
    label: m.label,
  }));
  const selected = [...dims, ...measures];
  const lines = ['SELECT', selected.map((s) => `  ${s.expr} AS ${quoteIdentifier(s.label)}`).join(',\n')];
  lines.push(`FROM ${quoteIdentifier(def.table)}`);
  const conditions = (def.filters ?? []).map((f) => filterSql(f, now));
  if (conditions.length) lines.push(`WHERE ${conditions.join('\n  AND ')}`);
  const aggregated = measures.length > 0;
  if (dims.length && aggregated) lines.push(`GROUP BY ${dims.map((d) => d.expr).join(', ')}`);
  const sort = def.sort?.length ? def.sort : dims.map((d) => ({ by: d.label, direction: 'asc' as const }));
  if (sort.length)
    lines.push(
      `ORDER BY ${sort.map((s) => `${quoteIdentifier(s.by)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}`,
    );
  if (def.limit !== undefined) lines.push(`LIMIT ${def.limit}`);
  const sql =
    dims.length && !aggregated
      ? lines.join('\n').replace(/^SELECT\n/, 'SELECT DISTINCT\n')
      : lines.join('\n');
  return { sql, columns: selected.map((s) => s.label) };
}

function filterSql(f: Filter, now: Date): string {
  const c = quoteIdentifier(f.column);
  switch (f.op) {
    case 'equals':
      return isDateValue(f.value) ? dayRange(c, parseDay(f.value.date)!, 1) : `${c} = ${literal(f.value)}`;
    case 'not_equals':
      return isDateValue(f.value)
        ? `(${c} IS NULL OR NOT ${dayRange(c, parseDay(f.value.date)!, 1)})`
        : `(${c} IS NULL OR ${c} <> ${literal(f.value)})`;
    case 'greater_than':
      return isDateValue(f.value)
        ? `${c} >= ${makeDate(addDays(parseDay(f.value.date)!, 1))}`
        : `${c} > ${literal(f.value)}`;
    case 'less_than':
      return isDateValue(f.value)
        ? `${c} < ${makeDate(parseDay(f.value.date)!)}`
        : `${c} < ${literal(f.value)}`;
    case 'between': {
      const from = isDateValue(f.from) ? makeDate(parseDay(f.from.date)!) : literal(f.from);
      const to = isDateValue(f.to) ? makeDate(addDays(parseDay(f.to.date)!, 1)) : literal(f.to);
      return `(${c} >= ${from} AND ${c} ${isDateValue(f.to) ? '<' : '<='} ${to})`;
    }
    case 'in':
      return `${c} IN (${f.values.map(literal).join(', ')})`;
    case 'contains':
      return `CONTAINS_TEXT(${c}, ${quoteString(f.value)})`;
    case 'is_empty':
      return `${c} IS NULL`;
    case 'is_not_empty':
      return `${c} IS NOT NULL`;
    default:
      return relativeRange(c, f, now);
  }
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function relativeRange(c: string, f: Filter, now: Date): string {
  const today: Day = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const tomorrow = addDays(today, 1);
  const monthStart: Day = { ...today, day: 1 };
  switch (f.op) {
    case 'last_days':
      return range(c, addDays(today, -(f.count - 1)), tomorrow);
    case 'last_weeks':
      return range(c, addDays(today, -(7 * f.count - 1)), tomorrow);
    case 'last_months':
      return range(c, addMonths(monthStart, -(f.count - 1)), tomorrow);
    case 'this_month':
      return range(c, monthStart, addMonths(monthStart, 1));
    case 'previous_month':
      return range(c, addMonths(monthStart, -1), monthStart);
    default:
      throw new Error(`Unknown filter ${(f as { op: string }).op}`);
  }
}

function range(c: string, from: Day, to: Day): string {
  return `(${c} >= ${makeDate(from)} AND ${c} < ${makeDate(to)})`;
}

function dayRange(c: string, day: Day, days: number): string {
  return range(c, day, addDays(day, days));
}

function makeDate(d: Day): string {
  return `MAKE_DATE(${d.year}, ${d.month}, ${d.day})`;
}

/** Calendar arithmetic on plain dates, done in UTC where every day has 24 hours. */
function addDays(d: Day, days: number): Day {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function addMonths(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: d.day };
}

function isDateValue(v: FilterValue): v is { date: string } {
  return typeof v === 'object' && v !== null && typeof (v as { date?: unknown }).date === 'string';
}

export function parseDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const day: Day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(day, 0);
  return check.year === day.year && check.month === day.month && check.day === day.day ? day : undefined;
}

function literal(v: FilterValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return makeDate(parseDay(v.date)!);
  return quoteString(String(v));
}
