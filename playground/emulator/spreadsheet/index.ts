// PLACEHOLDER: replaced by the spreadsheet emulation (SpreadsheetApp, Charts).
import type { Emulator } from '../emulator';

export interface WorkbookInit {
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
}

export class WorkbookState {
  constructor(readonly init: WorkbookInit) {}
  toJSON(): unknown {
    return { init: this.init };
  }
  static fromJSON(json: unknown): WorkbookState {
    return new WorkbookState((json as { init: WorkbookInit }).init);
  }
}

export function createSpreadsheetApp(_emu: Emulator): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return {} as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

export function createCharts(_emu: Emulator): GoogleAppsScript.Charts.Charts {
  return {} as GoogleAppsScript.Charts.Charts;
}
