import type { ConnectorSpec, StreamSpec } from '../../src/connect/connector-spec';
import { dateOrderOf, headerRowOf, importFields, keyColumnOf } from '../sheets-import/import-fields';
import { tableImportHooks } from '../sheets-import/import-hooks';
import { SPREADSHEET_PATTERN, spreadsheetIdFrom } from './spreadsheet-id';

/**
 * Least privilege: drive.file lets the add-on open only the files the user picks with the
 * Google Picker (or that it created), not the rest of their Drive, and the Sheets API accepts it
 * for values.get (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/get).
 */
export const DRIVE_FILE_SCOPE = 'https://www.googleapis.com/auth/drive.file';

const STREAM = 'rows';

function rowsStream(config: Readonly<Record<string, string>>): StreamSpec {
  const key = keyColumnOf(config);
  const range = config.range?.trim() || 'the range';
  // A value the form did not check still reaches the API, which answers 404 with a clear hint.
  const id = spreadsheetIdFrom(config.spreadsheet) ?? '{spreadsheet}';
  return {
    name: STREAM,
    label: 'Rows',
    path: `/v4/spreadsheets/${id}/values/{range}`,
    params: {
      majorDimension: 'ROWS',
      // Numbers and booleans arrive typed; dates as the text the cell shows (typed in sheets-import).
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    },
    records: 'values',
    primaryKey: key ? [key] : [],
    // The whole range on every sync: rows deleted in the source disappear here too.
    pagination: { type: 'none' },
    // Reads are limited per minute per user (https://developers.google.com/sheets/api/limits).
    rateLimit: { requestsPerSecond: 1 },
    // The columns are the range's header row.
    columns: [],
    hooks: tableImportHooks(
      (body) => ((body as { values?: unknown[][] } | null)?.values ?? []) as unknown[][],
      {
        headerRow: headerRowOf(config),
        dateOrder: dateOrderOf(config),
        keyColumn: key,
        source: `the range ${range}`,
        label: 'Google Sheets',
      },
    ),
  };
}

export const googleSheet = {
  id: 'google-sheet',
  label: 'Google Sheets',
  description: 'A range of another Google spreadsheet you choose.',
  docsUrl: 'https://github.com/tapdash/tapdash/blob/main/connectors/google-sheet/README.md',
  badge: { initials: 'GS', color: '#188038' },
  fields: [
    {
      key: 'spreadsheet',
      label: 'Spreadsheet',
      kind: 'text',
      required: true,
      placeholder: 'https://docs.google.com/spreadsheets/d/…/edit',
      help: 'Choose it from Drive, or paste the link of a spreadsheet you chose before: Tapdash can open only the files you choose.',
      pattern: SPREADSHEET_PATTERN,
      patternMessage:
        'Paste the link from the address bar of the spreadsheet (https://docs.google.com/spreadsheets/d/…), not a "Publish to web" link.',
    },
    {
      key: 'range',
      label: 'Range',
      kind: 'text',
      required: true,
      default: 'Sheet1',
      placeholder: 'Sheet1!A1:F',
      help: "The tab and cells to import: Sheet1 for the whole tab, Sheet1!A:F for some columns. Quote a tab name with spaces: 'My data'!A:F.",
      helpUrl: 'https://developers.google.com/sheets/api/guides/concepts#cell',
      pattern: '^\\S.*$',
      patternMessage: 'Write the range like Sheet1!A1:F.',
    },
    importFields.headerRow,
    importFields.primaryKey,
    importFields.dateOrder,
  ],
  auth: { type: 'google' },
  baseUrl: 'https://sheets.googleapis.com',
  allowedUrls: ['https://sheets.googleapis.com/'],
  oauthScopes: [DRIVE_FILE_SCOPE],
  streams: [rowsStream({})],
  streamsFor: (config) => [rowsStream(config)],
  testStream: STREAM,
  errorHints: {
    '400':
      "Check the range under Sources in the Tapdash sidebar: the tab name, an exclamation mark, then the cells, like Sheet1!A1:F. Quote a tab name with spaces: 'My data'!A:F.",
    '401':
      'Google did not accept your sign-in. Reload the spreadsheet, open Tapdash again and allow access when asked.',
    '403':
      'Tapdash may open only the spreadsheets you choose. Open Sources in the Tapdash sidebar, edit this source and choose the spreadsheet again with "Choose from Drive". If you run your own Tapdash, also enable the Google Sheets API in its Google Cloud project.',
    '404':
      'Tapdash cannot see that spreadsheet: it was deleted, or it was not chosen with "Choose from Drive". Open Sources in the Tapdash sidebar, edit this source and choose it again.',
    '429':
      'Google Sheets allows a limited number of reads per minute. Nothing is lost: the next sync reads the range again.',
  },
  freshnessHours: 24,
} satisfies ConnectorSpec;
