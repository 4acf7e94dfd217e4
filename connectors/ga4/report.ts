/**
 * The GA4 Data API's runReport, as Tapdash asks for it and reads it back
 * (https://developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/properties/runReport).
 *
 * A report answers with rows of bare value arrays; the names are in `dimensionHeaders` and
 * `metricHeaders`, in the order the request listed them, and every metric value is a string.
 */
import type { ColumnSpec, RequestContext } from '../../src/connect/connector-spec';

export interface Field {
  /** The Data API's name (https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema). */
  api: string;
  /** The column in the tab: lower_snake_case, so models need no brackets. */
  column: string;
  type: ColumnSpec['type'];
  description: string;
}

export const DATE: Field = {
  api: 'date',
  column: 'date',
  type: 'date',
  description: 'The day, in the property’s reporting time zone.',
};

export const SOURCE_MEDIUM: Field = {
  api: 'sessionSourceMedium',
  column: 'source_medium',
  type: 'string',
  description: 'Where the session came from and how, such as "google / organic" or "(direct) / (none)".',
};

export const COUNTRY: Field = {
  api: 'country',
  column: 'country',
  type: 'string',
  description: 'Country of the visitor, from their IP address, in English ("United States").',
};

export const COUNTRY_ID: Field = {
  api: 'countryId',
  column: 'country_id',
  type: 'string',
  description: 'ISO 3166-1 alpha-2 code of that country ("US").',
};

/**
 * `keyEvents`, not `conversions`: Google renamed conversions to key events in GA4 in March 2024
 * and the Data API followed (changelog, https://developers.google.com/analytics/devguides/reporting/data/v1/changelog).
 */
export const METRICS: readonly Field[] = [
  { api: 'sessions', column: 'sessions', type: 'integer', description: 'Sessions that began.' },
  {
    api: 'totalUsers',
    column: 'users',
    type: 'integer',
    description: 'Distinct users who logged any event. Not additive: one user counts once per row.',
  },
  {
    api: 'newUsers',
    column: 'new_users',
    type: 'integer',
    description: 'Users who visited for the first time.',
  },
  {
    api: 'keyEvents',
    column: 'key_events',
    type: 'number',
    description: 'Key events (formerly conversions): events marked as key events in GA4.',
  },
  {
    api: 'totalRevenue',
    column: 'revenue',
    type: 'number',
    description: 'Purchase, subscription and ad revenue, in the property’s currency (see `currency`).',
  },
];

export const CURRENCY: ColumnSpec = {
  name: 'currency',
  type: 'string',
  description: 'The property’s currency (ISO 4217), in which `revenue` is given.',
};

/** The synthetic key of a breakdown row: its date and every other dimension, joined. */
export const ROW_ID: ColumnSpec = {
  name: 'id',
  type: 'string',
  description: 'Date, source / medium and country, joined with " | ": one row per combination.',
};

/** How far back a first sync reads when the user did not choose (13 months: this month last year). */
export const DEFAULT_HISTORY = '395daysAgo';

/** GA4 data settles for up to about two days; re-reading three keeps late hits. */
export const LOOKBACK_DAYS = 3;

/** Rows per page; the API allows up to 250,000, but smaller pages fetch in parallel and stay far below UrlFetch's 50 MB. */
export const PAGE_ROWS = 10_000;

export interface RunReportRequest {
  dateRanges: Array<{ startDate: string; endDate: string }>;
  dimensions: Array<{ name: string }>;
  metrics: Array<{ name: string }>;
  orderBys: Array<{ dimension: { dimensionName: string } }>;
}

/**
 * The report for one stream. Offset paging only works on a stable order, so the rows are
 * ordered by every dimension. The engine adds `offset` and `limit`.
 */
export function reportRequest(dimensions: readonly Field[], ctx: RequestContext): RunReportRequest {
  return {
    dateRanges: [{ startDate: startDate(ctx), endDate: 'today' }],
    dimensions: dimensions.map((d) => ({ name: d.api })),
    metrics: METRICS.map((m) => ({ name: m.api })),
    orderBys: dimensions.map((d) => ({ dimension: { dimensionName: d.api } })),
  };
}

/** The bookmark (already moved back by the lookback) on later syncs; the chosen history on the first. */
export function startDate(ctx: RequestContext): string {
  if (typeof ctx.cursor === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ctx.cursor)) return ctx.cursor;
  const history = ctx.config.history?.trim();
  return history || DEFAULT_HISTORY;
}

interface Header {
  name?: string;
  type?: string;
}

interface ReportRow {
  dimensionValues?: Array<{ value?: string }>;
  metricValues?: Array<{ value?: string }>;
}

/** A row with what is needed to read it: the report's headers and currency. */
export interface HeadedRow {
  row: ReportRow;
  dimensions: readonly Header[];
  metrics: readonly Header[];
  currency?: string;
}

/**
 * The rows of a runReport response, each with the headers that name its values. `rows` is left
 * out (not `[]`) when the report is empty.
 */
export function headedRows(body: unknown): HeadedRow[] {
  const report = (body ?? {}) as {
    rows?: ReportRow[];
    dimensionHeaders?: Header[];
    metricHeaders?: Header[];
    metadata?: { currencyCode?: string };
  };
  if (!Array.isArray(report.rows)) return [];
  const dimensions = report.dimensionHeaders ?? [];
  const metrics = report.metricHeaders ?? [];
  const currency = report.metadata?.currencyCode;
  return report.rows.map((row) =>
    currency ? { row, dimensions, metrics, currency } : { row, dimensions, metrics },
  );
}

export type Ga4Record = Record<string, string | number | null>;

const BY_API = new Map(
  [DATE, SOURCE_MEDIUM, COUNTRY, COUNTRY_ID, ...METRICS].map((f) => [f.api, f] as const),
);

/**
 * One report row as named fields: `date` as 2024-01-15, metrics as numbers (per their header
 * type), the currency, and for breakdowns the `id` that makes the row unique.
 */
export function rowRecord(raw: unknown, keyDimensions: readonly Field[]): Ga4Record {
  const { row, dimensions, metrics, currency } = raw as HeadedRow;
  const out: Ga4Record = {};
  dimensions.forEach((header, i) => {
    const field = BY_API.get(header.name ?? '');
    const value = row.dimensionValues?.[i]?.value ?? null;
    if (field) out[field.column] = field === DATE && value !== null ? isoDay(value) : value;
  });
  metrics.forEach((header, i) => {
    const field = BY_API.get(header.name ?? '');
    if (field) out[field.column] = metricValue(row.metricValues?.[i]?.value, header.type);
  });
  out.currency = currency ?? null;
  if (keyDimensions.length > 1) out.id = keyDimensions.map((d) => String(out[d.column] ?? '')).join(' | ');
  return out;
}

/** GA4 writes dates as 20240115. */
export function isoDay(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : value;
}

/** Metric values are strings whose meaning is in the header type (TYPE_INTEGER, TYPE_CURRENCY…). */
export function metricValue(value: string | undefined, type: string | undefined): number | string | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return type === 'TYPE_INTEGER' ? Math.round(n) : n;
}
