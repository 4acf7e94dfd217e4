import fc from 'fast-check';
import { type Calendar, toDate, truncateDate, UTC_CALENDAR } from '../../src/dashboard/calendar';
import type { HelperRecipe, Row } from '../../src/dashboard/chart-plan';
import { computeHelperTable } from '../../src/dashboard/helper-table';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function recipe(over: Partial<HelperRecipe> = {}): HelperRecipe {
  return {
    domain: { field: 'plan', type: 'nominal', title: 'Plan' },
    measure: { field: 'mrr', title: 'MRR' },
    sort: { by: 'value', order: 'ascending' },
    ...over,
  };
}

const ROWS: Row[] = [
  { plan: 'pro', region: 'EU', mrr: 100 },
  { plan: 'basic', region: 'US', mrr: 30 },
  { plan: 'pro', region: 'US', mrr: 50 },
  { plan: 'team', region: 'EU', mrr: 70 },
];

describe('computeHelperTable', () => {
  it('writes a header row of titles, then one row per record without an aggregate', () => {
    expect(computeHelperTable(recipe(), ROWS)).toEqual({
      header: ['Plan', 'MRR'],
      rows: [
        ['basic', 30],
        ['pro', 100],
        ['pro', 50],
        ['team', 70],
      ],
      formats: [null, null],
    });
  });

  it('pivots a series field into one column per value, aggregating each cell', () => {
    const table = computeHelperTable(
      recipe({
        measure: { field: 'mrr', aggregate: 'sum', title: 'MRR' },
        series: { field: 'region', order: { by: 'value', order: 'ascending' } },
      }),
      ROWS,
    );
    expect(table.header).toEqual(['Plan', 'EU', 'US']);
    expect(table.rows).toEqual([
      ['basic', null, 30],
      ['pro', 100, 50],
      ['team', 70, null],
    ]);
  });

  it('gives a color domain every listed series column, data or not, in its order', () => {
    const table = computeHelperTable(
      recipe({
        measure: { field: 'mrr', aggregate: 'sum', title: 'MRR' },
        series: { field: 'region', order: { by: 'list', values: ['US', 'APAC', 'EU'], complete: true } },
      }),
      ROWS,
    );
    expect(table.header).toEqual(['Plan', 'US', 'APAC', 'EU']);
    expect(table.rows[1]).toEqual(['pro', 50, null, 100]);
  });

  it('counts records with count, including those without a value', () => {
    const rows = [...ROWS, { plan: 'pro', region: 'EU', mrr: null }];
    const table = computeHelperTable(recipe({ measure: { aggregate: 'count', title: 'Count' } }), rows);
    expect(table.rows).toEqual([
      ['basic', 1],
      ['pro', 3],
      ['team', 1],
    ]);
  });

  it('sorts categories by the summed measure, descending', () => {
    const table = computeHelperTable(
      recipe({
        measure: { field: 'mrr', aggregate: 'sum', title: 'MRR' },
        sort: { by: 'measure', order: 'descending' },
      }),
      ROWS,
    );
    expect(table.rows.map((r) => r[0])).toEqual(['pro', 'team', 'basic']);
  });

  it('keeps first-seen order with no sort', () => {
    const table = computeHelperTable(
      recipe({ sort: { by: 'none' }, measure: { field: 'mrr', aggregate: 'max', title: 'm' } }),
      ROWS,
    );
    expect(table.rows.map((r) => r[0])).toEqual(['pro', 'basic', 'team']);
  });

  it('folds columns into key/value rows before charting them', () => {
    const rows = [{ month: d('2024-01-01'), new_mrr: 10, churned_mrr: 3 }];
    const table = computeHelperTable(
      {
        fold: { fields: ['new_mrr', 'churned_mrr'], as: ['kind', 'amount'] },
        domain: { field: 'month', type: 'temporal', title: 'Month' },
        measure: { field: 'amount', title: 'Amount' },
        series: { field: 'kind', order: { by: 'none' } },
        sort: { by: 'value', order: 'ascending' },
      },
      rows,
    );
    expect(table).toEqual({
      header: ['Month', 'new_mrr', 'churned_mrr'],
      rows: [[d('2024-01-01'), 10, 3]],
      formats: ['yyyy-mm-dd', null, null],
    });
  });

  it.each([
    [{ field: 'plan', oneOf: ['pro', 'team'] }, ['pro', 'pro', 'team']],
    [{ field: 'mrr', range: [40, 80] }, ['pro', 'team']],
    [{ field: 'mrr', gte: 70 }, ['pro', 'team']],
    [{ not: { field: 'region', equal: 'EU' } }, ['basic', 'pro']],
    [
      {
        and: [
          { field: 'region', equal: 'EU' },
          { field: 'mrr', lt: 80 },
        ],
      },
      ['team'],
    ],
    [
      {
        or: [
          { field: 'plan', equal: 'basic' },
          { field: 'mrr', gt: 90 },
        ],
      },
      ['basic', 'pro'],
    ],
  ])('filters with %j', (filter, plans) => {
    const table = computeHelperTable(recipe({ filter: filter as HelperRecipe['filter'] }), ROWS);
    expect(table.rows.map((r) => r[0])).toEqual(plans);
  });

  it('reads ISO date strings and drops rows whose date is not a date', () => {
    const rows = [
      { day: '2024-02-10', n: 1 },
      { day: 'soon', n: 2 },
      { day: '2024-01-05', n: 3 },
    ];
    const table = computeHelperTable(
      recipe({
        domain: { field: 'day', type: 'temporal', timeUnit: 'yearmonth', title: 'Month' },
        measure: { field: 'n', aggregate: 'sum', title: 'n' },
      }),
      rows,
    );
    expect(table.rows).toEqual([
      [d('2024-01-01'), 3],
      [d('2024-02-01'), 1],
    ]);
  });

  it('buckets in the calendar it is given, not in UTC', () => {
    // A calendar five hours behind UTC: 02:00 UTC on March 1st is still February there.
    const offset = 5 * 3_600_000;
    const behind: Calendar = {
      parts: (date) => UTC_CALENDAR.parts(new Date(date.getTime() - offset)),
      date: (y, m, day) => new Date(UTC_CALENDAR.date(y, m, day).getTime() + offset),
    };
    const table = computeHelperTable(
      recipe({
        domain: { field: 'at', type: 'temporal', timeUnit: 'yearmonth', title: 'Month' },
        measure: { aggregate: 'count', title: 'n' },
      }),
      [{ at: new Date('2024-03-01T02:00:00Z') }],
      behind,
    );
    expect(table.rows).toEqual([[behind.date(2024, 2, 1), 1]]);
  });

  it('keeps every record in a pivot without an aggregate, opening a row for repeats', () => {
    const rows = [
      { x: 1, s: 'a', y: 10 },
      { x: 1, s: 'a', y: 11 },
      { x: 1, s: 'b', y: 20 },
    ];
    const table = computeHelperTable(
      {
        domain: { field: 'x', type: 'quantitative', title: 'x' },
        measure: { field: 'y', title: 'y' },
        series: { field: 's', order: { by: 'value', order: 'ascending' } },
        sort: { by: 'value', order: 'ascending' },
      },
      rows,
    );
    expect(table.rows).toEqual([
      [1, 10, 20],
      [1, 11, null],
    ]);
  });

  it('never loses or invents a value: pivoted sums equal the raw sums per category and series', () => {
    const row = fc.record({
      plan: fc.constantFrom('a', 'b', 'c'),
      region: fc.constantFrom('EU', 'US'),
      mrr: fc.integer({ min: -1000, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const table = computeHelperTable(
          recipe({
            measure: { field: 'mrr', aggregate: 'sum', title: 'MRR' },
            series: { field: 'region', order: { by: 'value', order: 'ascending' } },
          }),
          rows,
        );
        for (const out of table.rows) {
          table.header.slice(1).forEach((region, i) => {
            const matching = rows.filter((r) => r.plan === out[0] && r.region === region);
            const expected = matching.length ? matching.reduce((a, r) => a + r.mrr, 0) : null;
            if (out[i + 1] !== expected) throw new Error(`${out[0]}/${region}: ${out[i + 1]} != ${expected}`);
          });
        }
        return table.rows.length === new Set(rows.map((r) => r.plan)).size;
      }),
    );
  });
});

describe('calendar helpers', () => {
  it('reads YYYY-MM as the first of the month', () => {
    expect(toDate('2024-07', UTC_CALENDAR)).toEqual(d('2024-07-01'));
  });

  it.each([
    ['year', '2024-01-01'],
    ['yearquarter', '2024-07-01'],
    ['yearmonth', '2024-08-01'],
    ['yearmonthdate', '2024-08-17'],
    ['month', '2012-08-01'],
    ['quarter', '2012-07-01'],
  ] as const)('truncates to %s', (unit, iso) => {
    expect(truncateDate(new Date('2024-08-17T15:30:00Z'), unit, UTC_CALENDAR)).toEqual(d(iso));
  });
});
