/**
 * Java SimpleDateFormat patterns (https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html),
 * the pattern language of Utilities.formatDate and Utilities.parseDate: letters, quoted text and
 * English month and day names.
 */
import { platformError } from '../platform-error';

export const MONTHS = [
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
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

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
