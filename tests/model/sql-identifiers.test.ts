import fc from 'fast-check';
import { guardSql } from '../../src/model/sql-guard';
import {
  identifierProblem,
  isUsableIdentifier,
  quoteIdentifier,
  quoteString,
  sqlColumnNames,
} from '../../src/model/sql-identifiers';
import { runOne } from './support';

/** Characters that matter to AlaSQL's lexer or to the JavaScript it generates, plus ordinary ones. */
const hostileChar = fc.constantFrom(
  'a',
  'Z',
  '0',
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
  '\r',
  '\u2028',
  '\t',
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
  'é',
  '😀',
  '{',
  '}',
  '/',
  '?',
  ':',
);
const hostileName = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 12 }),
  fc.constantFrom(
    '',
    '_',
    '*',
    '.',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'select',
    'FROM',
    'customer.email',
    'a]b`c',
    "it's",
    'a\\',
    '1',
  ),
);

describe('SQL names and text', () => {
  it('quotes a name with brackets, or with backticks when it holds ]', () => {
    expect(quoteIdentifier('customer.email')).toBe('[customer.email]');
    expect(quoteIdentifier('a]b')).toBe('`a]b`');
  });

  it('refuses names AlaSQL cannot quote or would paste unescaped into JavaScript', () => {
    for (const name of [
      "it's",
      'a\\b',
      'line\nbreak',
      'a]b`c',
      '',
      '_',
      '*',
      '.',
      '__proto__',
      'constructor',
      'valueOf',
    ])
      expect(identifierProblem(name)).toBeDefined();
    expect(() => quoteIdentifier("it's")).toThrow();
  });

  it('turns every header into a usable, unique SQL name', () => {
    fc.assert(
      fc.property(fc.array(hostileName, { maxLength: 6 }), (headers) => {
        const names = sqlColumnNames(headers);
        expect(names.every(isUsableIdentifier)).toBe(true);
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });

  it('keeps headers AlaSQL can take exactly as they are', () => {
    expect(sqlColumnNames(['customer.email', 'Plan Amount', 'select', 'a]b'])).toEqual([
      'customer.email',
      'Plan Amount',
      'select',
      'a]b',
    ]);
    expect(sqlColumnNames(["customer's name", '', 'a', 'a'])).toEqual([
      'customer’s name',
      'column_2',
      'a',
      'a (2)',
    ]);
  });

  it('reads the right column back for any header, through the guard and AlaSQL', () => {
    fc.assert(
      fc.property(hostileName, fc.integer(), (header, value) => {
        const name = sqlColumnNames(['other', header, 'last'])[1];
        const sql = `SELECT ${quoteIdentifier(name)} AS [v] FROM [t]`;
        const result = runOne(sql, {
          t: [
            ['other', header, 'last'],
            [value === 0 ? 1 : 0, value, 7],
          ],
        });
        expect(result.error).toBeUndefined();
        expect(result.rows).toEqual([[value]]);
      }),
      { numRuns: 200 },
    );
  });

  it('writes any text as an SQL expression that evaluates to exactly that text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: hostileChar, maxLength: 12 }), fc.string()), (text) => {
        const result = runOne(`SELECT ${quoteString(text)} AS [v] FROM [t]`, { t: [['x'], [1]] });
        expect(result.error).toBeUndefined();
        expect(result.rows).toEqual([[text]]);
      }),
      { numRuns: 300 },
    );
  });

  it('compares a column with any text exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: hostileChar, minLength: 1, maxLength: 8 }),
        fc.string({ unit: hostileChar, minLength: 1, maxLength: 8 }),
        (a, b) => {
          const sql = `SELECT COUNT(*) AS [n] FROM [t] WHERE [s] = ${quoteString(b)}`;
          guardSql(sql, { label: 'test' });
          const result = runOne(sql, { t: [['s'], [a], [b]] });
          expect(result.rows).toEqual([[a === b ? 2 : 1]]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
