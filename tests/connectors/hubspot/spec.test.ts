import {
  archivedRecord,
  crmRecordMapper,
  mapStage,
  searchBody,
  selectStages,
} from '../../../connectors/hubspot/hooks';
import { hubspot } from '../../../connectors/hubspot/spec';
import {
  archive,
  companyJson,
  contactJson,
  dealJson,
  salesPipeline,
} from '../../../playground/mock-apis/hubspot/hubspot-shapes';
import { checkConnectorSpec, manifestAllowlist } from '../github/spec-checks';

describe('HubSpot connector spec', () => {
  checkConnectorSpec(hubspot);

  it('puts api.hubapi.com on the manifest allowlist', () => {
    expect(manifestAllowlist(hubspot)).toEqual(['https://api.hubapi.com/']);
  });

  it('reads contacts, companies and deals incrementally through search, capped at 10,000 a query', () => {
    const crm = hubspot.streams.filter((s) => s.incremental);
    expect(crm.map((s) => [s.name, s.method, s.path, s.incremental?.maxRecordsPerQuery])).toEqual([
      ['contacts', 'POST', '/crm/v3/objects/contacts/search', 10_000],
      ['companies', 'POST', '/crm/v3/objects/companies/search', 10_000],
      ['deals', 'POST', '/crm/v3/objects/deals/search', 10_000],
    ]);
  });

  const samples: Record<string, unknown> = {
    contacts: contactJson({ id: 1, email: 'a@example.com', created: '2024-01-01' }),
    companies: companyJson({ id: 2, name: 'Acme', created: '2024-01-01' }),
    deals: dealJson({
      id: 3,
      name: 'Big',
      amount: 10,
      stage: 'closedwon',
      created: '2024-01-01',
      closedate: '2024-01-02',
    }),
  };

  it('declares only columns that HubSpot records have, each under its property name', () => {
    for (const stream of hubspot.streams.filter((s) => s.incremental)) {
      const raw = samples[stream.name] as { properties: Record<string, unknown> };
      const row = stream.hooks?.mapRecord?.(raw, { config: {} }) ?? {};
      expect(Object.keys(row)).toEqual(stream.columns.map((c) => c.name));
      for (const column of stream.columns.filter((c) => c.name !== 'id' && c.name !== 'archived'))
        expect(Object.keys(raw.properties)).toContain(column.name);
    }
  });

  it('lists the recycle bin of each object in full every sync, with archived=true', () => {
    const bins = hubspot.streams.filter((s) => s.name.startsWith('archived_'));
    expect(bins.map((s) => [s.name, s.method ?? 'GET', s.path, s.params, s.incremental])).toEqual(
      ['contacts', 'companies', 'deals'].map((type) => [
        `archived_${type}`,
        'GET',
        `/crm/v3/objects/${type}`,
        { archived: true },
        undefined,
      ]),
    );
  });

  it('keeps only the id and the deletion time of a deleted record', () => {
    const deal = dealJson({ id: 3, name: 'Big', amount: 10, stage: 'closedwon', created: '2024-01-01' });
    archive(deal, '2024-02-01T10:00');
    const stream = hubspot.streams.find((s) => s.name === 'archived_deals');
    const row = archivedRecord(deal);
    expect(row).toEqual({ id: '3', archivedAt: '2024-02-01T10:00:00.000Z' });
    expect(Object.keys(row)).toEqual(stream?.columns.map((c) => c.name));
  });

  it('turns each stage of each pipeline into one row with its pipeline', () => {
    const stream = hubspot.streams.find((s) => s.name === 'deal_stages');
    const rows = selectStages({ results: [salesPipeline()] }).map((r) => mapStage(r));
    expect(rows).toHaveLength(7);
    expect(Object.keys(rows[0])).toEqual(stream?.columns.map((c) => c.name));
    expect(rows[5]).toMatchObject({
      pipelineId: 'default',
      stageId: 'closedwon',
      probability: '1.0',
      isClosed: 'true',
    });
  });

  it('reads an error body or anything but a pipeline list as no stages', () => {
    expect(selectStages({ status: 'error', message: 'x' })).toEqual([]);
    expect(selectStages({ results: [{ id: 'p', label: 'P' }] })).toEqual([]);
  });

  it('keeps only the declared properties of a record, leaving out the ones HubSpot adds', () => {
    const row = crmRecordMapper(['email'])(
      contactJson({ id: 7, email: 'x@example.com', created: '2024-01-01' }),
    );
    expect(row).toEqual({ id: '7', email: 'x@example.com', archived: false });
  });

  it('filters a search from the cursor, in epoch milliseconds, and sorts by the same property', () => {
    const body = searchBody({ modifiedProperty: 'hs_lastmodifieddate', properties: ['amount'], limit: 100 });
    expect(body({ cursor: '2024-01-02T03:04:05.678Z' })).toEqual({
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'hs_lastmodifieddate',
              operator: 'GTE',
              value: String(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
            },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['amount'],
      limit: 100,
    });
    expect(body({}).filterGroups).toEqual([]);
  });

  const token = new RegExp(hubspot.fields[0].pattern as string);
  it.each([
    ['a North America token', 'pat-na1-11111111-2222-3333-4444-555555555555', true],
    ['an EU token', 'pat-eu1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', true],
    ['a legacy API key (a bare UUID)', '11111111-2222-3333-4444-555555555555', false],
    ['a Stripe key pasted by mistake', 'sk_live_1234567890abcdefghijkl', false],
    ['a truncated token', 'pat-na1-1111', false],
  ])('the token pattern accepts or rejects %s', (_what, value, ok) => {
    expect(token.test(value)).toBe(ok);
  });
});
