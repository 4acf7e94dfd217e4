import fc from 'fast-check';
import {
  columnToLetters,
  lettersToColumn,
  parseRangeRef,
  quoteSheetName,
  splitSheetPrefix,
} from '../../../playground/emulator/spreadsheet/a1';
import {
  civilFromDays,
  daysFromCivil,
  instantToSerial,
  serialToFields,
  serialToInstant,
} from '../../../playground/emulator/spreadsheet/dates';
import {
  dropSheetRefs,
  renameSheetRefs,
  shiftRefs,
} from '../../../playground/emulator/spreadsheet/formula-refs';
import { toHyperFormulaSyntax } from '../../../playground/emulator/spreadsheet/google-functions';
import { formatNumber } from '../../../playground/emulator/spreadsheet/number-format';
import { parseInput } from '../../../playground/emulator/spreadsheet/parse-input';
import { r1c1ToA1 } from '../../../playground/emulator/spreadsheet/r1c1';

describe('a1', () => {
  it('column letters round-trip for every column up to ZZZ (18,278)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 18_278 }),
        (col) => lettersToColumn(columnToLetters(col)) === col,
      ),
    );
    expect([columnToLetters(1), columnToLetters(26), columnToLetters(27), columnToLetters(18_278)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZZ',
    ]);
  });

  it('sheet names are quoted when they are not plain identifiers, with quotes doubled', () => {
    expect([
      quoteSheetName('Data'),
      quoteSheetName('Stripe MRR'),
      quoteSheetName("Bob's"),
      quoteSheetName('A1'),
    ]).toEqual(['Data', "'Stripe MRR'", "'Bob''s'", "'A1'"]);
  });

  it('splitSheetPrefix undoes quoting', () => {
    expect(splitSheetPrefix("'Bob''s tab'!A1:B2")).toEqual({ sheetName: "Bob's tab", ref: 'A1:B2' });
    expect(splitSheetPrefix('Data!C3')).toEqual({ sheetName: 'Data', ref: 'C3' });
    expect(splitSheetPrefix('C3')).toEqual({ ref: 'C3' });
  });

  it('parseRangeRef rejects text that is not a reference', () => {
    expect(['', 'A', '1', 'A0', 'A1:B2:C3', 'hello world'].map((r) => parseRangeRef(r, 1000, 26))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('dates', () => {
  it('days-from-civil agrees with the JS calendar for any day between years 1 and 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (days) => {
        const d = new Date(days * 86_400_000);
        const civil = civilFromDays(days);
        return (
          civil.year === d.getUTCFullYear() &&
          civil.month === d.getUTCMonth() + 1 &&
          civil.day === d.getUTCDate() &&
          daysFromCivil(civil.year, civil.month, civil.day) === days
        );
      }),
    );
  });

  it('an instant written to a serial and read back is the same instant, in any zone, to the millisecond', () => {
    const zones = [
      'Etc/UTC',
      'America/New_York',
      'Europe/Paris',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, tz) => {
          const back = serialToInstant(instantToSerial(ms, tz), tz);
          // Wall times that repeat when clocks go back map to the first of the two instants.
          return back === ms || Math.abs(back - ms) === 3_600_000 || Math.abs(back - ms) === 1_800_000;
        },
      ),
    );
  });

  it('serial 1 is 1899-12-31 and 45306 is 2024-01-15', () => {
    expect([serialToFields(1).day, serialToFields(1).month, serialToFields(1).year]).toEqual([31, 12, 1899]);
    expect(serialToFields(45306)).toEqual(
      expect.objectContaining({ year: 2024, month: 1, day: 15, weekday: 1 }),
    );
  });
});

describe('parse-input', () => {
  it('any finite number written as text with en_US digits parses to itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const text = String(n);
        const parsed = parseInput(text, 'en_US', undefined).value;
        return parsed === n || (n === 0 && parsed === 0);
      }),
    );
  });

  it('any integer with thousands separators parses to the integer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (n) => parseInput(n.toLocaleString('en-US'), 'en_US', undefined).value === n,
      ),
    );
  });

  it('de_DE reads 1.234,5 as 1234.5', () => {
    expect(parseInput('1.234,5', 'de_DE', undefined).value).toBe(1234.5);
  });

  it('text that cannot be a number, date or boolean stays text', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => /[g-su-zG-SU-Z]/.test(s) && !s.startsWith("'") && !s.startsWith('=')),
        (s) => parseInput(s, 'en_US', undefined).value === s,
      ),
    );
  });
});

describe('number formats applied to numbers written by users (property)', () => {
  it('#,##0.00 output parses back to the number rounded to cents', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (n) => {
        const shown = formatNumber(n, '#,##0.00', 'en_US');
        const back = parseInput(shown, 'en_US', undefined).value as number;
        return Math.abs(back - n) <= 0.005 + 1e-9 || (shown === '0.00' && Math.abs(n) < 0.005);
      }),
    );
  });
});

describe('formula-refs', () => {
  const own = (s?: string) => s === undefined || s.toLowerCase() === 'data';

  it('inserting rows moves references at or below the insertion point', () => {
    expect(shiftRefs('=SUM(B2:B10)+$C$5+A1', 'row', 3, 2, own)).toBe('=SUM(B2:B12)+$C$7+A1');
  });

  it('whole-column references do not move with rows, whole-row references do', () => {
    expect(shiftRefs('=SUM(A:A)+SUM(4:6)', 'row', 3, 2, own)).toBe('=SUM(A:A)+SUM(6:8)');
  });

  it('deleting rows shrinks ranges and turns lost single cells into #REF!', () => {
    expect(shiftRefs('=SUM(B2:B10)+B4+B12', 'row', 3, -3, own)).toBe('=SUM(B2:B7)+#REF!+B9');
  });

  it('references to other sheets are left alone', () => {
    expect(shiftRefs("=Other!B5+'Stripe MRR'!B5", 'row', 1, 1, own)).toBe("=Other!B5+'Stripe MRR'!B5");
  });

  it('text in string literals and function names are never taken for references', () => {
    expect(shiftRefs('=LOG10(A5)&"B5"', 'row', 1, 1, own)).toBe('=LOG10(A6)&"B5"');
  });

  it('renaming quotes the new name when it needs quotes', () => {
    expect(renameSheetRefs('=Data!A1+data!B2', 'Data', 'Stripe MRR')).toBe(
      "='Stripe MRR'!A1+'Stripe MRR'!B2",
    );
  });

  it('dropping a sheet turns its references into #REF!', () => {
    expect(dropSheetRefs('=SUM(Data!A1:A3)+B1', 'Data')).toBe('=SUM(#REF!)+B1');
  });
});

describe('formula syntax for HyperFormula', () => {
  it('bare TRUE and FALSE become TRUE() and FALSE(), leaving strings and sheet names alone', () => {
    expect(toHyperFormulaSyntax('=IF(TRUE,"TRUE",false)+True!A1')).toBe('=IF(TRUE(),"TRUE",FALSE())+True!A1');
  });

  it('R1C1 references convert relative to the cell', () => {
    expect(r1c1ToA1('=R[-1]C+RC[2]+R1C1+"RC"', 5, 3)).toBe('=C4+E5+$A$1+"RC"');
  });
});
