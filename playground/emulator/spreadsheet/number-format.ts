/**
 * Sheets number formats (`#,##0.00`, `[$€]#,##0.00`, `0.0%`, `yyyy-mm-dd`, `mmm yyyy`, `@`…):
 * what getDisplayValues shows for a value, and whether a format makes a cell a date. Patterns
 * are compiled once and cached; formatting a cell allocates only its output string.
 */
import { serialToFields } from './dates';
import { type LocaleSymbols, localeSymbols, MONTHS, WEEKDAYS } from './locale';

/** What Sheets applies when a script writes a JS Date into an unformatted cell. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

type DateField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

type Token =
  | { t: 'lit'; s: string }
  | { t: 'num' }
  | { t: 'text' }
  | { t: 'date'; field: DateField; len: number }
  | { t: 'ampm'; am: string; pm: string }
  | { t: 'frac'; digits: number }
  | { t: 'elapsed'; unit: 'h' | 'm' | 's'; len: number };

interface Section {
  kind: 'number' | 'date' | 'text' | 'general' | 'literal';
  tokens: Token[];
  percent: number;
  /** Trailing commas divide by 1000 each. */
  scale: number;
  intMin: number;
  group: boolean;
  decMin: number;
  decMax: number;
  exp?: { plus: boolean; digits: number };
  hasAmPm: boolean;
}

interface Compiled {
  sections: Section[];
  isDate: boolean;
}

const compiledCache = new Map<string, Compiled>();

function emptySection(): Section {
  return {
    kind: 'literal',
    tokens: [],
    percent: 0,
    scale: 0,
    intMin: 0,
    group: false,
    decMin: 0,
    decMax: 0,
    hasAmPm: false,
  };
}

function splitSections(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') inQuote = !inQuote;
    if (!inQuote && ch === '\\' && i + 1 < pattern.length) {
      cur += ch + pattern[i + 1];
      i++;
      continue;
    }
    if (!inQuote && ch === ';') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function pushLit(tokens: Token[], s: string): void {
  const last = tokens[tokens.length - 1];
  if (last && last.t === 'lit') last.s += s;
  else tokens.push({ t: 'lit', s });
}

function compileSection(src: string): Section {
  const sec = emptySection();
  const tokens = sec.tokens;
  if (/^\s*general\s*$/i.test(src)) {
    sec.kind = 'general';
    return sec;
  }
  // Number block state: placeholders before and after the decimal point.
  let numPlaced = false;
  let afterPoint = false;
  let sawDigitInt = false;
  let pendingCommas = 0;
  let hasDate = false;
  let hasDigits = false;
  let hasText = false;
  const lower = src.toLowerCase();
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const lc = lower[i];
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const stop = end < 0 ? src.length : end;
      pushLit(tokens, src.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      pushLit(tokens, src[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '_') {
      pushLit(tokens, ' ');
      i += 2;
      continue;
    }
    if (ch === '*') {
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = src.indexOf(']', i);
      const inner = src.slice(i + 1, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 1;
      if (inner.startsWith('$')) {
        const dash = inner.indexOf('-');
        pushLit(tokens, inner.slice(1, dash < 0 ? inner.length : dash));
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        tokens.push({ t: 'elapsed', unit: inner[0].toLowerCase() as 'h' | 'm' | 's', len: inner.length });
        hasDate = true;
      }
      // Colours ([Red]) and conditions ([>100]) do not change the text.
      continue;
    }
    if (ch === '@') {
      tokens.push({ t: 'text' });
      hasText = true;
      i++;
      continue;
    }
    if (lower.startsWith('am/pm', i)) {
      tokens.push({ t: 'ampm', am: ch === 'a' ? 'am' : 'AM', pm: ch === 'a' ? 'pm' : 'PM' });
      sec.hasAmPm = true;
      hasDate = true;
      i += 5;
      continue;
    }
    if (lower.startsWith('a/p', i)) {
      tokens.push({ t: 'ampm', am: ch === 'a' ? 'a' : 'A', pm: ch === 'a' ? 'p' : 'P' });
      sec.hasAmPm = true;
      hasDate = true;
      i += 3;
      continue;
    }
    if (lc === 'y' || lc === 'm' || lc === 'd' || lc === 'h' || lc === 's') {
      let j = i;
      while (j < src.length && lower[j] === lc) j++;
      const field: DateField =
        lc === 'y' ? 'year' : lc === 'm' ? 'month' : lc === 'd' ? 'day' : lc === 'h' ? 'hour' : 'second';
      tokens.push({ t: 'date', field, len: j - i });
      hasDate = true;
      i = j;
      continue;
    }
    if (ch === '.' && hasDate && !hasDigits && src[i + 1] === '0') {
      let j = i + 1;
      while (src[j] === '0') j++;
      tokens.push({ t: 'frac', digits: j - i - 1 });
      i = j;
      continue;
    }
    if (ch === '0' || ch === '#' || ch === '?') {
      hasDigits = true;
      if (!numPlaced) {
        tokens.push({ t: 'num' });
        numPlaced = true;
      }
      if (pendingCommas > 0 && !afterPoint) {
        sec.group = true;
        pendingCommas = 0;
      }
      if (afterPoint) {
        sec.decMax++;
        if (ch === '0') sec.decMin = sec.decMax;
      } else {
        sawDigitInt = true;
        if (ch === '0') sec.intMin++;
      }
      i++;
      continue;
    }
    if (ch === '.' && (numPlaced || src[i + 1] === '0' || src[i + 1] === '#')) {
      if (!numPlaced) {
        tokens.push({ t: 'num' });
        numPlaced = true;
      }
      afterPoint = true;
      sec.scale += pendingCommas;
      pendingCommas = 0;
      i++;
      continue;
    }
    if (ch === ',' && numPlaced && !afterPoint && sawDigitInt) {
      pendingCommas++;
      i++;
      continue;
    }
    if ((lc === 'e' && (src[i + 1] === '+' || src[i + 1] === '-')) || (lc === 'e' && numPlaced)) {
      if (numPlaced) {
        const plus = src[i + 1] === '+';
        let j = i + (src[i + 1] === '+' || src[i + 1] === '-' ? 2 : 1);
        const start = j;
        while (src[j] === '0' || src[j] === '#') j++;
        sec.exp = { plus, digits: Math.max(1, j - start) };
        i = j;
        continue;
      }
    }
    if (ch === '%') {
      sec.percent++;
      pushLit(tokens, '%');
      i++;
      continue;
    }
    pushLit(tokens, ch);
    i++;
  }
  if (!afterPoint) sec.scale += pendingCommas;
  if (hasDate) sec.kind = 'date';
  else if (hasDigits) sec.kind = 'number';
  else if (hasText) sec.kind = 'text';
  if (sec.kind === 'date') resolveMinutes(tokens);
  return sec;
}

/** `m` means minutes right after an hour or right before a second; months otherwise. */
function resolveMinutes(tokens: Token[]): void {
  const dateTokens = tokens.filter((t) => t.t === 'date' || t.t === 'elapsed') as Array<
    Extract<Token, { t: 'date' } | { t: 'elapsed' }>
  >;
  for (let k = 0; k < dateTokens.length; k++) {
    const tok = dateTokens[k];
    if (tok.t !== 'date' || tok.field !== 'month' || tok.len > 2) continue;
    const prev = dateTokens[k - 1];
    const next = dateTokens[k + 1];
    const afterHour = prev && ((prev.t === 'date' && prev.field === 'hour') || prev.t === 'elapsed');
    const beforeSecond =
      next && ((next.t === 'date' && next.field === 'second') || (next.t === 'elapsed' && next.unit === 's'));
    if (afterHour || beforeSecond) tok.field = 'minute';
  }
}

export function compileFormat(pattern: string): Compiled {
  let compiled = compiledCache.get(pattern);
  if (!compiled) {
    const sections = splitSections(pattern).map(compileSection);
    compiled = { sections, isDate: sections[0].kind === 'date' };
    compiledCache.set(pattern, compiled);
  }
  return compiled;
}

/** Whether cells with this format read back as JS Dates (date, time and date-time formats). */
export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern) return false;
  return compileFormat(pattern).isDate;
}

function roundHalfUp(value: number, decimals: number): number {
  if (decimals === 0) return Math.round(value);
  const shifted = Number(`${value}e${decimals}`);
  if (!Number.isFinite(shifted)) return value;
  return Number(`${Math.round(shifted)}e-${decimals}`);
}

function groupDigits(int: string, sep: string): string {
  if (int.length <= 3) return int;
  let out = '';
  const first = int.length % 3 || 3;
  out = int.slice(0, first);
  for (let i = first; i < int.length; i += 3) out += sep + int.slice(i, i + 3);
  return out;
}

function fixedDigits(abs: number, decimals: number): string {
  const rounded = roundHalfUp(abs, decimals);
  if (rounded >= 1e21)
    return BigInt(Math.round(rounded)).toString() + (decimals ? `.${'0'.repeat(decimals)}` : '');
  return rounded.toFixed(decimals);
}

function formatNumberBlock(abs: number, sec: Section, sym: LocaleSymbols): string {
  if (sec.exp) {
    let exponent = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    let mantissa = abs === 0 ? 0 : abs / 10 ** exponent;
    mantissa = roundHalfUp(mantissa, sec.decMax);
    if (mantissa >= 10) {
      mantissa /= 10;
      exponent++;
    }
    const m = formatPlain(mantissa, { ...sec, group: false }, sym);
    const sign = exponent < 0 ? '-' : sec.exp.plus ? '+' : '';
    return `${m}E${sign}${String(Math.abs(exponent)).padStart(sec.exp.digits, '0')}`;
  }
  return formatPlain(abs, sec, sym);
}

function formatPlain(abs: number, sec: Section, sym: LocaleSymbols): string {
  const fixed = fixedDigits(abs, sec.decMax);
  const point = fixed.indexOf('.');
  let int = point < 0 ? fixed : fixed.slice(0, point);
  let frac = point < 0 ? '' : fixed.slice(point + 1);
  while (frac.length > sec.decMin && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (int === '0' && sec.intMin === 0) int = '';
  if (int.length < sec.intMin) int = int.padStart(sec.intMin, '0');
  if (sec.group) int = groupDigits(int, sym.group);
  return frac
    ? `${int}${sym.decimal}${frac}`
    : sec.decMax > 0 && sec.decMin === 0
      ? `${int}${sym.decimal}`
      : int;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDateSection(serial: number, sec: Section): string {
  const fracToken = sec.tokens.find((t) => t.t === 'frac') as { digits: number } | undefined;
  // Without sub-second digits Sheets rounds to the nearest second.
  const msPerDay = 86_400_000;
  const step = fracToken ? 10 ** (3 - Math.min(3, fracToken.digits)) : 1000;
  const roundedMs = Math.round((serial * msPerDay) / step) * step;
  const f = serialToFields(roundedMs / msPerDay);
  let out = '';
  for (const tok of sec.tokens) {
    switch (tok.t) {
      case 'lit':
        out += tok.s;
        break;
      case 'date':
        out += dateField(tok.field, tok.len, f, sec.hasAmPm);
        break;
      case 'ampm':
        out += f.hour < 12 ? tok.am : tok.pm;
        break;
      case 'frac':
        out += `.${String(f.ms).padStart(3, '0').slice(0, tok.digits)}`;
        break;
      case 'elapsed': {
        const totalSeconds = Math.floor(roundedMs / 1000);
        const n =
          tok.unit === 'h'
            ? Math.floor(totalSeconds / 3600)
            : tok.unit === 'm'
              ? Math.floor(totalSeconds / 60)
              : totalSeconds;
        out += String(n).padStart(tok.len, '0');
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function dateField(
  field: DateField,
  len: number,
  f: ReturnType<typeof serialToFields>,
  ampm: boolean,
): string {
  switch (field) {
    case 'year':
      return len <= 2 ? pad2(f.year % 100) : String(f.year).padStart(4, '0');
    case 'month':
      if (len === 1) return String(f.month);
      if (len === 2) return pad2(f.month);
      if (len === 3) return MONTHS[f.month - 1].slice(0, 3);
      if (len === 5) return MONTHS[f.month - 1][0];
      return MONTHS[f.month - 1];
    case 'day':
      if (len === 1) return String(f.day);
      if (len === 2) return pad2(f.day);
      if (len === 3) return WEEKDAYS[f.weekday].slice(0, 3);
      return WEEKDAYS[f.weekday];
    case 'hour': {
      const h = ampm ? f.hour % 12 || 12 : f.hour;
      return len >= 2 ? pad2(h) : String(h);
    }
    case 'minute':
      return len >= 2 ? pad2(f.minute) : String(f.minute);
    case 'second':
      return len >= 2 ? pad2(f.second) : String(f.second);
  }
}

function significantDigits(text: string): number {
  if (text.includes('e')) return 99;
  let n = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) continue;
    if (leading && ch === 48) continue;
    leading = false;
    n++;
  }
  return n;
}

/**
 * Sheets' "Automatic" display of a number: integers in full, other values to about ten
 * significant digits, scientific notation for very large or very small magnitudes.
 */
export function formatAutomatic(value: number, locale: string): string {
  const sym = localeSymbols(locale);
  if (!Number.isFinite(value)) return value > 0 ? '#NUM!' : '#NUM!';
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e15 || (abs !== 0 && abs < 1e-9)) {
    const [m, e] = abs.toExponential(2).split('e');
    const exp = Number(e);
    text = `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (Number.isInteger(value)) {
    text = String(abs);
  } else {
    text = String(abs);
    // Most values already have ten or fewer significant digits; only the others need rounding.
    if (significantDigits(text) > 10) {
      text = String(Number(abs.toPrecision(10)));
      if (text.includes('e')) text = abs.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
    }
  }
  if (sym.decimal !== '.') text = text.replace('.', sym.decimal);
  return value < 0 ? `-${text}` : text;
}

/** The text Sheets shows for a number under a format pattern (empty pattern = Automatic). */
export function formatNumber(value: number, pattern: string | undefined, locale: string): string {
  if (!pattern) return formatAutomatic(value, locale);
  const { sections } = compileFormat(pattern);
  let sec = sections[0];
  let autoMinus = value < 0;
  if (value < 0 && sections.length >= 2 && sections[1].kind !== 'text') {
    sec = sections[1];
    autoMinus = false;
  } else if (value === 0 && sections.length >= 3 && sections[2].kind !== 'text') {
    sec = sections[2];
  }
  switch (sec.kind) {
    case 'general':
      return formatAutomatic(autoMinus ? value : Math.abs(value), locale);
    case 'date':
      return formatDateSection(value, sec);
    case 'text':
      return formatText(String(value), sec);
    case 'literal':
      return (autoMinus ? '-' : '') + sec.tokens.map((t) => (t.t === 'lit' ? t.s : '')).join('');
    case 'number': {
      const sym = localeSymbols(locale);
      const scaled = (Math.abs(value) * 100 ** sec.percent) / 1000 ** sec.scale;
      const block = formatNumberBlock(scaled, sec, sym);
      let out = '';
      for (const tok of sec.tokens) {
        if (tok.t === 'lit') out += tok.s;
        else if (tok.t === 'num') out += block;
      }
      const isZero = !/[1-9]/.test(block);
      return autoMinus && !isZero ? `-${out}` : out;
    }
  }
}

function formatText(text: string, sec: Section): string {
  let out = '';
  for (const tok of sec.tokens) {
    if (tok.t === 'lit') out += tok.s;
    else if (tok.t === 'text') out += text;
  }
  return out;
}

/** How a text value shows: through the format's text section when it has one, else as is. */
export function formatString(text: string, pattern: string | undefined): string {
  if (!pattern) return text;
  const { sections } = compileFormat(pattern);
  const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.kind === 'text');
  return textSection && textSection.kind === 'text' ? formatText(text, textSection) : text;
}
