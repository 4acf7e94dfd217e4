/**
 * How many minor units make one unit of a currency, for APIs that send amounts in the smallest
 * unit (Stripe): 1 for zero-decimal currencies, 1000 for three-decimal ones, 100 otherwise.
 * Lists as Stripe documents them (https://docs.stripe.com/currencies#zero-decimal).
 */
export const ZERO_DECIMAL_CURRENCIES = [
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
] as const;

export const THREE_DECIMAL_CURRENCIES = ['bhd', 'jod', 'kwd', 'omr', 'tnd'] as const;

/** `IN (…)` list text for SQL: `'bif', 'clp', …`. */
export function sqlCodeList(codes: readonly string[]): string {
  return codes.map((c) => `'${c}'`).join(', ');
}
