/**
 * Turning UrlFetchApp's (url, params) into the bytes sent: URL escaping and checks, the
 * urlFetchWhitelist (https://developers.google.com/apps-script/manifest/allowlist-url), headers,
 * and the payload (string, form-encoded object, multipart, bytes or blob) with its content type.
 * Limits from the quotas page: URL ≤ 2,082 characters, ≤ 100 headers, 50 MB payloads.
 */
import { isUrlAllowed } from '../../../src/connect/allowlist';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { blobBytes, type EmulatedBlob, isBlob } from './blob';
import { encodeText, fromByteArray, isByteArray } from './bytes';
import type { WireRequest } from './http-client';
import { routedUrl } from './url-fetch-routes';

export const MAX_URL_LENGTH = 2082;
export const MAX_HEADERS = 100;
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;
/** Poehnelt (platform notes §1) measured a hard ~60 s limit; the reference's default is longer. */
const TIMEOUT_MS = 60_000;
const METHODS = new Set(['GET', 'DELETE', 'PATCH', 'POST', 'PUT']);
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: emulated)';

export interface FetchParams {
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  payload?: unknown;
  contentType?: string;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
  useIntranet?: boolean;
}

export interface Prepared {
  wire: WireRequest;
  mute: boolean;
  displayUrl: string;
  /** Where the request really goes when a host route rewrote it (playground --mock-apis). */
  routedTo?: string;
}

/**
 * With escaping on (the default), characters that cannot appear in a URL are percent-encoded;
 * existing %XX escapes are kept, so an already-encoded URL is not encoded twice.
 */
export function escapeUrl(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) =>
    encodeURIComponent(c),
  );
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h === '127.0.0.1' || /^127\./.test(h);
}

function checkAllowed(emu: Emulator, url: URL, raw: string): void {
  if (emu.options.localMode && (url.protocol === 'http:' || isLoopback(url.hostname))) return;
  const allowlist = emu.options.urlFetchWhitelist;
  if (allowlist === undefined) return;
  if (url.protocol === 'https:' && isUrlAllowed(raw, allowlist)) return;
  // The platform's wording for a URL outside the manifest allowlist is not documented.
  throw platformError(`UrlFetch calls to ${raw} are not permitted by this script's urlFetchWhitelist.`);
}

function formEncode(payload: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(payload)) params.append(k, String(v));
  return params.toString();
}

function multipart(payload: Record<string, unknown>, boundary: string): Uint8Array {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(payload)) {
    if (isBlob(v)) {
      const name = (v as { getName?: () => string | null }).getName?.() ?? k;
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${name}"\r\nContent-Type: ${v.getContentType() ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        Buffer.from(blobBytes(v)),
        Buffer.from('\r\n'),
      );
    } else {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(parts));
}

function buildBody(payload: unknown, charsetHint?: string): { body?: Uint8Array; type?: string } {
  if (payload === undefined || payload === null) return {};
  if (typeof payload === 'string') return { body: encodeText(payload, charsetHint) };
  if (isByteArray(payload)) return { body: fromByteArray(payload) };
  if (isBlob(payload) || (typeof payload === 'object' && 'getBlob' in (payload as object)))
    return { body: blobBytes(payload), type: (payload as EmulatedBlob).getContentType?.() ?? undefined };
  if (typeof payload === 'object') {
    const values = Object.values(payload as Record<string, unknown>);
    if (values.some(isBlob)) {
      const boundary = `----emulatedBoundary${Date.now().toString(16)}`;
      return {
        body: multipart(payload as Record<string, unknown>, boundary),
        type: `multipart/form-data; boundary=${boundary}`,
      };
    }
    return { body: encodeText(formEncode(payload as Record<string, unknown>)) };
  }
  return { body: encodeText(String(payload)) };
}

export function prepareRequest(emu: Emulator, rawUrl: unknown, params: FetchParams): Prepared {
  let url = String(rawUrl ?? '');
  if (params.escaping !== false) url = escapeUrl(url);
  if (url.length > MAX_URL_LENGTH) throw platformError('Limit Exceeded: URLFetch URL Length.');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw platformError(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw platformError(`Invalid argument: ${url}`);
  checkAllowed(emu, parsed, url);
  const method = String(params.method ?? 'get').toUpperCase();
  if (!METHODS.has(method)) throw platformError(`Invalid argument: method`);
  const userHeaders = Object.entries(params.headers ?? {});
  // The quotas page's "URL Fetch headers: 100 per call"; the error's wording is not documented.
  if (userHeaders.length > MAX_HEADERS) throw platformError('Limit Exceeded: URLFetch headers.');
  const headers: Array<[string, string]> = [];
  let typeFromHeaders: string | undefined;
  for (const [k, v] of userHeaders) {
    if (/^content-type$/i.test(k)) typeFromHeaders = String(v);
    else headers.push([k, String(v)]);
  }
  const explicitType = params.contentType ?? typeFromHeaders;
  const { body, type } = buildBody(params.payload, charsetOf(explicitType));
  // The quotas page's 50 MB "URL Fetch POST size"; the error's wording is not documented.
  if (body && body.byteLength > MAX_PAYLOAD_BYTES) throw platformError('Limit Exceeded: URLFetch POST Size.');
  const contentType = explicitType ?? type;
  // The reference: contentType "defaults to 'application/x-www-form-urlencoded'".
  if (body) headers.push(['Content-Type', contentType ?? 'application/x-www-form-urlencoded']);
  else if (contentType) headers.push(['Content-Type', contentType]);
  if (!headers.some(([n]) => /^user-agent$/i.test(n))) headers.push(['User-Agent', USER_AGENT]);
  if (!headers.some(([n]) => /^accept-encoding$/i.test(n)))
    headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  // Checked and reported under its real URL; only the wire goes elsewhere (url-fetch-routes.ts).
  const routedTo = routedUrl(emu, parsed);
  return {
    mute: params.muteHttpExceptions === true,
    displayUrl: url,
    ...(routedTo ? { routedTo } : {}),
    wire: {
      url: routedTo ?? url,
      method,
      headers,
      body,
      followRedirects: params.followRedirects !== false,
      validateHttpsCertificates: params.validateHttpsCertificates !== false,
      timeoutMs: TIMEOUT_MS,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    },
  };
}

export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}
