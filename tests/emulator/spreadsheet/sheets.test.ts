import { errorOf, newEmulator, withSheet } from './support';

describe('A new spreadsheet', () => {
  it('has one 1000 × 26 sheet called Sheet1 whose id is 0', () => {
    const got = withSheet((sheet, ss) => [
      ss.getNumSheets(),
      sheet.getName(),
      sheet.getSheetId(),
      sheet.getMaxRows(),
      sheet.getMaxColumns(),
    ]);
    expect(got).toEqual([1, 'Sheet1', 0, 1000, 26]);
  });

  it('has a name, an id, an edit URL, an owner, a time zone and a locale', () => {
    const got = withSheet(
      (_s, ss) => [
        ss.getName(),
        ss.getUrl() === `https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`,
        ss.getOwner()?.getEmail(),
        ss.getSpreadsheetTimeZone(),
        ss.getSpreadsheetLocale(),
      ],
      {
        spreadsheetName: 'Acme metrics',
        user: 'founder@acme.test',
        timeZone: 'Europe/Berlin',
        locale: 'de_DE',
      },
    );
    expect(got).toEqual(['Acme metrics', true, 'founder@acme.test', 'Europe/Berlin', 'de_DE']);
  });

  it('rename changes the name', () => {
    const name = withSheet((_s, ss) => {
      ss.rename('New');
      return ss.getName();
    });
    expect(name).toBe('New');
  });

  it('setSpreadsheetTimeZone rejects a zone that does not exist', () => {
    expect(withSheet((_s, ss) => errorOf(() => ss.setSpreadsheetTimeZone('Mars/Olympus')))).toBe(
      'Invalid argument: Mars/Olympus',
    );
  });
});

describe('insertSheet', () => {
  it('adds a 1000 × 26 sheet named Sheet2, at the end, and makes it active', () => {
    const got = withSheet((_s, ss) => {
      const s = ss.insertSheet();
      return [s.getName(), s.getMaxRows(), s.getMaxColumns(), s.getIndex(), ss.getActiveSheet().getName()];
    });
    expect(got).toEqual(['Sheet2', 1000, 26, 2, 'Sheet2']);
  });

  it('places a named sheet at a 0-based index', () => {
    const got = withSheet((_s, ss) => {
      ss.insertSheet('B');
      ss.insertSheet('A', 0);
      return ss.getSheets().map((s) => s.getName());
    });
    expect(got).toEqual(['A', 'Sheet1', 'B']);
  });

  it('accepts an index alone', () => {
    const got = withSheet((_s, ss) => {
      ss.insertSheet(0);
      return ss.getSheets().map((s) => s.getName());
    });
    expect(got).toEqual(['Sheet2', 'Sheet1']);
  });

  it('gives each new sheet a distinct id', () => {
    const ids = withSheet((_s, ss) => [ss.insertSheet().getSheetId(), ss.insertSheet().getSheetId(), 0]);
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses a name already used, ignoring case, with the platform message', () => {
    expect(withSheet((_s, ss) => errorOf(() => ss.insertSheet('sheet1')))).toBe(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
  });
});

describe('Finding sheets', () => {
  it('getSheetByName returns null when the sheet is missing, and matches names ignoring case', () => {
    const got = withSheet((_s, ss) => [ss.getSheetByName('Missing'), ss.getSheetByName('SHEET1')?.getName()]);
    expect(got).toEqual([null, 'Sheet1']);
  });

  it('getSheetById finds a sheet by its gid', () => {
    const got = withSheet((_s, ss) => {
      const id = ss.insertSheet('Data').getSheetId();
      return [ss.getSheetById(id)?.getName(), ss.getSheetById(123)];
    });
    expect(got).toEqual(['Data', null]);
  });

  it('getSheets lists sheets in tab order, and moveActiveSheet reorders them', () => {
    const got = withSheet((_s, ss) => {
      ss.insertSheet('B');
      ss.insertSheet('C');
      ss.setActiveSheet(ss.getSheetByName('C')!);
      ss.moveActiveSheet(1);
      return ss.getSheets().map((s) => `${s.getName()}@${s.getIndex()}`);
    });
    expect(got).toEqual(['C@1', 'Sheet1@2', 'B@3']);
  });

  it('activate and setActiveSheet choose the active sheet', () => {
    const got = withSheet((sheet, ss, gas) => {
      ss.insertSheet('Other');
      sheet.activate();
      const a = gas.SpreadsheetApp.getActiveSheet().getName();
      ss.setActiveSheet(ss.getSheetByName('Other')!);
      return [a, ss.getActiveSheet().getName()];
    });
    expect(got).toEqual(['Sheet1', 'Other']);
  });
});

describe('Renaming, hiding and deleting sheets', () => {
  it('setName refuses a name another sheet has, with the platform message', () => {
    expect(
      withSheet((sheet, ss) => {
        ss.insertSheet('Data');
        return errorOf(() => sheet.setName('DATA'));
      }),
    ).toBe('A sheet with the name "DATA" already exists. Please enter another name.');
  });

  it('hideSheet hides and showSheet shows', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.hideSheet();
      const hidden = data.isSheetHidden();
      data.showSheet();
      return [hidden, data.isSheetHidden(), sheet.isSheetHidden()];
    });
    expect(got).toEqual([true, false, false]);
  });

  it('hiding the last visible sheet throws "You can\'t hide all the sheets in a document."', () => {
    expect(
      withSheet((sheet, ss) => {
        ss.insertSheet('Data').hideSheet();
        return errorOf(() => sheet.hideSheet());
      }),
    ).toBe("You can't hide all the sheets in a document.");
  });

  it('deleting the last sheet throws "You can\'t remove all the sheets in a document."', () => {
    expect(withSheet((sheet, ss) => errorOf(() => ss.deleteSheet(sheet)))).toBe(
      "You can't remove all the sheets in a document.",
    );
  });

  it('deleting the last visible sheet throws "You can\'t remove all the visible sheets in a document."', () => {
    expect(
      withSheet((sheet, ss) => {
        ss.insertSheet('Data').hideSheet();
        return errorOf(() => ss.deleteSheet(sheet));
      }),
    ).toBe("You can't remove all the visible sheets in a document.");
  });

  it('deleteSheet removes the sheet, and calls on the deleted sheet fail', () => {
    const got = withSheet((_s, ss) => {
      const data = ss.insertSheet('Data');
      ss.deleteSheet(data);
      return [ss.getSheets().map((s) => s.getName()), errorOf(() => data.getName())];
    });
    expect(got).toEqual([['Sheet1'], 'The sheet has been deleted.']);
  });

  it('tab colours are stored as lower-case hex and cleared with null', () => {
    const got = withSheet((sheet) => {
      const a = sheet.setTabColor('#FF9900').getTabColor();
      sheet.setTabColor(null);
      return [a, sheet.getTabColor()];
    });
    expect(got).toEqual(['#ff9900', null]);
  });

  it('renaming a sheet rewrites formulas that refer to it, as Sheets does', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Stripe MRR');
      data.getRange('B2').setValue(10);
      sheet.getRange('A1').setFormula("='Stripe MRR'!B2*2");
      data.setName('MRR');
      return [sheet.getRange('A1').getFormula(), sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual(['=MRR!B2*2', 20]);
  });

  it('deleting a sheet turns references to it into #REF!', () => {
    const got = withSheet((sheet, ss) => {
      const data = ss.insertSheet('Data');
      data.getRange('A1').setValue(1);
      sheet.getRange('A1').setFormula('=Data!A1+1');
      const before = sheet.getRange('A1').getValue();
      ss.deleteSheet(data);
      return [before, sheet.getRange('A1').getFormula(), sheet.getRange('A1').getValue()];
    });
    expect(got).toEqual([2, '=#REF!+1', '#REF!']);
  });
});

describe('Toasts', () => {
  it('Spreadsheet.toast is recorded for the playground', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => SpreadsheetApp.getActive().toast('Sync finished', 'Tapdash', 3));
    expect(emu.workbook.toasts).toEqual([
      expect.objectContaining({ message: 'Sync finished', title: 'Tapdash', timeoutSeconds: 3 }),
    ]);
  });
});
