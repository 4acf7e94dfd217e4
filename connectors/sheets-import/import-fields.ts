import type { ConfigField } from '../../src/connect/connector-spec';
import type { DateOrder } from './column-types';

/** The settings every table import has (Google Sheets, CSV), and how to read them. */
export const importFields = {
  headerRow: {
    key: 'headerRow',
    label: 'Header row',
    kind: 'number',
    default: '1',
    help: 'The row that holds the column names (1 = the first row). Rows above it are skipped.',
    pattern: '^[1-9][0-9]*$',
    patternMessage: 'The header row is a row number: 1, 2, 3 …',
  },
  primaryKey: {
    key: 'primaryKey',
    label: 'Key column (optional)',
    kind: 'text',
    placeholder: 'id',
    help: 'A column whose value is different on every row, such as an id or an email. A repeated key keeps only its last row. Leave empty if there is none.',
  },
  dateOrder: {
    key: 'dateOrder',
    label: 'Dates like 03/04/2024 are',
    kind: 'select',
    default: 'auto',
    help: 'Only matters when no day in a column is above 12.',
    options: [
      { value: 'auto', label: 'Decided from the data (March 4 if unsure)' },
      { value: 'month-first', label: 'Month first (March 4)' },
      { value: 'day-first', label: 'Day first (3 April)' },
    ],
  },
} satisfies Record<string, ConfigField>;

export function headerRowOf(config: Readonly<Record<string, string>>): number {
  const n = Number(config.headerRow);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function dateOrderOf(config: Readonly<Record<string, string>>): DateOrder {
  const v = config.dateOrder;
  return v === 'month-first' || v === 'day-first' ? v : 'auto';
}

export function keyColumnOf(config: Readonly<Record<string, string>>): string | undefined {
  const key = config.primaryKey?.trim();
  return key ? key : undefined;
}
