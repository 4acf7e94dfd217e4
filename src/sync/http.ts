import type { RateLimitHint } from '../connect/connector-spec';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import { type Deadline, DeadlineReached } from './deadline';
import { type FetchBudget, quotaError } from './fetch-budget';
import { type ErrorContext, httpError, malformedBodyError, networkError, notCsvError } from './http-errors';
import { redact } from './redact';
import { type HttpRequest, toFetchParams } from './request';
import {
  backoffMs,
  DEFAULT_RETRY,
  type Headers,
  isRetryableStatus,
  minIntervalMs,
  paceAfterMs,
  type RetryPolicy,
  retryDelayMs,
} from './retry';

export interface JsonResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Headers;
  body: unknown;
}

/** Everything the HTTP layer needs for one stream: services, limits, and how to word errors. */
export interface HttpSession {
  gas: Gas;
  clock: () => number;
  deadline: Deadline;
  budget: FetchBudget;
  errors: ErrorContext;
  rateLimit?: RateLimitHint;
  /** Set when replies are CSV (StreamSpec.csv) rather than JSON. */
  csv?: { delimiter?: string };
  policy?: RetryPolicy;
  /** Statuses the stream declares as an empty page rather than an error. */
  emptyOnStatus?: readonly number[];
  /** Jitter source; tests may fix it. */
  random?: () => number;
  /** Set by the session itself: when the next request may go out. */
  notBefore?: number;
  /** UrlFetch calls made (API pages plus retries). */
  calls?: number;
}

/** Utilities.sleep refuses more than five minutes at once. */
const MAX_SLEEP_MS = 300_000;

/**
 * Fetches one or more JSON pages (several in parallel with fetchAll), retrying 429, 5xx and
 * network failures with backoff, honouring Retry-After and rate-limit headers, and within the
 * deadline. A status that retrying cannot fix becomes a TapdashError in the vendor's terms.
 * Results come back in request order.
 */
export function fetchJson(session: HttpSession, requests: readonly HttpRequest[]): JsonResponse[] {
  const policy = session.policy ?? DEFAULT_RETRY;
  const random = session.random ?? Math.random;
  const results: JsonResponse[] = new Array(requests.length);
  let pending = requests.map((_, i) => i);
  for (let attempt = 1; ; attempt++) {
    pace(session, pending.length);
    session.budget.take(pending.length);
    session.calls = (session.calls ?? 0) + pending.length;
    let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      responses = send(
        session.gas,
        pending.map((i) => requests[i]),
      );
    } catch (e) {
      const message = failureMessage(e, session);
      if (attempt >= policy.maxAttempts) throw networkError(message, attempt, session.errors);
      wait(session, backoffMs(attempt, policy, random), 'the connection to come back');
      continue;
    }
    const retry: number[] = [];
    let delay = 0;
    responses.forEach((response, k) => {
      const i = pending[k];
      const status = response.getResponseCode();
      const headers = lowerCaseHeaders(response.getAllHeaders() as Record<string, unknown>);
      if (session.emptyOnStatus?.includes(status)) {
        // "Nothing here" (GitHub's 409 for an empty repository): an empty page, not a failure.
        results[i] = { status, headers, body: null };
      } else if (status >= 200 && status < 300) {
        results[i] = { status, headers, body: parseBody(response, headers, session) };
        const pause = paceAfterMs(headers, session.clock(), session.rateLimit);
        if (pause > 0) session.notBefore = Math.max(session.notBefore ?? 0, session.clock() + pause);
      } else if (attempt < policy.maxAttempts && isRetryableStatus(status, headers, session.rateLimit)) {
        retry.push(i);
        delay = Math.max(
          delay,
          retryDelayMs(attempt, headers, session.clock(), policy, random, session.rateLimit),
        );
      } else {
        throw httpError(status, parseLoosely(response), session.errors, attempt);
      }
    });
    if (retry.length === 0) return results;
    pending = retry;
    wait(session, delay, `${session.errors.connector.label} to accept more requests`);
  }
}

function send(gas: Gas, requests: HttpRequest[]): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
  if (requests.length === 1) {
    const { url, ...params } = toFetchParams(requests[0]);
    return [gas.UrlFetchApp.fetch(url, params)];
  }
  return gas.UrlFetchApp.fetchAll(requests.map(toFetchParams));
}

/** What a thrown UrlFetch failure means: some are final (quota, allowlist), the rest transient. */
function failureMessage(error: unknown, session: HttpSession): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/too many times for one day/i.test(message))
    throw quotaError(session.budget.used(), session.budget.limit);
  if (/maximum execution time/i.test(message)) throw error;
  if (/not permitted|whitelist|allowlist/i.test(message)) {
    throw new TapdashError({
      code: 'url-not-allowed',
      message: `Google blocked the request to ${session.errors.connector.label}: ${redact(message, session.errors.secrets)}`,
      fix: "This add-on's build does not list that address. Ask whoever runs your Tapdash to add it (see docs/self-hosting).",
      where: session.errors.where,
    });
  }
  if (/invalid argument/i.test(message)) {
    throw new TapdashError({
      code: 'bad-url',
      message: `The address for ${session.errors.where} is not valid: ${redact(message, session.errors.secrets)}`,
      fix: 'Check the base URL and the other settings of the connection under Sources in the Tapdash sidebar.',
      where: session.errors.where,
    });
  }
  return message.replace(/^Exception:\s*/, '');
}

/** Honours the declared request rate and any pause a rate-limit header asked for. */
function pace(session: HttpSession, batch: number): void {
  const now = session.clock();
  const due = session.notBefore ?? 0;
  if (due > now) wait(session, due - now, `${session.errors.connector.label}'s rate limit to reset`);
  const gap = minIntervalMs(session.rateLimit);
  session.notBefore = session.clock() + gap * batch;
}

function wait(session: HttpSession, ms: number, what: string): void {
  if (ms <= 0) return;
  if (ms >= session.deadline.remainingMs()) throw new DeadlineReached(`waiting for ${what}`);
  for (let left = Math.ceil(ms); left > 0; left -= MAX_SLEEP_MS)
    session.gas.Utilities.sleep(Math.min(left, MAX_SLEEP_MS));
}

function lowerCaseHeaders(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw ?? {}))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

function parseBody(
  response: GoogleAppsScript.URL_Fetch.HTTPResponse,
  headers: Headers,
  session: HttpSession,
): unknown {
  const text = response.getContentText();
  if (text.trim() === '') return null;
  if (session.csv) return parseCsvBody(text, headers, session);
  try {
    return JSON.parse(text);
  } catch {
    throw malformedBodyError(text, headers['content-type'], session.errors);
  }
}

/**
 * A CSV reply as rows of text. An HTML page instead (a sign-in page, a link to the page that
 * shows the file rather than to the file) would parse as nonsense rows, so it is refused first.
 */
function parseCsvBody(text: string, headers: Headers, session: HttpSession): string[][] {
  const type = headers['content-type'] ?? '';
  if (/html/i.test(type) || /^\s*<(!doctype|html|head|body)\b/i.test(text))
    throw notCsvError(text, type, session.errors);
  const csv = text.replace(/^\uFEFF/, '');
  try {
    const delimiter = session.csv?.delimiter;
    return delimiter ? session.gas.Utilities.parseCsv(csv, delimiter) : session.gas.Utilities.parseCsv(csv);
  } catch {
    throw notCsvError(text, type, session.errors);
  }
}

function parseLoosely(response: GoogleAppsScript.URL_Fetch.HTTPResponse): unknown {
  try {
    return JSON.parse(response.getContentText());
  } catch {
    return undefined;
  }
}
