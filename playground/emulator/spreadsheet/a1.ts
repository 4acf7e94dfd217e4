/**
 * A1 notation: column letters, cell and range references, sheet-name quoting. Pure functions,
 * 1-based coordinates as Apps Script uses them.
 */

/** A rectangle of cells, 1-based and inclusive of its first row and column. */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/**
 * How a range was named, so getA1Notation can give it back the way Sheets does: `A:C` stays a
 * whole-column reference and `1:3` a whole-row one.
 */
export type RangeShape = 'cells' | 'columns' | 'rows';

export function columnToLetters(col: number): string {
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) & 0x1f);
  return col;
}

export function cellToA1(row: number, col: number): string {
  return columnToLetters(col) + row;
}

export function rectToA1(rect: GridRect, shape: RangeShape = 'cells'): string {
  const lastRow = rect.row + rect.numRows - 1;
  const lastCol = rect.col + rect.numCols - 1;
  if (shape === 'columns') return `${columnToLetters(rect.col)}:${columnToLetters(lastCol)}`;
  if (shape === 'rows') return `${rect.row}:${lastRow}`;
  if (rect.numRows === 1 && rect.numCols === 1) return cellToA1(rect.row, rect.col);
  return `${cellToA1(rect.row, rect.col)}:${cellToA1(lastRow, lastCol)}`;
}

/** Sheet names need quotes in references unless they are plain identifiers (Sheets' own rule). */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'My tab'!A1:B2` into the sheet name (unquoted) and the reference. */
export function splitSheetPrefix(notation: string): { sheetName?: string; ref: string } {
  const text = notation.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i] === "'" && text[i + 1] === '!') return { sheetName: name, ref: text.slice(i + 2) };
    return { ref: text };
  }
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheetName: text.slice(0, bang), ref: text.slice(bang + 1) };
  return { ref: text };
}

interface RefEnd {
  col?: number;
  row?: number;
}

function parseEnd(text: string): RefEnd | null {
  const m = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const end: RefEnd = {};
  if (m[1]) end.col = lettersToColumn(m[1].toUpperCase());
  if (m[2]) {
    end.row = Number(m[2]);
    if (end.row < 1) return null;
  }
  return end;
}

/**
 * Resolves a reference without its sheet prefix (`B2`, `A1:C3`, `A:C`, `2:4`, `A2:C`) against
 * a sheet's size. Returns null when the text is not a reference.
 */
export function parseRangeRef(
  ref: string,
  maxRows: number,
  maxCols: number,
): { rect: GridRect; shape: RangeShape } | null {
  const parts = ref.trim().split(':');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0]);
  const b = parts.length === 2 ? parseEnd(parts[1]) : a;
  if (!a || !b) return null;
  if (parts.length === 1 && (a.col === undefined || a.row === undefined)) return null;
  const colOnly = a.row === undefined && b.row === undefined;
  const rowOnly = a.col === undefined && b.col === undefined;
  if (colOnly && (a.col === undefined || b.col === undefined)) return null;
  if (rowOnly && (a.row === undefined || b.row === undefined)) return null;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  // An open end (`A2:C`) runs to the last row or column of the sheet.
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return {
    rect: { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 },
    shape: colOnly ? 'columns' : rowOnly ? 'rows' : 'cells',
  };
}
