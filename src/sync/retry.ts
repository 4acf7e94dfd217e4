import type { RateLimitHint } from '../connect/connector-spec';

export interface RetryPolicy {
  /** Tries per request, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export type Headers = Readonly<Record<string, string>>;

/**
 * Whether a status is worth another try: 429, 5xx (not 501, which will not change), and a 403
 * that is a rate limit in disguise: GitHub answers 403 with X-RateLimit-Remaining: 0, or with
 * Retry-After for a secondary limit
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
export function isRetryableStatus(status: number, headers: Headers, hint?: RateLimitHint): boolean {
  if (status === 429) return true;
  if (status >= 500 && status !== 501) return true;
  if (status === 403) return rateLimitExhausted(headers, hint) || headers['retry-after'] !== undefined;
  return false;
}

function rateLimitExhausted(headers: Headers, hint?: RateLimitHint): boolean {
  const name = (hint?.remainingHeader ?? 'x-ratelimit-remaining').toLowerCase();
  const remaining = headers[name];
  return remaining !== undefined && Number(remaining) <= 0;
}

/** Exponential backoff with full jitter: spreads retries of parallel requests apart. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * How long the server asked us to wait, if it said: Retry-After (seconds or an HTTP date) or
 * a rate-limit reset header (epoch seconds or seconds, per the connector's hint).
 */
export function serverWaitMs(headers: Headers, nowMs: number, hint?: RateLimitHint): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  if (rateLimitExhausted(headers, hint)) return resetWaitMs(headers, nowMs, hint);
  return undefined;
}

function resetWaitMs(headers: Headers, nowMs: number, hint?: RateLimitHint): number | undefined {
  const name = (hint?.resetHeader ?? 'x-ratelimit-reset').toLowerCase();
  const raw = headers[name];
  if (raw === undefined || !Number.isFinite(Number(raw))) return undefined;
  const value = Number(raw);
  const format = hint?.resetFormat ?? (value > 1e9 ? 'epoch-seconds' : 'seconds');
  return Math.max(0, format === 'epoch-seconds' ? value * 1000 - nowMs : value * 1000);
}

/** Wait before the next try of a failed request: what the server asked for, else backoff. */
export function retryDelayMs(
  attempt: number,
  headers: Headers,
  nowMs: number,
  policy: RetryPolicy,
  random: () => number,
  hint?: RateLimitHint,
): number {
  return serverWaitMs(headers, nowMs, hint) ?? backoffMs(attempt, policy, random);
}

/**
 * Pause before the *next* request after a success, so the engine slows down before the vendor
 * says no: the remaining count hit zero (wait for the reset), or a Shopify-style bucket is
 * almost full (let it drain for a second).
 */
export function paceAfterMs(headers: Headers, nowMs: number, hint?: RateLimitHint): number {
  if (rateLimitExhausted(headers, hint)) return resetWaitMs(headers, nowMs, hint) ?? 1_000;
  if (hint?.bucketHeader) {
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(headers[hint.bucketHeader.toLowerCase()] ?? '');
    if (m && Number(m[1]) >= Number(m[2]) * 0.9) return 1_000;
  }
  return 0;
}

/** Minimum gap between requests for a declared requests-per-second limit (with 20% headroom). */
export function minIntervalMs(hint?: RateLimitHint): number {
  return hint?.requestsPerSecond ? Math.ceil(1000 / (hint.requestsPerSecond * 0.8)) : 0;
}
