/**
 * Errors are values: what happened, in words a founder understands, and what to do next.
 * `code` is stable (logs, tests, alert de-duplication); `message` and `fix` are for people.
 */
export interface ErrorInfo {
  code: string;
  message: string;
  fix: string;
  /** Where it happened: a connection, stream, model or chart name. */
  where?: string;
}

export class TapdashError extends Error implements ErrorInfo {
  readonly code: string;
  readonly fix: string;
  readonly where?: string;

  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(info.message);
    this.name = 'TapdashError';
    this.code = info.code;
    this.fix = info.fix;
    this.where = info.where;
    if (options && 'cause' in options) (this as { cause?: unknown }).cause = options.cause;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, fix: this.fix };
    if (this.where) info.where = this.where;
    return info;
  }
}

/** Turns anything thrown into an ErrorInfo, so nothing reaches a user as a bare stack trace. */
export function toErrorInfo(
  error: unknown,
  fallbackFix = 'Try again. If it keeps happening, open the Sync log tab and report the message there.',
): ErrorInfo {
  if (error instanceof TapdashError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', message: stripStack(message), fix: fallbackFix };
}

function stripStack(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/^(Exception|Error):\s*/, '');
}
