import { errorOf, newEmulator } from './support';

const OWNER = 'owner@example.com';
const COLLEAGUE = 'colleague@example.com';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('Protection', () => {
  it('sheet.protect() returns a SHEET protection with description and warning-only flags', () => {
    const emu = newEmulator();
    const got = emu.run(({ SpreadsheetApp }) => {
      const p = SpreadsheetApp.getActiveSheet().protect().setDescription('Tapdash data').setWarningOnly(true);
      return [
        String(p.getProtectionType()),
        p.getDescription(),
        p.isWarningOnly(),
        SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.SHEET).length,
      ];
    });
    expect(got).toEqual(['SHEET', 'Tapdash data', true, 1]);
  });

  it('protect() on an already protected sheet returns the existing protection', () => {
    const emu = newEmulator();
    const count = emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.protect().setDescription('first');
      const again = sheet.protect();
      return [again.getDescription(), sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length];
    });
    expect(count).toEqual(['first', 1]);
  });

  it('editors start as the owner and the user who protected; removeEditors never removes the owner', () => {
    const emu = newEmulator({ user: OWNER });
    const got = emu.run(({ SpreadsheetApp }) => {
      const p = SpreadsheetApp.getActiveSheet().protect();
      p.addEditor(COLLEAGUE);
      const withColleague = p.getEditors().map((u) => u.getEmail());
      p.removeEditors(p.getEditors());
      return [withColleague, p.getEditors().map((u) => u.getEmail())];
    });
    expect(got).toEqual([[OWNER, COLLEAGUE], [OWNER]]);
  });

  it('a user removed from the editors cannot write to the protected sheet', () => {
    const emu = newEmulator({ user: OWNER });
    emu.run(({ SpreadsheetApp }) => {
      const p = SpreadsheetApp.getActiveSheet().protect();
      p.removeEditors([COLLEAGUE]);
    });
    const got = emu.run(
      ({ SpreadsheetApp }) => {
        const cell = SpreadsheetApp.getActiveSheet().getRange('A1');
        return [errorOf(() => cell.setValue('x')), cell.canEdit(), cell.getValue()];
      },
      { user: COLLEAGUE },
    );
    expect(got).toEqual([PROTECTED, false, '']);
  });

  it('the owner can always edit a protected sheet', () => {
    const emu = newEmulator({ user: OWNER });
    const value = emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.protect().removeEditors([OWNER, COLLEAGUE]);
      return sheet.getRange('A1').setValue('mine').getValue();
    });
    expect(value).toBe('mine');
  });

  it('a warning-only protection does not stop scripts', () => {
    const emu = newEmulator({ user: OWNER });
    emu.run(({ SpreadsheetApp }) =>
      SpreadsheetApp.getActiveSheet().protect().setWarningOnly(true).removeEditors([]),
    );
    const value = emu.run(
      ({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1).getValue(),
      {
        user: COLLEAGUE,
      },
    );
    expect(value).toBe(1);
  });

  it('until the editor list is changed, a new protection mirrors the file sharing and protects nothing', () => {
    const emu = newEmulator({ user: OWNER });
    emu.run(({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().protect());
    const value = emu.run(
      ({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A1').setValue(2).getValue(),
      {
        user: COLLEAGUE,
      },
    );
    expect(value).toBe(2);
  });

  it('a RANGE protection only guards its own cells; remove() lifts it', () => {
    const emu = newEmulator({ user: OWNER });
    emu.run(({ SpreadsheetApp }) =>
      SpreadsheetApp.getActiveSheet().getRange('A1:A5').protect().removeEditors([COLLEAGUE]),
    );
    const got = emu.run(
      ({ SpreadsheetApp }) => {
        const sheet = SpreadsheetApp.getActiveSheet();
        const outside = sheet.getRange('B1').setValue('ok').getValue();
        const inside = errorOf(() => sheet.getRange('A3').setValue('no'));
        return [
          outside,
          inside,
          sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation(),
        ];
      },
      { user: COLLEAGUE },
    );
    expect(got).toEqual(['ok', PROTECTED, 'A1:A5']);
    emu.run(({ SpreadsheetApp }) =>
      SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].remove(),
    );
    const after = emu.run(
      ({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A3').setValue('yes').getValue(),
      {
        user: COLLEAGUE,
      },
    );
    expect(after).toBe('yes');
  });

  it('unprotected ranges inside a sheet protection stay editable', () => {
    const emu = newEmulator({ user: OWNER });
    emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet
        .protect()
        .removeEditors([COLLEAGUE])
        .setUnprotectedRanges([sheet.getRange('D1:D10')]);
    });
    const got = emu.run(
      ({ SpreadsheetApp }) => {
        const sheet = SpreadsheetApp.getActiveSheet();
        return [
          sheet.getRange('D2').setValue('input').getValue(),
          errorOf(() => sheet.getRange('A1').setValue('x')),
        ];
      },
      { user: COLLEAGUE },
    );
    expect(got).toEqual(['input', PROTECTED]);
  });
});
