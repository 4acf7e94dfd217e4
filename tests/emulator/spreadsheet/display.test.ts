import { fieldsToSerial } from '../../../playground/emulator/spreadsheet/dates';
import {
  formatAutomatic,
  formatNumber,
  isDateFormat,
} from '../../../playground/emulator/spreadsheet/number-format';
import { withSheet } from './support';

const jan15 = fieldsToSerial(2024, 1, 15, 9, 5, 7);

describe('getDisplayValues: number formats in the en_US locale', () => {
  const cases: [string, number, string][] = [
    ['0', 1234.567, '1235'],
    ['0.00', 1234.567, '1234.57'],
    ['#,##0', 1234567.4, '1,234,567'],
    ['#,##0.00', 1234.5, '1,234.50'],
    ['#,##0.00', -1234.5, '-1,234.50'],
    ['$#,##0.00', 1234.5, '$1,234.50'],
    ['$#,##0.00', -12.5, '-$12.50'],
    ['"$"#,##0.00', 0.005, '$0.01'],
    ['[$€]#,##0.00', 1234.5, '€1,234.50'],
    ['#,##0.00 [$€-407]', 99, '99.00 €'],
    ['0%', 0.256, '26%'],
    ['0.0%', 0.256, '25.6%'],
    ['0.00%', -0.0125, '-1.25%'],
    ['#,##0.00;(#,##0.00)', -42, '(42.00)'],
    ['#,##0;-#,##0;"—"', 0, '—'],
    ['0.00E+00', 12345, '1.23E+04'],
    ['#,##0,"K"', 1234567, '1,235K'],
    ['yyyy-mm-dd', jan15, '2024-01-15'],
    ['mmm yyyy', jan15, 'Jan 2024'],
    ['mmmm yyyy', jan15, 'January 2024'],
    ['m/d/yyyy', jan15, '1/15/2024'],
    ['M/d/yyyy', jan15, '1/15/2024'],
    ['yyyy-mm-dd hh:mm', jan15, '2024-01-15 09:05'],
    ['hh:mm:ss', jan15, '09:05:07'],
    ['h:mm AM/PM', fieldsToSerial(2024, 1, 15, 21, 5), '9:05 PM'],
    ['ddd, mmm d', jan15, 'Mon, Jan 15'],
    ['[h]:mm', 1.5, '36:00'],
  ];

  it.each(cases)('%s shows %p as %p', (format, value, shown) => {
    const display = withSheet((sheet) =>
      sheet.getRange('A1').setNumberFormat(format).setValue(value).getDisplayValue(),
    );
    expect(display).toBe(shown);
  });

  it('@ (plain text) shows a number written as a JS number as its digits', () => {
    const display = withSheet((sheet) =>
      sheet.getRange('A1').setNumberFormat('@').setValue(42).getDisplayValue(),
    );
    expect(display).toBe('42');
  });

  it('a text section of a format wraps text values', () => {
    const display = withSheet((sheet) =>
      sheet.getRange('A1').setNumberFormat('0;-0;0;"Note: "@').setValue('hi').getDisplayValue(),
    );
    expect(display).toBe('Note: hi');
  });

  it('booleans display as TRUE and FALSE', () => {
    const display = withSheet((sheet) =>
      sheet
        .getRange('A1:B1')
        .setValues([[true, false]])
        .getDisplayValues(),
    );
    expect(display).toEqual([['TRUE', 'FALSE']]);
  });
});

describe("getDisplayValues: unformatted numbers use Sheets' Automatic format", () => {
  const cases: [number, string][] = [
    [42, '42'],
    [123456789012, '123456789012'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.3333333333'],
    [100 / 3, '33.33333333'],
    [-2.5, '-2.5'],
    [1e21, '1.00E+21'],
  ];
  it.each(cases)('%p shows as %p', (value, shown) => {
    expect(withSheet((sheet) => sheet.getRange('A1').setValue(value).getDisplayValue())).toBe(shown);
  });
});

describe('getDisplayValues: the spreadsheet locale sets the separators', () => {
  it('de_DE shows 1.234,50 for #,##0.00', () => {
    const display = withSheet(
      (sheet) => sheet.getRange('A1').setNumberFormat('#,##0.00').setValue(1234.5).getDisplayValue(),
      {
        locale: 'de_DE',
      },
    );
    expect(display).toBe('1.234,50');
  });

  it('de_DE shows an unformatted 2.5 as 2,5', () => {
    expect(
      withSheet((sheet) => sheet.getRange('A1').setValue(2.5).getDisplayValue(), { locale: 'de_DE' }),
    ).toBe('2,5');
  });

  it('setSpreadsheetLocale changes how the same cell shows', () => {
    const shown = withSheet((sheet, ss) => {
      const cell = sheet.getRange('A1').setNumberFormat('#,##0.00').setValue(1234.5);
      const before = cell.getDisplayValue();
      ss.setSpreadsheetLocale('fr_FR');
      return [before, cell.getDisplayValue(), ss.getSpreadsheetLocale()];
    });
    expect(shown).toEqual(['1,234.50', '1\u202f234,50', 'fr_FR']);
  });
});

describe('number-format (pure)', () => {
  it('date, time and date-time formats are date formats; number formats are not', () => {
    expect(['yyyy-mm-dd', 'mmm yyyy', 'hh:mm:ss', 'M/d/yyyy H:mm:ss', '[h]:mm'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['0.00', '#,##0', '0%', '@', '"days"'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('m between hours and seconds means minutes, elsewhere months', () => {
    const serial = fieldsToSerial(2024, 3, 9, 10, 45, 30);
    expect(formatNumber(serial, 'h:mm', 'en_US')).toBe('10:45');
    expect(formatNumber(serial, 'mm:ss', 'en_US')).toBe('45:30');
    expect(formatNumber(serial, 'd/m/yyyy', 'en_US')).toBe('9/3/2024');
  });

  it('Automatic never shows more than ten significant digits', () => {
    for (const v of [Math.PI, Math.E * 1000, 1 / 7, 123.456789012345]) {
      const digits = formatAutomatic(v, 'en_US')
        .replace(/[^0-9]/g, '')
        .replace(/^0+/, '');
      expect(digits.length).toBeLessThanOrEqual(10);
    }
  });
});
