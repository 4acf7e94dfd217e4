import { useCallback, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../src/shared/errors';
import { ServerError } from '../rpc';

/** Runs a server call with busy and error state, so every button can disable itself and show failures inline. */
export function useCall<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await fn(...args);
      } catch (e) {
        setError(asErrorInfo(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  return { run, busy, error, setError };
}

export function asErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof ServerError) return e.info;
  return {
    code: 'unexpected',
    message: e instanceof Error ? e.message : String(e),
    fix: 'Try again. If it keeps happening, reload the spreadsheet.',
  };
}
