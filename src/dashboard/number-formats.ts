import { currencyFormat, numberFormat } from '../model/formats';
import type { ColumnFormat } from '../model/model-spec';

/**
 * A KPI tile's format: the model tabs' formats (so currency is the account's currency, the same
 * setting the summary tabs use), with whole currency units and dates spelled out.
 */
export function numberFormatFor(format: ColumnFormat, currency: string): string {
  switch (format) {
    case 'currency':
      return currencyFormat(currency, { wholeUnits: true });
    case 'date':
      return 'mmm d, yyyy';
    case 'datetime':
      return 'mmm d, yyyy h:mm';
    default:
      return numberFormat(format, currency);
  }
}

/** The same pattern as a TEXT() argument inside a formula (quotes doubled). */
export function textFormatArg(format: ColumnFormat, currency: string): string {
  return `"${numberFormatFor(format, currency).replace(/"/g, '""')}"`;
}
