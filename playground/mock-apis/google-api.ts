/**
 * What Google's REST APIs (Analytics Data, Sheets) share in a mock: the error envelope
 * (`{error: {code, message, status}}`), the OAuth bearer check with Google's own 401 text, and
 * queued faults (429 RESOURCE_EXHAUSTED, 5xx INTERNAL, a non-JSON body).
 * https://cloud.google.com/apis/design/errors
 */

export interface GoogleRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body?: string;
}

export interface GoogleResponse {
  status?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/** A fault a test queues: the next request gets it instead of its answer. */
export interface GoogleFault {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** A body that is not JSON at all (a proxy's error page, a cut-off reply). */
  malformed?: boolean;
}

export function googleError(
  code: number,
  status: string,
  message: string,
  headers?: GoogleResponse['headers'],
): GoogleResponse {
  return { status: code, headers, body: { error: { code, message, status } } };
}

/**
 * The checks before an API method answers: the HTTP method, the token, then the next queued
 * fault. Undefined when the request may go on. `quotaMessage` is the API's own 429 wording.
 */
export function googleGate(
  req: GoogleRequest,
  state: { token: string; faults?: GoogleFault[] },
  options: { method: 'GET' | 'POST'; quotaMessage: string; malformedBody: string },
): GoogleResponse | undefined {
  if (req.method !== options.method) return googleError(404, 'NOT_FOUND', 'Method not found.');
  if (String(req.headers.authorization ?? '') !== `Bearer ${state.token}`) {
    return googleError(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    );
  }
  const fault = state.faults?.shift();
  if (!fault) return undefined;
  if (fault.malformed)
    return { status: fault.status, headers: { 'Content-Type': 'text/html' }, body: options.malformedBody };
  const headers = { 'Retry-After': fault.retryAfter === undefined ? undefined : String(fault.retryAfter) };
  if (fault.status === 429) return googleError(429, 'RESOURCE_EXHAUSTED', options.quotaMessage, headers);
  return googleError(fault.status, 'INTERNAL', 'Internal error encountered.', headers);
}
