import { errorOf, newEmulator, withSheet } from './support';

describe('getRange: every form resolves to the rectangle Sheets gives', () => {
  it.each([
    ['B2', 'B2', [2, 2, 1, 1]],
    ['A1:C3', 'A1:C3', [1, 1, 3, 3]],
    ['C3:A1', 'A1:C3', [1, 1, 3, 3]],
    ['$B$2:$C$4', 'B2:C4', [2, 2, 3, 2]],
    ['A:C', 'A:C', [1, 1, 1000, 3]],
    ['2:4', '2:4', [2, 1, 3, 26]],
    ['B2:C', 'B2:C1000', [2, 2, 999, 2]],
  ])('getRange(%p) is %p', (a1, notation, [row, col, rows, cols]) => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange(a1);
      return [r.getA1Notation(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()];
    });
    expect(got).toEqual([notation, row, col, rows, cols]);
  });

  it('getRange(row, col), (row, col, numRows) and (row, col, numRows, numCols) are 1-based', () => {
    const got = withSheet((sheet) => [
      sheet.getRange(2, 3).getA1Notation(),
      sheet.getRange(2, 3, 4).getA1Notation(),
      sheet.getRange(2, 3, 4, 2).getA1Notation(),
    ]);
    expect(got).toEqual(['C2', 'C2:C5', 'C2:D5']);
  });

  it('getLastRow and getLastColumn of a range are its last row and column', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('B2:D9');
      return [r.getLastRow(), r.getLastColumn()];
    });
    expect(got).toEqual([9, 4]);
  });

  it('offset and getCell move relative to the range', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('B2:D4');
      return [
        r.offset(1, 1).getA1Notation(),
        r.offset(0, 0, 1, 1).getA1Notation(),
        r.getCell(2, 3).getA1Notation(),
      ];
    });
    expect(got).toEqual(['C3:E5', 'B2', 'D3']);
  });

  it("getSheet returns the range's sheet", () => {
    expect(withSheet((sheet) => sheet.getRange('A1').getSheet().getName())).toBe('Sheet1');
  });
});

describe('getRange: the platform refuses bad coordinates with its own messages', () => {
  it('zero rows: "The number of rows in the range must be at least 1."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(1, 1, 0, 1)))).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });

  it('zero columns: "The number of columns in the range must be at least 1."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(1, 1, 1, 0)))).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  it('row 0: "The starting row of the range is too small."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(0, 1)))).toBe(
      'The starting row of the range is too small.',
    );
  });

  it('column 0: "The starting column of the range is too small."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(1, 0)))).toBe(
      'The starting column of the range is too small.',
    );
  });

  it('past the last row: "The coordinates of the range are outside the dimensions of the sheet."', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(1000, 1, 2, 1)))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('past the last column (26 on a new sheet): outside the dimensions of the sheet', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange(1, 27)))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  it('A1 notation that is not a range: "Range not found"', () => {
    expect(withSheet((sheet) => errorOf(() => sheet.getRange('not a range')))).toBe('Range not found');
  });

  it('errors are Exceptions, as Apps Script names them', () => {
    const name = withSheet((sheet) => {
      try {
        sheet.getRange(0, 1);
      } catch (e) {
        return (e as Error).name;
      }
      return 'none';
    });
    expect(name).toBe('Exception');
  });
});

describe('Spreadsheet.getRange with a sheet name', () => {
  it("resolves 'My tab'!A1:B2 on the named sheet, quotes and all", () => {
    const got = withSheet((_sheet, ss) => {
      ss.insertSheet("Bob's MRR").getRange('B2').setValue(5);
      const r = ss.getRange("'Bob''s MRR'!B2");
      return [r.getSheet().getName(), r.getValue()];
    });
    expect(got).toEqual(["Bob's MRR", 5]);
  });

  it('resolves A1 notation without a sheet on the active sheet', () => {
    const got = withSheet((_sheet, ss) => {
      ss.insertSheet('Other');
      return ss.getRange('A1').getSheet().getName();
    });
    expect(got).toBe('Other');
  });

  it('a missing sheet name gives "Range not found"', () => {
    expect(withSheet((_s, ss) => errorOf(() => ss.getRange('Nope!A1')))).toBe('Range not found');
  });
});

describe('Empty sheets', () => {
  it('getLastRow and getLastColumn are 0 on an empty sheet', () => {
    expect(withSheet((sheet) => [sheet.getLastRow(), sheet.getLastColumn()])).toEqual([0, 0]);
  });

  it('getDataRange is A1 on an empty sheet and reads [[""]]', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getDataRange();
      return [r.getA1Notation(), r.getValues()];
    });
    expect(got).toEqual(['A1', [['']]]);
  });

  it('getDataRange spans A1 to the last row and column with content', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('C5').setValue('x');
      sheet.getRange('E2').setValue('y');
      return [sheet.getDataRange().getA1Notation(), sheet.getLastRow(), sheet.getLastColumn()];
    });
    expect(got).toEqual(['A1:E5', 5, 5]);
  });

  it('cells cleared back to empty no longer count for getLastRow', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:A10').setValue('x');
      sheet.getRange('A6:A10').clearContent();
      return sheet.getLastRow();
    });
    expect(got).toBe(5);
  });

  it('isBlank is true only when no cell has a value or formula', () => {
    const got = withSheet((sheet) => {
      const before = sheet.getRange('A1:B2').isBlank();
      sheet.getRange('B2').setValue(0);
      return [before, sheet.getRange('A1:B2').isBlank()];
    });
    expect(got).toEqual([true, false]);
  });
});

describe('Formatting is stored and returned', () => {
  it('backgrounds, font colours, weights and sizes read back as set, CSS names as lower-case hex', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1:B1');
      r.setBackground('red').setFontColor('#ABC').setFontWeight('bold').setFontSize(14);
      return [r.getBackgrounds(), r.getFontColors(), r.getFontWeights(), r.getFontSizes()];
    });
    expect(got).toEqual([[['#ff0000', '#ff0000']], [['#aabbcc', '#aabbcc']], [['bold', 'bold']], [[14, 14]]]);
  });

  it('unformatted cells read the Sheets defaults', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1');
      return [
        r.getBackground(),
        r.getFontWeight(),
        r.getFontSize(),
        r.getNumberFormat(),
        r.getVerticalAlignment(),
      ];
    });
    expect(got).toEqual(['#ffffff', 'normal', 10, '0.###############', 'bottom']);
  });

  it('per-cell setters (setBackgrounds, setNumberFormats, setFontWeights) set each cell', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1:B1');
      r.setBackgrounds([['#111111', null]])
        .setNumberFormats([['0.00', '0%']])
        .setFontWeights([['bold', 'normal']]);
      return [r.getBackgrounds(), r.getNumberFormats(), r.getFontWeights()];
    });
    expect(got).toEqual([[['#111111', '#ffffff']], [['0.00', '0%']], [['bold', 'normal']]]);
  });

  it('alignment and wrap are stored', () => {
    const got = withSheet((sheet) => {
      const r = sheet
        .getRange('A1')
        .setHorizontalAlignment('center')
        .setVerticalAlignment('middle')
        .setWrap(true);
      return [r.getHorizontalAlignment(), r.getVerticalAlignment(), r.getWrap()];
    });
    expect(got).toEqual(['center', 'middle', true]);
  });

  it('clearFormat resets formats but keeps values; clearContent keeps formats', () => {
    const got = withSheet((sheet) => {
      const a = sheet.getRange('A1').setValue(5).setBackground('#123456');
      const b = sheet.getRange('B1').setValue(6).setBackground('#123456');
      a.clearFormat();
      b.clearContent();
      return [a.getValue(), a.getBackground(), b.getValue(), b.getBackground()];
    });
    expect(got).toEqual([5, '#ffffff', '', '#123456']);
  });

  it('clear() removes values and formats but keeps notes (clear({commentsOnly}) removes notes)', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1').setValue(1).setNote('why').setBackground('#000000');
      r.clear();
      const after = [r.getValue(), r.getBackground(), r.getNote()];
      r.clear({ commentsOnly: true });
      return [...after, r.getNote()];
    });
    expect(got).toEqual(['', '#ffffff', 'why', '']);
  });

  it('notes are set, read and cleared', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1:B1');
      r.setNotes([['first', 'second']]);
      const notes = r.getNotes();
      r.getCell(1, 1).clearNote();
      return [notes, r.getNotes()];
    });
    expect(got).toEqual([[['first', 'second']], [['', 'second']]]);
  });

  it('setBorder is recorded for the playground to draw', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) =>
      SpreadsheetApp.getActiveSheet()
        .getRange('A1:B2')
        .setBorder(true, true, true, true, null, null, 'red', SpreadsheetApp.BorderStyle.SOLID),
    );
    expect(emu.workbook.sheets[0].borders).toEqual([
      expect.objectContaining({ a1: 'A1:B2', top: true, vertical: null, color: '#ff0000', style: 'SOLID' }),
    ]);
  });
});

describe('Merges', () => {
  it('merge keeps only the top-left value and isPartOfMerge reports it', () => {
    const got = withSheet((sheet) => {
      const r = sheet.getRange('A1:B2').setValues([
        [1, 2],
        [3, 4],
      ]);
      r.merge();
      return [r.getValues(), sheet.getRange('B2').isPartOfMerge(), sheet.getRange('C3').isPartOfMerge()];
    });
    expect(got).toEqual([
      [
        [1, ''],
        ['', ''],
      ],
      true,
      false,
    ]);
  });

  it('breakApart on part of a merge is refused with the platform message', () => {
    const message = withSheet((sheet) => {
      sheet.getRange('A1:B2').merge();
      return errorOf(() => sheet.getRange('A1').breakApart());
    });
    expect(message).toBe('You must select all cells in a merged range to merge or unmerge them.');
  });

  it('breakApart on the whole merge removes it', () => {
    const got = withSheet((sheet) => {
      sheet.getRange('A1:B2').merge();
      sheet.getRange('A1:B2').breakApart();
      return sheet.getRange('A1:B2').getMergedRanges().length;
    });
    expect(got).toBe(0);
  });
});
