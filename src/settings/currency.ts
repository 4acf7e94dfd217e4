/**
 * The account's currency: how money columns, KPI tiles and emails are formatted. One document
 * property (CURRENCY_PROPERTY), read by every refresh; USD until someone changes it.
 */
import { DEFAULT_CURRENCY } from '../model/formats';
import { CURRENCY_PROPERTY } from '../model/refresh';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';

const CODE = /^[A-Za-z]{3}$/;

export function currencyProblem(code: unknown): string | undefined {
  return typeof code === 'string' && CODE.test(code.trim())
    ? undefined
    : 'Use a three-letter currency code such as USD, EUR or GBP.';
}

export function loadCurrency(gas: Gas): string {
  return gas.PropertiesService.getDocumentProperties().getProperty(CURRENCY_PROPERTY) || DEFAULT_CURRENCY;
}

/** Saves the currency (upper-cased); summary tabs and tiles pick it up at the next refresh. */
export function saveCurrency(gas: Gas, code: unknown): string {
  const problem = currencyProblem(code);
  if (problem)
    throw new TapdashError({
      code: 'currency-invalid',
      message: `"${String(code)}" is not a currency code.`,
      fix: problem,
    });
  const upper = (code as string).trim().toUpperCase();
  gas.PropertiesService.getDocumentProperties().setProperty(CURRENCY_PROPERTY, upper);
  return upper;
}
