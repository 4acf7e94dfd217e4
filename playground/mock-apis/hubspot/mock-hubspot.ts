import { type Fault, type FaultStyle, faultResponse, takeFault } from '../faults';
import type { MockRequest, MockResponse } from '../mock-server';
import type { CrmRecord, Pipeline } from './hubspot-shapes';

/**
 * HubSpot's CRM API v3 as documented, for the connector's tests:
 * - bearer auth with a private app token; 401 `INVALID_AUTHENTICATION` otherwise, 403
 *   `MISSING_SCOPES` when the app lacks an object's read scope
 *   (https://developers.hubspot.com/docs/api/error-handling);
 * - `POST /crm/v3/objects/{contacts|companies|deals}/search` with `filterGroups` (filters ANDed
 *   within a group, groups ORed; date values as epoch milliseconds), `sorts`, `properties`,
 *   `limit` (at most 200) and `after`; answers `{total, results, paging.next.after}`; pages
 *   beyond 10,000 results are refused with a 400 (https://developers.hubspot.com/docs/api/crm/search#limitations);
 *   search answers carry no rate-limit headers;
 * - `GET /crm/v3/objects/{contacts|companies|deals}` lists records by id, `limit` (default 10,
 *   at most 100) and an opaque `after` cursor from `paging.next.after`; `archived=true` lists
 *   only the deleted ones (the recycle bin), each with `archivedAt`; no date filter
 *   (https://developers.hubspot.com/docs/api/crm/objects);
 * - `GET /crm/v3/pipelines/deals` with every pipeline and its stages, and the
 *   X-HubSpot-RateLimit-* headers of the other endpoints
 *   (https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details);
 * - faults a test queues: 429 with Retry-After and a `policyName`, a 5xx, a cut-off body.
 *
 * A pure handler `(request, state) => response` for playground/mock-apis/mock-server.ts (default
 * export, `handlerFile`); unit tests call it directly. State is plain JSON.
 */

export type ObjectType = 'contacts' | 'companies' | 'deals';

/** HubSpot's 429 names the limit it hit (its `policyName`). */
export type HubspotFault = Fault<{
  retryAfter: number;
  policyName?: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY';
}>;

export interface HubspotMockState {
  token: string;
  /** Object types the private app may read (its scopes). */
  scopes: ObjectType[];
  objects: Record<ObjectType, CrmRecord[]>;
  pipelines: Pipeline[];
  /** Consumed in order by matching requests (`path` is a substring of the request path). */
  faults: HubspotFault[];
  /** The rolling ten-second window of the non-search endpoints. */
  window: { max: number; remaining: number };
}

/** HubSpot refuses to page a search past this many results. */
export const SEARCH_CAP = 10_000;
const MAX_LIMIT = 200;
const MAX_LIST_LIMIT = 100;

const MODIFIED: Record<ObjectType, string> = {
  contacts: 'lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
};

export function hubspotState(partial: Partial<HubspotMockState> = {}): HubspotMockState {
  return {
    token: 'pat-na1-11111111-2222-3333-4444-555555555555',
    scopes: ['contacts', 'companies', 'deals'],
    objects: { contacts: [], companies: [], deals: [] },
    pipelines: [],
    faults: [],
    window: { max: 100, remaining: 100 },
    ...partial,
  };
}

let requestCount = 0;

function correlation(): string {
  requestCount++;
  return `8f1c2d3e-0000-4000-8000-${String(requestCount).padStart(12, '0')}`;
}

function header(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export default function hubspotHandler(req: MockRequest, state: HubspotMockState): MockResponse {
  const auth = header(req, 'authorization');
  const m = /^Bearer\s+(.+)$/i.exec(auth ?? '');
  if (!m || m[1] !== state.token) {
    return json(401, {
      status: 'error',
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      correlationId: correlation(),
      category: 'INVALID_AUTHENTICATION',
    });
  }
  const fault = takeFault(state, req.path);
  if (fault) return faultResponse(fault, faultStyle);
  const search = /^\/crm\/v3\/objects\/(contacts|companies|deals)\/search$/.exec(req.path);
  if (search && req.method === 'POST') return searchObjects(req, state, search[1] as ObjectType);
  const list = /^\/crm\/v3\/objects\/(contacts|companies|deals)$/.exec(req.path);
  if (list && req.method === 'GET') return listObjects(req, state, list[1] as ObjectType);
  if (req.path === '/crm/v3/pipelines/deals' && req.method === 'GET') {
    if (!state.scopes.includes('deals')) return missingScope('deals');
    return limited(state, 200, { results: state.pipelines });
  }
  return limited(state, 404, {
    status: 'error',
    message: `Unable to route ${req.method} request to ${req.path}`,
    correlationId: correlation(),
    category: 'OBJECT_NOT_FOUND',
  });
}

function json(status: number, body: unknown, extra: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'content-type': 'application/json;charset=utf-8', ...extra }, body };
}

/** A non-search answer, with the rolling window's headers. */
function limited(state: HubspotMockState, status: number, body: unknown): MockResponse {
  state.window.remaining = Math.max(0, state.window.remaining - 1);
  return json(status, body, {
    'x-hubspot-ratelimit-interval-milliseconds': '10000',
    'x-hubspot-ratelimit-max': String(state.window.max),
    'x-hubspot-ratelimit-remaining': String(state.window.remaining),
  });
}

function missingScope(object: ObjectType): MockResponse {
  return json(403, {
    status: 'error',
    message:
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    correlationId: correlation(),
    errors: [
      {
        message: 'One or more of the following scopes are required.',
        context: { requiredGranularScopes: [`crm.objects.${object}.read`] },
      },
    ],
    category: 'MISSING_SCOPES',
  });
}

function validation(message: string): MockResponse {
  return json(400, { status: 'error', message, correlationId: correlation(), category: 'VALIDATION_ERROR' });
}

const faultStyle: FaultStyle<HubspotFault> = {
  // Search answers carry no rate-limit headers, so neither do faults.
  answer: json,
  rateLimit: {
    body(fault) {
      const policy = fault.policyName ?? 'TEN_SECONDLY_ROLLING';
      return {
        status: 'error',
        message:
          policy === 'DAILY'
            ? 'You have reached your daily limit.'
            : 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: correlation(),
        policyName: policy,
      };
    },
  },
  serverErrorBody: () => ({
    status: 'error',
    message: 'internal error',
    correlationId: correlation(),
    category: 'INTERNAL_ERROR',
  }),
  cutOff: '{"total":3,"results":[{"id":"501","properties":{"email":"cut',
  contentType: 'application/json;charset=utf-8',
};

interface Filter {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
}

interface SearchBody {
  filterGroups?: Array<{ filters?: Filter[] }>;
  sorts?: Array<{ propertyName?: unknown; direction?: unknown } | string>;
  properties?: unknown;
  limit?: unknown;
  after?: unknown;
}

function searchObjects(req: MockRequest, state: HubspotMockState, type: ObjectType): MockResponse {
  if (!state.scopes.includes(type)) return missingScope(type);
  let body: SearchBody;
  try {
    body = JSON.parse(req.body || '{}') as SearchBody;
  } catch {
    return validation('Invalid input JSON on line 1, column 1: Cannot build PublicObjectSearchRequest');
  }
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return validation(`limit must be between 1 and ${MAX_LIMIT}`);
  const after = body.after === undefined ? 0 : Number(body.after);
  if (!Number.isInteger(after) || after < 0) return validation('after must be a non-negative integer');
  // The cap's wording is not documented; the status and the limit are.
  if (after + limit > SEARCH_CAP)
    return validation(
      `Search results are limited to ${SEARCH_CAP} per query; paging past it is not allowed.`,
    );
  const groups = body.filterGroups ?? [];
  if (groups.length > 5) return validation('Too many filter groups: at most 5 are allowed.');
  let matched: CrmRecord[];
  try {
    matched = state.objects[type].filter(
      (r) =>
        !r.archived &&
        (groups.length === 0 || groups.some((g) => (g.filters ?? []).every((f) => test(r, f)))),
    );
  } catch (e) {
    return validation((e as Error).message);
  }
  const sort = body.sorts?.[0];
  const sortBy = typeof sort === 'string' ? sort : (sort?.propertyName as string | undefined);
  const descending = typeof sort === 'object' && sort?.direction === 'DESCENDING';
  const ordered = [...matched].sort((a, b) => {
    const byProperty = sortBy ? compare(value(a, sortBy), value(b, sortBy)) : 0;
    return (descending ? -byProperty : byProperty) || Number(a.id) - Number(b.id);
  });
  const wanted = Array.isArray(body.properties) ? (body.properties as string[]) : [];
  const results = ordered.slice(after, after + limit).map((r) => project(r, type, wanted));
  const nextAfter = after + limit;
  return json(200, {
    total: ordered.length,
    results,
    ...(nextAfter < ordered.length ? { paging: { next: { after: String(nextAfter) } } } : {}),
  });
}

/**
 * The list endpoint: records in id order, live ones or (with `archived=true`) only deleted ones.
 * The cursor is opaque to clients; here it is the id of the next record. The wording of the
 * limit error is not documented.
 */
function listObjects(req: MockRequest, state: HubspotMockState, type: ObjectType): MockResponse {
  if (!state.scopes.includes(type)) return missingScope(type);
  const limit = req.query.limit === undefined ? 10 : Number(req.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT)
    return limited(state, 400, {
      status: 'error',
      message: `limit must be between 1 and ${MAX_LIST_LIMIT}`,
      correlationId: correlation(),
      category: 'VALIDATION_ERROR',
    });
  const archived = req.query.archived === 'true';
  const from = req.query.after === undefined ? 0 : Number(req.query.after);
  const ordered = state.objects[type]
    .filter((r) => r.archived === archived && Number(r.id) >= from)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const wanted = req.query.properties ? req.query.properties.split(',') : [];
  const results = ordered.slice(0, limit).map((r) => project(r, type, wanted));
  const next = ordered[limit];
  return limited(state, 200, {
    results,
    ...(next
      ? {
          paging: {
            next: {
              after: next.id,
              link: `https://api.hubapi.com/crm/v3/objects/${type}?archived=${archived}&limit=${limit}&after=${next.id}`,
            },
          },
        }
      : {}),
  });
}

function value(r: CrmRecord, property: string): string | null {
  return r.properties[property] ?? null;
}

/** Instants compare as instants, numbers as numbers, the rest as text; empty sorts first. */
function compare(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ta = instant(a);
  const tb = instant(b);
  if (ta !== undefined && tb !== undefined) return ta - tb;
  return a < b ? -1 : 1;
}

function instant(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const t = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
}

function test(r: CrmRecord, f: Filter): boolean {
  const property = String(f.propertyName ?? '');
  const actual = value(r, property);
  const operator = String(f.operator ?? '');
  if (operator === 'HAS_PROPERTY') return actual !== null;
  if (operator === 'NOT_HAS_PROPERTY') return actual === null;
  if (f.value === undefined) throw new Error(`Filter on ${property} needs a value`);
  const expected = String(f.value);
  if (actual === null) return operator === 'NEQ';
  const c = compare(actual, expected);
  switch (operator) {
    case 'EQ':
      return c === 0;
    case 'NEQ':
      return c !== 0;
    case 'GT':
      return c > 0;
    case 'GTE':
      return c >= 0;
    case 'LT':
      return c < 0;
    case 'LTE':
      return c <= 0;
    default:
      throw new Error(`Unknown operator ${operator}`);
  }
}

/** The requested properties plus the ones HubSpot always returns. */
function project(r: CrmRecord, type: ObjectType, wanted: readonly string[]): CrmRecord {
  const names = new Set([...wanted, 'hs_object_id', 'createdate', MODIFIED[type]]);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = r.properties[name] ?? null;
  return { ...r, properties };
}

export type { CrmRecord, MockRequest, MockResponse, Pipeline };
