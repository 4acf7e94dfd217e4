/**
 * The declarative shape of a connector. A connector is a folder `connectors/<id>/` whose
 * `spec.ts` exports one `ConnectorSpec` (checked with `satisfies ConnectorSpec`). The sync
 * engine, the sidebar's setup form, the CLI and the build (urlFetchWhitelist) all read it.
 *
 * Functions are allowed only as hooks, for what a declaration cannot express; they live in
 * the connector's own folder.
 */

export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime' | 'date' | 'json';

export interface ColumnSpec {
  /** Flattened field path, `parent.child` for nested objects; also the header text. */
  name: string;
  type: ColumnType;
  /**
   * How a datetime arrives when it is not an ISO-8601 string: `unix` seconds (Stripe) or
   * `unix-ms`. ISO strings and `YYYY-MM-DD` are recognised without this.
   */
  format?: 'unix' | 'unix-ms' | 'iso';
  description?: string;
  /**
   * Money counted in the currency's minor unit (Stripe's cents). The tab keeps the API's value;
   * the report builder divides by the currency's minor unit (100, or 1 for JPY) and formats the
   * result as currency. `currencyColumn` names the sibling column holding the ISO code ('usd');
   * without one, the amount is taken to be in a two-decimal currency.
   */
  money?: { unit: 'minor'; currencyColumn?: string };
}

export type FieldKind = 'text' | 'secret' | 'url' | 'select' | 'number' | 'date' | 'hosts';

export interface ConfigField {
  /** Key in the connection's config; the CLI's tapdash.json uses the same keys. */
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** One sentence under the input. */
  help?: string;
  /** Where the user finds the value (their vendor's API-keys page). */
  helpUrl?: string;
  placeholder?: string;
  /** Regular expression source the value must match, with the message shown when it does not. */
  pattern?: string;
  patternMessage?: string;
  options?: Array<{ value: string; label: string }>;
  default?: string;
  /** How to clean what people paste before it is checked and stored (config-validation.ts). */
  normalize?: FieldNormalizer;
}

/** `domain`: a bare host name, from "https://Shop.example.com/admin" to "shop.example.com". */
export type FieldNormalizer = 'domain';

/** Where credentials go. `field`s name ConfigField keys. */
export type AuthSpec =
  | { type: 'none' }
  | { type: 'bearer'; field: string }
  | {
      type: 'header';
      /** Header name, e.g. `X-API-Key`. */
      header: string;
      field: string;
      /** Text put before the secret, e.g. `Token ` or `Bearer `. */
      prefix?: string;
      /** Config key whose value, when set, names the header instead (the Generic JSON API lets users choose). */
      headerField?: string;
    }
  | { type: 'query'; param: string; field: string }
  | { type: 'basic'; usernameField: string; passwordField?: string }
  /** Google's own OAuth token for the user (ScriptApp.getOAuthToken), for Google APIs. */
  | { type: 'google' };

/**
 * How to get the next page. Paths are dot paths into the parsed JSON body.
 * - `cursor`: a token in the body goes into a request parameter (HubSpot `paging.next.after`).
 * - `last-id`: the id of the last record goes into a parameter while a flag is true (Stripe `starting_after` + `has_more`).
 * - `next-url`: the body holds the full URL of the next page.
 * - `link-header`: RFC 8288 `Link: <…>; rel="next"` (GitHub, Shopify page_info).
 * - `page-number`: numbered pages; with a known total the engine fetches the rest in parallel (fetchAll).
 * - `offset`: offset/limit; with a known total, parallel too (GA4 runReport).
 * - `header`: the next page number in a response header (GitLab `X-Next-Page`, total in `X-Total-Pages`).
 *
 * Without a total, `page-number` and `offset` take a page shorter than the page size as the
 * last one, so the declared size must not exceed the API's maximum. An API that hands out the
 * same next page twice stops the stream with an error (loop guard). src/sync/paginate.ts.
 */
export type PaginationSpec =
  | { type: 'none' }
  | {
      type: 'cursor';
      tokenPath: string;
      param: string;
      in?: 'query' | 'body';
      pageSize?: { param: string; value: number };
    }
  | {
      type: 'last-id';
      param: string;
      hasMorePath: string;
      idField: string;
      pageSize?: { param: string; value: number };
    }
  | { type: 'next-url'; nextUrlPath: string }
  | { type: 'link-header'; pageSize?: { param: string; value: number } }
  | {
      type: 'page-number';
      param: string;
      startAt?: number;
      pageSize: { param: string; value: number };
      /** Dot path to the total number of records, or of pages, when the API reports it. */
      totalRecordsPath?: string;
      totalPagesPath?: string;
      totalPagesHeader?: string;
    }
  | {
      type: 'offset';
      offsetParam: string;
      limitParam: string;
      limit: number;
      in?: 'query' | 'body';
      totalRecordsPath?: string;
    }
  | {
      type: 'header';
      nextPageHeader: string;
      param: string;
      totalPagesHeader?: string;
      pageSize?: { param: string; value: number };
    };

export interface IncrementalSpec {
  /** Flattened column whose value only grows (`created`, `updated_at`). */
  cursorField: string;
  /** Request parameter that filters by the cursor (`created[gte]`, `since`, `updated_after`). */
  param: string;
  /** How the cursor goes into the parameter. */
  format: 'unix' | 'iso' | 'date';
  /** Re-read this many seconds before the bookmark, because APIs report late updates. */
  lookbackSeconds?: number;
  /**
   * `asc`: the API returns records oldest first, so the bookmark can advance page by page.
   * `desc` or `unsorted`: the bookmark advances only when the whole stream is read.
   */
  order?: 'asc' | 'desc' | 'unsorted';
  /** Where the parameter goes (GA4 puts date ranges in the POST body via a hook). */
  in?: 'query' | 'body';
  /**
   * The API answers at most this many records per query and refuses to page further (HubSpot's
   * search: 10,000). After that many, the engine starts a new query filtered from the newest
   * cursor it has read. Needs `order: 'asc'` and a filter that includes that instant (records
   * sharing it may be unread; upsert by key makes re-reading them harmless).
   */
  maxRecordsPerQuery?: number;
}

export interface RateLimitHint {
  /** Requests per second the vendor allows; the engine paces itself below it. */
  requestsPerSecond?: number;
  /** Response headers that tell how many requests remain and when the window resets. */
  remainingHeader?: string;
  resetHeader?: string;
  /** `epoch-seconds` (GitHub X-RateLimit-Reset) or `seconds` (a delay). */
  resetFormat?: 'epoch-seconds' | 'seconds';
  /** Shopify-style bucket header such as `X-Shopify-Shop-Api-Call-Limit: 32/40`. */
  bucketHeader?: string;
}

export interface RequestContext {
  config: Readonly<Record<string, string>>;
  /** The bookmark for incremental streams, or undefined on a first sync. */
  cursor?: string | number;
  /** The partition being read, for partitioned streams (see `PartitionSpec`). */
  partition?: string;
  /** The spreadsheet's time zone (IANA), for values that name a wall-clock time without an offset. */
  timeZone?: string;
}

/**
 * Runs one stream once per value, for APIs that list records under a parent (GitHub's
 * `/repos/{owner}/{repo}/issues` for each repository, GitLab's `/projects/{project}/issues`).
 *
 * The engine reads each partition as its own request chain (pagination, retries) with its own
 * incremental bookmark, keyed by the value, so adding a repository later syncs it from the
 * start without re-reading the others. Every partition's records land in the stream's one tab,
 * upserted by the primary key (which must therefore be unique across partitions).
 */
export interface PartitionSpec {
  /**
   * The `path` placeholder each value fills (`repo` for `/repos/{owner}/{repo}/issues`). Values
   * are URL-encoded, so a GitLab path `acme/api` becomes `acme%2Fapi` as the API expects.
   */
  placeholder: string;
  /**
   * Config key holding a list of values separated by commas, spaces or new lines. When the list
   * is not empty it decides the partitions.
   */
  fromConfig?: string;
  /**
   * Otherwise, the distinct non-empty values of `field` (a column) in the records of `stream`, a
   * stream of the same connection that the engine syncs first (all of an organisation's
   * repositories, all projects the token can see).
   */
  fromStream?: { stream: string; field: string };
  /** Column that gets each record's partition value, for records that do not name their parent. */
  column?: string;
}

export interface StreamSpec {
  /** Short machine name; the tab and SQL table are `<connection>_<name>`. */
  name: string;
  label: string;
  /** Path appended to the base URL; `{field}` placeholders take config values. */
  path: string;
  method?: 'GET' | 'POST';
  params?: Record<string, string | number | boolean>;
  /** JSON body for POST streams (GA4 runReport). */
  body?: unknown;
  /**
   * Dot path to the array of records in the body; '' when the body is the array. A missing or
   * null value is an empty page; a single object is one record.
   */
  records: string;
  primaryKey: string[];
  incremental?: IncrementalSpec;
  pagination: PaginationSpec;
  columns: ColumnSpec[];
  rateLimit?: RateLimitHint;
  /** Read the stream once per repository, project… (see `PartitionSpec`). */
  partitions?: PartitionSpec;
  /**
   * Statuses that mean "nothing here" rather than a failure: the page counts as empty and the
   * sync goes on (GitHub answers 409 for the commits of an empty repository).
   */
  emptyOnStatus?: number[];
  /**
   * The reply is CSV, not JSON (a CSV import): Utilities.parseCsv turns it into rows of text,
   * which `records` ('' for every row) or a selectRecords hook then read.
   */
  csv?: { delimiter?: string };
  /** Hooks for what a declaration cannot express. */
  hooks?: StreamHooks;
}

export interface StreamHooks {
  /** Rewrites a raw record before flattening (GA4 rows into named fields, a computed key). */
  mapRecord?: (raw: unknown, ctx: RequestContext) => Record<string, unknown>;
  /** Extracts records when a dot path is not enough. */
  selectRecords?: (body: unknown) => unknown[];
  /** Builds the POST body (GA4 date ranges, offset). */
  buildBody?: (ctx: RequestContext & { offset?: number; limit?: number }) => unknown;
}

/** Per-status advice, in the vendor's words, shown with the error. `{status}` is filled in. */
export type ErrorHints = Partial<Record<'400' | '401' | '403' | '404' | '422' | '429' | 'default', string>>;

export interface ConnectorSpec {
  id: string;
  label: string;
  /** One line in the source picker. */
  description: string;
  docsUrl: string;
  /** Two letters and a colour for the picker when there is no logo. */
  badge: { initials: string; color: string };
  fields: ConfigField[];
  auth: AuthSpec;
  /** Default API base URL; every connection may override it with the `baseUrl` config key. */
  baseUrl: string;
  /**
   * Hosts the add-on may call for this connector, as urlFetchWhitelist prefixes
   * (`https://api.stripe.com/`). The build puts them in the manifest.
   */
  allowedUrls: string[];
  headers?: Record<string, string>;
  streams: StreamSpec[];
  /** The request that "Test connection" makes: a stream name whose first page is fetched. */
  testStream: string;
  /**
   * Hook for connectors whose streams depend on the connection's settings (the Generic JSON
   * API: the user gives the records path, pagination and key). When set, the engine uses its
   * result instead of `streams`, which then only documents the default shape.
   */
  streamsFor?: (config: Readonly<Record<string, string>>) => StreamSpec[];
  errorHints?: ErrorHints;
  /** Extra OAuth scopes the connector needs (analytics.readonly for GA4). */
  oauthScopes?: string[];
  /** Synthetic sources (Demo) generate records instead of calling an API. */
  generate?: (ctx: {
    stream: string;
    now: Date;
    config: Readonly<Record<string, string>>;
  }) => Array<Record<string, unknown>>;
  /** How stale the data may get before the dashboard warns, in hours. */
  freshnessHours?: number;
}
