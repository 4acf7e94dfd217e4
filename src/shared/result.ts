import { type ErrorInfo, toErrorInfo } from './errors';

/**
 * What every sidebar-callable function returns. google.script.run turns thrown errors into a
 * bare message (with our stack on the server side only), so failures travel as values instead.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function runAsResult<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
