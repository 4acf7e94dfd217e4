import type { ColumnSpec, ConnectorSpec, StreamSpec } from '../../src/connect/connector-spec';
import {
  COUNTRY,
  COUNTRY_ID,
  CURRENCY,
  DATE,
  DEFAULT_HISTORY,
  type Field,
  headedRows,
  LOOKBACK_DAYS,
  METRICS,
  PAGE_ROWS,
  ROW_ID,
  reportRequest,
  rowRecord,
  SOURCE_MEDIUM,
} from './report';

export const GA4_SCOPE = 'https://www.googleapis.com/auth/analytics.readonly';

const column = (f: Field): ColumnSpec => ({ name: f.column, type: f.type, description: f.description });

/**
 * One runReport per stream. Users are not additive (a visitor who came from two sources in a
 * day is one user that day, but one in each source's row), so the daily totals are their own
 * report rather than a sum of the breakdown.
 */
function reportStream(
  name: string,
  label: string,
  dimensions: readonly Field[],
  keyDimensions: readonly Field[],
): StreamSpec {
  const breakdown = keyDimensions.length > 1;
  return {
    name,
    label,
    path: '/v1beta/properties/{propertyId}:runReport',
    method: 'POST',
    records: 'rows',
    primaryKey: breakdown ? [ROW_ID.name] : [DATE.column],
    incremental: {
      cursorField: DATE.column,
      // The body field the buildBody hook fills from the bookmark.
      param: 'dateRanges',
      format: 'date',
      lookbackSeconds: LOOKBACK_DAYS * 86_400,
      // The report is ordered by date first, so the bookmark may follow the pages.
      order: 'asc',
      in: 'body',
    },
    pagination: {
      type: 'offset',
      offsetParam: 'offset',
      limitParam: 'limit',
      limit: PAGE_ROWS,
      in: 'body',
      totalRecordsPath: 'rowCount',
    },
    // Quotas are tokens per property per hour and day, and 10 requests at once
    // (https://developers.google.com/analytics/devguides/reporting/data/v1/quotas); no headers say what is left.
    rateLimit: { requestsPerSecond: 10 },
    columns: [...(breakdown ? [ROW_ID] : []), ...dimensions.map(column), ...METRICS.map(column), CURRENCY],
    hooks: {
      buildBody: (ctx) => reportRequest(dimensions, ctx),
      selectRecords: headedRows,
      mapRecord: (raw) => rowRecord(raw, keyDimensions),
    },
  };
}

export const ga4 = {
  id: 'ga4',
  label: 'Google Analytics 4',
  description: 'Website sessions, users, key events and revenue by day, source and country.',
  docsUrl: 'https://github.com/tapdash/tapdash/blob/main/connectors/ga4/README.md',
  badge: { initials: 'GA', color: '#e37400' },
  fields: [
    {
      key: 'propertyId',
      label: 'GA4 property ID',
      kind: 'text',
      required: true,
      placeholder: '123456789',
      help: 'In Google Analytics: Admin → Property details, the number at the top right. Not the G-… measurement ID.',
      helpUrl: 'https://developers.google.com/analytics/devguides/reporting/data/v1/property-id',
      pattern: '^\\d+$',
      patternMessage:
        'The property ID is only digits, such as 123456789 (the G-… measurement ID will not work).',
    },
    {
      key: 'history',
      label: 'History to load first',
      kind: 'select',
      default: DEFAULT_HISTORY,
      help: 'How far back the first sync reads. Later syncs read only the last few days again.',
      options: [
        { value: '90daysAgo', label: 'Last 3 months' },
        { value: DEFAULT_HISTORY, label: 'Last 13 months' },
        { value: '730daysAgo', label: 'Last 2 years' },
        { value: '1825daysAgo', label: 'Last 5 years' },
      ],
    },
  ],
  auth: { type: 'google' },
  baseUrl: 'https://analyticsdata.googleapis.com',
  allowedUrls: ['https://analyticsdata.googleapis.com/'],
  oauthScopes: [GA4_SCOPE],
  streams: [
    reportStream('daily', 'Daily totals', [DATE], [DATE]),
    // countryId names the same country as country, so the key leaves it out.
    reportStream(
      'traffic',
      'By source / medium and country',
      [DATE, SOURCE_MEDIUM, COUNTRY, COUNTRY_ID],
      [DATE, SOURCE_MEDIUM, COUNTRY],
    ),
  ],
  testStream: 'daily',
  errorHints: {
    '400':
      'Check the property ID under Sources in the Tapdash sidebar: it must be a GA4 property (old Universal Analytics "UA-" properties no longer answer).',
    '401':
      'Google did not accept your sign-in. Reload the spreadsheet, open Tapdash again and allow access to Google Analytics when asked.',
    '403':
      'Check the property ID, and ask an admin of the property to give your Google account at least the Viewer role (Admin → Property access management). If you run your own Tapdash, enable the Google Analytics Data API in its Google Cloud project.',
    '404': 'Copy the property ID again from Admin → Property details in Google Analytics.',
    '429':
      'Google Analytics limits requests per property per hour and per day. Nothing is lost: the next sync carries on.',
  },
  // GA4 takes up to two days to finish processing a day.
  freshnessHours: 48,
} satisfies ConnectorSpec;
