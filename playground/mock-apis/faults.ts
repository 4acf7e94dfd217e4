/**
 * Faults a test queues on a vendor mock, and how the vendor answers them: a 429 with
 * Retry-After, a 5xx, or a 200 whose JSON is cut off as a dropped connection leaves it. The
 * queue and the three answers are the same for every vendor; what differs is each vendor's
 * wording and headers, which its `FaultStyle` gives (Shopify's Retry-After "2.0", GitLab's
 * plain-text `Retry later`, HubSpot's `policyName`).
 *
 * Plain data and pure functions: the mocks run them in the mock server's worker thread.
 */
import type { MockResponse } from './mock-server';

interface Queued {
  /** The fault answers requests whose path contains this. */
  path: string;
  /** How many matching requests get it (default 1) before normal answers resume. */
  times?: number;
}

/**
 * A queued fault. `RateLimit` is what the vendor's 429 needs (its Retry-After, as a number of
 * seconds or as the text the vendor writes); `never` for a vendor whose rate limits are its
 * own kinds (GitHub's primary and secondary limits).
 */
export type Fault<RateLimit extends { retryAfter: number | string } = { retryAfter: number }> =
  | (Queued & { kind: 'rate-limit' } & RateLimit)
  | (Queued & { kind: 'server-error'; status?: number })
  | (Queued & { kind: 'malformed' });

/**
 * Takes the first queued fault whose path the request's path contains, counting one use;
 * it leaves the queue once used `times` times. Undefined when none matches.
 */
export function takeFault<F extends Queued>(state: { faults: F[] }, path: string): F | undefined {
  const index = state.faults.findIndex((f) => path.includes(f.path));
  if (index < 0) return undefined;
  const fault = state.faults[index];
  const left = (fault.times ?? 1) - 1;
  if (left > 0) state.faults[index] = { ...fault, times: left };
  else state.faults.splice(index, 1);
  return fault;
}

type RateLimitOf<F> = Extract<F, { kind: 'rate-limit' }>;

/** How one vendor words and dresses its fault answers. */
export interface FaultStyle<F extends Fault<{ retryAfter: number | string }>> {
  /** The vendor's ordinary answer: its JSON content type and the headers it always sends. */
  answer(status: number, body: unknown, headers?: Record<string, string>): MockResponse;
  /** The 429's body (a string is sent as text) and any headers beside Retry-After. */
  rateLimit?: {
    body(fault: RateLimitOf<F>): unknown;
    headers?(fault: RateLimitOf<F>): Record<string, string>;
  };
  /** The 5xx body, in the vendor's words. */
  serverErrorBody(): unknown;
  /** The first bytes of one of the vendor's real list bodies, cut off mid-value. */
  cutOff: string;
  /** The content type of the cut-off answer, the only header a dropped connection keeps. */
  contentType: string;
}

/** The vendor's answer to a fault taken from its queue. */
export function faultResponse<F extends Fault<{ retryAfter: number | string }>>(
  fault: F,
  style: FaultStyle<F>,
): MockResponse {
  // Narrowed through the constraint: a generic parameter does not narrow by its `kind`.
  const any: Fault<{ retryAfter: number | string }> = fault;
  switch (any.kind) {
    case 'rate-limit': {
      const limited = fault as RateLimitOf<F>;
      if (!style.rateLimit) throw new Error('This mock has no rate-limit fault; queue its own kind instead.');
      return style.answer(429, style.rateLimit.body(limited), {
        'retry-after': String(limited.retryAfter),
        ...style.rateLimit.headers?.(limited),
      });
    }
    case 'server-error':
      return style.answer(any.status ?? 500, style.serverErrorBody());
    case 'malformed':
      return { status: 200, headers: { 'content-type': style.contentType }, body: style.cutOff };
  }
}
