/** A1 notation helpers for the formulas and chart ranges the Dashboard writes. */

export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `'Stripe MRR'`: sheet names are always quoted, with quotes doubled, so any title works. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function cellRef(sheet: string, column: number, row: number): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${row}`;
}

export function rangeRef(
  sheet: string,
  column: number,
  firstRow: number,
  lastRow: number,
  lastColumn = column,
): string {
  return `${quoteSheet(sheet)}!${columnLetter(column)}${firstRow}:${columnLetter(lastColumn)}${lastRow}`;
}
