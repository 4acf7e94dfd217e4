import type { FieldType, ModelColumn, Row } from './chart-plan';

const ISO_DATE = /^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/**
 * Column names and types from rows (a model tab's values, or CLI data): a column is a number,
 * boolean or date when every non-empty value is one, text otherwise. Names keep first-seen order.
 */
export function inferColumns(rows: readonly Row[], names?: readonly string[]): ModelColumn[] {
  const order = names ? [...names] : firstSeenKeys(rows);
  return order.map((name) => ({ name, type: inferType(rows.map((r) => r[name])) }));
}

function firstSeenKeys(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function inferType(values: readonly unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return 'text';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => v instanceof Date || (typeof v === 'string' && ISO_DATE.test(v)))) return 'date';
  return 'text';
}
