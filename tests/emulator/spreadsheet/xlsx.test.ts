import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../../playground/emulator/xlsx';
import { newEmulator } from './support';

describe('exportXlsx', () => {
  let dir: string;
  let exported: Promise<ExcelJS.Workbook>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tapdash-xlsx-'));
    exported = exportOnce();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** One export, re-read by exceljs, shared by the tests below (each checks one part of it). */
  const exportAndRead = () => exported;

  async function exportOnce(): Promise<ExcelJS.Workbook> {
    const emu = newEmulator({ timeZone: 'Etc/UTC' });
    emu.run(({ SpreadsheetApp }) => {
      const ss = SpreadsheetApp.getActive();
      const dash = ss.getSheets()[0].setName('Dashboard');
      const data = ss.insertSheet('_tapdash_stripe');
      data.getRange('A1:C3').setValues([
        ['Date', 'Amount', 'Note'],
        ['2024-01-15', 12.5, 'first'],
        ['2024-01-16', 30, "'=not a formula"],
      ]);
      data.getRange('A1:C1').setFontWeight('bold').setBackground('#ffeeaa').setFontColor('#ff0000');
      data.getRange('B2:B3').setNumberFormat('$#,##0.00');
      data.getRange('B2').setNote('partial refund');
      data.setFrozenRows(1);
      data.setColumnWidth(1, 140);
      data.hideSheet();
      dash.getRange('A1:B1').setValues([['Total', "=SUM('_tapdash_stripe'!B2:B3)"]]);
      dash.getRange('A2').setFormula('=1/0');
    });
    const file = join(dir, 'book.xlsx');
    await exportXlsx(emu.workbook, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    return book;
  }

  it('keeps a hidden data tab hidden (state "hidden"), not deleted', async () => {
    const book = await exportAndRead();
    expect(book.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['Dashboard', 'visible'],
      ['_tapdash_stripe', 'hidden'],
    ]);
  });

  it('writes values, number formats and dates as serials with their date format', async () => {
    const ws = (await exportAndRead()).getWorksheet('_tapdash_stripe')!;
    expect(ws.getCell('B2').value).toBe(12.5);
    expect(ws.getCell('B2').numFmt).toBe('$#,##0.00');
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    // exceljs turns a date-formatted serial back into a Date (UTC midnight for a whole day).
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(ws.getCell('C3').value).toBe('=not a formula');
  });

  it('writes formulas with their computed results, errors included', async () => {
    const ws = (await exportAndRead()).getWorksheet('Dashboard')!;
    expect(ws.getCell('B1').value).toEqual({ formula: "SUM('_tapdash_stripe'!B2:B3)", result: 42.5 });
    expect(ws.getCell('A2').value).toEqual({ formula: '1/0', result: { error: '#DIV/0!' } });
  });

  it('writes notes, bold, font colour and fill', async () => {
    const ws = (await exportAndRead()).getWorksheet('_tapdash_stripe')!;
    const header = ws.getCell('A1');
    expect(header.font).toEqual(expect.objectContaining({ bold: true, color: { argb: 'FFFF0000' } }));
    expect(header.fill).toEqual(expect.objectContaining({ pattern: 'solid', fgColor: { argb: 'FFFFEEAA' } }));
    const note = ws.getCell('B2').note;
    const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
    expect(text).toBe('partial refund');
  });

  it('writes frozen panes and column widths', async () => {
    const ws = (await exportAndRead()).getWorksheet('_tapdash_stripe')!;
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(ws.getColumn(1).width).toBeCloseTo(20, 0);
  });
});
