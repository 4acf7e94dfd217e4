/**
 * The SpreadsheetApp and Charts globals the emulator hands to scripts.
 */
import type { Emulator } from '../emulator';
import { createUi } from '../services/ui';
import { Calls } from './calls';
import { CHARTS_ENUMS, TextStyleBuilder } from './chart-builder';
import { fail } from './messages';
import { rangeFromA1, SheetApi } from './sheet-api';
import { SpreadsheetApi } from './spreadsheet-api';

function stringEnum<T extends string>(names: readonly T[]): { readonly [K in T]: K } {
  const out = {} as { [K in T]: K };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** SpreadsheetApp enums, as plain strings (their toString() in Apps Script is the same name). */
export const SPREADSHEET_ENUMS = {
  ProtectionType: stringEnum(['RANGE', 'SHEET'] as const),
  BorderStyle: stringEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const),
  Dimension: stringEnum(['COLUMNS', 'ROWS'] as const),
  WrapStrategy: stringEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const),
  SheetType: stringEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const),
  HorizontalAlignment: stringEnum(['LEFT', 'CENTER', 'NORMAL', 'RIGHT'] as const),
  VerticalAlignment: stringEnum(['TOP', 'MIDDLE', 'BOTTOM'] as const),
};

const SCOPE_FULL = 'https://www.googleapis.com/auth/spreadsheets';

export function createSpreadsheetApp(emu: Emulator): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const calls = new Calls(emu);
  // NOW() and TODAY() in formulas read the simulated clock.
  emu.workbook.formulas.clock = () => emu.clock.now();
  const spreadsheet = () => new SpreadsheetApi(calls) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const app = {
    ...SPREADSHEET_ENUMS,
    getActive() {
      calls.read('SpreadsheetApp', 'getActive');
      return spreadsheet();
    },
    getActiveSpreadsheet() {
      calls.read('SpreadsheetApp', 'getActiveSpreadsheet');
      return spreadsheet();
    },
    getActiveSheet() {
      calls.read('SpreadsheetApp', 'getActiveSheet');
      return new SheetApi(calls, emu.workbook.activeSheet());
    },
    getActiveRange() {
      calls.read('SpreadsheetApp', 'getActiveRange');
      return rangeFromA1(calls, emu.workbook.activeSheet(), 'A1');
    },
    setActiveSheet(sheet: SheetApi) {
      calls.read('SpreadsheetApp', 'setActiveSheet');
      emu.workbook.activeSheetId = calls.live(sheet.state).id;
      return sheet;
    },
    /** Writes are applied at once in the emulator, so flush only costs its round trip. */
    flush() {
      calls.read('SpreadsheetApp', 'flush');
    },
    getUi() {
      emu.call('SpreadsheetApp', 'getUi', 'menu', emu.costs.localMs);
      return createUi(emu);
    },
    /** Other files need the full spreadsheets scope, which an add-on on spreadsheets.currentonly lacks. */
    openById(_id: string) {
      return fail(
        `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPE_FULL}`,
      );
    },
    openByUrl(_url: string) {
      return fail(
        `You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: ${SCOPE_FULL}`,
      );
    },
  };
  return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export function createCharts(emu: Emulator): GoogleAppsScript.Charts.Charts {
  const charts = {
    ...CHARTS_ENUMS,
    newTextStyle() {
      emu.call('Charts', 'newTextStyle', 'local', emu.costs.localMs);
      return new TextStyleBuilder();
    },
  };
  return charts as unknown as GoogleAppsScript.Charts.Charts;
}
