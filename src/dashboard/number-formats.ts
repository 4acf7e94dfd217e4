import type { ColumnFormat } from '../model/model-spec';

/**
 * Sheets number formats for a metric's ColumnFormat. Sheets has no "the spreadsheet's currency"
 * pattern, so the symbol comes from the spreadsheet locale (`en_GB` → £); unknown locales get $.
 */
const CURRENCY_BY_REGION: Record<string, string> = {
  US: '$',
  CA: '$',
  AU: '$',
  NZ: '$',
  SG: '$',
  HK: '$',
  MX: '$',
  GB: '£',
  IE: '€',
  DE: '€',
  FR: '€',
  ES: '€',
  IT: '€',
  NL: '€',
  BE: '€',
  AT: '€',
  PT: '€',
  FI: '€',
  GR: '€',
  JP: '¥',
  CN: '¥',
  IN: '₹',
  BR: 'R$',
  CH: 'CHF',
  SE: 'kr',
  NO: 'kr',
  DK: 'kr',
  PL: 'zł',
  KR: '₩',
  IL: '₪',
  ZA: 'R',
};

export function currencySymbol(locale: string): string {
  const region = locale.split(/[_-]/)[1]?.toUpperCase() ?? '';
  return CURRENCY_BY_REGION[region] ?? '$';
}

/** A format pattern for the tile's value cell. */
export function numberFormatFor(format: ColumnFormat, locale: string): string {
  switch (format) {
    case 'currency': {
      const symbol = currencySymbol(locale);
      return symbol === '$' ? '$#,##0' : `[$${symbol}]#,##0`;
    }
    case 'percent':
      return '0.0%';
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.##';
    case 'month':
      return 'mmm yyyy';
    case 'date':
      return 'mmm d, yyyy';
    case 'datetime':
      return 'mmm d, yyyy h:mm';
    case 'text':
      return '@';
  }
}

/** The same pattern as a TEXT() argument inside a formula (quotes doubled). */
export function textFormatArg(format: ColumnFormat, locale: string): string {
  return `"${numberFormatFor(format, locale).replace(/"/g, '""')}"`;
}
