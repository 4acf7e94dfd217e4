/**
 * Compiles Sheets number-format patterns (`#,##0.00;(#,##0.00)`, `[$€]#,##0.00`, `mmm yyyy`,
 * `@`…) into sections of tokens, once per pattern. number-format.ts renders values with them.
 */

export type DateField = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export type Token =
  | { t: 'lit'; s: string }
  | { t: 'num' }
  | { t: 'text' }
  | { t: 'date'; field: DateField; len: number }
  | { t: 'ampm'; am: string; pm: string }
  | { t: 'frac'; digits: number }
  | { t: 'elapsed'; unit: 'h' | 'm' | 's'; len: number };

export interface Section {
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

export interface Compiled {
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
