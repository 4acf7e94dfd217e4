import type { ColumnInfo } from '../../src/model/column-types';
import {
  buildReportSql,
  compileReport,
  type ReportDefinition,
  validateReport,
} from '../../src/model/report-builder';

const columns: ColumnInfo[] = [
  { name: 'created', kind: 'date' },
  { name: 'amount', kind: 'number' },
  { name: 'status', kind: 'text' },
  { name: 'customer.email', kind: 'text' },
];
const now = new Date(2026, 2, 18, 15, 0);

describe('the report builder', () => {
  it('writes readable SQL with every name quoted', () => {
    const def: ReportDefinition = {
      table: 'stripe_charges',
      dimensions: [{ column: 'created', grain: 'month', label: 'Month' }],
      measures: [
        { kind: 'sum', column: 'amount', label: 'Revenue' },
        { kind: 'count_distinct', column: 'customer.email', label: 'Customers' },
      ],
      filters: [{ column: 'status', op: 'equals', value: "it's paid" }],
      sort: [{ by: 'Month', direction: 'desc' }],
      limit: 12,
    };
    expect(buildReportSql(def, now)).toEqual({
      sql: [
        'SELECT',
        '  MONTH_START([created]) AS [Month],',
        '  SUM([amount]) AS [Revenue],',
        '  COUNT(DISTINCT [customer.email]) AS [Customers]',
        'FROM [stripe_charges]',
        "WHERE [status] = 'it''s paid'",
        'GROUP BY MONTH_START([created])',
        'ORDER BY [Month] DESC NULLS LAST',
        'LIMIT 12',
      ].join('\n'),
      columns: ['Month', 'Revenue', 'Customers'],
    });
  });

  it('lists distinct values when there are dimensions but no measures', () => {
    const { sql } = buildReportSql({ table: 't', dimensions: [{ column: 'status' }], measures: [] }, now);
    expect(sql).toBe('SELECT DISTINCT\n  [status] AS [status]\nFROM [t]\nORDER BY [status] ASC NULLS LAST');
  });

  it.each([
    [
      { op: 'last_days', count: 7 },
      '([created] >= MAKE_DATE(2026, 3, 12) AND [created] < MAKE_DATE(2026, 3, 19))',
    ],
    [
      { op: 'last_weeks', count: 2 },
      '([created] >= MAKE_DATE(2026, 3, 5) AND [created] < MAKE_DATE(2026, 3, 19))',
    ],
    [
      { op: 'last_months', count: 3 },
      '([created] >= MAKE_DATE(2026, 1, 1) AND [created] < MAKE_DATE(2026, 3, 19))',
    ],
    [{ op: 'this_month' }, '([created] >= MAKE_DATE(2026, 3, 1) AND [created] < MAKE_DATE(2026, 4, 1))'],
    [{ op: 'previous_month' }, '([created] >= MAKE_DATE(2026, 2, 1) AND [created] < MAKE_DATE(2026, 3, 1))'],
    [
      { op: 'equals', value: { date: '2026-02-28' } },
      '([created] >= MAKE_DATE(2026, 2, 28) AND [created] < MAKE_DATE(2026, 3, 1))',
    ],
    [
      { op: 'between', from: { date: '2025-12-31' }, to: { date: '2026-01-31' } },
      '([created] >= MAKE_DATE(2025, 12, 31) AND [created] < MAKE_DATE(2026, 2, 1))',
    ],
    [{ op: 'greater_than', value: { date: '2026-01-31' } }, '[created] >= MAKE_DATE(2026, 2, 1)'],
    [{ op: 'less_than', value: { date: '2026-01-31' } }, '[created] < MAKE_DATE(2026, 1, 31)'],
  ])('turns the date filter %j into whole-day bounds relative to now', (filter, where) => {
    const { sql } = buildReportSql(
      {
        table: 't',
        dimensions: [],
        measures: [{ kind: 'count', label: 'n' }],
        filters: [{ column: 'created', ...filter } as never],
      },
      now,
    );
    expect(sql).toContain(`WHERE ${where}`);
  });

  it.each([
    [{ op: 'greater_than', value: 100 }, '[amount] > 100'],
    [{ op: 'less_than', value: 9.5 }, '[amount] < 9.5'],
    [{ op: 'between', from: 10, to: 20 }, '([amount] >= 10 AND [amount] <= 20)'],
  ])('compares numbers with the filter %j, both ends of a range included', (filter, where) => {
    const { sql } = buildReportSql(
      {
        table: 't',
        dimensions: [],
        measures: [{ kind: 'count', label: 'n' }],
        filters: [{ column: 'amount', ...filter } as never],
      },
      now,
    );
    expect(sql).toContain(`WHERE ${where}`);
  });

  it('refuses a comparison on a text column and a text value for a number column', () => {
    const problems = validateReport(
      {
        table: 't',
        dimensions: [],
        measures: [{ kind: 'count', label: 'n' }],
        filters: [
          { column: 'status', op: 'greater_than', value: 3 },
          { column: 'amount', op: 'between', from: 'ten', to: 20 },
        ],
      },
      columns,
    );
    expect(problems.map((p) => p.message)).toEqual([
      '`status` holds text; a comparison needs numbers or dates.',
      '`amount` holds numbers; compare it with a number.',
      'Type a number or pick a date.',
    ]);
  });

  it('previous month in January is December of the year before', () => {
    const { sql } = buildReportSql(
      {
        table: 't',
        dimensions: [],
        measures: [{ kind: 'count', label: 'n' }],
        filters: [{ column: 'created', op: 'previous_month' }],
      },
      new Date(2026, 0, 10),
    );
    expect(sql).toContain('MAKE_DATE(2025, 12, 1) AND [created] < MAKE_DATE(2026, 1, 1)');
  });

  it('explains problems in plain words, with where they are', () => {
    const problems = validateReport(
      {
        table: 'stripe_charges',
        dimensions: [{ column: 'status', grain: 'month' }],
        measures: [
          { kind: 'sum', column: 'status', label: 'Total' },
          { kind: 'average', column: 'amout', label: 'total' },
        ],
        filters: [
          { column: 'created', op: 'greater_than', value: 5 },
          { column: 'amount', op: 'last_days', count: 0 },
        ],
        sort: [{ by: 'Nope', direction: 'asc' }],
        limit: 0,
      },
      columns,
    );
    expect(problems).toEqual([
      {
        path: 'dimensions[0].column',
        message: '`status` holds text; grouping by a date period needs dates.',
      },
      { path: 'measures[0].column', message: '`status` holds text; a sum needs numbers.' },
      {
        path: 'measures[1].column',
        message: '`stripe_charges` has no column `amout`. Did you mean `amount`?',
      },
      { path: 'measures[1].label', message: 'Two columns are named "total"; give one another name.' },
      { path: 'filters[0].value', message: '`created` holds dates; compare it with a date.' },
      { path: 'filters[1].column', message: '`amount` holds numbers; a relative date filter needs dates.' },
      {
        path: 'filters[1].count',
        message: 'The number of days, weeks or months must be a whole number from 1 to 10,000.',
      },
      { path: 'sort[0].by', message: "Sort by one of the report's columns: status (month), Total, total." },
      { path: 'limit', message: 'The row limit must be a whole number from 1 to 200,000.' },
    ]);
  });

  it('refuses a label AlaSQL cannot use as a column name', () => {
    const result = compileReport(
      { table: 't', dimensions: [], measures: [{ kind: 'count', label: "Customer's count" }] },
      columns,
      now,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'measures[0].label',
          message: 'The name "Customer\'s count" cannot be a column name: it contains an apostrophe (\').',
        },
      ],
    });
  });

  it('says when the table does not exist', () => {
    expect(
      validateReport({ table: 'nope', dimensions: [], measures: [{ kind: 'count', label: 'n' }] }, undefined),
    ).toEqual([{ path: 'table', message: 'There is no table `nope`. Pick a synced source or a model.' }]);
  });
});
