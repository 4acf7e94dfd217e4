/**
 * Reads one cell of an imported table (a CSV field, or a value from the Sheets API with
 * UNFORMATTED_VALUE, where numbers and booleans arrive typed and dates arrive as the text the
 * cell shows) and says what it looks like. Deciding a whole column's type is column-types.ts.
 */

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

export interface ClockParts {
  hour: number;
  minute: number;
  second: number;
  /** Fraction of a second as written, digits only (`123` for `.123`); '' when none. */
  fraction: string;
  /** `Z` or `+02:00` when the text names its offset; '' for a wall-clock time. */
  zone: string;
}

/**
 * `03/04/2024` is April 3rd in Europe and March 4th in the US: the two numbers are kept until
 * the whole column shows which order it uses.
 */
export interface SlashDate {
  first: number;
  second: number;
  year: number;
  time?: ClockParts;
}

export type CellReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; date: CalendarParts; time?: ClockParts }
  | { kind: 'slash-date'; slash: SlashDate }
  | { kind: 'text'; value: string };

/**
 * Plain numerals only. A leading zero (`007`, zip codes, phone numbers) keeps a value text, and
 * so do thousands separators: `1,234` is a thousand in the US and one point two in Germany.
 */
const NUMERAL = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const ISO_DATE = /^(\d{4})([-/])(\d{2})\2(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** `1/15/2024`, `15.01.2024`, `15-01-2024`, with an optional time as Sheets shows it (`13:45:00`, `1:45:00 PM`). */
const SLASH_DATE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

export function readCell(raw: unknown): CellReading {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'number', value: raw } : text(String(raw));
  if (typeof raw === 'boolean') return { kind: 'boolean', value: raw };
  const original = String(raw);
  const t = original.trim();
  if (t === '') return { kind: 'empty' };
  const lower = t.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
  if (NUMERAL.test(t)) {
    const n = Number(t);
    // An id such as 12345678901234567890 would lose digits as a number.
    if (INTEGER.test(t) && !Number.isSafeInteger(n)) return text(original);
    return { kind: 'number', value: n };
  }
  return readDate(t) ?? text(original);
}

function text(value: string): CellReading {
  return { kind: 'text', value };
}

function readDate(t: string): CellReading | undefined {
  let m = ISO_DATE.exec(t);
  if (m) {
    const date = calendar(m[1], m[3], m[4]);
    return date ? { kind: 'date', date } : undefined;
  }
  m = ISO_DATE_TIME.exec(t);
  if (m) {
    const date = calendar(m[1], m[2], m[3]);
    const time = clock(m[4], m[5], m[6], m[7], undefined);
    if (!date || !time) return undefined;
    const zone = m[8] ? zoneText(m[8]) : '';
    return zone === undefined ? undefined : { kind: 'date', date, time: { ...time, zone } };
  }
  m = SLASH_DATE.exec(t);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const year = Number(m[4]);
    if (first < 1 || second < 1 || (first > 12 && second > 12) || first > 31 || second > 31) return undefined;
    const slash: SlashDate = { first, second, year };
    if (m[5] !== undefined) {
      const time = clock(m[5], m[6], m[7], m[8], m[9]);
      if (!time) return undefined;
      slash.time = time;
    }
    return { kind: 'slash-date', slash };
  }
  return readNamedMonth(t);
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const TIME = String.raw`(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?`;
/** `Jan 15, 2024`, `January 15 2024`: how Google Sheets shows dates in its "Month day, year" formats. */
const MONTH_DAY_YEAR = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);
/** `15 Jan 2024`, `15 January, 2024`. */
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})${TIME}$`);

/** January = 1 for `Jan`, `jan.`, `Sept`, `September`; undefined for other words. */
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((full) => full.startsWith(n));
  return n.length >= 3 && i >= 0 ? i + 1 : undefined;
}

function readNamedMonth(t: string): CellReading | undefined {
  const md = MONTH_DAY_YEAR.exec(t);
  const dm = md ? undefined : DAY_MONTH_YEAR.exec(t);
  const m = md ?? dm;
  if (!m) return undefined;
  const month = monthNumber(md ? m[1] : m[2]);
  const date = month === undefined ? undefined : calendar(m[3], month, md ? m[2] : m[1]);
  if (!date) return undefined;
  if (m[4] === undefined) return { kind: 'date', date };
  const time = clock(m[4], m[5], m[6], m[7], m[8]);
  return time ? { kind: 'date', date, time } : undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day, or undefined (`2023-02-29`, month 13). Arithmetic only: it runs for every date cell. */
export function calendar(
  y: string | number,
  mo: string | number,
  d: string | number,
): CalendarParts | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  return day <= last ? { year, month, day } : undefined;
}

function clock(
  h: string,
  mi: string,
  s: string | undefined,
  frac: string | undefined,
  meridiem: string | undefined,
): ClockParts | undefined {
  let hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second, fraction: frac ?? '', zone: '' };
}

/** `+0200` → `+02:00`, `+02` → `+02:00`; undefined for an impossible offset. */
function zoneText(zone: string): string | undefined {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 14 || minutes > 59) return undefined;
  return `${zone[0]}${digits.slice(0, 2)}:${String(minutes).padStart(2, '0')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2024-01-15`. */
export function isoDate(date: CalendarParts): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2024-01-15T13:45:00`, with the fraction and the offset when the source had them. */
export function isoDateTime(date: CalendarParts, time: ClockParts): string {
  const fraction = time.fraction ? `.${time.fraction}` : '';
  return `${isoDate(date)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${fraction}${time.zone}`;
}
