import vm from 'node:vm';
import { Emulator } from '../../../playground/emulator/emulator';
import { errorOf, newEmulator, withSheet } from './support';

describe('Range values: shape checks with the platform messages', () => {
  it('setValues rejects a 2-row array for a 3-row range with the platform message', () => {
    const message = withSheet((sheet) => errorOf(() => sheet.getRange('A1:A3').setValues([[1], [2]])));
    expect(message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('setValues rejects a row of the wrong width with the platform column message', () => {
    const message = withSheet((sheet) =>
      errorOf(() =>
        sheet.getRange('A1:C2').setValues([
          [1, 2, 3],
          [4, 5],
        ]),
      ),
    );
    expect(message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });

  it('setValues rejects a one-dimensional array with the platform signature message', () => {
    const message = withSheet((sheet) =>
      errorOf(() => sheet.getRange('A1:B1').setValues([1, 2] as unknown as unknown[][])),
    );
    expect(message).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('a rejected setValues writes nothing', () => {
    const values = withSheet((sheet) => {
      errorOf(() => sheet.getRange('A1:A3').setValues([[1], [2]]));
      return sheet.getRange('A1:A3').getValues();
    });
    expect(values).toEqual([[''], [''], ['']]);
  });
});

describe('Range values: what cells hold', () => {
  it('empty cells read as "", and null and undefined write empty cells', () => {
    const values = withSheet((sheet) => {
      sheet.getRange('A1:C1').setValues([['x', 'y', 'z']]);
      sheet.getRange('A1:C1').setValues([[null, undefined, 'kept']]);
      return sheet.getRange('A1:D1').getValues();
    });
    expect(values).toEqual([['', '', 'kept', '']]);
  });

  it('setValue on a multi-cell range writes the value into every cell', () => {
    const values = withSheet((sheet) => {
      sheet.getRange('A1:B2').setValue(7);
      return sheet.getRange('A1:B2').getValues();
    });
    expect(values).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('getValue returns the top-left cell of a range', () => {
    const value = withSheet((sheet) => {
      sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4],
      ]);
      return sheet.getRange('A1:B2').getValue();
    });
    expect(value).toBe(1);
  });

  it('objects are written as "[object Object]" text and arrays as their joined text, as Sheets does', () => {
    const values = withSheet((sheet) => {
      sheet.getRange('A1:B1').setValues([[{ a: 1 }, [1, 2]]]);
      return sheet.getRange('A1:B1').getValues();
    });
    expect(values).toEqual([['[object Object]', '1,2']]);
  });

  it('numbers and booleans written as JS values are stored as they are', () => {
    const values = withSheet((sheet) => {
      sheet.getRange('A1:C1').setValues([[0.1 + 0.2, -5, false]]);
      return sheet.getRange('A1:C1').getValues();
    });
    expect(values).toEqual([[0.1 + 0.2, -5, false]]);
  });
});

describe('Range values: strings are read as typed input, as the Sheets UI does', () => {
  const cases: [string, string, unknown, string][] = [
    ['a number with thousands separators', '1,234.5', 1234.5, '#,##0.00'],
    ['a currency amount gets a currency format', '$12.50', 12.5, '"$"#,##0.00'],
    ['a negative currency amount', '-$1,000', -1000, '"$"#,##0.00'],
    ['a percentage gets a percent format', '50%', 0.5, '0%'],
    ['a decimal percentage', '12.5%', 0.125, '0.00%'],
    ['leading zeros are dropped ("00123" becomes 123)', '00123', 123, '0.###############'],
    ['TRUE in any case is a boolean', 'true', true, '0.###############'],
    ['FALSE is a boolean', 'FALSE', false, '0.###############'],
    ['scientific notation', '1.5e3', 1500, '0.00E+00'],
  ];

  it.each(cases)('%s', (_what, input, value, format) => {
    const [read, fmt] = withSheet((sheet) => {
      const cell = sheet.getRange('A1');
      cell.setValue(input);
      return [cell.getValue(), cell.getNumberFormat()];
    });
    expect(read).toEqual(value);
    expect(fmt).toBe(format);
  });

  it('an ISO date becomes a date cell that reads back as a JS Date at midnight in the spreadsheet zone', () => {
    const [value, format] = withSheet(
      (sheet) => {
        sheet.getRange('A1').setValue('2024-03-10');
        return [sheet.getRange('A1').getValue() as Date, sheet.getRange('A1').getNumberFormat()];
      },
      { timeZone: 'Asia/Tokyo' },
    );
    expect(value).toBeInstanceOf(Date);
    expect(value.toISOString()).toBe('2024-03-09T15:00:00.000Z');
    expect(format).toBe('yyyy-mm-dd');
  });

  it('a US date-time becomes a date-time cell', () => {
    const [value, display] = withSheet(
      (sheet) => {
        sheet.getRange('A1').setValue('1/15/2024 14:30:05');
        return [sheet.getRange('A1').getValue() as Date, sheet.getRange('A1').getDisplayValue()];
      },
      { timeZone: 'Etc/UTC' },
    );
    expect(value.toISOString()).toBe('2024-01-15T14:30:05.000Z');
    expect(display).toBe('1/15/2024 14:30:05');
  });

  it('an ISO timestamp with T and Z stays text (Sheets does not parse it)', () => {
    const value = withSheet((sheet) => {
      sheet.getRange('A1').setValue('2024-01-15T10:30:00Z');
      return sheet.getRange('A1').getValue();
    });
    expect(value).toBe('2024-01-15T10:30:00Z');
  });

  it('an impossible date like 2024-02-30 stays text', () => {
    const value = withSheet((sheet) => {
      sheet.getRange('A1').setValue('2024-02-30');
      return sheet.getRange('A1').getValue();
    });
    expect(value).toBe('2024-02-30');
  });

  it('a cell formatted as plain text (@) keeps "00123" as text', () => {
    const value = withSheet((sheet) => {
      sheet.getRange('A1').setNumberFormat('@').setValue('00123');
      return sheet.getRange('A1').getValue();
    });
    expect(value).toBe('00123');
  });

  it('an explicit number format is kept when typed input implies another', () => {
    const [value, format] = withSheet((sheet) => {
      const cell = sheet.getRange('A1').setNumberFormat('0.0');
      cell.setValue('50%');
      return [cell.getValue(), cell.getNumberFormat()];
    });
    expect(value).toBe(0.5);
    expect(format).toBe('0.0');
  });
});

describe('Range values: formulas and formula injection', () => {
  it('a string starting with = written as a value becomes a formula (formula injection)', () => {
    const [formulas, values] = withSheet((sheet) => {
      sheet.getRange('A1').setValues([['=HYPERLINK("https://evil.example","Click me")']]);
      return [sheet.getRange('A1').getFormulas(), sheet.getRange('A1').getValues()];
    });
    expect(formulas).toEqual([['=HYPERLINK("https://evil.example","Click me")']]);
    expect(values).toEqual([['Click me']]);
  });

  it("a leading apostrophe keeps '=... as text, and getValues and getDisplayValues drop the apostrophe", () => {
    const [formula, value, display] = withSheet((sheet) => {
      const cell = sheet.getRange('A1');
      cell.setValue('\'=HYPERLINK("https://evil.example")');
      return [cell.getFormula(), cell.getValue(), cell.getDisplayValue()];
    });
    expect(formula).toBe('');
    expect(value).toBe('=HYPERLINK("https://evil.example")');
    expect(display).toBe('=HYPERLINK("https://evil.example")');
  });

  it("a leading apostrophe keeps '00123 as the text 00123", () => {
    const value = withSheet((sheet) => sheet.getRange('A1').setValue("'00123").getValue());
    expect(value).toBe('00123');
  });

  it('getFormulas returns "" for cells without a formula', () => {
    const formulas = withSheet((sheet) => {
      sheet.getRange('A1:B1').setValues([[1, '=A1*2']]);
      return sheet.getRange('A1:B1').getFormulas();
    });
    expect(formulas).toEqual([['', '=A1*2']]);
  });

  it('setFormulaR1C1 writes a formula relative to each cell', () => {
    const formulas = withSheet((sheet) => {
      sheet.getRange('A1:A2').setValues([[1], [2]]);
      sheet.getRange('B1:B2').setFormulaR1C1('=RC[-1]*10');
      return [sheet.getRange('B1:B2').getFormulas(), sheet.getRange('B1:B2').getValues()];
    });
    expect(formulas).toEqual([
      [['=A1*10'], ['=A2*10']],
      [[10], [20]],
    ]);
  });
});

describe('Range values: the 50,000-character cell limit', () => {
  it('a cell takes exactly 50,000 characters', () => {
    const length = withSheet(
      (sheet) => (sheet.getRange('A1').setValue('x'.repeat(50_000)).getValue() as string).length,
    );
    expect(length).toBe(50_000);
  });

  it('50,001 characters are refused with the platform message and nothing is written', () => {
    const [message, values] = withSheet((sheet) => {
      const m = errorOf(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50_001)]]));
      return [m, sheet.getRange('A1:B1').getValues()];
    });
    expect(message).toBe('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(values).toEqual([['', '']]);
  });
});

describe('Range values: dates across time zones', () => {
  const instant = new Date(Date.UTC(2024, 6, 1, 23, 30));

  it('setValue(Date) stores the instant as shown in the spreadsheet zone, not the script zone', () => {
    const [display, format] = withSheet(
      (sheet) => {
        const cell = sheet.getRange('A1').setValue(instant);
        return [cell.getDisplayValue(), cell.getNumberFormat()];
      },
      { timeZone: 'Asia/Tokyo', scriptTimeZone: 'Etc/UTC' },
    );
    expect(display).toBe('7/2/2024 8:30:00');
    expect(format).toBe('M/d/yyyy H:mm:ss');
  });

  it('a date written and read back in the same spreadsheet zone is the same instant', () => {
    const read = withSheet((sheet) => sheet.getRange('A1').setValue(instant).getValue() as Date, {
      timeZone: 'America/Los_Angeles',
      scriptTimeZone: 'Asia/Kolkata',
    });
    expect(read.getTime()).toBe(instant.getTime());
  });

  it('changing the spreadsheet zone keeps the wall-clock text and so moves the instant read back', () => {
    const [display, read] = withSheet(
      (sheet, ss) => {
        sheet.getRange('A1').setValue(instant);
        ss.setSpreadsheetTimeZone('America/New_York');
        return [sheet.getRange('A1').getDisplayValue(), sheet.getRange('A1').getValue() as Date];
      },
      { timeZone: 'Asia/Tokyo' },
    );
    expect(display).toBe('7/2/2024 8:30:00');
    // 08:30 on 2 July in New York (EDT, UTC-4) is 12:30 UTC.
    expect(read.toISOString()).toBe('2024-07-02T12:30:00.000Z');
  });

  it('a time-only cell reads as a Date on 1899-12-30 in the spreadsheet zone', () => {
    const read = withSheet((sheet) => sheet.getRange('A1').setValue('14:30').getValue() as Date, {
      timeZone: 'Etc/UTC',
    });
    expect(read.toISOString()).toBe('1899-12-30T14:30:00.000Z');
  });

  it('a number written into a date-formatted cell reads back as a Date (serials count days from 1899-12-30)', () => {
    const read = withSheet(
      (sheet) => sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(45306).getValue() as Date,
      { timeZone: 'Etc/UTC' },
    );
    expect(read.toISOString()).toBe('2024-01-15T00:00:00.000Z');
  });

  it('date cells keep their serial in a JSON snapshot and read back as the same Date', () => {
    const emu = newEmulator({ timeZone: 'Europe/Paris' });
    emu.run(({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A1').setValue(instant));
    const snapshot = JSON.parse(JSON.stringify(emu.save()));
    const restored = Emulator.load(snapshot, { realCpu: false });
    const read = restored.run(
      ({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A1').getValue() as Date,
    );
    expect(read.getTime()).toBe(instant.getTime());
  });
});

describe('Dates handed to scripts running in their own realm', () => {
  it("getValue returns a Date of the script's realm when the emulator is told its Date (instanceof Date holds)", () => {
    const emu = newEmulator();
    const context = vm.createContext({ SpreadsheetApp: emu.globals.SpreadsheetApp });
    emu.workbook.dateConstructor = vm.runInContext('Date', context);
    const isDate = emu.run(() =>
      vm.runInContext(
        "var c = SpreadsheetApp.getActiveSheet().getRange('A1'); c.setValue('2024-01-15'); c.getValue() instanceof Date",
        context,
      ),
    );
    expect(isDate).toBe(true);
  });
});
