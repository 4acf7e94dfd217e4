/**
 * Vega-Lite axis formats are d3-format / d3-time-format strings; Google Charts axis formats are
 * ICU patterns. These translate the common ones and report the rest, so a format is either
 * carried over exactly or left to Sheets with a note, never guessed.
 */

export type FormatResult = { ok: true; pattern: string; note?: string } | { ok: false; why: string };

// [[fill]align][sign][symbol][0][width][,][.precision][~][type], as d3-format parses it.
const D3_NUMBER = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

export function numberFormatToIcu(format: string): FormatResult {
  const m = D3_NUMBER.exec(format);
  if (!m) return { ok: false, why: `"${format}" is not a d3 number format` };
  const [, , align, sign, symbol, , width, comma, precisionText, trim, type = ''] = m;
  const precision = precisionText === undefined ? undefined : Number(precisionText.slice(1));
  const integer = comma ? '#,##0' : '0';
  const decimals = (n: number) => (n > 0 ? `.${(trim ? '#' : '0').repeat(n)}` : '');
  let pattern: string;
  let note: string | undefined;
  switch (type) {
    case 'f':
      pattern = integer + decimals(precision ?? 6);
      break;
    case 'd':
      pattern = integer;
      break;
    case '%':
      pattern = `${integer}${decimals(precision ?? 6)}%`;
      break;
    case 'e':
      pattern = `0${decimals(precision ?? 6)}E+0`;
      break;
    case '':
      // No type: d3 prints the shortest exact form, which an ICU pattern approaches with optional digits.
      pattern = `${integer}.${'#'.repeat(precision ?? 12)}`;
      break;
    case 's':
      pattern = 'short';
      note = 'Sheets abbreviates large numbers as K/M/B where d3 uses SI prefixes (k/M/G)';
      break;
    default:
      return { ok: false, why: `number type "${type}" has no Sheets axis equivalent` };
  }
  if (symbol === '#') return { ok: false, why: 'the "#" (base prefix) symbol has no Sheets equivalent' };
  if (symbol === '$' && pattern !== 'short') pattern = `$${pattern}`;
  if (sign === '+' && pattern !== 'short') pattern = `+${pattern};-${pattern}`;
  if (sign === '(' && pattern !== 'short') pattern = `${pattern};(${pattern})`;
  if (align || width) note = 'padding and alignment are left to Sheets';
  return note ? { ok: true, pattern, note } : { ok: true, pattern };
}

const TIME_DIRECTIVES: Record<string, string> = {
  a: 'EEE',
  A: 'EEEE',
  b: 'MMM',
  B: 'MMMM',
  d: 'dd',
  e: 'd',
  H: 'HH',
  I: 'hh',
  j: 'DDD',
  L: 'SSS',
  m: 'MM',
  M: 'mm',
  p: 'a',
  q: 'Q',
  S: 'ss',
  y: 'yy',
  Y: 'yyyy',
  Z: 'Z',
};

/** d3's `-` and `_` pad modifiers drop the leading zero: the single-letter ICU field. */
const UNPADDED: Record<string, string> = { d: 'd', e: 'd', H: 'H', I: 'h', m: 'M', M: 'm', S: 's', j: 'D' };

export function timeFormatToIcu(format: string): FormatResult {
  let out = '';
  let literal = '';
  const flushLiteral = () => {
    if (!literal) return;
    // ICU reads ASCII letters as fields; quote them (and double any apostrophe) to keep them literal.
    out += /[A-Za-z']/.test(literal) ? `'${literal.replace(/'/g, "''")}'` : literal;
    literal = '';
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') {
      literal += ch;
      continue;
    }
    let directive = format[++i];
    let pad: string | undefined;
    if (directive === '-' || directive === '_' || directive === '0') {
      pad = directive;
      directive = format[++i];
    }
    if (directive === undefined) return { ok: false, why: `"${format}" ends in the middle of a directive` };
    if (directive === '%') {
      literal += '%';
      continue;
    }
    const mapped = pad && pad !== '0' ? UNPADDED[directive] : TIME_DIRECTIVES[directive];
    if (!mapped) return { ok: false, why: `the time directive %${directive} has no Sheets equivalent` };
    flushLiteral();
    out += mapped;
  }
  flushLiteral();
  return { ok: true, pattern: out };
}

/** Sheets cell number formats for the helper table's date column, by time unit. */
export function cellFormatForTimeUnit(unit: string | undefined): string {
  switch (unit) {
    case 'year':
      return 'yyyy';
    case 'yearquarter':
    case 'yearmonth':
      return 'mmm yyyy';
    case 'month':
      return 'mmm';
    case 'quarter':
      return 'mmm';
    default:
      return 'yyyy-mm-dd';
  }
}
