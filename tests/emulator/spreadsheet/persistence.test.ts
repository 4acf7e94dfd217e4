import fc from 'fast-check';
import { Emulator } from '../../../playground/emulator/emulator';
import { WorkbookState } from '../../../playground/emulator/spreadsheet';
import { blob, png } from './image-bytes';
import { newEmulator } from './support';

function buildRichWorkbook(): Emulator {
  const emu = newEmulator({ timeZone: 'Europe/Paris', locale: 'en_GB', spreadsheetName: 'Saved' });
  emu.run(({ SpreadsheetApp }) => {
    const ss = SpreadsheetApp.getActive();
    const data = ss.insertSheet('Stripe data');
    data.getRange('A1:C3').setValues([
      ['Date', 'Amount', 'Paid'],
      ['2024-01-15', '$12.50', true],
      [new Date(Date.UTC(2024, 1, 1, 8)), 99.5, false],
    ]);
    data.getRange('A1:C1').setFontWeight('bold').setBackground('#eeeeee').setFontColor('#333333');
    data.getRange('B2').setNote('refunded later');
    data.setFrozenRows(1);
    data.setColumnWidth(1, 160);
    data.setTabColor('#00aa00');
    data.hideSheet();
    data.protect().setDescription('Tapdash data').setWarningOnly(true);
    const dash = ss.getSheets()[0].setName('Dashboard');
    dash.getRange('A1').setFormula("=SUM('Stripe data'!B2:B3)");
    dash.getRange('A1').setNumberFormat('$#,##0.00');
    dash.getRange('B1:C2').merge();
    dash.insertChart(
      dash
        .newChart()
        .asColumnChart()
        .addRange(data.getRange('A1:B3'))
        .setPosition(3, 1, 5, 5)
        .setOption('title', 'Revenue')
        .build(),
    );
    dash
      .insertImage(blob(png(20, 10)) as unknown as GoogleAppsScript.Base.BlobSource, 4, 2)
      .setAltTextTitle('logo');
    ss.setActiveSheet(dash);
  });
  return emu;
}

describe('Saving and loading the workbook (WorkbookState.toJSON / fromJSON)', () => {
  it('everything survives a JSON round trip through the emulator snapshot', () => {
    const saved = JSON.parse(JSON.stringify(buildRichWorkbook().save()));
    const emu = Emulator.load(saved, { realCpu: false });
    const got = emu.run(({ SpreadsheetApp }) => {
      const ss = SpreadsheetApp.getActive();
      const data = ss.getSheetByName('Stripe data')!;
      const dash = ss.getSheetByName('Dashboard')!;
      const chart = dash.getCharts()[0];
      const image = dash.getImages()[0];
      return {
        names: ss.getSheets().map((s) => s.getName()),
        active: ss.getActiveSheet().getName(),
        zone: ss.getSpreadsheetTimeZone(),
        locale: ss.getSpreadsheetLocale(),
        values: data
          .getRange('A2:C3')
          .getValues()
          .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
        display: data.getRange('A2:B2').getDisplayValues(),
        formats: data.getRange('A2:B2').getNumberFormats(),
        bold: data.getRange('A1').getFontWeight(),
        background: data.getRange('A1').getBackground(),
        fontColor: data.getRange('C1').getFontColors()[0][0],
        note: data.getRange('B2').getNote(),
        frozen: data.getFrozenRows(),
        width: data.getColumnWidth(1),
        tab: data.getTabColor(),
        hidden: data.isSheetHidden(),
        protection: data
          .getProtections(SpreadsheetApp.ProtectionType.SHEET)
          .map((p) => [p.getDescription(), p.isWarningOnly()]),
        formula: dash.getRange('A1').getFormula(),
        total: dash.getRange('A1').getDisplayValue(),
        merged: dash.getRange('C2').isPartOfMerge(),
        chart: [
          String(chart.modify().getChartType()),
          chart.getOptions().get('title'),
          chart.getRanges()[0].getSheet().getName(),
          chart.getContainerInfo().getAnchorRow(),
        ],
        image: [image.getWidth(), image.getAltTextTitle(), image.getAnchorCell().getA1Notation()],
      };
    });
    expect(got).toEqual({
      names: ['Dashboard', 'Stripe data'],
      active: 'Dashboard',
      zone: 'Europe/Paris',
      locale: 'en_GB',
      values: [
        ['2024-01-14T23:00:00.000Z', 12.5, true],
        ['2024-02-01T08:00:00.000Z', 99.5, false],
      ],
      display: [['2024-01-15', '$12.50']],
      formats: [['yyyy-mm-dd', '"$"#,##0.00']],
      bold: 'bold',
      background: '#eeeeee',
      fontColor: '#333333',
      note: 'refunded later',
      frozen: 1,
      width: 160,
      tab: '#00aa00',
      hidden: true,
      protection: [['Tapdash data', true]],
      formula: "=SUM('Stripe data'!B2:B3)",
      total: '$112.00',
      merged: true,
      chart: ['COLUMN', 'Revenue', 'Stripe data', 3],
      image: [20, 'logo', 'D2'],
    });
  });

  it('images are saved as base64 of their bytes', () => {
    const json = buildRichWorkbook().workbook.toJSON() as {
      sheets: { images: { source: { base64?: string } }[] }[];
    };
    const source = json.sheets[0].images[0].source;
    expect(
      Buffer.from(source.base64 ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('saving a loaded workbook gives the same JSON again', () => {
    const first = JSON.parse(JSON.stringify(buildRichWorkbook().workbook.toJSON()));
    const second = JSON.parse(JSON.stringify(WorkbookState.fromJSON(first).toJSON()));
    expect(second).toEqual(first);
  });

  it('any grid of numbers, text and booleans reads back the same after a round trip', () => {
    const cell = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.string({ maxLength: 12 }).map((s) => `'${s}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (grid) => {
          const emu = newEmulator();
          const write = (gas: Emulator['globals']) =>
            gas.SpreadsheetApp.getActiveSheet().getRange(1, 1, grid.length, 3).setValues(grid).getValues();
          const before = emu.run(write);
          const restored = Emulator.load(JSON.parse(JSON.stringify(emu.save())), { realCpu: false });
          const after = restored.run(({ SpreadsheetApp }) =>
            SpreadsheetApp.getActiveSheet().getRange(1, 1, grid.length, 3).getValues(),
          );
          expect(after).toEqual(before);
          // Sheets has no -0: it is stored as 0.
          return before.every((row, i) =>
            row.every((v, j) => {
              const written = grid[i][j];
              return typeof written === 'string'
                ? v === written.slice(1)
                : v === (written === 0 ? 0 : written);
            }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
