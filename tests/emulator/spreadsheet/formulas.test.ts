import { newEmulator, T0, withSheet } from './support';

/** A "Stripe MRR" tab like the one the add-on writes, and a Dashboard tab reading it. */
function dashboard<T>(formulas: string[], read: (dash: GoogleAppsScript.Spreadsheet.Range) => T): T {
  return withSheet((sheet, ss) => {
    const mrr = ss.insertSheet('Stripe MRR');
    mrr.getRange('A1:C5').setValues([
      ['Month', 'MRR', 'Customers'],
      ['2024-01', 1000, 10],
      ['2024-02', 1200, 12],
      ['2024-03', 1500, 14],
      ['2024-04', 1350, 13],
    ]);
    sheet.setName('Dashboard');
    const range = sheet.getRange(1, 1, formulas.length, 1);
    range.setFormulas(formulas.map((f) => [f]));
    return read(range);
  });
}

describe('Formulas the add-on writes are computed', () => {
  const cases: [string, unknown][] = [
    ["='Stripe MRR'!B2", 1000],
    ["=SUM('Stripe MRR'!B2:B5)", 5050],
    ["=AVERAGE('Stripe MRR'!B:B)", 1262.5],
    ["=COUNT('Stripe MRR'!B:B)", 4],
    ["=MIN('Stripe MRR'!B2:B5)", 1000],
    ["=MAX('Stripe MRR'!B2:B5)", 1500],
    ['=IF(\'Stripe MRR\'!B5>\'Stripe MRR\'!B4,"up","down")', 'down'],
    ['=IFERROR(1/0,"n/a")', 'n/a'],
    ["=INDEX('Stripe MRR'!A:A,MATCH(1500,'Stripe MRR'!B:B,0))", '2024-03'],
    ["=ROUND('Stripe MRR'!B3/'Stripe MRR'!C3,2)", 100],
    ['=TEXT(\'Stripe MRR\'!B5,"$#,##0.00")', '$1,350.00'],
    ["=TEXT(('Stripe MRR'!B5-'Stripe MRR'!B4)/'Stripe MRR'!B4,\"0.0%\")", '-10.0%'],
    ["=('Stripe MRR'!B5-'Stripe MRR'!B2)/'Stripe MRR'!B2", 0.35],
    ['=IF(TRUE,1,2)', 1],
  ];

  it.each(cases)('%s computes %p', (formula, expected) => {
    const [value] = dashboard([formula], (r) => r.getValues()[0]);
    expect(value).toEqual(expected);
  });

  it('getFormulas returns the formulas as written', () => {
    const formulas = dashboard(["=SUM('Stripe MRR'!B2:B5)"], (r) => r.getFormulas());
    expect(formulas).toEqual([["=SUM('Stripe MRR'!B2:B5)"]]);
  });

  it("a formula result shows through the cell's number format", () => {
    const shown = dashboard(["=('Stripe MRR'!B5-'Stripe MRR'!B4)/'Stripe MRR'!B4"], (r) =>
      r.setNumberFormat('0.0%').getDisplayValue(),
    );
    expect(shown).toBe('-10.0%');
  });

  it('errors read as their #… text in getValues and getDisplayValues', () => {
    const got = dashboard(['=1/0', '=Missing!A1', '=NOSUCHFUNCTION(1)'], (r) => [
      r.getValues(),
      r.getDisplayValues(),
    ]);
    expect(got).toEqual([
      [['#DIV/0!'], ['#REF!'], ['#NAME?']],
      [['#DIV/0!'], ['#REF!'], ['#NAME?']],
    ]);
  });
});

describe('Google-only functions', () => {
  it('SPARKLINE does not crash: getFormulas returns it and getValues returns "" (Sheets draws in the cell)', () => {
    const got = dashboard(['=SPARKLINE(\'Stripe MRR\'!B2:B5,{"charttype","column"})'], (r) => [
      r.getFormulas(),
      r.getValues(),
      r.getDisplayValues(),
    ]);
    expect(got).toEqual([[['=SPARKLINE(\'Stripe MRR\'!B2:B5,{"charttype","column"})']], [['']], [['']]]);
  });

  it('a Google function HyperFormula lacks (QUERY) reads #NAME? rather than crashing', () => {
    const [value] = dashboard(['=QUERY(\'Stripe MRR\'!A:C,"select A")'], (r) => r.getValues()[0]);
    expect(value).toBe('#NAME?');
  });
});

describe('Recalculation', () => {
  it('a formula reflects later writes to the cells it reads', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:A2').setValues([[1], [2]]);
      sheet.getRange('B1').setFormula('=A1+A2');
      const first = sheet.getRange('B1').getValue();
      sheet.getRange('A2').setValue(40);
      sheet.appendRow([100]);
      sheet.getRange('C1').setFormula('=SUM(A:A)');
      return [first, sheet.getRange('B1').getValue(), sheet.getRange('C1').getValue()];
    });
    expect(got).toEqual([3, 41, 141]);
  });

  it('a formula over a whole column sees rows appended later', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.getRange('A1:A2').setValues([[5], [6]]);
      sheet.getRange('A1').setFormula('=SUM(Data!A:A)');
      const before = sheet.getRange('A1').getValue();
      data.appendRow([10]);
      return [before, sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual([11, 21]);
  });

  it('a formula over a whole column sees a row appended to a full sheet (the sheet grows)', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.deleteRows(3, 998);
      data.getRange('A1:A2').setValues([[5], [6]]);
      sheet.getRange('A1').setFormula('=SUM(Data!A:A)');
      const before = sheet.getRange('A1').getValue();
      data.appendRow([10]);
      return [before, data.getMaxRows(), sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual([11, 3, 21]);
  });

  it('a formula written later that reads a new part of a sheet is computed from it', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.getRange('A1:B1').setValues([[1, 2]]);
      sheet.getRange('A1').setFormula('=Data!A1');
      const a = sheet.getRange('A1').getValue();
      sheet.getRange('A2').setFormula('=Data!B1*10');
      return [a, sheet.getRange('A2').getValue()];
    });
    expect(got).toEqual([1, 20]);
  });

  it('a formula that names a sheet inserted later resolves once the sheet exists', () => {
    const got = withSheet((sheet, ss) => {
      sheet.getRange('A1').setFormula('=Later!A1');
      const before = sheet.getRange('A1').getValue();
      ss.insertSheet('Later').getRange('A1').setValue(9);
      return [before, sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual(['#REF!', 9]);
  });

  it('a tab no formula reads is never handed to the formula engine', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => {
      const ss = SpreadsheetApp.getActive();
      const raw = ss.insertSheet('Raw charges');
      raw.getRange(1, 1, 500, 10).setValue(1);
      const mrr = ss.insertSheet('MRR');
      mrr.getRange('A1').setValue(7);
      const dash = ss.insertSheet('Dashboard');
      dash.getRange('A1').setFormula('=MRR!A1');
      dash.getRange('A1').getValue();
    });
    expect(emu.workbook.formulas.heldSheets()).toEqual(['MRR', 'Dashboard']);
  });
});

describe('NOW and TODAY', () => {
  it('read the simulated clock in the spreadsheet zone and come back as Dates', () => {
    const emu = newEmulator({ timeZone: 'Asia/Tokyo' });
    const [values, display] = emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange('A1:A2').setFormulas([['=NOW()'], ['=TODAY()']]);
      return [sheet.getRange('A1:A2').getValues(), sheet.getRange('A1:A2').getDisplayValues()];
    });
    const [[now], [today]] = values as Date[][];
    // The simulated clock starts at T0 and only moves by the cost of the calls made.
    expect(now.getTime()).toBeGreaterThanOrEqual(T0);
    expect(now.getTime()).toBeLessThanOrEqual(emu.clock.now());
    // 2024-01-15 12:00 UTC is 21:00 in Tokyo; TODAY is that day's midnight in Tokyo.
    expect(today.toISOString()).toBe('2024-01-14T15:00:00.000Z');
    expect(display).toEqual([['1/15/2024 21:00:00'], ['1/15/2024']]);
  });
});
