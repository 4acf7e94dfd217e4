/**
 * What UrlFetchApp hands back: HTTPResponse
 * (https://developers.google.com/apps-script/reference/url-fetch/http-response) and the errors
 * for failed requests and unmuted error statuses.
 */
import { platformError } from '../platform-error';
import { EmulatedBlob } from './blob';
import { decodeText, toSignedBytes } from './bytes';
import { charsetOf } from './fetch-request';
import type { WireResult } from './http-client';

export function transportError(result: Extract<WireResult, { ok: false }>, url: string): Error {
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

/** `inService` times the body's decoding as the emulator's own work (Execution.inService). */
export function createHttpResponse(
  result: Extract<WireResult, { ok: true }>,
  inService: <T>(work: () => T) => T = (work) => work(),
) {
  const headerValue = (name: string) => result.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const contentType = headerValue('content-type');
  return {
    getResponseCode: () => result.status,
    getContentText: (charset?: string) =>
      inService(() => decodeText(result.body, charset ?? charsetOf(contentType) ?? 'UTF-8')),
    getContent: () => inService(() => toSignedBytes(result.body)),
    getBlob: () =>
      inService(() => new EmulatedBlob(result.body.slice(), contentType?.split(';')[0].trim() ?? null, null)),
    getAs: (type: string) =>
      inService(() =>
        new EmulatedBlob(result.body.slice(), contentType?.split(';')[0].trim() ?? null).getAs(type),
      ),
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
