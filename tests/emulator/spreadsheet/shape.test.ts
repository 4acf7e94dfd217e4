import { Emulator } from '../../../playground/emulator/emulator';
import { errorOf, newEmulator, withSheet } from './support';

describe('Inserting and deleting rows and columns', () => {
  it('insertRowsAfter grows the sheet and moves the rows below, with their formats and notes', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
      sheet.getRange('A2').setBackground('#00ff00').setNote('n');
      sheet.insertRowsAfter(1, 2);
      return [
        sheet.getMaxRows(),
        sheet.getRange('A1:A5').getValues(),
        sheet.getRange('A4').getBackground(),
        sheet.getRange('A4').getNote(),
        sheet.getRange('A2').getBackground(),
      ];
    });
    expect(got).toEqual([1002, [['a'], [''], [''], ['b'], ['c']], '#00ff00', 'n', '#ffffff']);
  });

  it('insertRowsBefore and insertRows insert above the given row', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:A2').setValues([['a'], ['b']]);
      sheet.insertRowsBefore(2, 1);
      sheet.insertRows(1);
      return sheet.getRange('A1:A4').getValues();
    });
    expect(got).toEqual([[''], ['a'], [''], ['b']]);
  });

  it('inserting rows moves formula references below the insertion point, as Sheets does', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('B2:B4').setValues([[1], [2], [3]]);
      sheet.getRange('D1').setFormula('=SUM(B2:B4)');
      sheet.insertRowsAfter(2, 1);
      return [sheet.getRange('D1').getFormula(), sheet.getRange('D1').getValue()];
    });
    expect(got).toEqual(['=SUM(B2:B5)', 6]);
  });

  it('references from other sheets follow the rows they point at', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.getRange('A5').setValue(42);
      sheet.getRange('A1').setFormula('=Data!A5');
      data.insertRowsBefore(1, 3);
      return [sheet.getRange('A1').getFormula(), sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual(['=Data!A8', 42]);
  });

  it('deleteRows removes rows and moves the rest up; a reference to a deleted cell becomes #REF!', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
      sheet.getRange('B1').setFormula('=A2');
      sheet.getRange('C1').setFormula('=A4');
      sheet.deleteRows(2, 2);
      return [
        sheet.getMaxRows(),
        sheet.getRange('A1:A2').getValues(),
        sheet.getRange('B1:C1').getFormulas(),
        sheet.getRange('B1:C1').getValues(),
      ];
    });
    expect(got).toEqual([998, [['a'], ['d']], [['=#REF!', '=A2']], [['#REF!', 'd']]]);
  });

  it('deleting rows past the end throws "Those rows are out of bounds."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.deleteRows(999, 5)))).toBe(
      'Those rows are out of bounds.',
    );
  });

  it('deleting every row is refused', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.deleteRows(1, 1000)))).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('insertColumnsAfter and deleteColumns move cells sideways', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
      sheet.insertColumnsAfter(1, 1);
      const inserted = [sheet.getMaxColumns(), sheet.getRange('A1:D1').getValues()];
      sheet.deleteColumns(1, 2);
      return [...inserted, sheet.getMaxColumns(), sheet.getRange('A1:B1').getValues()];
    });
    expect(got).toEqual([27, [['a', '', 'b', 'c']], 25, [['b', 'c']]]);
  });

  it('deleting columns past the end throws "Those columns are out of bounds."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.deleteColumns(26, 2)))).toBe(
      'Those columns are out of bounds.',
    );
  });

  it('column widths move with inserted columns', () => {
    const got = withSheet((sheet) => {
      sheet.setColumnWidth(2, 250);
      sheet.insertColumnBefore(1);
      return [sheet.getColumnWidth(2), sheet.getColumnWidth(3)];
    });
    expect(got).toEqual([100, 250]);
  });
});

describe('appendRow', () => {
  it('writes after the last row with content, parsing values like setValues', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:B1').setValues([['id', 'amount']]);
      sheet.appendRow(['cus_1', '$5.00']);
      return [
        sheet.getLastRow(),
        sheet.getRange('A2:B2').getValues(),
        sheet.getRange('B2').getDisplayValue(),
      ];
    });
    expect(got).toEqual([2, [['cus_1', 5]], '$5.00']);
  });

  it('grows a full sheet by a row (there is no separate row cap)', () => {
    const got = withSheet((sheet) => {
      sheet.deleteRows(2, 999);
      sheet.getRange('A1').setValue('header');
      sheet.appendRow(['x']);
      return [sheet.getMaxRows(), sheet.getRange('A2').getValue()];
    });
    expect(got).toEqual([2, 'x']);
  });

  it('adds columns when the row is wider than the sheet', () => {
    const got = withSheet((sheet) => {
      sheet.appendRow(new Array(30).fill(1));
      return sheet.getMaxColumns();
    });
    expect(got).toBe(30);
  });
});

describe('The 10,000,000-cell and 18,278-column limits', () => {
  const limitMessage =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  it('insertRowsAfter past 10,000,000 cells (max rows × max columns of every sheet) is refused', () => {
    const got = withSheet((sheet) => {
      // 1000 × 26 = 26,000 cells now; 384,000 more rows × 26 columns reach 10,010,000.
      const message = errorOf(() => sheet.insertRowsAfter(1000, 384_000));
      return [message, sheet.getMaxRows()];
    });
    expect(got).toEqual([limitMessage, 1000]);
  });

  it('exactly 10,000,000 cells is allowed', () => {
    const got = withSheet((sheet) => {
      sheet.deleteColumns(21, 6); // 20 columns
      sheet.insertRowsAfter(1000, 499_000); // 500,000 rows × 20 columns
      return sheet.getMaxRows() * sheet.getMaxColumns();
    });
    expect(got).toBe(10_000_000);
  });

  it('insertSheet is refused when its 26,000 cells would cross the limit', () => {
    const message = withSheet((sheet, ss) => {
      sheet.deleteColumns(21, 6);
      sheet.insertRowsAfter(1000, 499_000);
      return errorOf(() => ss.insertSheet('More'));
    });
    expect(message).toBe(limitMessage);
  });

  it('appendRow on a full sheet at the limit is refused', () => {
    const message = withSheet((sheet) => {
      sheet.deleteColumns(21, 6);
      sheet.insertRowsAfter(1000, 499_000);
      sheet.getRange(500_000, 1).setValue('last');
      return errorOf(() => sheet.appendRow(['one more']));
    });
    expect(message).toBe(limitMessage);
  });

  it('a sheet cannot have more than 18,278 columns (ZZZ)', () => {
    const got = withSheet((sheet) => {
      sheet.deleteRows(2, 999);
      sheet.insertColumnsAfter(26, 18_278 - 26);
      const atLimit = sheet.getMaxColumns();
      return [
        atLimit,
        sheet.getRange(1, 18_278).getA1Notation(),
        errorOf(() => sheet.insertColumnsAfter(1, 1)),
      ];
    });
    expect(got).toEqual([
      18_278,
      'ZZZ1',
      'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    ]);
  });
});

describe('Frozen panes, sizes and clearing', () => {
  it('setFrozenRows and setFrozenColumns are read back', () => {
    const got = withSheet((sheet) => {
      sheet.setFrozenRows(1);
      sheet.setFrozenColumns(2);
      return [sheet.getFrozenRows(), sheet.getFrozenColumns()];
    });
    expect(got).toEqual([1, 2]);
  });

  it('columns are 100 px and rows 21 px until set', () => {
    const got = withSheet((sheet) => {
      const before = [sheet.getColumnWidth(1), sheet.getRowHeight(1)];
      sheet.setColumnWidths(1, 2, 180).setRowHeight(1, 40);
      return [
        ...before,
        sheet.getColumnWidth(1),
        sheet.getColumnWidth(2),
        sheet.getColumnWidth(3),
        sheet.getRowHeight(1),
      ];
    });
    expect(got).toEqual([100, 21, 180, 180, 100, 40]);
  });

  it('autoResizeColumns widens a column to fit long text', () => {
    const width = withSheet((sheet) => {
      sheet.getRange('A1').setValue('A much longer customer name than fits in 100 px');
      sheet.autoResizeColumns(1, 1);
      return sheet.getColumnWidth(1);
    });
    expect(width).toBeGreaterThan(300);
  });

  it('Sheet.clear removes values and formats; clearContents keeps formats', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1').setValue(1).setBackground('#000000');
      sheet.clearContents();
      const afterContents = [sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground()];
      sheet.clear();
      return [...afterContents, sheet.getRange('A1').getBackground(), sheet.getLastRow()];
    });
    expect(got).toEqual(['', '#000000', '#ffffff', 0]);
  });
});

describe('getValues on big sheets', () => {
  it('reads back 20,000 × 10 cells exactly as written', () => {
    const emu = newEmulator();
    const rows = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => (c % 2 ? r * c : `r${r}c${c}`)),
    );
    const back = emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.insertRowsAfter(1000, 19_000);
      sheet.getRange(1, 1, 20_000, 10).setValues(rows);
      return sheet.getRange(1, 1, 20_000, 10).getValues();
    });
    expect(back).toEqual(rows);
  });
});

describe('Display settings', () => {
  it('setHiddenGridlines hides the grid lines and survives a save and load', () => {
    const emu = newEmulator();
    emu.run((gas) => gas.SpreadsheetApp.getActive().getSheets()[0].setHiddenGridlines(true));
    const again = Emulator.load(JSON.parse(JSON.stringify(emu.save())));
    expect(again.run((gas) => gas.SpreadsheetApp.getActive().getSheets()[0].hasHiddenGridlines())).toBe(true);
  });

  it('setVerticalAlignments sets one alignment per cell and checks the shape like setValues', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:B1').setVerticalAlignments([['middle', 'top']]);
      return [
        sheet.getRange('A1:B1').getVerticalAlignments(),
        errorOf(() => sheet.getRange('A1:B2').setVerticalAlignments([['top']])),
      ];
    });
    expect(got[0]).toEqual([['middle', 'top']]);
    expect(got[1]).toMatch(/number of rows/);
  });
});
