/**
 * Sheets number formats for a model's columns. Currency is the account's currency (a setting,
 * USD by default); a column whose format is not declared but holds dates is shown as a date.
 */
import type { ColumnFormat } from './model-spec';
import type { Cell } from './values';

/** Symbols Sheets shows in front of the amount; other codes are written after it ("1,234.00 CHF"). */
const CURRENCY_SYMBOLS: Record<string, string> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: '¥',
  INR: '₹',
  KRW: '₩',
  BRL: 'R$',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  MXN: 'MX$',
  ILS: '₪',
  NGN: '₦',
  PHP: '₱',
  VND: '₫',
  TRY: '₺',
  UAH: '₴',
};

/** Currencies without minor units. */
const NO_DECIMALS = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF', 'TWD', 'UGX', 'XAF', 'XOF']);

export const DEFAULT_CURRENCY = 'USD';

/** The symbol Sheets shows for a currency code, when it has a common one. */
export function currencySymbol(code: string): string | undefined {
  return CURRENCY_SYMBOLS[code.toUpperCase()];
}

/** `wholeUnits` drops the cents (KPI tiles: "$23,000" reads faster than "$23,000.00"). */
export function currencyFormat(code: string, options: { wholeUnits?: boolean } = {}): string {
  const upper = /^[A-Za-z]{3}$/.test(code) ? code.toUpperCase() : DEFAULT_CURRENCY;
  const amount = NO_DECIMALS.has(upper) || options.wholeUnits ? '#,##0' : '#,##0.00';
  const symbol = CURRENCY_SYMBOLS[upper];
  return symbol ? `[$${symbol}]${amount}` : `${amount} [$${upper}]`;
}

export function numberFormat(format: ColumnFormat, currency: string): string {
  switch (format) {
    case 'currency':
      return currencyFormat(currency);
    case 'percent':
      return '0.0%';
    case 'integer':
      return '#,##0';
    case 'number':
      return '#,##0.##';
    case 'month':
      return 'mmm yyyy';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'text':
      return '@';
  }
}

/** Declared formats first; undeclared columns of dates get a date (or date and time) format. */
export function columnFormats(
  columns: readonly string[],
  rows: readonly Cell[][],
  declared: Readonly<Record<string, ColumnFormat>> = {},
): Array<ColumnFormat | undefined> {
  return columns.map((name, c) => {
    if (declared[name]) return declared[name];
    let sawDate = false;
    for (const row of rows) {
      const v = row[c];
      if (v === '' || v === null || v === undefined) continue;
      if (!(v instanceof Date)) return undefined;
      sawDate = true;
    }
    return sawDate ? 'date' : undefined;
  });
}
