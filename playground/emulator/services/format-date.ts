/**
 * Utilities.formatDate (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)):
 * an instant written with a SimpleDateFormat pattern in a time zone.
 */
import { DAYS, MONTHS, tokenizePattern } from './date-pattern';
import {
  isoWeekOfYear,
  longZoneName,
  normalizeTimeZone,
  offsetMinutes,
  shortZoneName,
  zonedParts,
} from './time-zone';

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
