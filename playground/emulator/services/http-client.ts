/**
 * Synchronous real HTTP for UrlFetchApp: the requests run in a worker thread
 * (../http-worker.mjs) while this thread blocks on Atomics through synckit, as Apps Script's
 * fetch blocks the script.
 *
 * A consequence worth knowing: while a fetch is in flight this thread's event loop is blocked, so
 * a mock server a test wants to reach must not run on this thread (see ../mock-server.ts).
 */
import { join } from 'node:path';
import { createSyncFn } from 'synckit';

export interface WireRequest {
  url: string;
  method: string;
  headers: Array<[string, string]>;
  body?: Uint8Array;
  followRedirects: boolean;
  validateHttpsCertificates: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
}

export type WireResult =
  | {
      ok: true;
      status: number;
      headers: Array<[string, string]>;
      body: Uint8Array;
      finalUrl: string;
      elapsedMs: number;
    }
  | {
      ok: false;
      kind: 'dns' | 'address' | 'timeout' | 'too-large' | 'ssl' | 'invalid';
      message: string;
      elapsedMs: number;
    };

const WORKER = join(__dirname, '..', 'http-worker.mjs');

let send: ((requests: WireRequest[]) => WireResult[]) | undefined;

/** Sends the requests in parallel and returns their results in order. */
export function sendRequests(requests: WireRequest[]): WireResult[] {
  if (requests.length === 0) return [];
  // execArgv: [] keeps a TypeScript loader (tsx) out of the worker: it is plain JS.
  send ??= createSyncFn(WORKER, { execArgv: [], timeout: 10 * 60_000 }) as unknown as (
    requests: WireRequest[],
  ) => WireResult[];
  return send(requests);
}
