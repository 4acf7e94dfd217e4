import fc from 'fast-check';
import { Emulator } from '../../playground/emulator/emulator';
import { cutText, safeText } from '../../src/sync/cell-safety';

describe('cell safety through the emulated spreadsheet', () => {
  const emu = new Emulator({ realCpu: false });

  function roundTrip(texts: string[]): { values: unknown[]; formulas: string[] } {
    return emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      const sheet = ss.getSheetByName('probe') ?? ss.insertSheet('probe');
      const range = sheet.getRange(1, 1, texts.length, 1);
      range.setValues(texts.map((t) => [safeText(t)]));
      return {
        values: range.getValues().map((r) => r[0]),
        formulas: range.getFormulas().map((r) => r[0]),
      };
    });
  }

  it.each([
    '=SUM(1,2)',
    '+33 6 12',
    '-12',
    '@mention',
    '00123',
    '2024-01-02',
    'TRUE',
    '1/2',
    '5%',
    "'quoted",
    '#N/A',
    ' 7 ',
  ])('writes %j so that it reads back exactly, as text', (text) => {
    const { values, formulas } = roundTrip([text]);
    expect(values).toEqual([text]);
    expect(formulas).toEqual(['']);
  });

  it('cuts text over 50,000 characters with a visible marker', () => {
    const { values } = roundTrip(['z'.repeat(70_000)]);
    expect(String(values[0]).length).toBeLessThanOrEqual(50_000);
    expect(String(values[0])).toMatch(/cut by Tapdash: \d+ more characters\]$/);
  });

  it('reads back exactly the (possibly cut) text for any string, never a formula (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 20 }),
        (texts) => {
          const { values, formulas } = roundTrip(texts);
          expect(values).toEqual(texts.map(cutText));
          expect(formulas.every((f) => f === '')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
