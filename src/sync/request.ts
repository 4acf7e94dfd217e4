import type { ConnectorSpec, StreamSpec } from '../connect/connector-spec';
import { TapdashError } from '../shared/errors';
import type { PageCall } from './paginate';
import { joinUrl, originOf, withQuery } from './url';

/** One HTTP request, ready for UrlFetchApp (see toFetchParams). */
export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers: Record<string, string>;
  payload?: string;
  contentType?: string;
}

export interface RequestInput {
  connector: ConnectorSpec;
  stream: StreamSpec;
  /** The connection's config with its secrets filled in. */
  config: Readonly<Record<string, string>>;
  call: PageCall;
  /** The incremental filter value, already formatted for the API. */
  cursor?: string | number;
  /** ScriptApp.getOAuthToken(), for `google` auth. */
  googleToken?: string;
  /** Utilities.base64Encode, for Basic auth (Apps Script has no btoa). */
  base64: (text: string) => string;
}

/** The API root for a connection: its own `baseUrl` (self-hosted, tests) or the connector's. */
export function baseUrlFor(connector: ConnectorSpec, config: Readonly<Record<string, string>>): string {
  const own = config.baseUrl?.trim();
  return fill(own ? own : connector.baseUrl, config, connector.label);
}

/**
 * Builds a page request from the declarations: base URL + path (with `{field}` placeholders
 * from the config), the stream's params, the incremental filter, the paginator's params, the
 * auth. A next-page URL handed out by the API is used as is, but only on the API's own host,
 * so credentials never travel to a host the user did not configure.
 */
export function buildRequest(input: RequestInput): HttpRequest {
  const { connector, stream, config, call } = input;
  const base = baseUrlFor(connector, config);
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const [name, value] of Object.entries(connector.headers ?? {}))
    headers[name] = fill(value, config, connector.label);
  const query: Record<string, string | number | boolean> = {};
  const inc = stream.incremental;
  let url: string;
  if (call.url) {
    url = call.url;
    if (originOf(url) !== originOf(base)) {
      throw new TapdashError({
        code: 'unsafe-next-page',
        message: `${connector.label} pointed to another website (${originOf(url) ?? url}) for the next page, so Tapdash stopped to keep your key safe.`,
        fix: 'Check the base URL under Sources in the Tapdash sidebar. If it is right, report this message.',
      });
    }
  } else {
    url = joinUrl(base, fill(stream.path, config, connector.label));
    for (const [k, v] of Object.entries(stream.params ?? {}))
      query[k] = typeof v === 'string' ? fill(v, config, connector.label) : v;
    if (inc && input.cursor !== undefined && inc.in !== 'body') query[inc.param] = input.cursor;
    Object.assign(query, call.params ?? {});
  }
  applyAuth(input, headers, query, url);
  const request: HttpRequest = {
    url: withQuery(url, query),
    method: stream.method === 'POST' ? 'post' : 'get',
    headers,
  };
  if (request.method === 'post') {
    const ctx = {
      config,
      cursor: input.cursor,
      offset: numberOf(call.body, 'offset'),
      limit: numberOf(call.body, 'limit'),
    };
    const base = stream.hooks?.buildBody ? stream.hooks.buildBody(ctx) : stream.body;
    const body: Record<string, unknown> = {
      ...((base as Record<string, unknown>) ?? {}),
      ...(call.body ?? {}),
    };
    // A buildBody hook places the cursor itself (GA4 turns it into dateRanges).
    if (inc && input.cursor !== undefined && inc.in === 'body' && !stream.hooks?.buildBody)
      body[inc.param] = input.cursor;
    request.payload = JSON.stringify(body);
    request.contentType = 'application/json';
  }
  return request;
}

function numberOf(body: PageCall['body'], key: string): number | undefined {
  const v = body?.[key];
  return typeof v === 'number' ? v : undefined;
}

function applyAuth(
  input: RequestInput,
  headers: Record<string, string>,
  query: Record<string, string | number | boolean>,
  url: string,
): void {
  const { auth, label } = input.connector;
  const value = (field: string) => {
    const v = input.config[field];
    if (!v) {
      throw new TapdashError({
        code: 'missing-secret',
        message: `The ${label} connection has no value for "${field}".`,
        fix: `Open Sources in the Tapdash sidebar, edit ${label} and fill in every required field.`,
      });
    }
    return v;
  };
  switch (auth.type) {
    case 'none':
      return;
    case 'bearer':
      headers.Authorization = `Bearer ${value(auth.field)}`;
      return;
    case 'header': {
      // An optional key (a public API behind the Generic JSON connector) may be left empty.
      const optional = input.connector.fields.some((f) => f.key === auth.field && !f.required);
      if (optional && !input.config[auth.field]) return;
      const name = (auth.headerField ? input.config[auth.headerField]?.trim() : '') || auth.header;
      headers[name] = (auth.prefix ?? '') + value(auth.field);
      return;
    }
    case 'query':
      // A next-page URL from the API usually carries the key already.
      if (!new RegExp(`[?&]${escapeRegExp(encodeURIComponent(auth.param))}=`).test(url))
        query[auth.param] = value(auth.field);
      return;
    case 'basic':
      headers.Authorization = `Basic ${input.base64(`${value(auth.usernameField)}:${auth.passwordField ? (input.config[auth.passwordField] ?? '') : ''}`)}`;
      return;
    case 'google':
      if (!input.googleToken) throw new Error('A Google token is needed for this connector');
      headers.Authorization = `Bearer ${input.googleToken}`;
      return;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces `{field}` placeholders with config values (URL-encoded: a GitLab project path keeps its slash as %2F). */
export function fill(template: string, config: Readonly<Record<string, string>>, label: string): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, key: string) => {
    const v = config[key];
    if (v === undefined || v === '') {
      throw new TapdashError({
        code: 'config-missing',
        message: `The ${label} connection has no value for "${key}".`,
        fix: `Open Sources in the Tapdash sidebar, edit ${label} and fill in "${key}".`,
      });
    }
    return encodeURIComponent(v);
  });
}

/** The request in UrlFetchApp's parameter shape; HTTP errors come back as responses, not exceptions. */
export function toFetchParams(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const params: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    muteHttpExceptions: true,
    followRedirects: true,
  };
  if (request.payload !== undefined) params.payload = request.payload;
  if (request.contentType !== undefined) params.contentType = request.contentType;
  return params;
}
