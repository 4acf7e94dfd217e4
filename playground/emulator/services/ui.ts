/**
 * The spreadsheet's Ui (https://developers.google.com/apps-script/reference/base/ui), reached
 * through SpreadsheetApp.getUi(). Nothing is drawn: menus, the open sidebar, dialogs and alerts
 * are recorded in the services state for tests and the playground, and alerts and prompts return
 * answers a test queued (by default the first button of the set: OK, or YES).
 *
 * Menus may be built in AuthMode.NONE (capability 'menu'); everything that shows something needs
 * FULL (capability 'ui'), per the editor add-on authorization table.
 */
import type { Emulator } from '../emulator';
import { ButtonEnum, ButtonSetEnum, enumName } from './enums';

export type MenuItemRecord =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuItemRecord[] };

export interface MenuRecord {
  /** null for the add-on menu, which Sheets titles with the add-on's name. */
  caption: string | null;
  addOn: boolean;
  user: string;
  items: MenuItemRecord[];
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
  user: string;
  at: number;
  executionId?: number;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttonSet: string;
  answer: { button: string; text?: string };
  user: string;
  at: number;
}

export interface QueuedAnswer {
  button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

const MAX_KEPT = 200;

export class UiData {
  constructor(
    readonly menus: MenuRecord[] = [],
    public sidebar: ShownHtml | null = null,
    readonly shown: ShownHtml[] = [],
    readonly alerts: AlertRecord[] = [],
    readonly queue: QueuedAnswer[] = [],
  ) {}

  /** Queues the user's answer to the next alert or prompt. */
  queueAnswer(answer: QueuedAnswer): void {
    this.queue.push(answer);
  }

  show(record: ShownHtml): void {
    if (record.kind === 'sidebar') this.sidebar = record;
    this.shown.push(record);
    if (this.shown.length > MAX_KEPT) this.shown.splice(0, this.shown.length - MAX_KEPT);
  }

  addAlert(record: AlertRecord): void {
    this.alerts.push(record);
    if (this.alerts.length > MAX_KEPT) this.alerts.splice(0, this.alerts.length - MAX_KEPT);
  }

  /** Running onOpen again rebuilds a menu: the new one replaces the old. */
  installMenu(menu: MenuRecord): void {
    const i = this.menus.findIndex(
      (m) => m.caption === menu.caption && m.addOn === menu.addOn && m.user === menu.user,
    );
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  toJSON() {
    return structuredClone({
      menus: this.menus,
      sidebar: this.sidebar,
      shown: this.shown,
      alerts: this.alerts,
      queue: this.queue,
    });
  }

  static fromJSON(json: unknown): UiData {
    const j = (json ?? {}) as Partial<ReturnType<UiData['toJSON']>>;
    const c = structuredClone(j);
    return new UiData(c.menus ?? [], c.sidebar ?? null, c.shown ?? [], c.alerts ?? [], c.queue ?? []);
  }
}

interface MenuBuilder {
  addItem(caption: string, functionName: string): MenuBuilder;
  addSeparator(): MenuBuilder;
  addSubMenu(menu: MenuBuilder): MenuBuilder;
  addToUi(): void;
  readonly __items: MenuItemRecord[];
  readonly __caption: string | null;
}

function createMenu(emu: Emulator, caption: string | null, addOn: boolean): MenuBuilder {
  const items: MenuItemRecord[] = [];
  const use = (method: string) => emu.call('Menu', method, 'menu', emu.costs.localMs);
  const menu: MenuBuilder = {
    __items: items,
    __caption: caption,
    addItem(itemCaption: string, functionName: string) {
      use('addItem');
      items.push({ kind: 'item', caption: String(itemCaption), functionName: String(functionName) });
      return menu;
    },
    addSeparator() {
      use('addSeparator');
      items.push({ kind: 'separator' });
      return menu;
    },
    addSubMenu(sub: MenuBuilder) {
      use('addSubMenu');
      items.push({
        kind: 'submenu',
        caption: String(sub.__caption ?? ''),
        items: structuredClone(sub.__items),
      });
      return menu;
    },
    addToUi() {
      use('addToUi');
      emu.services.ui.installMenu({ caption, addOn, user: emu.activeUser(), items: structuredClone(items) });
    },
  };
  return menu;
}

interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number | null;
  getHeight?(): number | null;
}

const BUTTONS_OF_SET: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export function createUi(emu: Emulator): GoogleAppsScript.Base.Ui {
  const useUi = (method: string) => emu.call('Ui', method, 'ui', emu.costs.localMs);

  const show = (kind: ShownHtml['kind'], html: HtmlLike, title?: string) => {
    emu.services.ui.show({
      kind,
      title: String(title ?? html.getTitle?.() ?? ''),
      html: html.getContent(),
      width: html.getWidth?.() ?? null,
      height: html.getHeight?.() ?? null,
      user: emu.activeUser(),
      at: emu.clock.now(),
      executionId: emu.current()?.id,
    });
  };

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons); same for prompt. */
  const ask = (kind: 'alert' | 'prompt', args: unknown[]) => {
    let title: string | null = null;
    let prompt: string;
    let set = 'OK';
    if (args.length >= 3) {
      title = String(args[0]);
      prompt = String(args[1]);
      set = enumName(args[2]) ?? 'OK';
    } else if (args.length === 2) {
      prompt = String(args[0]);
      set = enumName(args[1]) ?? 'OK';
    } else prompt = String(args[0] ?? '');
    if (kind === 'prompt' && args.length < 2) set = 'OK';
    const queued = emu.services.ui.queue.shift();
    const button = queued?.button ?? BUTTONS_OF_SET[set]?.[0] ?? 'OK';
    const text = kind === 'prompt' ? (queued?.text ?? '') : undefined;
    emu.services.ui.addAlert({
      kind,
      title,
      prompt,
      buttonSet: set,
      answer: text === undefined ? { button } : { button, text },
      user: emu.activeUser(),
      at: emu.clock.now(),
    });
    return { button: ButtonEnum[button as keyof typeof ButtonEnum] ?? ButtonEnum.OK, text: text ?? '' };
  };

  return {
    Button: ButtonEnum,
    ButtonSet: ButtonSetEnum,
    createAddonMenu() {
      emu.call('Ui', 'createAddonMenu', 'menu', emu.costs.localMs);
      return createMenu(emu, null, true);
    },
    createMenu(caption: string) {
      emu.call('Ui', 'createMenu', 'menu', emu.costs.localMs);
      return createMenu(emu, String(caption), false);
    },
    showSidebar(userInterface: HtmlLike) {
      useUi('showSidebar');
      show('sidebar', userInterface);
    },
    showModalDialog(userInterface: HtmlLike, title: string) {
      useUi('showModalDialog');
      show('modal', userInterface, title);
    },
    showModelessDialog(userInterface: HtmlLike, title: string) {
      useUi('showModelessDialog');
      show('modeless', userInterface, title);
    },
    alert(...args: unknown[]) {
      useUi('alert');
      return ask('alert', args).button;
    },
    prompt(...args: unknown[]) {
      useUi('prompt');
      const r = ask('prompt', args);
      return { getResponseText: () => r.text, getSelectedButton: () => r.button };
    },
  } as unknown as GoogleAppsScript.Base.Ui;
}
