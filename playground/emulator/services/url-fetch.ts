/**
 * UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app),
 * synchronous and backed by real HTTP so connectors can be tested against local mock servers.
 * Limits from the quotas page and the platform notes §1: URL ≤ 2,082 characters, ≤ 100 headers,
 * 50 MB responses and payloads, a daily per-user call quota, and the manifest's urlFetchWhitelist
 * (https://developers.google.com/apps-script/manifest/allowlist-url).
 */
import { isUrlAllowed } from '../../../src/connect/allowlist';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { blobBytes, EmulatedBlob, isBlob } from './blob';
import { decodeText, encodeText, fromByteArray, isByteArray, toSignedBytes } from './bytes';
import { sendRequests, type WireRequest, type WireResult } from './http-client';
import { maskHeaders, maskUrl } from './mask';

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

/** One request as the service log keeps it: secrets masked. */
export interface RequestRecord {
  at: number;
  user: string;
  executionId?: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  status?: number;
  error?: string;
  elapsedMs: number;
  requestBytes: number;
  responseBytes: number;
}

interface Prepared {
  wire: WireRequest;
  mute: boolean;
  displayUrl: string;
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

function prepare(emu: Emulator, rawUrl: unknown, params: FetchParams): Prepared {
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
  return {
    mute: params.muteHttpExceptions === true,
    displayUrl: url,
    wire: {
      url,
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

function transportError(result: Extract<WireResult, { ok: false }>, url: string): Error {
  switch (result.kind) {
    case 'dns':
      return platformError(`DNS error: ${url}`);
    case 'timeout':
      // Wording not verified.
      return platformError(`Timeout: ${url}`);
    case 'too-large':
      // The 50 MB limit is documented; the error's wording is not.
      return platformError('Limit Exceeded: URLFetch response size.');
    case 'ssl':
      // Wording not verified.
      return platformError(`SSL Error: ${url}`);
    case 'invalid':
      return platformError(`Invalid argument: ${url}`);
    default:
      return platformError(`Address unavailable: ${url}`);
  }
}

/**
 * The failure message for an unmuted status ≥ 400, as it appears in public bug reports
 * ("Request failed for https://www.facebook.com returned code 500. Truncated server response:
 * <!DOCTYPE html>... (use muteHttpExceptions option to examine full response)"): the scheme and
 * host, and the body cut to 150 characters including the "...".
 */
export function httpFailureMessage(url: string, status: number, text: string): string {
  const u = new URL(url);
  const origin = `${u.protocol}//${u.host}`;
  const truncated = text.length > 150 ? `${text.slice(0, 147)}...` : text;
  return `Request failed for ${origin} returned code ${status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
}

export function createHttpResponse(result: Extract<WireResult, { ok: true }>) {
  const headerValue = (name: string) => result.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const contentType = headerValue('content-type');
  return {
    getResponseCode: () => result.status,
    getContentText: (charset?: string) =>
      decodeText(result.body, charset ?? charsetOf(contentType) ?? 'UTF-8'),
    getContent: () => toSignedBytes(result.body),
    getBlob: () => new EmulatedBlob(result.body.slice(), contentType?.split(';')[0].trim() ?? null, null),
    getAs: (type: string) =>
      new EmulatedBlob(result.body.slice(), contentType?.split(';')[0].trim() ?? null).getAs(type),
    /** Repeated headers keep their first value here (getAllHeaders has them all). Unverified. */
    getHeaders: () => {
      const out: Record<string, string> = {};
      for (const [n, v] of result.headers) if (!(n in out)) out[n] = v;
      return out;
    },
    /** "headers that have multiple values returned as arrays" (HTTPResponse reference). */
    getAllHeaders: () => {
      const out: Record<string, string | string[]> = {};
      for (const [n, v] of result.headers) {
        const prev = out[n];
        if (prev === undefined) out[n] = v;
        else out[n] = Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      return out;
    },
  };
}

function record(emu: Emulator, p: Prepared, result: WireResult): void {
  const rec: RequestRecord = {
    at: emu.clock.now(),
    user: emu.activeUser(),
    executionId: emu.current()?.id,
    method: p.wire.method,
    url: maskUrl(p.displayUrl),
    headers: maskHeaders(Object.fromEntries(p.wire.headers)),
    elapsedMs: Math.round(result.elapsedMs),
    requestBytes: p.wire.body?.byteLength ?? 0,
    responseBytes: result.ok ? result.body.byteLength : 0,
  };
  if (result.ok) rec.status = result.status;
  else rec.error = result.kind;
  emu.services.recordRequest(rec);
}

function run(emu: Emulator, prepared: Prepared[]) {
  const exec = emu.current();
  if (exec)
    emu.services.quotas.take(
      'urlfetch',
      emu.activeUser(),
      emu.clock.now(),
      prepared.length,
      emu.options.quotas.urlFetchPerDay,
    );
  const results = sendRequests(prepared.map((p) => p.wire));
  // fetchAll runs its requests in parallel: it costs the slowest, not the sum.
  const slowest = Math.max(0, ...results.map((r) => r.elapsedMs));
  if (exec) exec.spend(Math.round(slowest));
  results.forEach((r, i) => {
    record(emu, prepared[i], r);
  });
  return results.map((r, i) => {
    const p = prepared[i];
    if (!r.ok) throw transportError(r, p.displayUrl);
    const response = createHttpResponse(r);
    if (r.status >= 400 && !p.mute)
      throw platformError(httpFailureMessage(p.displayUrl, r.status, response.getContentText()));
    return response;
  });
}

export function createUrlFetchApp(emu: Emulator): GoogleAppsScript.URL_Fetch.UrlFetchApp {
  return {
    fetch(url: string, params: FetchParams = {}) {
      emu.call('UrlFetchApp', 'fetch', 'network', emu.costs.urlFetchMs);
      return run(emu, [prepare(emu, url, params ?? {})])[0];
    },
    fetchAll(requests: Array<string | FetchParams>) {
      emu.call('UrlFetchApp', 'fetchAll', 'network', emu.costs.urlFetchMs);
      const prepared = (requests ?? []).map((r) =>
        typeof r === 'string' ? prepare(emu, r, {}) : prepare(emu, r?.url, r ?? {}),
      );
      return run(emu, prepared);
    },
    /** The request as it would be sent (UrlFetchApp.getRequest): nothing goes over the network. */
    getRequest(url: string, params: FetchParams = {}) {
      emu.call('UrlFetchApp', 'getRequest', 'network', emu.costs.localMs);
      const p = prepare(emu, url, params ?? {});
      const headers = Object.fromEntries(p.wire.headers.filter(([n]) => !/^(content-type)$/i.test(n)));
      return {
        url: p.wire.url,
        method: p.wire.method.toLowerCase(),
        headers,
        payload: p.wire.body ? decodeText(p.wire.body) : '',
        contentType: p.wire.headers.find(([n]) => /^content-type$/i.test(n))?.[1] ?? null,
        followRedirects: p.wire.followRedirects,
        validateHttpsCertificates: p.wire.validateHttpsCertificates,
        useIntranet: params?.useIntranet === true,
        muteHttpExceptions: p.mute,
      };
    },
  } as unknown as GoogleAppsScript.URL_Fetch.UrlFetchApp;
}
