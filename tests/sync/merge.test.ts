import fc from 'fast-check';
import type { ColumnSpec } from '../../src/connect/connector-spec';
import { columnTypes, planHeader, planUpsert, rowKey, sameRow, toRow } from '../../src/sync/merge';
import type { CellValue } from '../../src/sync/typing';

const declared: ColumnSpec[] = [
  { name: 'amount', type: 'integer' },
  { name: 'id', type: 'string' },
];

describe('planHeader', () => {
  it('starts a new table with the primary key, then declared columns, then discovered ones', () => {
    expect(planHeader([], declared, ['id'], [{ id: 'a', amount: 1, extra: 'x' }])).toEqual([
      'id',
      'amount',
      'extra',
    ]);
  });

  it('adds a new field as a column at the end', () => {
    expect(
      planHeader(['id', 'amount'], declared, ['id'], [{ id: 'a', amount: 1, 'customer.email': 'x' }]),
    ).toEqual(['id', 'amount', 'customer.email']);
  });

  it('keeps the column of a field that disappears', () => {
    expect(planHeader(['id', 'amount', 'legacy'], declared, ['id'], [{ id: 'a' }])).toEqual([
      'id',
      'amount',
      'legacy',
    ]);
  });
});

describe('columnTypes and toRow', () => {
  it('types declared columns as declared and infers the others from the batch', () => {
    const batch = [{ id: '1', amount: '5', paid: true, at: '2024-01-02T00:00:00Z' }];
    const header = planHeader([], declared, ['id'], batch);
    const types = columnTypes(header, declared, batch);
    expect(toRow(batch[0], header, types, 'Etc/UTC')).toEqual([
      '1',
      5,
      true,
      new Date('2024-01-02T00:00:00Z'),
    ]);
  });
});

describe('planUpsert', () => {
  const existing = new Map([
    ['a', 0],
    ['b', 1],
  ]);

  it('replaces the row of a changed record and adds a new one', () => {
    const plan = planUpsert(
      existing,
      [
        ['b', 2],
        ['c', 3],
      ],
      [0],
    );
    expect([...plan.updates]).toEqual([[1, ['b', 2]]]);
    expect(plan.appends).toEqual([['c', 3]]);
  });

  it('keeps the later record when a batch holds a key twice', () => {
    const plan = planUpsert(
      new Map(),
      [
        ['c', 1],
        ['d', 1],
        ['c', 2],
      ],
      [0],
    );
    expect(plan.appends).toEqual([
      ['c', 2],
      ['d', 1],
    ]);
  });

  it('always adds rows of a stream without a primary key', () => {
    expect(planUpsert(existing, [['a'], ['a']], []).appends).toHaveLength(2);
  });

  it('leaves a table holding each key once, with the latest values, whatever the batches (property)', () => {
    const batches = fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer()), { maxLength: 10 }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(batches, (bs) => {
        const table: CellValue[][] = [];
        const keys = new Map<string, number>();
        const latest = new Map<number, number>();
        for (const batch of bs) {
          const plan = planUpsert(keys, batch, [0]);
          for (const [i, row] of plan.updates) table[i] = row;
          for (const row of plan.appends) {
            keys.set(rowKey(row, [0])!, table.length);
            table.push(row);
          }
          for (const [k, v] of batch) latest.set(k, v);
        }
        expect(table.length).toBe(latest.size);
        expect(new Map(table.map((r) => [r[0] as number, r[1] as number]))).toEqual(latest);
      }),
    );
  });
});

describe('rowKey', () => {
  it('matches a value read back from the sheet with the value it was written from', () => {
    expect(rowKey([42], [0])).toBe(rowKey(['42'], [0]));
    expect(rowKey([new Date(5)], [0])).toBe(rowKey([new Date(5)], [0]));
  });

  it('has no key when a key cell is empty', () => {
    expect(rowKey(['a', null], [0, 1])).toBeUndefined();
  });

  it('combines several key columns without ambiguity', () => {
    expect(rowKey(['a,b', 'c'], [0, 1])).not.toBe(rowKey(['a', 'b,c'], [0, 1]));
  });
});

describe('sameRow', () => {
  it('treats empty cells and nulls alike and compares dates by instant', () => {
    expect(sameRow(['a', '', new Date(5)], ['a', null, new Date(5)])).toBe(true);
  });

  it('sees a changed value', () => {
    expect(sameRow(['a', 1], ['a', 2])).toBe(false);
  });

  it('sees a value in a column added since the row was written', () => {
    expect(sameRow(['a'], ['a', 'new'])).toBe(false);
  });
});
