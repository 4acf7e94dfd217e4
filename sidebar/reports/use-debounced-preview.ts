import { useEffect, useRef, useState } from 'preact/hooks';
import type { PreviewResult } from '../../src/model/model-api';
import type { ErrorInfo } from '../../src/shared/errors';
import { asErrorInfo } from '../ui/use-call';

/** Wait after the last change before previewing: each preview is a server round trip. */
export const PREVIEW_DELAY_MS = 400;

/**
 * Runs `fetch` a moment after `key` stops changing; an older answer arriving after a newer
 * request is dropped, so the preview always matches the form.
 */
export function useDebouncedPreview(key: string | null, fetch: () => Promise<PreviewResult>) {
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  useEffect(() => {
    if (key === null) {
      setPreview(null);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setBusy(true);
      fetch().then(
        (p) => {
          if (ticket !== latest.current) return;
          setPreview(p);
          setError(null);
          setBusy(false);
        },
        (e: unknown) => {
          if (ticket !== latest.current) return;
          setPreview(null);
          setError(asErrorInfo(e));
          setBusy(false);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return { preview, error, busy };
}
