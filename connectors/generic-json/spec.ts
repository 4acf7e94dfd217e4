import type { ConnectorSpec, PaginationSpec, StreamSpec } from '../../src/connect/connector-spec';

/** The one stream; its tab is `<connection>_records`. */
const STREAM = 'records';

function positive(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The pagination the user picked, with their parameter names or common defaults. */
function pagination(config: Readonly<Record<string, string>>): PaginationSpec {
  const param = config.pageParam?.trim();
  const sizeParam = config.pageSizeParam?.trim();
  const size = positive(config.pageSize, 100);
  const pageSize = sizeParam ? { param: sizeParam, value: size } : undefined;
  switch (config.pagination) {
    case 'next-url':
      return { type: 'next-url', nextUrlPath: config.nextPath?.trim() || 'next' };
    case 'link-header':
      return { type: 'link-header', pageSize };
    case 'page-number':
      return {
        type: 'page-number',
        param: param || 'page',
        pageSize: pageSize ?? { param: 'per_page', value: size },
      };
    case 'offset':
      return {
        type: 'offset',
        offsetParam: param || 'offset',
        limitParam: sizeParam || 'limit',
        limit: size,
      };
    case 'cursor':
      return {
        type: 'cursor',
        tokenPath: config.nextPath?.trim() || 'next_cursor',
        param: param || 'cursor',
        pageSize,
      };
    default:
      return { type: 'none' };
  }
}

function stream(config: Readonly<Record<string, string>>): StreamSpec {
  return {
    name: STREAM,
    label: 'Records',
    path: '',
    records: config.recordsPath?.trim() ?? '',
    primaryKey: (config.primaryKey ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
    pagination: pagination(config),
    // Columns are discovered from the data; schema drift adds new ones at the end.
    columns: [],
  };
}

/**
 * Any JSON API that lists records: the user gives the URL, an optional auth header, where the
 * list is in the reply, how it pages and what identifies a record. Everything is a full
 * refresh (a declaration cannot guess an API's incremental filter).
 */
export const genericJson = {
  id: 'generic-json',
  label: 'JSON API',
  description: 'Any web API that returns a list of records as JSON.',
  docsUrl: 'https://github.com/tapdash/tapdash/blob/main/connectors/generic-json/README.md',
  badge: { initials: '{}', color: '#5f6368' },
  fields: [
    {
      key: 'baseUrl',
      label: 'API URL',
      kind: 'url',
      required: true,
      placeholder: 'https://api.example.com/v1/orders?status=paid',
      help: 'The address that returns the list, with any fixed parameters. It must be allowed by your Tapdash build.',
    },
    {
      key: 'authHeader',
      label: 'Auth header name',
      kind: 'text',
      default: 'Authorization',
      placeholder: 'Authorization',
      help: 'The header your API reads the key from, such as Authorization or X-API-Key.',
    },
    {
      key: 'apiKey',
      label: 'Auth header value',
      kind: 'secret',
      placeholder: 'Bearer abc123…',
      help: 'Sent as is in that header. Leave empty for a public API. Stored only in your Google account.',
    },
    {
      key: 'recordsPath',
      label: 'Records path',
      kind: 'text',
      placeholder: 'data.items',
      help: 'Where the list is in the reply, with dots between names. Leave empty when the reply is the list itself.',
    },
    {
      key: 'pagination',
      label: 'Pages',
      kind: 'select',
      default: 'none',
      options: [
        { value: 'none', label: 'One page only' },
        { value: 'next-url', label: 'The reply holds the next page address' },
        { value: 'link-header', label: 'Link header (rel="next")' },
        { value: 'page-number', label: 'Page numbers' },
        { value: 'offset', label: 'Offset and limit' },
        { value: 'cursor', label: 'A cursor token in the reply' },
      ],
    },
    {
      key: 'nextPath',
      label: 'Next page field',
      kind: 'text',
      placeholder: 'next',
      help: 'For "next page address" and "cursor": where the reply holds it, with dots between names.',
    },
    {
      key: 'pageParam',
      label: 'Page parameter',
      kind: 'text',
      placeholder: 'page',
      help: 'The parameter that takes the page number, the offset or the cursor.',
    },
    {
      key: 'pageSizeParam',
      label: 'Page size parameter',
      kind: 'text',
      placeholder: 'per_page',
    },
    {
      key: 'pageSize',
      label: 'Page size',
      kind: 'number',
      default: '100',
      help: 'Records per page; no more than your API allows.',
    },
    {
      key: 'primaryKey',
      label: 'Record id field',
      kind: 'text',
      placeholder: 'id',
      help: 'The field (or fields, comma-separated) that identifies a record, so it is never loaded twice.',
    },
  ],
  auth: { type: 'header', header: 'Authorization', headerField: 'authHeader', field: 'apiKey' },
  baseUrl: '',
  // Only the build-time extraAllowedUrls setting (or local mode) can allow a user's own API.
  allowedUrls: [],
  streams: [stream({})],
  streamsFor: (config) => [stream(config)],
  testStream: STREAM,
  errorHints: {
    '401':
      'Check the auth header name and value under Sources in the Tapdash sidebar: the API did not accept them.',
    '403': 'The key works but may not read this list. Check its permissions in your API.',
    '404': 'Check the API URL under Sources in the Tapdash sidebar: nothing answers at that address.',
  },
} satisfies ConnectorSpec;
