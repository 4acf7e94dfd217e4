/**
 * Utilities.formatDate and Utilities.parseDate: Java SimpleDateFormat patterns
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String),
 * which points to https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html),
 * with English month and day names.
 */
import { platformError } from '../platform-error';
import {
  isoWeekOfYear,
  longZoneName,
  normalizeTimeZone,
  offsetMinutes,
  shortZoneName,
  zonedParts,
  zonedTimeToUtc,
} from './time-zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

const tokenCache = new Map<string, Token[]>();

export function tokenizePattern(pattern: string): Token[] {
  const cached = tokenCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        literal("'");
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i++;
          break;
        } else text += pattern[i++];
      }
      literal(text);
    } else if (/[A-Za-z]/.test(c)) {
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(c)) throw platformError(`Illegal pattern character '${c}'`);
      let n = 1;
      while (pattern[i + n] === c) n++;
      tokens.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else {
      literal(c);
      i++;
    }
  }
  tokenCache.set(pattern, tokens);
  return tokens;
}

const pad = (n: number, width: number) => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

function formatOffset(minutes: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X1') return `${sign}${hh}${abs % 60 ? mm : ''}`;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const tz = normalizeTimeZone(timeZone);
  const p = zonedParts(ms, tz);
  let out = '';
  for (const t of tokenizePattern(String(pattern))) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        const year = p.year > 0 ? p.year : 1 - p.year;
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      }
      case 'M':
      case 'L':
        if (n >= 4) out += MONTHS[p.month - 1];
        else if (n === 3) out += MONTHS[p.month - 1].slice(0, 3);
        else out += pad(p.month, n);
        break;
      case 'w':
        out += pad(isoWeekOfYear(p.year, p.month, p.day), n);
        break;
      case 'W':
        out += pad(Math.ceil(p.day / 7), n);
        break;
      case 'D': {
        const start = Date.UTC(2000, 0, 1);
        const jan1 = new Date(start);
        jan1.setUTCFullYear(p.year, 0, 1);
        const today = new Date(start);
        today.setUTCFullYear(p.year, p.month - 1, p.day);
        out += pad(Math.round((today.getTime() - jan1.getTime()) / 86_400_000) + 1, n);
        break;
      }
      case 'd':
        out += pad(p.day, n);
        break;
      case 'F':
        out += pad(Math.ceil(p.day / 7), n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.isoWeekday - 1] : DAYS[p.isoWeekday - 1].slice(0, 3);
        break;
      case 'u':
        out += pad(p.isoWeekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'z':
        out += n >= 4 ? longZoneName(ms, tz) : shortZoneName(ms, tz);
        break;
      case 'Z':
        out += formatOffset(offsetMinutes(ms, tz), 'Z');
        break;
      case 'X':
        out += formatOffset(offsetMinutes(ms, tz), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
    }
  }
  return out;
}

function unparseable(text: string): Error {
  // java.text.ParseException's wording, which Apps Script passes through (unverified).
  return platformError(`Unparseable date: "${text}"`);
}

const NUMERIC = new Set([
  'y',
  'Y',
  'M',
  'L',
  'w',
  'W',
  'D',
  'd',
  'F',
  'u',
  'H',
  'k',
  'K',
  'h',
  'm',
  's',
  'S',
]);

function matchName(text: string, at: number, names: string[]): [number, number] | undefined {
  const rest = text.slice(at).toLowerCase();
  // Longest first, so "May" does not stop "Mayday"-like prefixes of full names.
  let best: [number, number] | undefined;
  names.forEach((name, i) => {
    for (const candidate of [name, name.slice(0, 3)]) {
      if (rest.startsWith(candidate.toLowerCase()) && (!best || candidate.length > best[1]))
        best = [i, candidate.length];
    }
  });
  return best;
}

/** Utilities.parseDate: the text read with the pattern, in the zone unless the text has an offset. */
export function parseDate(text: string, timeZone: string, pattern: string): number {
  const tz = normalizeTimeZone(timeZone);
  const tokens = tokenizePattern(String(pattern));
  const f = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  let pm: boolean | undefined;
  let twelveHour = false;
  let offset: number | undefined;
  let i = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'literal') {
      for (const ch of t.text) {
        if (ch === ' ') {
          while (text[i] === ' ') i++;
          continue;
        }
        if (text[i] !== ch) throw unparseable(text);
        i++;
      }
      continue;
    }
    const next = tokens[k + 1];
    const adjacentNumeric = next?.kind === 'field' && NUMERIC.has(next.letter);
    const textual = (t.letter === 'M' || t.letter === 'L') && t.count >= 3;
    if (NUMERIC.has(t.letter) && !textual) {
      const m = (adjacentNumeric ? new RegExp(`^\\d{1,${t.count}}`) : /^\d+/).exec(text.slice(i));
      if (!m) throw unparseable(text);
      i += m[0].length;
      const v = Number(m[0]);
      switch (t.letter) {
        case 'y':
        case 'Y':
          // Java: a 2-digit year (pattern "yy" or a 2-digit match) lands within 80 years before
          // and 20 after now; the emulator pins the window to 1950-2049 (simulated "now" varies).
          f.year = m[0].length <= 2 && t.count <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
          break;
        case 'M':
        case 'L':
          f.month = v;
          break;
        case 'd':
          f.day = v;
          break;
        case 'H':
          f.hour = v;
          break;
        case 'k':
          f.hour = v === 24 ? 0 : v;
          break;
        case 'h':
        case 'K':
          twelveHour = true;
          f.hour = v % 12;
          break;
        case 'm':
          f.minute = v;
          break;
        case 's':
          f.second = v;
          break;
        case 'S':
          f.ms = v;
          break;
      }
      continue;
    }
    switch (t.letter) {
      case 'M':
      case 'L': {
        const hit = matchName(text, i, MONTHS);
        if (!hit) throw unparseable(text);
        f.month = hit[0] + 1;
        i += hit[1];
        break;
      }
      case 'E': {
        const hit = matchName(text, i, DAYS);
        if (!hit) throw unparseable(text);
        i += hit[1];
        break;
      }
      case 'a': {
        const m = /^(AM|PM)/i.exec(text.slice(i));
        if (!m) throw unparseable(text);
        pm = m[1].toUpperCase() === 'PM';
        i += 2;
        break;
      }
      case 'G': {
        const m = /^(AD|BC)/i.exec(text.slice(i));
        if (!m) throw unparseable(text);
        i += 2;
        break;
      }
      case 'z':
      case 'Z':
      case 'X': {
        const rest = text.slice(i);
        const z = /^Z/.exec(rest);
        const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?/.exec(rest);
        if (z && t.letter === 'X') {
          offset = 0;
          i += 1;
        } else if (m) {
          offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
          i += m[0].length;
        } else {
          const named = /^(UTC|GMT)/.exec(rest);
          if (!named) throw unparseable(text);
          offset = 0;
          i += named[0].length;
        }
        break;
      }
    }
  }
  if (twelveHour && pm) f.hour += 12;
  else if (!twelveHour && pm !== undefined && pm && f.hour < 12) f.hour += 12;
  if (offset !== undefined) {
    const d = new Date(Date.UTC(2000, 0, 1));
    d.setUTCFullYear(f.year, f.month - 1, f.day);
    d.setUTCHours(f.hour, f.minute, f.second, f.ms);
    return d.getTime() - offset * 60_000;
  }
  return zonedTimeToUtc(tz, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
}
