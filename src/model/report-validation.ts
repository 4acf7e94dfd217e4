/**
 * Checks a report definition against its table's columns, with each problem in plain words and
 * where it is in the form (`measures[1].column`), so the sidebar can mark the field.
 */
import { type ColumnInfo, type ColumnKind, describeKind } from './column-types';
import {
  dimensionLabel,
  type Filter,
  type FilterValue,
  isDateValue,
  type MeasureKind,
  parseDay,
  type ReportDefinition,
  type ReportProblem,
} from './report-definition';
import { identifierProblem } from './sql-identifiers';
import { closestName } from './suggest';

const MEASURE_PURPOSE: Record<MeasureKind, string> = {
  count: 'a count',
  count_distinct: 'a count of distinct values',
  sum: 'a sum',
  average: 'an average',
  min: 'a minimum',
  max: 'a maximum',
};

const MAX_LIMIT = 200_000;

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
