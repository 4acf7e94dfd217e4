// PLACEHOLDER: replaced by the Ui emulation (menus, sidebar, alerts recorded).
import type { Emulator } from '../emulator';

export function createUi(emu: Emulator): GoogleAppsScript.Base.Ui {
  const menu = {
    addItem: () => menu,
    addSeparator: () => menu,
    addToUi: () => undefined,
  };
  return {
    createAddonMenu: () => {
      emu.call('Ui', 'createAddonMenu', 'menu', 0);
      return menu;
    },
  } as unknown as GoogleAppsScript.Base.Ui;
}
