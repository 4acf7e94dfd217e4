import { currencySymbol } from '../model/formats';
import type { HeadlineMetric } from '../model/model-spec';

/**
 * Formats a metric for an email or the sidebar's alert list, in plain ASCII-friendly text
 * ("$12,340", "4.2%"). Apart from the readings so the sidebar can use it without the sheet code.
 */
export function displayFor(format: HeadlineMetric['format'], currency: string): (v: number) => string {
  const grouped = (v: number, digits: number) =>
    v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (format) {
    case 'currency': {
      const symbol = currencySymbol(currency);
      return (v) =>
        symbol ? `${v < 0 ? '-' : ''}${symbol}${grouped(Math.abs(v), 0)}` : `${grouped(v, 0)} ${currency}`;
    }
    case 'percent':
      return (v) => `${(v * 100).toFixed(1)}%`;
    case 'integer':
      return (v) => grouped(Math.round(v), 0);
    default:
      // As the tiles' "#,##0.##": 3.2, not 3.20.
      return (v) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
