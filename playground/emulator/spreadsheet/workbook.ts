/**
 * WorkbookState: the one spreadsheet the emulator holds (sheets in tab order, time zone, locale,
 * owner, shared style table, formula engine). It is plain state with no Apps Script surface;
 * the API objects in this folder read and change it.
 */
import { FormulaEngine } from './formula-engine';
import { SheetState } from './model';
import { type CellStyle, StyleTable } from './styles';

export interface WorkbookInit {
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  /** The spreadsheet id; derived from the name and owner when omitted (stable across runs). */
  id?: string;
}

/** Sheets' cap on the cells of a spreadsheet, counting max rows × max columns of every tab. */
export const MAX_CELLS = 10_000_000;
/** Column ZZZ. */
export const MAX_COLUMNS = 18_278;

export class WorkbookState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  owner: string;
  sheets: SheetState[] = [];
  activeSheetId = 0;
  styles: StyleTable;
  readonly formulas: FormulaEngine;
  /**
   * The Date constructor getValues uses. A script loaded in a vm context (the bundle tests) has
   * its own Date, and `value instanceof Date` must hold there as it does in Apps Script.
   */
  dateConstructor: DateConstructor = Date;
  /** Toasts shown with Spreadsheet.toast, newest last (UI only: not saved). */
  readonly toasts: { message: string; title: string; timeoutSeconds: number; at: number }[] = [];
  private seed: number;
  private nextObjectId = 1;

  constructor(init: WorkbookInit) {
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.owner = init.owner;
    this.id = init.id ?? spreadsheetIdFor(`${init.name}|${init.owner}`);
    this.seed = hash(this.id) || 1;
    this.styles = new StyleTable();
    this.formulas = new FormulaEngine(this);
    // A new spreadsheet has one 1000 × 26 tab called Sheet1 whose id (gid) is 0.
    this.sheets.push(new SheetState(0, 'Sheet1'));
  }

  /** The same WorkbookInit this state would be created from (used by the emulator snapshot). */
  get init(): WorkbookInit {
    return { name: this.name, timeZone: this.timeZone, locale: this.locale, owner: this.owner, id: this.id };
  }

  sheetById(id: number): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Sheet names are matched without regard to case, as Sheets does. */
  sheetByName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  activeSheet(): SheetState {
    const active = this.sheetById(this.activeSheetId);
    if (active && !active.hidden) return active;
    return this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
  }

  /** Cells counted against the 10,000,000 limit. */
  totalCells(): number {
    let total = 0;
    for (const s of this.sheets) total += s.maxRows * s.maxCols;
    return total;
  }

  /** A fresh sheet id (gid): random-looking like Sheets' own, but reproducible. */
  newSheetId(): number {
    let id: number;
    do {
      this.seed = (Math.imul(this.seed, 1_103_515_245) + 12_345) >>> 0;
      id = (this.seed % 2_000_000_000) + 1;
    } while (this.sheetById(id));
    return id;
  }

  /** Ids for charts, images and protections (unique within the spreadsheet). */
  newObjectId(): number {
    return this.nextObjectId++;
  }

  style(id: number | null | undefined): CellStyle {
    return this.styles.get(id);
  }

  toJSON(): unknown {
    return {
      version: 1,
      init: this.init,
      activeSheetId: this.activeSheetId,
      seed: this.seed,
      nextObjectId: this.nextObjectId,
      styles: this.styles.toJSON(),
      sheets: this.sheets.map((s) => s.toJSON()),
    };
  }

  static fromJSON(json: unknown): WorkbookState {
    const j = json as {
      init: WorkbookInit;
      activeSheetId?: number;
      seed?: number;
      nextObjectId?: number;
      styles?: CellStyle[];
      sheets?: unknown[];
    };
    const wb = new WorkbookState(j.init);
    if (j.sheets) wb.sheets = j.sheets.map((s) => SheetState.fromJSON(s));
    wb.activeSheetId = j.activeSheetId ?? wb.sheets[0]?.id ?? 0;
    wb.seed = j.seed ?? wb.seed;
    wb.nextObjectId = j.nextObjectId ?? wb.nextObjectId;
    wb.styles = StyleTable.fromJSON(j.styles);
    return wb;
  }
}

function hash(text: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619) >>> 0;
  return h >>> 0;
}

/** A 44-character id in the alphabet Google uses for spreadsheet ids. */
function spreadsheetIdFor(seedText: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let h = hash(seedText) || 1;
  let id = '1';
  while (id.length < 44) {
    h = (Math.imul(h, 1_664_525) + 1_013_904_223) >>> 0;
    id += alphabet[h >>> 26];
  }
  return id;
}
