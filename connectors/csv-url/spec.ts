import type { ConnectorSpec, StreamSpec } from '../../src/connect/connector-spec';
import { dateOrderOf, headerRowOf, importFields, keyColumnOf } from '../sheets-import/import-fields';
import { tableImportHooks } from '../sheets-import/import-hooks';

/**
 * Where a published add-on may download CSV files from: the manifest's urlFetchWhitelist must
 * list every host in advance (https://developers.google.com/apps-script/manifest/allowlist-url).
 * Google Sheets "Publish to web" links answer from docs.google.com and redirect to
 * googleusercontent.com; the others are where founders keep exports. Self-hosters add their own
 * with `extraAllowedUrls` in tapdash.build.json.
 */
export const CSV_HOSTS: readonly string[] = [
  'https://docs.google.com/',
  'https://*.googleusercontent.com/',
  'https://raw.githubusercontent.com/',
  'https://gist.githubusercontent.com/',
  'https://storage.googleapis.com/',
  'https://*.amazonaws.com/',
  'https://www.dropbox.com/',
  'https://dl.dropboxusercontent.com/',
];

const hostList = CSV_HOSTS.map((u) => u.replace(/^https:\/\//, '').replace(/\/$/, '')).join(', ');

const STREAM = 'rows';

const DELIMITERS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' };

function rowsStream(config: Readonly<Record<string, string>>): StreamSpec {
  const key = keyColumnOf(config);
  return {
    name: STREAM,
    label: 'Rows',
    // The file's address is the connection's base URL.
    path: '',
    records: '',
    primaryKey: key ? [key] : [],
    // The whole file on every sync: rows deleted at the source disappear here too.
    pagination: { type: 'none' },
    csv: { delimiter: DELIMITERS[config.delimiter ?? ''] ?? ',' },
    columns: [],
    hooks: tableImportHooks((body) => (Array.isArray(body) ? (body as unknown[][]) : []), {
      headerRow: headerRowOf(config),
      dateOrder: dateOrderOf(config),
      keyColumn: key,
      source: 'the CSV file',
      label: 'CSV import',
    }),
  };
}

export const csvUrl = {
  id: 'csv-url',
  label: 'CSV file',
  description: 'A CSV file at a web address: a published Google Sheet, GitHub, a bucket.',
  docsUrl: 'https://github.com/tapdash/tapdash/blob/main/connectors/csv-url/README.md',
  badge: { initials: 'CS', color: '#5f6368' },
  fields: [
    {
      key: 'baseUrl',
      label: 'CSV file address',
      kind: 'url',
      required: true,
      placeholder: 'https://docs.google.com/spreadsheets/d/e/…/pub?output=csv',
      help: `The address that downloads the file. This Tapdash may read from: ${hostList}.`,
      helpUrl:
        'https://github.com/tapdash/tapdash/blob/main/connectors/csv-url/README.md#where-the-file-can-be',
    },
    {
      key: 'token',
      label: 'Access token (optional)',
      kind: 'secret',
      help: 'Only for a private file: sent as "Authorization: Bearer …". Stored only in your Google account.',
    },
    {
      key: 'delimiter',
      label: 'Separator',
      kind: 'select',
      default: 'comma',
      options: [
        { value: 'comma', label: 'Comma (,)' },
        { value: 'semicolon', label: 'Semicolon (;)' },
        { value: 'tab', label: 'Tab' },
        { value: 'pipe', label: 'Pipe (|)' },
      ],
    },
    importFields.headerRow,
    importFields.primaryKey,
    importFields.dateOrder,
  ],
  // An empty optional token sends no header (a public file).
  auth: { type: 'header', header: 'Authorization', prefix: 'Bearer ', field: 'token' },
  baseUrl: '',
  allowedUrls: [...CSV_HOSTS],
  headers: { Accept: 'text/csv, text/plain;q=0.9, */*;q=0.5' },
  streams: [rowsStream({})],
  streamsFor: (config) => [rowsStream(config)],
  testStream: STREAM,
  errorHints: {
    '401':
      'The file is private. Paste a token that can read it under Sources in the Tapdash sidebar, or use a public link.',
    '403':
      'The host refused the file. Check that the link is public (or that the token can read it); a Google Sheet must be published: File → Share → Publish to web → CSV.',
    '404': 'Nothing is at that address. Copy the file link again (on GitHub, the "Raw" link).',
    '429': 'The host asked Tapdash to slow down. Nothing is lost: the next sync reads the file again.',
  },
  freshnessHours: 24,
} satisfies ConnectorSpec;
