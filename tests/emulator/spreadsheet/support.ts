import { Emulator, type EmulatorOptions, type GasGlobals } from '../../../playground/emulator/emulator';

/** 2024-01-15 12:00 UTC: a Monday, in standard time for New York. */
export const T0 = Date.UTC(2024, 0, 15, 12);

export function newEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator({ realCpu: false, now: T0, ...options });
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Runs `fn` in one FULL execution with the active spreadsheet and its first sheet. */
export function withSheet<T>(
  fn: (sheet: Sheet, ss: Spreadsheet, gas: GasGlobals) => T,
  options: EmulatorOptions = {},
): T {
  const emu = newEmulator(options);
  return emu.run((gas) => {
    const ss = gas.SpreadsheetApp.getActiveSpreadsheet();
    return fn(ss.getSheets()[0], ss, gas);
  });
}

/** The error message a call throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected the call to throw');
}
