import type { ErrorInfo } from '../../src/shared/errors';

/** A failure in the sidebar: what happened and what to do. Never a stack trace, never an alert(). */
export function ErrorNotice({
  error,
  testId = 'error',
}: {
  error: ErrorInfo | null | undefined;
  testId?: string;
}) {
  if (!error) return null;
  return (
    <div class="notice error-notice" role="alert" data-testid={testId}>
      <p class="notice-title">{error.message}</p>
      {error.fix && <p class="notice-fix">{error.fix}</p>}
    </div>
  );
}

export function SuccessNotice({
  text,
  testId = 'success',
}: {
  text: string | null | undefined;
  testId?: string;
}) {
  if (!text) return null;
  return (
    <div class="notice success-notice" role="status" data-testid={testId}>
      {text}
    </div>
  );
}
