import { DEFAULT_COST_MODEL } from '../../../playground/emulator/cost-model';
import { errorOf, newEmulator } from './support';

const SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

describe('AuthMode decides who may touch the spreadsheet', () => {
  it('AuthMode NONE cannot open the spreadsheet (onOpen before the add-on is enabled in the file)', () => {
    const emu = newEmulator();
    const message = emu.run(({ SpreadsheetApp }) => errorOf(() => SpreadsheetApp.getActiveSpreadsheet()), {
      authMode: 'NONE',
    });
    expect(message).toBe(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ${SCOPE}`,
    );
  });

  it('AuthMode NONE can still reach getUi to add the add-on menu', () => {
    const emu = newEmulator();
    expect(() =>
      emu.run(({ SpreadsheetApp }) => SpreadsheetApp.getUi().createAddonMenu(), { authMode: 'NONE' }),
    ).not.toThrow();
  });

  it('AuthMode LIMITED can read and write the spreadsheet', () => {
    const emu = newEmulator();
    const value = emu.run(
      ({ SpreadsheetApp }) => {
        const cell = SpreadsheetApp.getActiveSheet().getRange('A1');
        cell.setValue('hello');
        return cell.getValue();
      },
      { authMode: 'LIMITED', kind: 'simple-trigger' },
    );
    expect(value).toBe('hello');
  });

  it('AuthMode CUSTOM_FUNCTION can read but not write', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1));
    const got = emu.run(
      ({ SpreadsheetApp }) => {
        const cell = SpreadsheetApp.getActiveSheet().getRange('A1');
        return [cell.getValue(), errorOf(() => cell.setValue(2))];
      },
      { authMode: 'CUSTOM_FUNCTION', kind: 'custom-function' },
    );
    expect(got).toEqual([
      1,
      `You do not have permission to call Range.setValue. Required permissions: ${SCOPE}`,
    ]);
  });

  it('openById is refused: other files need the full spreadsheets scope, not currentonly', () => {
    const emu = newEmulator();
    const message = emu.run(({ SpreadsheetApp }) => errorOf(() => SpreadsheetApp.openById('abc')));
    expect(message).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });
});

describe('Every call is counted and charged', () => {
  it('the execution records calls per method and the cells read and written', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange('A1:C10').setValues(Array.from({ length: 10 }, () => [1, 2, 3]));
      sheet.getRange('A1:C10').getValues();
      sheet.getRange('A1').getValue();
      sheet.getRange('A1:B2').getDisplayValues();
    });
    const rec = emu.executions[0];
    expect(rec.calls).toEqual({
      'SpreadsheetApp.getActiveSheet': 1,
      'Sheet.getRange': 4,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.getValue': 1,
      'Range.getDisplayValues': 1,
    });
    expect(rec.cellsWritten).toBe(30);
    expect(rec.cellsRead).toBe(30 + 1 + 4);
  });

  it('the simulated duration is the sum of the cost model: a fixed cost per round trip plus a per-cell share', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange(1, 1, 100, 10).setValue(5);
      sheet.getRange(1, 1, 100, 10).getValues();
    });
    const c = DEFAULT_COST_MODEL;
    const expected = 3 * c.sheetCallMs + 1000 * c.sheetWritePerCellMs + 1000 * c.sheetReadPerCellMs;
    expect(emu.executions[0].durationMs).toBeCloseTo(expected, 6);
  });

  it('cell-by-cell loops cost far more simulated time than one bulk call, as on the platform', () => {
    const emu = newEmulator();
    emu.run(({ SpreadsheetApp }) => {
      const sheet = SpreadsheetApp.getActiveSheet();
      for (let r = 1; r <= 100; r++) sheet.getRange(r, 1).setValue(r);
    });
    emu.run(({ SpreadsheetApp }) => {
      SpreadsheetApp.getActiveSheet()
        .getRange(1, 1, 100, 1)
        .setValues(Array.from({ length: 100 }, (_, r) => [r]));
    });
    const [loop, bulk] = emu.executions;
    expect(loop.durationMs).toBeGreaterThan(bulk.durationMs * 20);
  });

  it('a long enough run of calls hits the 6-minute limit with "Exceeded maximum execution time"', () => {
    const emu = newEmulator();
    const message = errorOf(() =>
      emu.run(({ SpreadsheetApp }) => {
        const sheet = SpreadsheetApp.getActiveSheet();
        for (let i = 0; i < 20_000; i++) sheet.getRange('A1').getValue();
      }),
    );
    expect(message).toBe('Exceeded maximum execution time');
    expect(emu.executions[0].status).toBe('timed-out');
  });

  it('calls made outside an execution (a test inspecting state) are neither checked nor charged', () => {
    const emu = newEmulator();
    const value = emu.globals.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(3).getValue();
    expect([value, emu.executions.length, emu.clock.now()]).toEqual([3, 0, Date.UTC(2024, 0, 15, 12)]);
  });
});
