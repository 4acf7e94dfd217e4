import type {
  ColumnSpec,
  ConnectorSpec,
  IncrementalSpec,
  PaginationSpec,
  RateLimitHint,
  StreamSpec,
} from '../../src/connect/connector-spec';
import { archivedRecord, crmRecordMapper, mapStage, searchBody, selectStages } from './hooks';

/**
 * HubSpot CRM API v3 (https://developers.hubspot.com/docs/api/crm/understanding-the-crm) with a
 * private app's access token. Contacts, companies and deals are read through the search
 * endpoint (`POST /crm/v3/objects/<type>/search`), the only one that filters by modification
 * date, so each sync after the first reads only what changed. README.md explains the choice.
 */

/** Search pages: `after` from `paging.next.after`, in the body, 100 a page. */
const searchPages: PaginationSpec = {
  type: 'cursor',
  tokenPath: 'paging.next.after',
  param: 'after',
  in: 'body',
  pageSize: { param: 'limit', value: 100 },
};

/**
 * The search endpoints allow 5 requests a second per account and send no rate-limit headers
 * (https://developers.hubspot.com/docs/api/crm/search#limitations); 4 leaves room for the
 * founder's other HubSpot apps.
 */
const searchRate: RateLimitHint = { requestsPerSecond: 4 };

/**
 * Other endpoints: 100 requests per 10 seconds for a private app on Free/Starter (more on
 * higher tiers), told in X-HubSpot-RateLimit-Remaining; the window is rolling, with no reset
 * header, so the engine pauses a second when it reaches 0
 * (https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details).
 */
const apiRate: RateLimitHint = { requestsPerSecond: 9, remainingHeader: 'X-HubSpot-RateLimit-Remaining' };

/**
 * Records changed at or after the bookmark, oldest first. Five minutes of overlap: a change
 * reaches the search index a little after it is made. A search answers at most 10,000 results,
 * so after that many the engine starts a new search from the newest change it has read.
 */
function modifiedSince(property: string): IncrementalSpec {
  return {
    cursorField: property,
    param: 'filterGroups',
    in: 'body',
    format: 'iso',
    lookbackSeconds: 300,
    order: 'asc',
    maxRecordsPerQuery: 10_000,
  };
}

const col = (name: string, type: ColumnSpec['type'], description?: string): ColumnSpec =>
  description ? { name, type, description } : { name, type };

interface CrmObject {
  name: 'contacts' | 'companies' | 'deals';
  label: string;
  modifiedProperty: string;
  /** HubSpot property columns, between `id` and `archived`. */
  properties: ColumnSpec[];
}

function crmStream(object: CrmObject): StreamSpec {
  const names = object.properties.map((c) => c.name);
  return {
    name: object.name,
    label: object.label,
    // https://developers.hubspot.com/docs/api/crm/search
    path: `/crm/v3/objects/${object.name}/search`,
    method: 'POST',
    records: 'results',
    primaryKey: ['id'],
    incremental: modifiedSince(object.modifiedProperty),
    pagination: searchPages,
    rateLimit: searchRate,
    columns: [col('id', 'string', 'HubSpot record id'), ...object.properties, col('archived', 'boolean')],
    hooks: {
      buildBody: searchBody({ modifiedProperty: object.modifiedProperty, properties: names, limit: 100 }),
      mapRecord: crmRecordMapper(names),
    },
  };
}

const contacts = crmStream({
  name: 'contacts',
  label: 'Contacts',
  modifiedProperty: 'lastmodifieddate',
  properties: [
    col('email', 'string'),
    col('firstname', 'string'),
    col('lastname', 'string'),
    col('company', 'string', 'Company name as typed on the contact'),
    col(
      'lifecyclestage',
      'string',
      'subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer…',
    ),
    col(
      'hs_analytics_source',
      'string',
      'Original source: ORGANIC_SEARCH, PAID_SEARCH, DIRECT_TRAFFIC, OFFLINE…',
    ),
    col('hs_analytics_source_data_1', 'string', 'Original source drill-down 1 (campaign, site, import…)'),
    col('hubspot_owner_id', 'string'),
    col('createdate', 'datetime'),
    col('lastmodifieddate', 'datetime'),
  ],
});

const companies = crmStream({
  name: 'companies',
  label: 'Companies',
  modifiedProperty: 'hs_lastmodifieddate',
  properties: [
    col('name', 'string'),
    col('domain', 'string'),
    col('industry', 'string'),
    col('country', 'string'),
    col('numberofemployees', 'number'),
    col('annualrevenue', 'number'),
    col('lifecyclestage', 'string'),
    col('hubspot_owner_id', 'string'),
    col('createdate', 'datetime'),
    col('hs_lastmodifieddate', 'datetime'),
  ],
});

const deals = crmStream({
  name: 'deals',
  label: 'Deals',
  modifiedProperty: 'hs_lastmodifieddate',
  properties: [
    col('dealname', 'string'),
    col('amount', 'number', 'In the account currency (multi-currency amounts are not converted)'),
    col('dealstage', 'string', 'Stage id; deal_stages has its label and whether it is closed'),
    col('pipeline', 'string', 'Pipeline id'),
    col('closedate', 'datetime', 'Expected close date while open; the close date once closed'),
    col('dealtype', 'string', 'newbusiness or existingbusiness'),
    col('hubspot_owner_id', 'string'),
    col('createdate', 'datetime'),
    col('hs_lastmodifieddate', 'datetime'),
  ],
});

/**
 * Deleted records. Search never returns archived records, so a record deleted after it was
 * synced would stay in its tab for good. The list endpoint with `archived=true` returns only
 * the records in HubSpot's recycle bin, each with `archivedAt`
 * (https://developers.hubspot.com/docs/api/crm/objects). It cannot filter by date, so it is read
 * whole every sync (a full refresh, 100 a page): a restored record leaves the list, and the
 * models count it again. One tab per object, so founders' own SQL on companies can use it too.
 */
function archivedStream(object: CrmObject['name'], label: string): StreamSpec {
  return {
    name: `archived_${object}`,
    label: `Deleted ${label}`,
    path: `/crm/v3/objects/${object}`,
    params: { archived: true },
    records: 'results',
    primaryKey: ['id'],
    pagination: {
      type: 'cursor',
      tokenPath: 'paging.next.after',
      param: 'after',
      pageSize: { param: 'limit', value: 100 },
    },
    rateLimit: apiRate,
    columns: [
      col('id', 'string', "Id of the deleted record, now in HubSpot's recycle bin"),
      col('archivedAt', 'datetime', 'When it was deleted'),
    ],
    hooks: { mapRecord: archivedRecord },
  };
}

const dealStages: StreamSpec = {
  name: 'deal_stages',
  label: 'Deal pipelines and stages',
  // https://developers.hubspot.com/docs/api/crm/pipelines: every pipeline with its stages, no paging.
  path: '/crm/v3/pipelines/deals',
  records: 'results',
  primaryKey: ['pipelineId', 'stageId'],
  pagination: { type: 'none' },
  rateLimit: apiRate,
  columns: [
    col('pipelineId', 'string'),
    col('stageId', 'string', 'What deals.dealstage holds'),
    col('pipelineLabel', 'string'),
    col('pipelineDisplayOrder', 'integer'),
    col('stageLabel', 'string'),
    col('displayOrder', 'integer', 'Position of the stage in its pipeline'),
    col('probability', 'number', 'metadata.probability: 1 for closed won, 0 for closed lost'),
    col('isClosed', 'boolean', 'metadata.isClosed'),
    col('archived', 'boolean'),
  ],
  hooks: { selectRecords: selectStages, mapRecord: mapStage },
};

export const hubspot = {
  id: 'hubspot',
  label: 'HubSpot',
  description: 'Contacts, companies, deals and deal pipelines from your HubSpot CRM.',
  docsUrl: 'https://developers.hubspot.com/docs/api/private-apps',
  badge: { initials: 'HS', color: '#ff7a59' },
  fields: [
    {
      key: 'accessToken',
      label: 'Private app access token',
      kind: 'secret',
      required: true,
      help: 'In HubSpot: Settings → Integrations → Private Apps → Create a private app, with the read scopes crm.objects.contacts.read, crm.objects.companies.read and crm.objects.deals.read; then copy its access token.',
      helpUrl: 'https://developers.hubspot.com/docs/api/private-apps',
      placeholder: 'pat-na1-…',
      pattern: '^pat-[a-z0-9]+-[A-Za-z0-9-]{20,}$',
      patternMessage:
        'That does not look like a whole private app token: it starts with pat-, a region such as na1, then a long code (pat-na1-…). Copy it again from Settings → Integrations → Private Apps.',
    },
  ],
  auth: { type: 'bearer', field: 'accessToken' },
  baseUrl: 'https://api.hubapi.com',
  allowedUrls: ['https://api.hubapi.com/'],
  streams: [
    contacts,
    companies,
    deals,
    dealStages,
    archivedStream('contacts', 'Contacts'),
    archivedStream('companies', 'Companies'),
    archivedStream('deals', 'Deals'),
  ],
  testStream: 'deal_stages',
  errorHints: {
    '400':
      'HubSpot did not accept the request ({status}). If you set a custom API address for this connection, remove it; otherwise report this message to Tapdash.',
    '401':
      "Open Sources in the Tapdash sidebar and paste your private app's access token (it starts with pat-); if the app was deleted or its token rotated, copy the current one from Settings → Integrations → Private Apps.",
    '403':
      'The private app is missing a scope ({status}). In HubSpot, open Settings → Integrations → Private Apps → your app → Scopes, add crm.objects.contacts.read, crm.objects.companies.read and crm.objects.deals.read, commit the change, then sync again.',
    '404':
      'HubSpot could not find that list ({status}). If you set a custom API address for this connection, check it.',
    '429':
      'HubSpot is limiting how fast Tapdash reads ({status}). Tapdash waits and retries by itself; if it keeps happening, another app on your HubSpot account may be using up the shared limit.',
    default:
      'HubSpot returned an error ({status}). Check https://status.hubspot.com, then try Sync now again in a few minutes.',
  },
  freshnessHours: 26,
} satisfies ConnectorSpec;
