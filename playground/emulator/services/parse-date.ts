/**
 * Utilities.parseDate (https://developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)):
 * text read with a SimpleDateFormat pattern, leniently as Java does (trailing text is ignored).
 */
import { platformError } from '../platform-error';
import { DAYS, MONTHS, tokenizePattern } from './date-pattern';
import { normalizeTimeZone, zonedTimeToUtc } from './time-zone';

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
