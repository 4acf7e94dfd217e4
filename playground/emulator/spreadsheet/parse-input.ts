/**
 * How Sheets reads a string written with setValue(s): the same way the UI reads typed input.
 * Numbers (with grouping, currency, percent, exponent), TRUE/FALSE, dates and times become
 * typed values, often with a number format picked from the input; `=` starts a formula; a
 * leading apostrophe keeps the rest as literal text. Anything else stays text.
 */
import { fieldsToSerial, isRealDate } from './dates';
import { localeSymbols } from './locale';

export interface FormulaCell {
  f: string;
}

/** A parsed value and, when the input implies one, the number format Sheets would give the cell. */
export interface ParsedInput {
  value: number | string | boolean | FormulaCell;
  format: string | undefined;
}

const numberPatterns = new Map<string, RegExp>();

function numberPattern(locale: string): RegExp {
  let re = numberPatterns.get(locale);
  if (!re) {
    const { decimal, group } = localeSymbols(locale);
    const d = escapeRe(decimal);
    const g = group === '\u202f' ? '[\\u202f\\u00a0 ]' : escapeRe(group);
    // sign, optional currency, digits (plain or grouped in threes), decimals, exponent, percent.
    re = new RegExp(
      `^([+-])?(\\$)?([+-])?(\\d+|\\d{1,3}(?:${g}\\d{3})+)?(?:${d}(\\d*))?(?:[eE]([+-]?\\d+))?(%)?$`,
    );
    numberPatterns.set(locale, re);
  }
  return re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ISO_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?: ?([AaPp][Mm]))?)?$/;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?: ?([AaPp][Mm]))?)?$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?: ?([AaPp][Mm]))?$/;

/** First characters that can start anything but plain text (a cheap filter for bulk writes). */
function mayBeTyped(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    code === 43 || // +
    code === 45 || // -
    code === 46 || // .
    code === 44 || // , (decimal comma locales)
    code === 36 || // $
    code === 84 || // T
    code === 116 || // t
    code === 70 || // F
    code === 102 || // f
    code === 32 || // space
    code === 9 ||
    code === 10 ||
    code === 13
  );
}

/** Text that no parsing rule can turn into anything else: the fast path for bulk writes. */
export function isPlainText(text: string, cellFormat: string | undefined): boolean {
  const first = text.charCodeAt(0);
  if (cellFormat === '@') return first !== 39;
  return first !== 39 && first !== 61 && !mayBeTyped(first);
}

/**
 * Parses typed input. `cellFormat` is the cell's current number format: plain text (`@`) keeps
 * the input as text, and an explicit format is never replaced by one inferred from the input.
 */
export function parseInput(text: string, locale: string, cellFormat: string | undefined): ParsedInput {
  const first = text.charCodeAt(0);
  if (first === 39 /* ' */) return { value: text.slice(1), format: undefined };
  if (cellFormat === '@') return { value: text, format: undefined };
  if (first === 61 /* = */ && text.length > 1) return { value: { f: text }, format: undefined };
  if (!mayBeTyped(first)) return { value: text, format: undefined };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text, format: undefined };
  const upper = trimmed.length <= 5 ? trimmed.toUpperCase() : '';
  if (upper === 'TRUE') return { value: true, format: undefined };
  if (upper === 'FALSE') return { value: false, format: undefined };
  const number = mayBeNumber(trimmed) ? parseNumber(trimmed, locale) : null;
  if (number) return keepExplicit(number, cellFormat);
  const date = parseDate(trimmed);
  if (date) return keepExplicit(date, cellFormat);
  return { value: text, format: undefined };
}

/** Dates and times (a dash after the first character, a slash, a colon or a space) are never numbers. */
function mayBeNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 47 || ch === 58 || ch === 32) return false; // / : space
    if (ch === 45 && i > 0 && (text.charCodeAt(i - 1) | 32) !== 101 && text.charCodeAt(i - 1) !== 36)
      return false;
  }
  return true;
}

function keepExplicit(parsed: ParsedInput, cellFormat: string | undefined): ParsedInput {
  if (cellFormat) parsed.format = undefined;
  return parsed;
}

function parseNumber(text: string, locale: string): ParsedInput | null {
  const m = numberPattern(locale).exec(text);
  if (!m) return null;
  const [, sign1, currency, sign2, intPart, fracPart, exponent, percent] = m;
  if (intPart === undefined && (fracPart === undefined || fracPart === '')) return null;
  if (sign1 && sign2) return null;
  if (sign2 && !currency) return null;
  if (currency && percent) return null;
  const { group } = localeSymbols(locale);
  const digits = (intPart ?? '0').split(group === '\u202f' ? /[\u202f\u00a0 ]/ : group).join('');
  let value = Number(`${digits}.${fracPart || '0'}${exponent !== undefined ? `e${exponent}` : ''}`);
  if (!Number.isFinite(value)) return null;
  if (sign1 === '-' || sign2 === '-') value = -value;
  const decimals = fracPart ? fracPart.length : 0;
  const grouped = intPart !== undefined && intPart.length !== digits.length;
  let format: string | undefined;
  if (percent) {
    value /= 100;
    format = decimals > 0 ? '0.00%' : '0%';
  } else if (currency) {
    format = '"$"#,##0.00';
  } else if (exponent !== undefined) {
    format = '0.00E+00';
  } else if (grouped) {
    format = decimals > 0 ? '#,##0.00' : '#,##0';
  }
  if (percent) value = Number(value.toPrecision(15));
  return { value, format };
}

function hour24(hour: number, ampm: string | undefined): number | null {
  if (!ampm) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = ampm[0].toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

function parseDate(text: string): ParsedInput | null {
  let m = ISO_DATE.exec(text);
  let year: number;
  let month: number;
  let day: number;
  let iso = true;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = US_DATE.exec(text);
    if (!m) return parseTime(text);
    iso = false;
    month = Number(m[1]);
    day = Number(m[2]);
    year = Number(m[3]);
    // Two-digit years follow the spreadsheet convention: 00-29 → 2000s, 30-99 → 1900s.
    if (m[3].length === 2) year += year < 30 ? 2000 : 1900;
  }
  if (!isRealDate(year, month, day)) return null;
  const hasTime = m[4] !== undefined;
  if (!hasTime) {
    return { value: fieldsToSerial(year, month, day), format: iso ? 'yyyy-mm-dd' : 'M/d/yyyy' };
  }
  const h = hour24(Number(m[4]), m[8]);
  const minute = Number(m[5]);
  const second = m[6] !== undefined ? Number(m[6]) : 0;
  if (h === null || minute > 59 || second > 59) return null;
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const serial = fieldsToSerial(year, month, day, h, minute, second) + ms / 86_400_000;
  const time = m[8]
    ? m[6] !== undefined
      ? 'h:mm:ss AM/PM'
      : 'h:mm AM/PM'
    : m[6] !== undefined
      ? 'H:mm:ss'
      : 'H:mm';
  return { value: serial, format: `${iso ? 'yyyy-mm-dd' : 'M/d/yyyy'} ${time}` };
}

function parseTime(text: string): ParsedInput | null {
  const m = TIME_ONLY.exec(text);
  if (!m) return null;
  const h = hour24(Number(m[1]), m[5]);
  const minute = Number(m[2]);
  const second = m[3] !== undefined ? Number(m[3]) : 0;
  if (h === null || minute > 59 || second > 59) return null;
  const ms = m[4] ? Number(m[4].padEnd(3, '0')) : 0;
  const serial = (h * 3600 + minute * 60 + second) / 86_400 + ms / 86_400_000;
  const format = m[5]
    ? m[3] !== undefined
      ? 'h:mm:ss AM/PM'
      : 'h:mm AM/PM'
    : m[3] !== undefined
      ? 'H:mm:ss'
      : 'H:mm';
  return { value: serial, format };
}
