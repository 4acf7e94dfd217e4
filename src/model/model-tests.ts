/**
 * dbt-style data tests on a model's output, run after each refresh. A failure does not stop the
 * model (its tab is still written): it is reported with the number of failing rows and one
 * example, so the founder can find the bad row.
 */
import type { ModelTest } from './model-spec';
import type { SqlValue, TableData } from './values';

export interface TestFailure {
  test: ModelTest;
  /** "unique(customer_id)": how the Sync log names the test. */
  name: string;
  failingRows: number;
  /** One failing row (or key), as text. */
  example?: string;
  message: string;
}

export type TableLookup = (name: string) => TableData | undefined;

export function testName(test: ModelTest): string {
  switch (test.type) {
    case 'not_null':
      return `not_null(${test.column})`;
    case 'unique':
      return `unique(${test.columns.join(', ')})`;
    case 'accepted_values':
      return `accepted_values(${test.column})`;
    case 'relationships':
      return `relationships(${test.column} → ${test.to}.${test.field})`;
    case 'row_count_min':
      return `row_count_min(${test.min})`;
  }
}

export function runModelTests(
  tests: readonly ModelTest[],
  table: TableData,
  lookup: TableLookup,
): TestFailure[] {
  const failures: TestFailure[] = [];
  for (const test of tests) {
    const failure = runTest(test, table, lookup);
    if (failure) failures.push(failure);
  }
  return failures;
}

function runTest(test: ModelTest, table: TableData, lookup: TableLookup): TestFailure | undefined {
  const name = testName(test);
  const fail = (failingRows: number, message: string, example?: string): TestFailure => ({
    test,
    name,
    failingRows,
    example,
    message: `${name} failed: ${message}${example === undefined ? '' : `; for example ${example}`}.`,
  });
  const missing = columnsOf(test).find((c) => !table.columns.includes(c));
  if (missing !== undefined)
    return fail(
      table.rows.length,
      `the model has no column \`${missing}\` (columns: ${table.columns.join(', ')})`,
    );

  switch (test.type) {
    case 'not_null': {
      const bad = table.rows.filter((r) => isNull(r[test.column]));
      return bad.length
        ? fail(
            bad.length,
            `${bad.length} ${rowsWord(bad.length)} with no ${test.column}`,
            describeRow(bad[0]),
          )
        : undefined;
    }
    case 'unique': {
      const groups = new Map<string, number>();
      for (const r of table.rows) {
        const key = keyOf(test.columns.map((c) => r[c]));
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
      let failing = 0;
      let example: string | undefined;
      for (const r of table.rows) {
        const values = test.columns.map((c) => r[c]);
        if ((groups.get(keyOf(values)) ?? 0) < 2) continue;
        failing++;
        example ??= test.columns.map((c, i) => `${c} = ${show(values[i])}`).join(', ');
      }
      return failing
        ? fail(failing, `${failing} ${rowsWord(failing)} share a value with another row`, example)
        : undefined;
    }
    case 'accepted_values': {
      const accepted = new Set(test.values.map((v) => keyOf([v])));
      const bad = table.rows.filter((r) => !isNull(r[test.column]) && !accepted.has(keyOf([r[test.column]])));
      return bad.length
        ? fail(
            bad.length,
            `${bad.length} ${rowsWord(bad.length)} where ${test.column} is not one of ${test.values.map((v) => show(v as SqlValue)).join(', ')}`,
            `${test.column} = ${show(bad[0][test.column])}`,
          )
        : undefined;
    }
    case 'relationships': {
      const target = lookup(test.to);
      if (!target) return fail(table.rows.length, `the table \`${test.to}\` it refers to does not exist`);
      if (!target.columns.includes(test.field))
        return fail(table.rows.length, `\`${test.to}\` has no column \`${test.field}\``);
      const known = new Set(target.rows.map((r) => keyOf([r[test.field]])));
      const bad = table.rows.filter((r) => !isNull(r[test.column]) && !known.has(keyOf([r[test.column]])));
      return bad.length
        ? fail(
            bad.length,
            `${bad.length} ${rowsWord(bad.length)} where ${test.column} is not a ${test.field} of \`${test.to}\``,
            `${test.column} = ${show(bad[0][test.column])}`,
          )
        : undefined;
    }
    case 'row_count_min':
      return table.rows.length < test.min
        ? fail(
            table.rows.length,
            `the model has ${table.rows.length} ${rowsWord(table.rows.length)}, fewer than ${test.min}`,
          )
        : undefined;
  }
}

function columnsOf(test: ModelTest): string[] {
  switch (test.type) {
    case 'unique':
      return test.columns;
    case 'row_count_min':
      return [];
    default:
      return [test.column];
  }
}

function isNull(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Numbers and their text compare equal ("42" and 42), as they do to a founder reading the sheet. */
function keyOf(values: readonly unknown[]): string {
  return values
    .map((v) => (v instanceof Date ? `d${v.getTime()}` : isNull(v) ? 'null' : `v${String(v)}`))
    .join('\u0000');
}

function show(value: unknown): string {
  if (isNull(value)) return '(empty)';
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  return String(value);
}

function describeRow(row: Record<string, unknown>): string {
  const parts = Object.entries(row)
    .filter(([, v]) => !isNull(v))
    .slice(0, 4)
    .map(([k, v]) => `${k} = ${show(v)}`);
  return parts.length ? `the row with ${parts.join(', ')}` : 'an empty row';
}

function rowsWord(n: number): string {
  return n === 1 ? 'row' : 'rows';
}
