/**
 * Checks a model's declared dbt-style tests (ModelSpec.tests) against its rows, so the tests a
 * package declares are known to hold on the data it ships with.
 */
import type { ModelSpec } from '../../../../src/model/model-spec';
import type { Row } from './demo-db';

const key = (v: unknown) => (v instanceof Date ? v.getTime() : v);

export function failedModelTests(
  spec: ModelSpec,
  rows: readonly Row[],
  tables: Record<string, Row[]>,
): string[] {
  const failures: string[] = [];
  for (const test of spec.tests ?? []) {
    switch (test.type) {
      case 'not_null':
        if (rows.some((r) => r[test.column] === null || r[test.column] === undefined))
          failures.push(`${spec.name}.${test.column} has empty values`);
        break;
      case 'unique': {
        const seen = new Set(rows.map((r) => JSON.stringify(test.columns.map((c) => key(r[c])))));
        if (seen.size !== rows.length)
          failures.push(`${spec.name} (${test.columns.join(', ')}) is not unique`);
        break;
      }
      case 'accepted_values':
        if (rows.some((r) => !test.values.includes(r[test.column] as never)))
          failures.push(`${spec.name}.${test.column} has a value outside ${test.values.join(', ')}`);
        break;
      case 'relationships': {
        const targets = new Set((tables[test.to] ?? []).map((r) => key(r[test.field])));
        if (rows.some((r) => !targets.has(key(r[test.column]))))
          failures.push(`${spec.name}.${test.column} points outside ${test.to}.${test.field}`);
        break;
      }
      case 'row_count_min':
        if (rows.length < test.min) failures.push(`${spec.name} has fewer than ${test.min} rows`);
        break;
    }
  }
  return failures;
}
