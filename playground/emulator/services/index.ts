// PLACEHOLDER: replaced by the emulation of the non-spreadsheet services.
import type { Gas } from '../../../src/platform/gas';
import type { Emulator } from '../emulator';
import type { Execution } from '../execution';

export class ServicesState {
  toJSON(): unknown {
    return {};
  }
  static fromJSON(_json: unknown): ServicesState {
    return new ServicesState();
  }
  /** Called when an execution ends: releases its locks. */
  endExecution(_emu: Emulator, _exec: Execution): void {}
}

export function createServices(emu: Emulator): Omit<Gas, 'SpreadsheetApp' | 'Charts'> & { console: Console } {
  const ui = {
    createAddonMenu: () => {
      emu.call('Ui', 'createAddonMenu', 'menu', 0);
      const menu = { addItem: () => menu, addSeparator: () => menu, addToUi: () => undefined };
      return menu;
    },
  };
  void ui;
  return {
    Logger: { log: (...args: unknown[]) => console.log(...args) } as unknown as GoogleAppsScript.Base.Logger,
    console,
  } as unknown as Omit<Gas, 'SpreadsheetApp' | 'Charts'> & { console: Console };
}
