import {
  emptyForm,
  formOf,
  modelNameFor,
  opsFor,
  outputColumns,
  toDefinition,
} from '../../../sidebar/reports/report-form';
import type { ColumnInfo } from '../../../src/model/column-types';

const columns: ColumnInfo[] = [
  { name: 'created', kind: 'date' },
  { name: 'amount', kind: 'number' },
  { name: 'paid', kind: 'boolean' },
  { name: 'status', kind: 'text' },
];

describe('the report form', () => {
  it('offers more than, less than and between for numbers', () => {
    expect(opsFor('number').map((o) => o.label)).toEqual(
      expect.arrayContaining(['is more than', 'is less than', 'is between']),
    );
  });

  it('offers relative ranges, before, after and between for dates', () => {
    expect(opsFor('date').map((o) => o.label)).toEqual([
      'in the last N days',
      'in the last N weeks',
      'in the last N months',
      'is this month',
      'is last month',
      'is',
      'is after',
      'is before',
      'is between',
      'is empty',
      'is not empty',
    ]);
  });

  it('starts with one "count rows" measure so the first preview shows something', () => {
    expect(toDefinition(emptyForm('demo_invoices'), columns)).toEqual({
      table: 'demo_invoices',
      dimensions: [],
      measures: [{ kind: 'count', label: 'Rows' }],
    });
  });

  it('types filter values by their column: numbers, {date} days, booleans, text as typed', () => {
    const form = {
      ...emptyForm('t'),
      filters: [
        { column: 'amount', op: 'greater_than' as const, value: '100', value2: '' },
        { column: 'created', op: 'between' as const, value: '2026-01-01', value2: '2026-01-31' },
        { column: 'paid', op: 'equals' as const, value: 'true', value2: '' },
        { column: 'status', op: 'in' as const, value: 'open, draft ,', value2: '' },
        { column: 'created', op: 'last_days' as const, value: '7', value2: '' },
        { column: 'status', op: 'is_empty' as const, value: 'ignored', value2: '' },
      ],
    };
    expect(toDefinition(form, columns).filters).toEqual([
      { column: 'amount', op: 'greater_than', value: 100 },
      { column: 'created', op: 'between', from: { date: '2026-01-01' }, to: { date: '2026-01-31' } },
      { column: 'paid', op: 'equals', value: true },
      { column: 'status', op: 'in', values: ['open', 'draft'] },
      { column: 'created', op: 'last_days', count: 7 },
      { column: 'status', op: 'is_empty' },
    ]);
  });

  it('keeps a number the user mistyped as text, so the server can say what is wrong', () => {
    const form = {
      ...emptyForm('t'),
      filters: [{ column: 'amount', op: 'equals' as const, value: 'ten', value2: '' }],
    };
    expect(toDefinition(form, columns).filters).toEqual([{ column: 'amount', op: 'equals', value: 'ten' }]);
  });

  it('names measures by default and offers every output column for sorting', () => {
    const form = {
      ...emptyForm('t'),
      dimensions: [{ column: 'created', grain: 'month' as const }],
      measures: [
        { kind: 'sum' as const, column: 'amount', label: '' },
        { kind: 'count' as const, column: '', label: 'Invoices' },
      ],
      sortBy: 'Invoices',
      limit: '12',
    };
    const def = toDefinition(form, columns);
    expect(def.measures).toEqual([
      { kind: 'sum', column: 'amount', label: 'Sum of amount' },
      { kind: 'count', label: 'Invoices' },
    ]);
    expect(def.sort).toEqual([{ by: 'Invoices', direction: 'desc' }]);
    expect(def.limit).toBe(12);
    expect(outputColumns(form)).toEqual(['created (month)', 'Sum of amount', 'Invoices']);
  });

  it('reopens a saved definition as the same form', () => {
    const form = {
      ...emptyForm('t'),
      dimensions: [{ column: 'status', grain: '' as const }],
      filters: [{ column: 'created', op: 'between' as const, value: '2026-01-01', value2: '2026-02-01' }],
      sortBy: 'Rows',
      sortDirection: 'asc' as const,
      limit: '5',
    };
    const again = formOf(toDefinition(form, columns));
    expect(again).toEqual({ ...form, measures: [{ kind: 'count', column: '', label: 'Rows' }] });
  });

  it('derives a model name from the report name', () => {
    expect(modelNameFor('Revenue by month')).toBe('revenue_by_month');
    expect(modelNameFor('2026 pipeline')).toBe('report_2026_pipeline');
    expect(modelNameFor('Café — Q1!')).toBe('cafe_q1');
    expect(modelNameFor('!!!')).toBe('');
  });
});
