import type { CellValue } from './typing';

/** Google Sheets refuses more than 50,000 characters in one cell. */
export const CELL_CHAR_LIMIT = 50_000;

/** What setValues receives: Sheets treats null and '' alike (an empty cell). */
export type WritableCell = string | number | boolean | Date;

/**
 * Text Sheets would not keep as typed: a formula (`=`), a sign or `@` that the UI reads as one,
 * `'` (which Sheets itself swallows), `#` error literals (#N/A), anything with a digit (numbers,
 * dates, times, percentages, currency, "00123"), booleans, and surrounding spaces (" 12"
 * becomes 12). Erring on the side of quoting costs nothing: the apostrophe is invisible and
 * getValues does not return it.
 */
const MIGHT_BE_REINTERPRETED = /^[=+\-@'#]|\d|^\s|\s$|^(true|false|nan|infinity)$/i;

/**
 * Text as it will read back from the cell: itself, or, when longer than a cell holds, its start
 * plus a visible marker that says how much was cut. Never splits a surrogate pair.
 */
export function cutText(text: string): string {
  // One character of room for the apostrophe that quoting may add.
  if (text.length <= CELL_CHAR_LIMIT - 1 || (text.length <= CELL_CHAR_LIMIT && !needsQuote(text)))
    return text;
  const marker = (kept: number) => `… [cut by Tapdash: ${text.length - kept} more characters]`;
  // marker(0) shows the largest count the marker can show, so the result always fits.
  let keep = CELL_CHAR_LIMIT - 1 - marker(0).length;
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
  return text.slice(0, keep) + marker(keep);
}

export function needsQuote(text: string): boolean {
  return text !== '' && MIGHT_BE_REINTERPRETED.test(text);
}

/**
 * The value to hand to setValues so that the cell reads back as exactly `cutText(text)`, as
 * text, never as a formula.
 */
export function safeText(text: string): string {
  const kept = cutText(text);
  return needsQuote(kept) ? `'${kept}` : kept;
}

/** Any cell value, made safe to write: text is quoted and cut, everything else passes through. */
export function toWritable(value: CellValue): WritableCell {
  if (value === null) return '';
  if (typeof value === 'string') return safeText(value);
  return value;
}
