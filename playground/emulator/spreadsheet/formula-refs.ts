/**
 * Rewriting cell references inside formula text, as Sheets does when rows or columns are
 * inserted or deleted, or a sheet is renamed or deleted: `=SUM(B2:B10)` becomes `=SUM(B3:B11)`
 * after a row goes in above, and `=Old!A1` becomes `=New!A1` after a rename. Pure functions.
 */
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

interface RefEnd {
  col?: number;
  row?: number;
  colAbs: boolean;
  rowAbs: boolean;
}

export interface FormulaRef {
  /** The sheet named in the reference (unquoted), or undefined for the formula's own sheet. */
  sheet?: string;
  start: RefEnd;
  /** Present for ranges. */
  end?: RefEnd;
}

const PREFIX = /('(?:[^']|'')+'|[A-Za-z0-9_.\u00c0-\uffff]+)!/y;
const END = /(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?/y;

function isIdentChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_.$\u00c0-\uffff]/.test(ch);
}

function readEnd(text: string, at: number): { end: RefEnd; next: number } | null {
  END.lastIndex = at;
  const m = END.exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined) || m[0].length === 0) return null;
  // `$` before a missing part is not an anchor we can keep: reject "$1A".
  if (m[2] === undefined && m[1] && m[3]) return null;
  const end: RefEnd = {
    colAbs: m[2] !== undefined && m[1] === '$',
    rowAbs: m[4] !== undefined && (m[2] === undefined ? m[1] === '$' : m[3] === '$'),
  };
  if (m[2] !== undefined) end.col = lettersToColumn(m[2].toUpperCase());
  if (m[4] !== undefined) end.row = Number(m[4]);
  return { end, next: at + m[0].length };
}

function parseRefAt(text: string, at: number): { ref: FormulaRef; next: number } | null {
  let pos = at;
  let sheet: string | undefined;
  PREFIX.lastIndex = pos;
  const p = PREFIX.exec(text);
  if (p) {
    const raw = p[1];
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    pos += p[0].length;
  }
  const a = readEnd(text, pos);
  if (!a) return null;
  pos = a.next;
  let end: RefEnd | undefined;
  if (text[pos] === ':') {
    const b = readEnd(text, pos + 1);
    if (b) {
      end = b.end;
      pos = b.next;
    }
  }
  const start = a.end;
  const isCell = start.col !== undefined && start.row !== undefined;
  if (!end && !isCell) return null;
  if (end) {
    const colRange =
      start.row === undefined && end.row === undefined && start.col !== undefined && end.col !== undefined;
    const rowRange =
      start.col === undefined && end.col === undefined && start.row !== undefined && end.row !== undefined;
    // A2:A (open-ended) is a cell followed by a column.
    const openEnded = isCell && end.col !== undefined;
    if (!colRange && !rowRange && !(isCell && (end.row !== undefined || openEnded))) return null;
  }
  const after = text[pos];
  if (isIdentChar(after) || after === '(' || after === '!') return null;
  return { ref: { sheet, start, end }, next: pos };
}

/**
 * Calls `fn` for every reference in a formula; `fn` returns the replacement text, or null to
 * keep the reference as written. String literals are left alone.
 */
export function rewriteRefs(formula: string, fn: (ref: FormulaRef) => string | null): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"'))
        j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isIdentChar(formula[i - 1])) {
      const hit = ch === "'" || /[A-Za-z0-9_$\u00c0-\uffff]/.test(ch) ? parseRefAt(formula, i) : null;
      if (hit) {
        const replacement = fn(hit.ref);
        out += replacement ?? formula.slice(i, hit.next);
        i = hit.next;
        continue;
      }
      // Skip a whole identifier (a function or name) so its tail is not read as a reference.
      if (/[A-Za-z_\u00c0-\uffff]/.test(ch)) {
        let j = i;
        while (j < formula.length && isIdentChar(formula[j])) j++;
        out += formula.slice(i, j);
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** Every reference in a formula, in order. */
export function listRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  rewriteRefs(formula, (ref) => {
    refs.push(ref);
    return null;
  });
  return refs;
}

function endText(e: RefEnd): string {
  let s = '';
  if (e.col !== undefined) s += (e.colAbs ? '$' : '') + columnToLetters(e.col);
  if (e.row !== undefined) s += (e.rowAbs ? '$' : '') + e.row;
  return s;
}

export function refText(ref: FormulaRef): string {
  const prefix = ref.sheet !== undefined ? `${quoteSheetName(ref.sheet)}!` : '';
  return prefix + endText(ref.start) + (ref.end ? `:${endText(ref.end)}` : '');
}

export type Axis = 'row' | 'col';

/**
 * Shifts references to one sheet after rows/columns were inserted (`count` > 0, at `index`) or
 * deleted (`count` < 0, the span starting at `index`). `onSheet` says whether a reference
 * belongs to the changed sheet.
 */
export function shiftRefs(
  formula: string,
  axis: Axis,
  index: number,
  count: number,
  onSheet: (sheet: string | undefined) => boolean,
): string {
  return rewriteRefs(formula, (ref) => {
    if (!onSheet(ref.sheet)) return null;
    const start = { ...ref.start };
    const end = ref.end ? { ...ref.end } : undefined;
    if (count > 0) {
      for (const e of end ? [start, end] : [start]) {
        const v = e[axis];
        if (v !== undefined && v >= index) e[axis] = v + count;
      }
    } else {
      const first = index;
      const last = index - count - 1;
      const n = -count;
      const s = start[axis];
      const t = end ? end[axis] : s;
      if (s === undefined && t === undefined) return null;
      const lo = s ?? 1;
      const hi = t ?? Number.MAX_SAFE_INTEGER;
      if (lo >= first && hi <= last) return '#REF!';
      const shift = (v: number, isEnd: boolean): number => {
        if (v > last) return v - n;
        if (v >= first) return isEnd ? first - 1 : first;
        return v;
      };
      if (s !== undefined) start[axis] = shift(s, false);
      if (end && t !== undefined) end[axis] = shift(t, true);
    }
    const moved = { ...ref, start, end };
    const text = refText(moved);
    return text === refText(ref) ? null : text;
  });
}

/** Renames a sheet in references (`onSheet` matches the old name). */
export function renameSheetRefs(formula: string, oldName: string, newName: string): string {
  const lower = oldName.toLowerCase();
  return rewriteRefs(formula, (ref) =>
    ref.sheet !== undefined && ref.sheet.toLowerCase() === lower ? refText({ ...ref, sheet: newName }) : null,
  );
}

/** References to a deleted sheet become #REF!. */
export function dropSheetRefs(formula: string, name: string): string {
  const lower = name.toLowerCase();
  return rewriteRefs(formula, (ref) =>
    ref.sheet !== undefined && ref.sheet.toLowerCase() === lower ? '#REF!' : null,
  );
}
