import fc from 'fast-check';
import { readCell } from '../../../connectors/sheets-import/cell-text';
import { decideColumn } from '../../../connectors/sheets-import/column-types';
import {
  headerNames,
  type TableOptions,
  tableToRecords,
} from '../../../connectors/sheets-import/table-records';
import { TapdashError } from '../../../src/shared/errors';

const OPTIONS: TableOptions = {
  headerRow: 1,
  dateOrder: 'auto',
  source: 'the CSV file',
  label: 'CSV import',
};

function caught(fn: () => unknown): TapdashError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TapdashError) return e;
    throw e;
  }
  throw new Error('expected a TapdashError');
}

describe('reading one cell', () => {
  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['.25', 0.25],
    ['1e3', 1000],
    ['0', 0],
  ])('reads the numeral %s as a number', (text, value) => {
    expect(readCell(text)).toEqual({ kind: 'number', value });
  });

  it.each(['007', '1,234', '$12', '12%', '1.', '12345678901234567890'])(
    'keeps %s as text (leading zeros, separators, symbols, unsafe integers)',
    (text) => {
      expect(readCell(text)).toEqual({ kind: 'text', value: text });
    },
  );

  it('reads TRUE and false as booleans, whatever their case', () => {
    expect(readCell('TRUE')).toEqual({ kind: 'boolean', value: true });
    expect(readCell('false')).toEqual({ kind: 'boolean', value: false });
  });

  it('takes numbers and booleans the Sheets API sends typed as they are', () => {
    expect(readCell(12.5)).toEqual({ kind: 'number', value: 12.5 });
    expect(readCell(false)).toEqual({ kind: 'boolean', value: false });
  });

  it('treats blank text, null and missing cells as empty', () => {
    expect(readCell('  ')).toEqual({ kind: 'empty' });
    expect(readCell(null)).toEqual({ kind: 'empty' });
    expect(readCell(undefined)).toEqual({ kind: 'empty' });
  });

  it('refuses impossible calendar dates as dates', () => {
    expect(readCell('2024-02-30').kind).toBe('text');
    expect(readCell('2023-02-29').kind).toBe('text');
    expect(readCell('2024-02-29').kind).toBe('date');
  });

  it('reads a 12-hour time with PM as the afternoon', () => {
    const r = readCell('1/15/2024 1:45:00 PM');
    expect(r).toMatchObject({ kind: 'slash-date', slash: { time: { hour: 13, minute: 45 } } });
  });
});

describe('deciding a column type', () => {
  const decide = (values: unknown[], order: 'auto' | 'month-first' | 'day-first' = 'auto') =>
    decideColumn(values.map(readCell), order);

  it('makes a column of numbers with blanks a number column', () => {
    expect(decide(['1', '', '2.5'])).toEqual({ kind: 'number' });
  });

  it('makes a column text as soon as one filled cell is not a number', () => {
    expect(decide(['1', 'n/a', '3'])).toEqual({ kind: 'text' });
  });

  it('takes slash dates as day first when a first number is above 12', () => {
    expect(decide(['03/04/2024', '25/04/2024'])).toEqual({ kind: 'date', order: 'day-first' });
  });

  it('takes slash dates as month first when a second number is above 12', () => {
    expect(decide(['03/04/2024', '04/25/2024'])).toEqual({ kind: 'date', order: 'month-first' });
  });

  it('takes ambiguous slash dates as month first, as Google Sheets shows dates by default', () => {
    expect(decide(['03/04/2024', '05/06/2024'])).toEqual({ kind: 'date', order: 'month-first' });
  });

  it('follows the chosen order for ambiguous slash dates', () => {
    expect(decide(['03/04/2024'], 'day-first')).toEqual({ kind: 'date', order: 'day-first' });
  });

  it('keeps slash dates that fit neither order as text', () => {
    expect(decide(['13/04/2024', '04/25/2024'])).toEqual({ kind: 'text' });
  });

  it('makes a date column with one timed value a datetime column', () => {
    expect(decide(['2024-01-15', '2024-01-16 09:30'])).toEqual({ kind: 'datetime' });
  });
});

describe('turning a table into records', () => {
  it('keys each row by the header names and types every column as a whole', () => {
    const rows = [
      ['id', 'plan', 'mrr', 'active', 'signed_up'],
      ['c1', 'pro', '49', 'TRUE', '2024-01-15'],
      ['c2', 'basic', '9.5', 'false', '1/20/2024'],
    ];
    expect(tableToRecords(rows, OPTIONS)).toEqual([
      { id: 'c1', plan: 'pro', mrr: 49, active: true, signed_up: '2024-01-15' },
      { id: 'c2', plan: 'basic', mrr: 9.5, active: false, signed_up: '2024-01-20' },
    ]);
  });

  it('writes date-times as ISO text, keeping an offset the source gave', () => {
    const rows = [['at'], ['2024-03-01T10:00:00Z'], ['2024-03-02 08:15'], ['3/3/2024 13:45:07']];
    expect(tableToRecords(rows, OPTIONS).map((r) => r.at)).toEqual([
      '2024-03-01T10:00:00Z',
      '2024-03-02T08:15:00',
      '2024-03-03T13:45:07',
    ]);
  });

  it('keeps every cell of a text column exactly as written, numbers included', () => {
    const rows = [['zip'], ['02139'], ['94105'], [' 10001 ']];
    expect(tableToRecords(rows, OPTIONS).map((r) => r.zip)).toEqual(['02139', '94105', ' 10001 ']);
  });

  it('skips the rows above the header row and the blank rows below it', () => {
    const rows = [['Exported 2024-05-01'], [], ['name', 'n'], ['a', '1'], ['', '  '], ['b', '2']];
    const records = tableToRecords(rows, { ...OPTIONS, headerRow: 3 });
    expect(records).toEqual([
      { name: 'a', n: 1 },
      { name: 'b', n: 2 },
    ]);
  });

  it('fills short rows with empty cells and names cells past the header column_<n>', () => {
    const rows = [['a', 'b'], ['1'], ['2', '3', 'extra']];
    expect(tableToRecords(rows, OPTIONS)).toEqual([
      { a: 1, b: null, column_3: null },
      { a: 2, b: 3, column_3: 'extra' },
    ]);
  });

  it('returns no records for an empty table', () => {
    expect(tableToRecords([], OPTIONS)).toEqual([]);
  });

  it('says when the header row is below the last row', () => {
    const error = caught(() => tableToRecords([['a'], ['1']], { ...OPTIONS, headerRow: 5 }));
    expect(error.code).toBe('import-no-header');
    expect(error.message).toBe(
      'CSV import found only 2 rows in the CSV file, so there is no row 5 to take the column names from.',
    );
  });

  it('names the columns there are when the key column is not among them', () => {
    const error = caught(() =>
      tableToRecords(
        [
          ['Email', 'Name'],
          ['a@x.io', 'A'],
        ],
        { ...OPTIONS, keyColumn: 'email' },
      ),
    );
    expect(error.code).toBe('import-key-missing');
    expect(error.message).toContain('no column named "email"');
    expect(error.message).toContain('The columns are: Email, Name.');
  });

  it('numbers repeated header names and names blank ones by position', () => {
    expect(headerNames(['\uFEFFid', ' name ', '', 'name', 'name_2', 'name'], 6)).toEqual([
      'id',
      'name',
      'column_3',
      'name_2',
      'name_2_2',
      'name_3',
    ]);
  });

  it('reads back any finite number written as text in a number column (property)', () => {
    // Integers past 2^53 print without an exponent and stay text on purpose (tested above).
    const printable = fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((v) => !/^-?\d+$/.test(String(v)) || Number.isSafeInteger(v));
    fc.assert(
      fc.property(fc.array(printable, { minLength: 1 }), (values) => {
        const rows = [['x'], ...values.map((v) => [String(v)])];
        const out = tableToRecords(rows, OPTIONS).map((r) => r.x);
        // String(-0) is "0": the sign of zero does not survive text, in any tool.
        expect(out).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });

  it('keeps a column with any non-number cell exactly as the text it was (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1 }),
        fc.string().filter((s) => readCell(s).kind === 'text'),
        (values, odd) => {
          const column = [...values, odd];
          const rows = [['x'], ...column.map((v) => [v])];
          const records = tableToRecords(rows, OPTIONS);
          const kept = column.filter((v) => v.trim() !== '');
          expect(records.map((r) => r.x)).toEqual(kept);
        },
      ),
    );
  });
});

describe('reading dates written with month names', () => {
  it.each([
    ['Jan 15, 2024', '2024-01-15'],
    ['January 15 2024', '2024-01-15'],
    ['Sept 3, 2024', '2024-09-03'],
    ['15 Jan 2024', '2024-01-15'],
    ['3 September, 2024', '2024-09-03'],
  ])('reads %s as %s', (text, iso) => {
    expect(tableToRecords([['d'], [text]], OPTIONS)).toEqual([{ d: iso }]);
  });

  it('reads a time after the date', () => {
    expect(tableToRecords([['d'], ['Jan 15, 2024 1:45 PM']], OPTIONS)).toEqual([
      { d: '2024-01-15T13:45:00' },
    ]);
  });

  it.each(['Jun 31, 2024', 'Foo 15, 2024', 'Ja 15, 2024', 'Monday 15 2024'])('keeps %s as text', (text) => {
    expect(readCell(text).kind).toBe('text');
  });
});
