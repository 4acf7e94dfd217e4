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
 * - sorting puts empty values last; with no sort, rows are ordered by the dimensions;
 * - money a connector sends in minor units (Stripe's cents) is read in whole units everywhere
 *   (groups, measures, filters: "amount more than 100" means 100 dollars), and sums, averages,
 *   minimums and maximums of it are formatted as currency (report-money.ts).
 */
import type { ColumnFormat } from './model-spec';
import {
  addDays,
  addMonths,
  type CompiledReport,
  type DateGrain,
  type Day,
  dimensionLabel,
  type Filter,
  type FilterValue,
  isDateValue,
  type MeasureKind,
  parseDay,
  type ReportDefinition,
  type ReportProblem,
} from './report-definition';
import { majorUnitsSql, type ReportColumn } from './report-money';
import { validateReport } from './report-validation';
import { quoteIdentifier, quoteString } from './sql-identifiers';

export type {
  CompiledReport,
  DateGrain,
  Dimension,
  Filter,
  FilterValue,
  Measure,
  MeasureKind,
  ReportDefinition,
  ReportProblem,
  SortKey,
} from './report-definition';
export { dimensionLabel } from './report-definition';
export { validateReport } from './report-validation';

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

/** Compiles a definition into SQL; `now` is a wall-clock Date (see time-zone.ts). */
export function compileReport(
  def: ReportDefinition,
  columns: readonly ReportColumn[] | undefined,
  now: Date,
): { ok: true; report: CompiledReport } | { ok: false; problems: ReportProblem[] } {
  const problems = validateReport(def, columns);
  if (problems.length) return { ok: false, problems };
  return { ok: true, report: buildReportSql(def, now, columns) };
}

/** The SQL for a valid definition (validateReport first); `columns` tell which hold minor-unit money. */
export function buildReportSql(
  def: ReportDefinition,
  now: Date,
  columns: readonly ReportColumn[] = [],
): CompiledReport {
  const moneyOf = (name: string) => columns.find((c) => c.name === name)?.money;
  const value = (name: string) => {
    const money = moneyOf(name);
    return money ? majorUnitsSql(name, money, columns) : quoteIdentifier(name);
  };
  const formats: Record<string, ColumnFormat> = {};
  const dims = def.dimensions.map((d) => {
    const col = value(d.column);
    const expr = d.grain ? `${GRAIN_FUNCTION[d.grain]}(${col})` : col;
    if (!d.grain && moneyOf(d.column)) formats[dimensionLabel(d)] = 'currency';
    return { expr, label: dimensionLabel(d) };
  });
  const measures = def.measures.map((m) => {
    const money =
      m.column !== undefined && m.kind !== 'count' && m.kind !== 'count_distinct' && moneyOf(m.column);
    if (money) formats[m.label] = 'currency';
    return {
      expr: MEASURE_SQL[m.kind](
        m.column === undefined ? '' : money ? value(m.column) : quoteIdentifier(m.column),
      ),
      label: m.label,
    };
  });
  const selected = [...dims, ...measures];
  const lines = ['SELECT', selected.map((s) => `  ${s.expr} AS ${quoteIdentifier(s.label)}`).join(',\n')];
  lines.push(`FROM ${quoteIdentifier(def.table)}`);
  const conditions = (def.filters ?? []).map((f) => filterSql(f, now, value(f.column)));
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
  const report: CompiledReport = { sql, columns: selected.map((s) => s.label) };
  if (Object.keys(formats).length) report.formats = formats;
  return report;
}

/** `c` is the column's SQL: its name, or its value in whole units for minor-unit money. */
function filterSql(f: Filter, now: Date, c: string): string {
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

function literal(v: FilterValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return makeDate(parseDay(v.date)!);
  return quoteString(String(v));
}
