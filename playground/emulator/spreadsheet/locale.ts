/**
 * What the spreadsheet locale changes in how numbers are shown and typed: the decimal and
 * grouping separators. Month and day names are English in every locale (see docs/EMULATOR.md).
 */

export interface LocaleSymbols {
  decimal: string;
  group: string;
}

const COMMA_DECIMAL = new Set(['de', 'es', 'it', 'pt', 'nl', 'tr', 'id', 'da', 'el', 'ro', 'hr', 'sl', 'sr']);
const SPACE_GROUP = new Set([
  'fr',
  'sv',
  'nb',
  'no',
  'fi',
  'cs',
  'sk',
  'pl',
  'ru',
  'uk',
  'hu',
  'lt',
  'lv',
  'et',
]);

const cache = new Map<string, LocaleSymbols>();

export function localeSymbols(locale: string): LocaleSymbols {
  let symbols = cache.get(locale);
  if (symbols) return symbols;
  const lang = locale.split(/[_-]/)[0].toLowerCase();
  if (locale === 'de_CH' || locale === 'de_LI') symbols = { decimal: '.', group: "'" };
  else if (SPACE_GROUP.has(lang)) symbols = { decimal: ',', group: '\u202f' };
  else if (COMMA_DECIMAL.has(lang) || locale === 'pt_BR') symbols = { decimal: ',', group: '.' };
  else symbols = { decimal: '.', group: ',' };
  cache.set(locale, symbols);
  return symbols;
}

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

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
