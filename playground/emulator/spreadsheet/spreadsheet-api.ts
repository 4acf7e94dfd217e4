/**
 * Spreadsheet: the file. Tabs in order, the active tab, name, id, URL, time zone and locale.
 */
import type { Calls } from './calls';
import { isValidTimeZone } from './dates';
import { fail, MSG } from './messages';
import { SheetState } from './model';
import { ProtectionApi, type UserApi, userFor } from './protection-api';
import type { RangeApi } from './range-api';
import { rangeFromA1, SheetApi } from './sheet-api';
import { checkCellLimit, dropSheetFromFormulas } from './structure';

const SVC = 'Spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A toast shown with Spreadsheet.toast (kept for the playground to display). */
export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export class SpreadsheetApi {
  constructor(private readonly calls: Calls) {}

  private get wb() {
    return this.calls.wb;
  }

  private read(method: string): void {
    this.calls.read(SVC, method);
  }

  private write(method: string): void {
    this.calls.write(SVC, method);
  }

  private wrap(sheet: SheetState): GasSheet {
    return new SheetApi(this.calls, sheet) as unknown as GasSheet;
  }

  private unwrap(sheet: unknown): SheetState {
    const state = (sheet as SheetApi)?.state;
    if (!(state instanceof SheetState)) fail(MSG.signature('Object', 'Spreadsheet.setActiveSheet'));
    return this.calls.live(state);
  }

  getId(): string {
    this.read('getId');
    return this.wb.id;
  }

  getName(): string {
    this.read('getName');
    return this.wb.name;
  }

  rename(newName: string): void {
    this.write('rename');
    this.wb.name = String(newName);
  }

  getUrl(): string {
    this.read('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.wb.id}/edit`;
  }

  getOwner(): UserApi {
    this.read('getOwner');
    return userFor(this.wb.owner);
  }

  getEditors(): UserApi[] {
    this.read('getEditors');
    return [userFor(this.wb.owner)];
  }

  getSpreadsheetTimeZone(): string {
    this.read('getSpreadsheetTimeZone');
    return this.wb.timeZone;
  }

  /** Changing the zone does not move stored serials: date cells keep their wall-clock text. */
  setSpreadsheetTimeZone(timeZone: string): void {
    this.write('setSpreadsheetTimeZone');
    if (!isValidTimeZone(timeZone)) fail(MSG.invalidTimeZone(timeZone));
    this.wb.timeZone = timeZone;
    this.wb.formulas.invalidate();
  }

  getSpreadsheetLocale(): string {
    this.read('getSpreadsheetLocale');
    return this.wb.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.write('setSpreadsheetLocale');
    this.wb.locale = String(locale);
  }

  getSheets(): GasSheet[] {
    this.read('getSheets');
    return this.wb.sheets.map((s) => this.wrap(s));
  }

  getNumSheets(): number {
    this.read('getNumSheets');
    return this.wb.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    this.read('getSheetByName');
    const sheet = this.wb.sheetByName(String(name));
    return sheet ? this.wrap(sheet) : null;
  }

  getSheetById(id: number): GasSheet | null {
    this.read('getSheetById');
    const sheet = this.wb.sheetById(Number(id));
    return sheet ? this.wrap(sheet) : null;
  }

  getActiveSheet(): GasSheet {
    this.read('getActiveSheet');
    return this.wrap(this.wb.activeSheet());
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.read('setActiveSheet');
    const state = this.unwrap(sheet);
    this.wb.activeSheetId = state.id;
    return this.wrap(state);
  }

  /** Moves the active sheet to a 1-based position. */
  moveActiveSheet(pos: number): void {
    this.write('moveActiveSheet');
    const active = this.wb.activeSheet();
    const sheets = this.wb.sheets.filter((s) => s !== active);
    const index = Math.min(Math.max(1, Math.trunc(pos)), sheets.length + 1) - 1;
    sheets.splice(index, 0, active);
    this.wb.sheets = sheets;
  }

  /**
   * insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index): a new
   * 1000 × 26 tab, which becomes the active one. `index` is 0-based.
   */
  insertSheet(nameOrIndex?: string | number, index?: number): GasSheet {
    this.write('insertSheet');
    let name: string | undefined;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number') at = nameOrIndex;
    else if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      at = index;
    }
    if (name !== undefined && this.wb.sheetByName(name)) fail(MSG.sheetNameTaken(name));
    const sheet = new SheetState(this.wb.newSheetId(), name ?? this.defaultName());
    checkCellLimit(this.wb, sheet.maxRows * sheet.maxCols);
    const pos =
      at === undefined ? this.wb.sheets.length : Math.min(Math.max(0, Math.trunc(at)), this.wb.sheets.length);
    this.wb.sheets.splice(pos, 0, sheet);
    this.wb.activeSheetId = sheet.id;
    // A new tab can satisfy formulas that named it before it existed.
    if (this.wb.sheets.some((s) => s.formulaCount > 0)) this.wb.formulas.invalidate();
    return this.wrap(sheet);
  }

  private defaultName(): string {
    for (let n = this.wb.sheets.length + 1; ; n++) if (!this.wb.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }

  deleteSheet(sheet: GasSheet): void {
    this.write('deleteSheet');
    const state = this.unwrap(sheet);
    if (this.wb.sheets.length <= 1) fail(MSG.removeAll);
    if (!state.hidden && this.wb.sheets.filter((s) => !s.hidden).length <= 1) fail(MSG.removeAllVisible);
    this.wb.sheets = this.wb.sheets.filter((s) => s !== state);
    dropSheetFromFormulas(this.wb, state.name);
    if (this.wb.activeSheetId === state.id) this.wb.activeSheetId = this.wb.activeSheet().id;
  }

  deleteActiveSheet(): GasSheet {
    const active = this.wrap(this.wb.activeSheet());
    this.deleteSheet(active);
    return this.wrap(this.wb.activeSheet());
  }

  /** `Sheet!A1:B2`, or A1 notation on the active sheet. */
  getRange(a1Notation: string): RangeApi {
    this.read('getRange');
    return rangeFromA1(this.calls, this.wb.activeSheet(), a1Notation);
  }

  /** Named ranges are not emulated. */
  getRangeByName(_name: string): null {
    this.read('getRangeByName');
    return null;
  }

  getProtections(type: string): ProtectionApi[] {
    this.read('getProtections');
    const out: ProtectionApi[] = [];
    for (const sheet of this.wb.sheets) {
      for (const p of sheet.protections)
        if (p.type === String(type)) out.push(new ProtectionApi(this.calls, sheet, p));
    }
    return out;
  }

  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.read('toast');
    this.wb.toasts.push({
      message: String(message ?? ''),
      title: String(title ?? ''),
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this.calls.emu.clock.now(),
    });
    if (this.wb.toasts.length > 50) this.wb.toasts.splice(0, this.wb.toasts.length - 50);
  }
}
