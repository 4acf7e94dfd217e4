/**
 * The Stripe mock as a handler for the shared mock server (playground/mock-apis/mock-server.ts), which
 * bundles this file and runs it on the server's worker thread. Its state is plain JSON: the
 * account, the faults still to serve, and the log of what was asked and answered.
 */
import type { MockRequest, MockResponse } from '../mock-server';
import { handleRequest, type StripeState } from './protocol';

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  status: number;
}

export type HandlerState = StripeState & { log: LoggedRequest[] };

export default function stripeHandler(req: MockRequest, state: HandlerState): MockResponse {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const request = { method: req.method, url: req.url, headers };
  const response = handleRequest(state, request);
  state.log.push({ ...request, status: response.status });
  return { status: response.status, headers: response.headers, body: response.body };
}
