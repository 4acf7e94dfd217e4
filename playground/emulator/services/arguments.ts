/** Argument checks shared by the builders, in Apps Script's generic wording. */
import { platformError } from '../platform-error';

export function invalid(what: string): Error {
  // Apps Script's generic wording for a bad argument ("Invalid argument: ...").
  return platformError(`Invalid argument: ${what}`);
}

export function intIn(value: unknown, min: number, max: number, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(what);
  return n;
}

export function dateMs(value: unknown): number {
  if (Object.prototype.toString.call(value) !== '[object Date]') throw invalid('date');
  const ms = (value as Date).getTime();
  if (!Number.isFinite(ms)) throw invalid('date');
  return ms;
}
