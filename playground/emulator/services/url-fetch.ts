/**
 * UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app),
 * synchronous and backed by real HTTP so connectors can be tested against local mock servers.
 * Limits from the quotas page and the platform notes §1: URL ≤ 2,082 characters, ≤ 100 headers,
 * 50 MB responses and payloads, a daily per-user call quota, and the manifest's urlFetchWhitelist
 * (https://developers.google.com/apps-script/manifest/allowlist-url).
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { decodeText } from './bytes';
import { type FetchParams, type Prepared, prepareRequest } from './fetch-request';
import { sendRequests, type WireResult } from './http-client';
import { createHttpResponse, httpFailureMessage, transportError } from './http-response';
import { maskHeaders, maskUrl } from './mask';

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
  /** Set when a host route sent the request to a local mock instead (url-fetch-routes.ts). */
  routedTo?: string;
  elapsedMs: number;
  requestBytes: number;
  responseBytes: number;
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
  if (p.routedTo) rec.routedTo = maskUrl(p.routedTo);
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
    const response = createHttpResponse(r, (work) => emu.inService(work));
    if (r.status >= 400 && !p.mute)
      throw platformError(httpFailureMessage(p.displayUrl, r.status, response.getContentText()));
    return response;
  });
}

export function createUrlFetchApp(emu: Emulator): GoogleAppsScript.URL_Fetch.UrlFetchApp {
  return {
    fetch(url: string, params: FetchParams = {}) {
      emu.call('UrlFetchApp', 'fetch', 'network', emu.costs.urlFetchMs);
      return emu.inService(() => run(emu, [prepareRequest(emu, url, params ?? {})]))[0];
    },
    fetchAll(requests: Array<string | FetchParams>) {
      emu.call('UrlFetchApp', 'fetchAll', 'network', emu.costs.urlFetchMs);
      return emu.inService(() => {
        const prepared = (requests ?? []).map((r) =>
          typeof r === 'string' ? prepareRequest(emu, r, {}) : prepareRequest(emu, r?.url, r ?? {}),
        );
        return run(emu, prepared);
      });
    },
    /** The request as it would be sent (UrlFetchApp.getRequest): nothing goes over the network. */
    getRequest(url: string, params: FetchParams = {}) {
      emu.call('UrlFetchApp', 'getRequest', 'network', emu.costs.localMs);
      const p = prepareRequest(emu, url, params ?? {});
      const headers = Object.fromEntries(p.wire.headers.filter(([n]) => !/^(content-type)$/i.test(n)));
      return {
        url: p.displayUrl,
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
