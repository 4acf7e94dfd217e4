/**
 * A mock file host serving CSV files over HTTP, as the hosts a CSV import reads from do: a
 * "Publish to web" Google Sheet (docs.google.com answers 307 to googleusercontent.com, which
 * sends `text/csv`), a raw GitHub file, a storage bucket. A private file wants a bearer token;
 * a link to a web page instead of the file answers HTML (Google's sign-in page for a sheet that
 * is not published). The default export is the handler for tests/support/mock-server.ts.
 */

export interface CsvFile {
  body: string;
  contentType?: string;
  /** When set, the file is private and needs `Authorization: Bearer <token>`. */
  token?: string;
}

export interface CsvFault {
  status: number;
  retryAfter?: number;
}

export interface CsvMockState {
  files: Record<string, CsvFile>;
  /** Path → path the host redirects to (307), like a published sheet's link. */
  redirects?: Record<string, string>;
  faults?: CsvFault[];
  served?: number;
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

interface Response {
  status?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

export const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Google Sheets - Sign in</title></head><body>Sign in to continue to Sheets</body></html>';

export default function csvHandler(req: Request, state: CsvMockState): Response | undefined {
  if (req.method !== 'GET') return { status: 405, body: 'Method Not Allowed' };
  const target = state.redirects?.[req.path];
  if (target) return { status: 307, headers: { Location: target }, body: '' };
  const fault = state.faults?.shift();
  if (fault) {
    const headers = {
      'Content-Type': 'text/plain',
      'Retry-After': fault.retryAfter === undefined ? undefined : String(fault.retryAfter),
    };
    return {
      status: fault.status,
      headers,
      body: fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error',
    };
  }
  if (req.path === '/signin')
    return { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE };
  const file = state.files[req.path];
  if (!file) return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: '404: Not Found' };
  if (file.token && String(req.headers.authorization ?? '') !== `Bearer ${file.token}`)
    return { status: 401, headers: { 'Content-Type': 'text/plain' }, body: 'Unauthorized' };
  state.served = (state.served ?? 0) + 1;
  return { headers: { 'Content-Type': file.contentType ?? 'text/csv; charset=utf-8' }, body: file.body };
}
