/**
 * Formula results, computed by HyperFormula (a dev-only dependency of the playground). One
 * engine per workbook, built lazily the first time a formula's value is read, holding only the
 * sheets that contain formulas and the sheets those formulas name: a 100,000-row data tab that
 * no formula reads never reaches it. Writes to sheets it holds are forwarded with evaluation
 * suspended, so a burst of setValues costs one recalculation at the next read.
 */
import { type CellValue, DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { GridRect } from './a1';
import { type FormulaRef, listRefs } from './formula-refs';
import { type EngineContext, registerGoogleFunctions, toHyperFormulaSyntax } from './google-functions';
import { isFormula, type SheetState, type StoredValue } from './model';

/** What the engine needs from the workbook (kept narrow to avoid an import cycle). */
export interface FormulaHost {
  readonly sheets: SheetState[];
  readonly timeZone: string;
  readonly locale: string;
}

/** A computed value as Apps Script returns it: errors are their `#…` text. */
export type ComputedValue = number | string | boolean;

/** The number format Sheets gives a formula cell whose result is a date, time, percent or currency. */
export type InferredFormat = string | undefined;

/** HyperFormula error codes that Sheets spells differently. */
const ERROR_TEXT: Record<string, string> = {
  '#CYCLE!': '#REF!',
  '#SPILL!': '#REF!',
  '#LIC!': '#ERROR!',
};

const INFERRED_FORMATS: Record<string, string> = {
  NUMBER_DATE: 'M/d/yyyy',
  NUMBER_DATETIME: 'M/d/yyyy H:mm:ss',
  NUMBER_TIME: 'h:mm:ss AM/PM',
  NUMBER_PERCENT: '0.00%',
  NUMBER_CURRENCY: '"$"#,##0.00',
};

/** The part of a sheet the engine holds, 1-based and inclusive; Infinity for whole columns or rows. */
interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const WHOLE: Box = { r1: 1, c1: 1, r2: Number.POSITIVE_INFINITY, c2: Number.POSITIVE_INFINITY };

function refBox(ref: FormulaRef): Box {
  const a = ref.start;
  const b = ref.end ?? ref.start;
  return {
    r1: Math.min(a.row ?? 1, b.row ?? 1),
    c1: Math.min(a.col ?? 1, b.col ?? 1),
    r2: a.row === undefined || b.row === undefined ? Number.POSITIVE_INFINITY : Math.max(a.row, b.row),
    c2: a.col === undefined || b.col === undefined ? Number.POSITIVE_INFINITY : Math.max(a.col, b.col),
  };
}

function union(a: Box | undefined, b: Box): Box {
  if (!a) return { ...b };
  return {
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
    r2: Math.max(a.r2, b.r2),
    c2: Math.max(a.c2, b.c2),
  };
}

function within(inner: Box, outer: Box): boolean {
  return inner.r1 >= outer.r1 && inner.c1 >= outer.c1 && inner.r2 <= outer.r2 && inner.c2 <= outer.c2;
}

/** The part of `rect` inside `box`, clipped to cells that exist in the stored rows. */
function clip(rect: GridRect, box: Box): GridRect | null {
  const r1 = Math.max(rect.row, box.r1);
  const c1 = Math.max(rect.col, box.c1);
  const r2 = Math.min(rect.row + rect.numRows - 1, box.r2);
  const c2 = Math.min(rect.col + rect.numCols - 1, box.c2);
  if (r2 < r1 || c2 < c1) return null;
  return { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 };
}

export class FormulaEngine {
  private hf: HyperFormula | undefined;
  /** Emulator sheet id → HyperFormula sheet id. */
  private readonly hfSheets = new Map<number, number>();
  /** Emulator sheet id → the cells the engine holds for it. */
  private readonly boxes = new Map<number, Box>();
  private readonly context: EngineContext;
  /** The clock NOW() and TODAY() read; the emulator points it at its simulated clock. */
  clock: () => number = () => Date.now();

  constructor(private readonly host: FormulaHost) {
    this.context = {
      now: () => this.clock(),
      timeZone: () => this.host.timeZone,
      locale: () => this.host.locale,
    };
  }

  /** Names of the sheets the engine currently holds (empty until a formula's value is read). */
  heldSheets(): string[] {
    return this.host.sheets.filter((s) => this.hfSheets.has(s.id)).map((s) => s.name);
  }

  /** Forgets the engine; the next read rebuilds it (after structural changes and renames). */
  invalidate(): void {
    this.hf?.destroy();
    this.hf = undefined;
    this.hfSheets.clear();
    this.boxes.clear();
  }

  /** Tells the engine that cells changed. */
  onWrite(sheet: SheetState, rect: GridRect, wroteFormula: boolean): void {
    const hf = this.hf;
    if (!hf) return;
    const box = this.boxes.get(sheet.id);
    if (box === undefined || (wroteFormula && (box !== WHOLE || this.needsMore(sheet, rect)))) {
      if (wroteFormula) this.invalidate();
      return;
    }
    const part = clip(rect, box);
    if (!part) return;
    if (!hf.isEvaluationSuspended()) hf.suspendEvaluation();
    hf.setCellContents(
      { sheet: this.hfSheets.get(sheet.id)!, row: part.row - 1, col: part.col - 1 },
      contentOf(sheet, part),
    );
  }

  /** The computed value of a formula cell (0-based coordinates). */
  value(sheet: SheetState, row: number, col: number): ComputedValue {
    const { hf, id } = this.ready(sheet);
    return toComputed(hf.getCellValue({ sheet: id, row, col }));
  }

  /** The format Sheets infers for a formula's result (dates from NOW(), DATE(), date arithmetic…). */
  inferredFormat(sheet: SheetState, row: number, col: number): InferredFormat {
    const { hf, id } = this.ready(sheet);
    return INFERRED_FORMATS[hf.getCellValueDetailedType({ sheet: id, row, col }) as string];
  }

  private ready(sheet: SheetState): { hf: HyperFormula; id: number } {
    if (!this.hf) this.build();
    const hf = this.hf!;
    if (hf.isEvaluationSuspended()) hf.resumeEvaluation();
    const id = this.hfSheets.get(sheet.id);
    if (id === undefined) throw new Error(`Sheet ${sheet.name} holds no formulas`);
    return { hf, id };
  }

  /** Whether formulas just written read cells the engine does not hold. */
  private needsMore(sheet: SheetState, rect: GridRect): boolean {
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = rect.col - 1; c < rect.col - 1 + rect.numCols; c++) {
        const v = row[c];
        if (!isFormula(v)) continue;
        for (const ref of listRefs(v.f)) {
          const target = ref.sheet === undefined ? sheet : this.sheetNamed(ref.sheet);
          if (!target) continue;
          const box = this.boxes.get(target.id);
          if (!box || !within(refBox(ref), box)) return true;
        }
      }
    }
    return false;
  }

  private sheetNamed(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.host.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /**
   * Loads sheets with formulas whole, and of the other sheets only the cells formulas name
   * (`SUM(Data!B:B)` loads column B of Data, not all 30 columns of it).
   */
  private build(): void {
    registerGoogleFunctions();
    const boxes = new Map<SheetState, Box>();
    for (const sheet of this.host.sheets) if (sheet.formulaCount > 0) boxes.set(sheet, WHOLE);
    for (const sheet of this.host.sheets) {
      if (sheet.formulaCount === 0) continue;
      for (const row of sheet.rows) {
        if (!row) continue;
        for (const v of row) {
          if (!isFormula(v)) continue;
          for (const ref of listRefs(v.f)) {
            const target = ref.sheet === undefined ? sheet : this.sheetNamed(ref.sheet);
            if (!target || boxes.get(target) === WHOLE) continue;
            boxes.set(target, union(boxes.get(target), refBox(ref)));
          }
        }
      }
    }
    const hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      maxRows: 10_000_000,
      maxColumns: 18_278,
      undoLimit: 0,
      smartRounding: false,
      useArrayArithmetic: false,
      context: this.context,
    });
    this.hf = hf;
    for (const sheet of this.host.sheets) {
      const box = boxes.get(sheet);
      if (!box) continue;
      const name = hf.addSheet(sheet.name);
      this.hfSheets.set(sheet.id, hf.getSheetId(name)!);
      this.boxes.set(sheet.id, box);
    }
    hf.batch(() => {
      for (const sheet of this.host.sheets) {
        const box = boxes.get(sheet);
        if (!box) continue;
        const used = { row: 1, col: 1, numRows: sheet.rows.length, numCols: widest(sheet) };
        const part = used.numRows && used.numCols ? clip(used, box) : null;
        if (part) {
          hf.setCellContents(
            { sheet: this.hfSheets.get(sheet.id)!, row: part.row - 1, col: part.col - 1 },
            contentOf(sheet, part),
          );
        }
      }
    });
  }
}

function widest(sheet: SheetState): number {
  let w = 0;
  for (const row of sheet.rows) if (row && row.length > w) w = row.length;
  return w;
}

function toRaw(v: StoredValue): RawCellContent {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return `'${v}`;
  if (typeof v === 'object') return toHyperFormulaSyntax(v.f);
  return v;
}

function contentOf(sheet: SheetState, rect: GridRect): RawCellContent[][] {
  const out: RawCellContent[][] = new Array(rect.numRows);
  for (let i = 0; i < rect.numRows; i++) {
    const row = sheet.rows[rect.row - 1 + i];
    const line: RawCellContent[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++) line[j] = row ? toRaw(row[rect.col - 1 + j]) : null;
    out[i] = line;
  }
  return out;
}

function toComputed(v: CellValue): ComputedValue {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return ERROR_TEXT[v.value] ?? v.value;
  return v as ComputedValue;
}
