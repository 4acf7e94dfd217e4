/**
 * A mock of the GA4 Data API's runReport (v1beta), speaking its documented protocol: OAuth
 * bearer auth, a JSON body with dateRanges / dimensions / metrics / orderBys / offset / limit,
 * rows of string values named by dimensionHeaders and metricHeaders, `rowCount` for the total,
 * `rows` left out when empty, and Google's error envelope
 * ({"error": {"code", "message", "status"}}).
 * https://developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/properties/runReport
 *
 * The default export is the handler for playground/mock-apis/mock-server.ts (it runs in a worker, so
 * it uses nothing but its arguments). Facts are stored at the finest grain (day × source /
 * medium × country) and summed for coarser reports; the real API counts users without
 * double-counting, which a sum cannot do, so tests that care give the daily totals in
 * `dailyUsers`.
 */
import {
  type GoogleFault,
  type GoogleRequest,
  type GoogleResponse,
  googleError,
  googleGate,
} from '../google-api';

export interface Ga4Fact {
  /** 2024-06-01 */
  date: string;
  sessionSourceMedium: string;
  country: string;
  countryId: string;
  sessions: number;
  totalUsers: number;
  newUsers: number;
  keyEvents: number;
  totalRevenue: number;
}

export type Ga4Fault = GoogleFault;

export interface Ga4MockState {
  /** The token ScriptApp.getOAuthToken() gives in the emulator; any other is rejected. */
  token: string;
  /** Properties the token's user may read; others get 403. */
  properties: string[];
  /** What "today" is for the property (YYYY-MM-DD). */
  today: string;
  facts: Ga4Fact[];
  /** Exact daily users by date, when a test needs them (otherwise the facts are summed). */
  dailyUsers?: Record<string, number>;
  currencyCode?: string;
  /** Answers given instead of the report, one per request, first first. */
  faults?: Ga4Fault[];
  /** Reports served (successful ones). */
  served?: number;
}

type Request = GoogleRequest & { body: string };
type Response = GoogleResponse;

const DIMENSIONS = ['date', 'sessionSourceMedium', 'country', 'countryId'] as const;
const METRIC_TYPES: Record<string, string> = {
  sessions: 'TYPE_INTEGER',
  totalUsers: 'TYPE_INTEGER',
  newUsers: 'TYPE_INTEGER',
  keyEvents: 'TYPE_INTEGER',
  totalRevenue: 'TYPE_CURRENCY',
};
const REQUEST_FIELDS = new Set([
  'property',
  'dimensions',
  'metrics',
  'dateRanges',
  'dimensionFilter',
  'metricFilter',
  'offset',
  'limit',
  'metricAggregations',
  'orderBys',
  'currencyCode',
  'cohortSpec',
  'keepEmptyRows',
  'returnPropertyQuota',
  'comparisons',
]);
const MAX_LIMIT = 250_000;

const error = googleError;

const PATH = /^\/v1beta\/properties\/([^/:]+):runReport$/;

export default function ga4Handler(req: Request, state: Ga4MockState): Response | undefined {
  const m = PATH.exec(req.path);
  if (!m) return undefined;
  const refused = googleGate(req, state, {
    method: 'POST',
    quotaMessage: 'Exhausted concurrent requests quota.',
    malformedBody: '<html><body>Bad Gateway',
  });
  if (refused) return refused;
  if (!state.properties.includes(m[1])) {
    return error(
      403,
      'PERMISSION_DENIED',
      'User does not have sufficient permissions for this property. To learn more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.',
    );
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body || '{}');
  } catch {
    return error(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
  const problem = requestProblem(body);
  if (problem) return error(400, 'INVALID_ARGUMENT', problem);
  return { body: report(body, state) };
}

function requestProblem(body: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(body)) {
    if (!REQUEST_FIELDS.has(key))
      return `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`;
  }
  const ranges = body.dateRanges as Array<{ startDate?: string; endDate?: string }> | undefined;
  if (!Array.isArray(ranges) || ranges.length !== 1)
    return 'Exactly one date range is supported by this mock.';
  for (const d of (body.dimensions as Array<{ name: string }>) ?? []) {
    if (!(DIMENSIONS as readonly string[]).includes(d.name))
      return `Field ${d.name} is not a valid dimension. For a list of valid dimensions and metrics, see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema `;
  }
  for (const x of (body.metrics as Array<{ name: string }>) ?? []) {
    if (!(x.name in METRIC_TYPES))
      return `Field ${x.name} is not a valid metric. For a list of valid dimensions and metrics, see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema `;
  }
  const offset = Number(body.offset ?? 0);
  const limit = Number(body.limit ?? 10_000);
  if (!Number.isInteger(offset) || offset < 0) return `Offset ${String(body.offset)} must be non-negative.`;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)
    return `limit ${String(body.limit)} must be positive and at most ${MAX_LIMIT}.`;
  return undefined;
}

/** Resolves `today`, `yesterday`, `NdaysAgo` and YYYY-MM-DD against the property's today. */
export function resolveDate(value: string, today: string): string {
  const back = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  if (value === 'today') return today;
  if (value === 'yesterday') return back(1);
  const m = /^(\d+)daysAgo$/.exec(value);
  if (m) return back(Number(m[1]));
  return value;
}

function report(body: Record<string, unknown>, state: Ga4MockState) {
  const [range] = body.dateRanges as Array<{ startDate: string; endDate: string }>;
  const from = resolveDate(range.startDate, state.today);
  const to = resolveDate(range.endDate, state.today);
  const dims = ((body.dimensions as Array<{ name: string }>) ?? []).map((d) => d.name as keyof Ga4Fact);
  const metrics = ((body.metrics as Array<{ name: string }>) ?? []).map((x) => x.name as keyof Ga4Fact);
  const groups = new Map<string, { keys: string[]; sums: number[] }>();
  for (const fact of state.facts) {
    if (fact.date < from || fact.date > to) continue;
    const keys = dims.map((d) => (d === 'date' ? fact.date.replace(/-/g, '') : String(fact[d])));
    const id = JSON.stringify(keys);
    const group = groups.get(id) ?? { keys, sums: metrics.map(() => 0) };
    metrics.forEach((name, i) => {
      group.sums[i] += Number(fact[name]);
    });
    groups.set(id, group);
  }
  if (dims.length === 1 && dims[0] === 'date' && state.dailyUsers) {
    const at = metrics.indexOf('totalUsers');
    for (const g of groups.values()) {
      const day = `${g.keys[0].slice(0, 4)}-${g.keys[0].slice(4, 6)}-${g.keys[0].slice(6)}`;
      if (at >= 0 && state.dailyUsers[day] !== undefined) g.sums[at] = state.dailyUsers[day];
    }
  }
  const ordered = [...groups.values()].sort((a, b) => compareKeys(a.keys, b.keys));
  const offset = Number(body.offset ?? 0);
  const limit = Number(body.limit ?? 10_000);
  const page = ordered.slice(offset, offset + limit);
  state.served = (state.served ?? 0) + 1;
  const out: Record<string, unknown> = {
    dimensionHeaders: dims.map((name) => ({ name })),
    metricHeaders: metrics.map((name) => ({ name, type: METRIC_TYPES[name] })),
  };
  if (page.length) {
    out.rows = page.map((g) => ({
      dimensionValues: g.keys.map((value) => ({ value })),
      metricValues: g.sums.map((v) => ({ value: String(Math.round(v * 100) / 100) })),
    }));
  }
  if (ordered.length) out.rowCount = ordered.length;
  out.metadata = { currencyCode: state.currencyCode ?? 'USD', timeZone: 'America/Los_Angeles' };
  out.kind = 'analyticsData#runReport';
  return out;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
