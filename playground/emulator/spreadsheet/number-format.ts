/**
 * Sheets number formats (`#,##0.00`, `[$€]#,##0.00`, `0.0%`, `yyyy-mm-dd`, `mmm yyyy`, `@`…):
 * what getDisplayValues shows for a value, and whether a format makes a cell a date. Patterns
 * are compiled once and cached; formatting a cell allocates only its output string.
 */
import { serialToFields } from './dates';
import { compileFormat, type DateField, type Section } from './format-compile';
import { type LocaleSymbols, localeSymbols, MONTHS, WEEKDAYS } from './locale';

export { compileFormat, isDateFormat } from './format-compile';

/** What Sheets applies when a script writes a JS Date into an unformatted cell. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

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
