import fc from 'fast-check';
import type { ColumnInfo, ColumnKind } from '../../src/model/column-types';
import {
  compileReport,
  type DateGrain,
  type Dimension,
  dimensionLabel,
  type Filter,
  type FilterValue,
  type Measure,
  type ReportDefinition,
  type SortKey,
} from '../../src/model/report-builder';
import { runModels } from '../../src/model/run-models';
import { TAPDASH_FUNCTIONS } from '../../src/model/sql-functions';
import { guardSql } from '../../src/model/sql-guard';
import { sqlColumnNames } from '../../src/model/sql-identifiers';

/**
 * Random report definitions over random tables with hostile column names and labels: the SQL
 * must parse, pass the guard, and return the rows a plain JavaScript computation returns.
 */

type Kind = 'number' | 'text' | 'date' | 'boolean';
type Value = number | string | boolean | Date | null;

const hostileChar = fc.constantFrom(
  'a',
  'b',
  'Z',
  '1',
  '_',
  ' ',
  '.',
  '-',
  '[',
  ']',
  '`',
  '"',
  "'",
  '\\',
  '\n',
  '*',
  '$',
  '@',
  '#',
  '(',
  ')',
  ';',
  ',',
  '%',
  '=',
  '?',
  'é',
  '😀',
  '/',
);
const hostileName = fc.oneof(
  fc.string({ unit: hostileChar, minLength: 1, maxLength: 10 }),
  fc.constantFrom(
    'customer.email',
    'select',
    'from',
    'total',
    'key',
    'value',
    'order',
    'group by',
    'a]b',
    '?',
    'it’s',
  ),
);

const NUMBERS = [-2, 0, 1, 3, 10, 7.5];
const TEXTS = ['a', 'A', 'b', "it's", 'x,y', 'é', '50%', 'a\\b', 'a_b', 'Paid'];
const DATES = [
  new Date(2025, 11, 31, 23, 30),
  new Date(2026, 0, 1, 0, 0),
  new Date(2026, 0, 15, 12, 0),
  new Date(2026, 1, 28, 18, 0),
  new Date(2026, 2, 2, 9, 0),
  new Date(2026, 2, 30, 7, 0),
];
const DAYS = ['2025-12-31', '2026-01-01', '2026-01-15', '2026-02-28', '2026-03-01', '2026-03-30'];
const NOWS = [new Date(2026, 2, 30, 10), new Date(2026, 0, 1, 8), new Date(2026, 1, 15, 20)];

const pool = (kind: Kind): Value[] =>
  kind === 'number' ? NUMBERS : kind === 'text' ? TEXTS : kind === 'date' ? DATES : [true, false];
const cellOf = (kind: Kind) => fc.option(fc.constantFrom(...pool(kind)), { nil: null, freq: 4 });

interface Col {
  name: string;
  kind: Kind;
}

const columnsArb = fc.uniqueArray(hostileName, { minLength: 1, maxLength: 4 }).chain((names) =>
  fc.tuple(...names.map(() => fc.constantFrom<Kind>('number', 'text', 'date', 'boolean'))).map((kinds) => {
    const sqlNames = sqlColumnNames(names);
    return sqlNames.map((name, i) => ({ name, kind: kinds[i] }));
  }),
);

function filterArb(col: Col): fc.Arbitrary<Filter> {
  const c = col.name;
  const v = (): fc.Arbitrary<FilterValue> =>
    col.kind === 'date'
      ? fc.constantFrom(...DAYS).map((date) => ({ date }))
      : fc.constantFrom(...(pool(col.kind) as FilterValue[]));
  const common: fc.Arbitrary<Filter>[] = [
    v().map((value) => ({ column: c, op: 'equals', value })),
    v().map((value) => ({ column: c, op: 'not_equals', value })),
    fc.constant({ column: c, op: 'is_empty' }),
    fc.constant({ column: c, op: 'is_not_empty' }),
    fc
      .constantFrom('a', "'", '\\', '%', '_', 'PAID', '1')
      .map((value) => ({ column: c, op: 'contains', value })),
  ];
  if (col.kind !== 'date')
    common.push(
      fc.uniqueArray(v(), { minLength: 1, maxLength: 3 }).map((values) => ({ column: c, op: 'in', values })),
    );
  if (col.kind === 'number' || col.kind === 'date') {
    common.push(v().map((value) => ({ column: c, op: 'greater_than', value })));
    common.push(v().map((value) => ({ column: c, op: 'less_than', value })));
    common.push(fc.tuple(v(), v()).map(([from, to]) => ({ column: c, op: 'between', from, to })));
  }
  if (col.kind === 'date') {
    common.push(
      fc
        .tuple(
          fc.constantFrom('last_days', 'last_weeks', 'last_months') as fc.Arbitrary<'last_days'>,
          fc.integer({ min: 1, max: 70 }),
        )
        .map(([op, count]) => ({ column: c, op, count })),
    );
    common.push(fc.constantFrom('this_month', 'previous_month').map((op) => ({ column: c, op }) as Filter));
  }
  return fc.oneof(...common);
}

function measureArb(cols: Col[]): fc.Arbitrary<Omit<Measure, 'label'>> {
  const options: fc.Arbitrary<Omit<Measure, 'label'>>[] = [fc.constant({ kind: 'count' })];
  for (const col of cols) {
    options.push(fc.constant({ kind: 'count_distinct', column: col.name }));
    if (col.kind === 'number') {
      options.push(fc.constantFrom('sum', 'average').map((kind) => ({ kind, column: col.name }) as Measure));
    }
    if (col.kind === 'number' || col.kind === 'date')
      options.push(fc.constantFrom('min', 'max').map((kind) => ({ kind, column: col.name }) as Measure));
  }
  return fc.oneof(...options);
}

const caseArb = columnsArb.chain((cols) =>
  fc
    .record({
      rows: fc.array(fc.tuple(...cols.map((c) => cellOf(c.kind))), { maxLength: 25 }),
      dimensions: fc.subarray(cols, { maxLength: Math.min(2, cols.length) }).chain((dimCols) =>
        fc.tuple(
          ...dimCols.map((col) =>
            fc.record({
              column: fc.constant(col.name),
              grain:
                col.kind === 'date'
                  ? fc.constantFrom<DateGrain | undefined>(
                      undefined,
                      'day',
                      'week',
                      'month',
                      'quarter',
                      'year',
                    )
                  : fc.constant(undefined),
              label: fc.option(hostileName, { nil: undefined }),
            }),
          ),
        ),
      ),
      measures: fc.array(fc.tuple(measureArb(cols), hostileName), { maxLength: 3 }),
      filters: fc.array(fc.constantFrom(...cols).chain(filterArb), { maxLength: 3 }),
      limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      now: fc.constantFrom(...NOWS),
      sortSeed: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 2 }),
    })
    .map((r) => {
      // Labels: hostile, made usable and unique the way the sidebar would.
      const dimensions: Dimension[] = r.dimensions.map((d, i) => {
        const dim: Dimension = { column: d.column };
        if (d.grain) dim.grain = d.grain;
        if (d.label !== undefined) dim.label = `${sqlColumnNames([d.label])[0]} d${i}`;
        return dim;
      });
      const measures: Measure[] = r.measures.map(([m, label], i) => ({
        ...m,
        label: `${sqlColumnNames([label])[0]} m${i}`,
      }));
      const labels = [...dimensions.map(dimensionLabel), ...measures.map((m) => m.label)];
      const sort: SortKey[] = [];
      for (const [n, desc] of r.sortSeed) {
        if (!labels.length) break;
        const by = labels[n % labels.length];
        if (!sort.some((s) => s.by === by)) sort.push({ by, direction: desc ? 'desc' : 'asc' });
      }
      const def: ReportDefinition = { table: 'src', dimensions, measures, filters: r.filters };
      if (sort.length) def.sort = sort;
      if (r.limit !== undefined) def.limit = r.limit;
      return { cols, rows: r.rows as Value[][], def, now: r.now };
    })
    .filter(({ def }) => {
      if (def.dimensions.length + def.measures.length === 0) return false;
      const labels = [...def.dimensions.map(dimensionLabel), ...def.measures.map((m) => m.label)].map((l) =>
        l.toLowerCase(),
      );
      return new Set(labels).size === labels.length;
    }),
);

// ---- The plain JavaScript computation the SQL must agree with ----

const GRAIN: Record<DateGrain, (d: Date) => Date | null> = {
  day: TAPDASH_FUNCTIONS.DAY_START,
  week: TAPDASH_FUNCTIONS.WEEK_START,
  month: TAPDASH_FUNCTIONS.MONTH_START,
  quarter: TAPDASH_FUNCTIONS.QUARTER_START,
  year: TAPDASH_FUNCTIONS.YEAR_START,
};

function dayStart(text: string, plusDays = 0): Date {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays);
}

function isDay(v: FilterValue): v is { date: string } {
  return typeof v === 'object';
}

function relative(op: string, count: number, now: Date): [Date, Date] {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  const tomorrow = new Date(y, m, d + 1);
  switch (op) {
    case 'last_days':
      return [new Date(y, m, d - count + 1), tomorrow];
    case 'last_weeks':
      return [new Date(y, m, d - 7 * count + 1), tomorrow];
    case 'last_months':
      return [new Date(y, m - count + 1, 1), tomorrow];
    case 'this_month':
      return [new Date(y, m, 1), new Date(y, m + 1, 1)];
    default:
      return [new Date(y, m - 1, 1), new Date(y, m, 1)];
  }
}

function matches(f: Filter, v: Value, now: Date): boolean {
  const equals = (value: FilterValue) =>
    v !== null &&
    (isDay(value)
      ? v instanceof Date && v >= dayStart(value.date) && v < dayStart(value.date, 1)
      : v === value);
  switch (f.op) {
    case 'equals':
      return equals(f.value);
    case 'not_equals':
      return v === null || !equals(f.value);
    case 'greater_than':
      return v !== null && (isDay(f.value) ? v >= dayStart(f.value.date, 1) : v > f.value);
    case 'less_than':
      return v !== null && (isDay(f.value) ? v < dayStart(f.value.date) : v < f.value);
    case 'between':
      if (v === null) return false;
      return isDay(f.from) && isDay(f.to)
        ? v >= dayStart(f.from.date) && v < dayStart(f.to.date, 1)
        : (v as number) >= (f.from as number) && (v as number) <= (f.to as number);
    case 'in':
      return v !== null && f.values.includes(v as FilterValue);
    case 'contains':
      return v !== null && String(v).toLowerCase().includes(f.value.toLowerCase());
    case 'is_empty':
      return v === null;
    case 'is_not_empty':
      return v !== null;
    default: {
      const [from, to] = relative(f.op, 'count' in f ? f.count : 0, now);
      return v instanceof Date && v >= from && v < to;
    }
  }
}

function key(v: unknown): string {
  return v instanceof Date ? `d${v.getTime()}` : JSON.stringify(v ?? null);
}

function aggregate(m: Measure, rows: Record<string, Value>[], totalRows: number): Value {
  const values = m.column === undefined ? [] : rows.map((r) => r[m.column!]).filter((v) => v !== null);
  switch (m.kind) {
    case 'count':
      return rows.length;
    case 'count_distinct':
      return new Set(values.map(key)).size;
    case 'sum':
      if (totalRows === 0) return 0;
      return values.length ? (values as number[]).reduce((a, b) => a + b, 0) : null;
    case 'average':
      return values.length ? (values as number[]).reduce((a, b) => a + b, 0) / values.length : null;
    case 'min':
    case 'max': {
      if (!values.length) return null;
      let best = values[0];
      for (const v of values)
        if (m.kind === 'min' ? (v as number) < (best as number) : (v as number) > (best as number)) best = v;
      return best;
    }
  }
}

function compare(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

function expected(cols: Col[], rows: Value[][], def: ReportDefinition, now: Date) {
  const objects = rows.map(
    (r) => Object.fromEntries(cols.map((c, i) => [c.name, r[i]])) as Record<string, Value>,
  );
  const kept = objects.filter((o) => (def.filters ?? []).every((f) => matches(f, o[f.column], now)));
  const dimValue = (d: Dimension, o: Record<string, Value>): Value => {
    const v = o[d.column];
    return d.grain && v instanceof Date ? GRAIN[d.grain](v) : v;
  };
  const groups = new Map<string, Record<string, Value>[]>();
  for (const o of kept) {
    const k = def.dimensions.map((d) => key(dimValue(d, o))).join('|');
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(o);
  }
  if (def.dimensions.length === 0 && groups.size === 0) groups.set('', []);
  const out: Value[][] = [];
  for (const members of groups.values()) {
    const first = members[0];
    out.push([
      ...def.dimensions.map((d) => (first ? dimValue(d, first) : null)),
      ...def.measures.map((m) => aggregate(m, members, kept.length)),
    ]);
  }
  const labels = [...def.dimensions.map(dimensionLabel), ...def.measures.map((m) => m.label)];
  const sort = def.sort?.length
    ? def.sort
    : def.dimensions.map((d) => ({ by: dimensionLabel(d), direction: 'asc' }));
  const order = (a: Value[], b: Value[]) => {
    for (const s of sort) {
      const i = labels.indexOf(s.by);
      const c = compare(a[i], b[i]);
      if (c !== 0) return a[i] === null || b[i] === null ? c : s.direction === 'desc' ? -c : c;
    }
    return 0;
  };
  out.sort(order);
  return { rows: out, order };
}

const asCell = (v: Value) => (v === null ? '' : v);
const rowKey = (r: unknown[]) => r.map(key).join('|');

describe('the report builder’s SQL', () => {
  it('parses, passes the guard and returns the rows a plain JavaScript computation returns', () => {
    fc.assert(
      fc.property(caseArb, ({ cols, rows, def, now }) => {
        const info: ColumnInfo[] = cols.map((c) => ({ name: c.name, kind: c.kind as ColumnKind }));
        const compiled = compileReport(def, info, now);
        if (!compiled.ok) throw new Error(`Problems: ${JSON.stringify(compiled.problems)}`);
        const { sql } = compiled.report;
        guardSql(sql, { label: 'the report' });
        const [result] = runModels({
          models: [{ name: 'report', sql }],
          sources: new Map([
            ['src', [cols.map((c) => c.name), ...rows.map((r) => r.map((v) => (v === null ? '' : v)))]],
          ]),
        });
        if (result.status !== 'ok') throw new Error(`${result.error?.message}\n${sql}`);
        expect(result.columns).toEqual(compiled.report.columns);

        const want = expected(cols, rows, def, now);
        const got = result.rows.map((r) => r.map((c) => (c === '' ? null : c)) as Value[]);
        // Sorted as asked (ties may come in any order).
        for (let i = 1; i < got.length; i++) expect(want.order(got[i - 1], got[i])).toBeLessThanOrEqual(0);
        if (def.limit === undefined) {
          expect(got.map(rowKey).sort()).toEqual(
            want.rows
              .map((r) => r.map(asCell))
              .map((r) => rowKey(r.map((c) => (c === '' ? null : c))))
              .sort(),
          );
        } else {
          expect(got.length).toBe(Math.min(def.limit, want.rows.length));
          const wanted = new Set(want.rows.map(rowKey));
          for (const r of got) expect(wanted.has(rowKey(r))).toBe(true);
        }
      }),
      { numRuns: Number(process.env.REPORT_RUNS ?? 400) },
    );
  });
});
