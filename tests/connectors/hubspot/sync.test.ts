import { hubspotPackage } from '../../../connectors/hubspot/package';
import { hubspot } from '../../../connectors/hubspot/spec';
import {
  archive,
  companyJson,
  contactJson,
  dealJson,
  hsTime,
  partnerPipeline,
  restore,
  salesPipeline,
} from '../../../playground/mock-apis/hubspot/hubspot-shapes';
import {
  type HubspotFault,
  type HubspotMockState,
  hubspotState,
} from '../../../playground/mock-apis/hubspot/mock-hubspot';
import { buildDashboard } from '../../../src/dashboard/build-dashboard';
import { refreshModels } from '../../../src/model/refresh';
import type { TapdashError } from '../../../src/shared/errors';
import { testConnection } from '../../../src/sync/test-connection';
import type { MockRequest } from '../../support/mock-server';
import { startRig } from '../github/sync-harness';

/**
 * HubSpot through the real sync engine in the emulator, against the mock API over HTTP: what
 * lands in the tabs, which requests went out, and how failures read.
 */

const MOCK = 'playground/mock-apis/hubspot/mock-hubspot.ts';
const NOW = '2024-03-01T12:00:00Z';
const HOUR = 3_600_000;

const at = (base: string, hours: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + hours * HOUR).toISOString();
const SOURCES = ['ORGANIC_SEARCH', 'PAID_SEARCH', 'DIRECT_TRAFFIC', 'OFFLINE', null];
const STAGES = ['appointmentscheduled', 'contractsent', 'closedwon', 'closedlost'];

/**
 * 250 contacts (3 pages), 30 companies, 120 deals (2 pages), two pipelines; and in the recycle
 * bin one contact, one company and one deal, deleted before the first sync.
 */
function account(): HubspotMockState {
  const state = hubspotState({
    objects: {
      contacts: Array.from({ length: 250 }, (_, i) =>
        contactJson({
          id: 1001 + i,
          email: `c${i}@example.com`,
          created: at('2024-01-01', i),
          source: SOURCES[i % 5],
        }),
      ),
      companies: Array.from({ length: 30 }, (_, i) =>
        companyJson({ id: 5001 + i, name: `Company ${i}`, created: at('2024-01-02', i * 5) }),
      ),
      deals: Array.from({ length: 120 }, (_, i) => {
        const stage = STAGES[i % 4];
        const closed = stage.startsWith('closed');
        return dealJson({
          id: 9001 + i,
          name: `Deal ${i}`,
          amount: 1000 + i * 10,
          stage,
          created: at('2024-01-03', i * 3),
          closedate: closed ? at('2024-01-20', i * 3) : undefined,
        });
      }),
    },
    pipelines: [salesPipeline(), partnerPipeline()],
  });
  const deleted = [
    contactJson({ id: 1900, email: 'gone@example.com', created: '2023-12-01' }),
    companyJson({ id: 5900, name: 'Gone Inc', created: '2023-12-01' }),
    dealJson({ id: 9900, name: 'Gone', amount: 99_000, stage: 'contractsent', created: '2023-12-01' }),
  ];
  for (const r of deleted) archive(r, '2023-12-15T10:00');
  state.objects.contacts.push(deleted[0]);
  state.objects.companies.push(deleted[1]);
  state.objects.deals.push(deleted[2]);
  return state;
}

async function rigWith(state: HubspotMockState, token = state.token) {
  const rig = await startRig(hubspot, MOCK, state, NOW);
  rig.connect({ accessToken: token, baseUrl: rig.api.url });
  return rig;
}

const searches = (requests: MockRequest[], type: string) =>
  requests
    .filter((r) => r.path === `/crm/v3/objects/${type}/search`)
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('HubSpot sync, first run', () => {
  let rig: Awaited<ReturnType<typeof rigWith>>;
  let requests: MockRequest[];
  beforeAll(async () => {
    rig = await rigWith(account());
    const progress = rig.sync();
    expect(progress.errors).toEqual([]);
    expect(progress.done).toBe(true);
    requests = await rig.api.requests();
  });
  afterAll(() => rig.close());

  it('lands every record once in its hidden tab', () => {
    const ids = (tab: string) => rig.rows(tab).map((r) => r.id);
    expect(ids('hubspot_contacts')).toHaveLength(250);
    expect(new Set(ids('hubspot_contacts')).size).toBe(250);
    expect(new Set(ids('hubspot_companies')).size).toBe(30);
    expect(new Set(ids('hubspot_deals')).size).toBe(120);
    expect(rig.rows('hubspot_deal_stages')).toHaveLength(7 + 4);
    expect(rig.rows('hubspot_archived_deals')).toEqual([
      { id: '9900', archivedAt: new Date('2023-12-15T10:00:00Z') },
    ]);
    expect(ids('hubspot_archived_contacts')).toEqual(['1900']);
    expect(ids('hubspot_archived_companies')).toEqual(['5900']);
  });

  it('lists each recycle bin once, 100 a page, through the list endpoint with archived=true', () => {
    const lists = requests.filter((r) => r.method === 'GET' && r.path.startsWith('/crm/v3/objects/'));
    expect(lists.map((r) => [r.path, r.query])).toEqual(
      ['contacts', 'companies', 'deals'].map((type) => [
        `/crm/v3/objects/${type}`,
        { archived: 'true', limit: '100' },
      ]),
    );
  });

  it('writes exactly the declared columns, in order, with properties under their own names', () => {
    for (const stream of hubspot.streams) {
      const header = Object.keys(rig.rows(`hubspot_${stream.name}`)[0]);
      expect(header).toEqual(stream.columns.map((c) => c.name));
    }
  });

  it('types the cells: amounts and probabilities as numbers, instants as Dates, flags as booleans', () => {
    const deal = rig.rows('hubspot_deals').find((r) => r.id === '9003');
    expect(deal).toMatchObject({ dealname: 'Deal 2', amount: 1020, dealstage: 'closedwon', archived: false });
    expect(deal?.closedate).toEqual(new Date(at('2024-01-20', 6)));
    const won = rig.rows('hubspot_deal_stages').find((r) => r.stageId === 'closedwon');
    expect(won).toMatchObject({
      pipelineLabel: 'Sales Pipeline',
      probability: 1,
      isClosed: true,
      displayOrder: 5,
    });
    const contact = rig.rows('hubspot_contacts').find((r) => r.id === '1004');
    expect(contact).toMatchObject({ hs_analytics_source: 'OFFLINE', email: 'c3@example.com' });
    expect(contact?.createdate).toEqual(new Date(at('2024-01-01', 3)));
  });

  it('searches oldest change first, 100 a page, with the declared properties and no filter', () => {
    const bodies = searches(requests, 'contacts');
    expect(bodies.map((b) => b.after)).toEqual([undefined, '100', '200']);
    expect(bodies[0]).toEqual({
      filterGroups: [],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: hubspot.streams[0].columns.map((c) => c.name).filter((n) => n !== 'id' && n !== 'archived'),
      limit: 100,
    });
    expect(searches(requests, 'deals')[0].sorts).toEqual([
      { propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' },
    ]);
  });

  it('sends the private app token as a bearer token on every request', () => {
    for (const r of requests) expect(r.headers.authorization).toBe(`Bearer ${account().token}`);
  });

  it('refreshes the package models from the synced tabs', () => {
    const refresh = rig.emu.run((gas) => refreshModels(gas, { packages: [hubspotPackage] }));
    expect(refresh.models.map((m) => [m.name, m.status, m.error?.message])).toEqual(
      hubspotPackage.models.map((m) => [m.name, 'ok', undefined]),
    );
    // Open deals are the 60 in Appointment Scheduled and Contract Sent (i % 4 = 0 or 1), worth
    // 1,000 + 10 i each: 60 × 1,000 + 10 × (0 + 1 + 4 + 5 + … + 116 + 117) = 60,000 + 10 × 3,510.
    // Weighted: Appointment Scheduled (i = 4k) 47,400 × 0.2 + Contract Sent (i = 4k + 1) 47,700 × 0.9.
    const summary = rig.rows('HubSpot pipeline');
    expect(summary).toEqual([{ open_deals: 60, open_pipeline: 95_100, weighted_pipeline: 9_480 + 42_930 }]);
    // Won and lost alternate (i % 4 = 2, 3), so every month's win rate is about a half.
    const closed = rig.rows('HubSpot deals won and lost by month');
    expect(closed.reduce((n, r) => n + Number(r.won_deals) + Number(r.lost_deals), 0)).toBe(60);
    expect(rig.rows('HubSpot new contacts by month').map((r) => r.new_contacts)).toEqual([250]);
  });

  it('then builds the Dashboard with every headline metric and every chart drawn natively', () => {
    const dashboard = rig.emu.run((gas) => buildDashboard(gas, { packages: [hubspotPackage] }));
    expect(dashboard.tiles).toBe(hubspotPackage.metrics.length);
    expect(dashboard.charts.map((c) => [c.id, c.shown, c.detail])).toEqual(
      hubspotPackage.charts.map((c) => [c.id, 'sheet', undefined]),
    );
  });
});

describe('HubSpot incremental sync', () => {
  it('asks only for what changed since the bookmark (less 5 minutes) and updates rows in place', async () => {
    const rig = await rigWith(account());
    try {
      rig.sync();
      await rig.api.clearRequests();
      // An hour later: deal 9001 is won, a contact changes its stage, a new deal arrives.
      rig.emu.clock.advance(HOUR);
      const later = await rig.api.getState();
      const changed = hsTime('2024-03-01T12:30');
      const deal = later.objects.deals[0];
      Object.assign(deal.properties, {
        dealstage: 'closedwon',
        closedate: changed,
        hs_lastmodifieddate: changed,
      });
      deal.updatedAt = changed;
      const contact = later.objects.contacts[10];
      Object.assign(contact.properties, { lifecyclestage: 'customer', lastmodifieddate: changed });
      later.objects.deals.push(
        dealJson({
          id: 9999,
          name: 'New',
          amount: 5000,
          stage: 'qualifiedtobuy',
          created: '2024-03-01T12:31',
        }),
      );
      await rig.api.setState(later);

      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      const requests = await rig.api.requests();
      // Bookmarks: the newest change each stream read; the filter starts 300 s before it.
      const lastDeal = Date.parse(at('2024-01-20', 119 * 3)); // deal 9120 (index 119, lost) changed last
      const dealSearch = searches(requests, 'deals');
      expect(dealSearch).toHaveLength(1);
      expect(dealSearch[0].filterGroups).toEqual([
        {
          filters: [
            { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(lastDeal - 300_000) },
          ],
        },
      ]);
      const contactSearch = searches(requests, 'contacts');
      expect(contactSearch).toHaveLength(1);
      const lastContact = Date.parse(at('2024-01-01', 249));
      expect(
        (contactSearch[0].filterGroups as Array<{ filters: Array<{ value: string }> }>)[0].filters[0].value,
      ).toBe(String(lastContact - 300_000));

      const deals = rig.rows('hubspot_deals');
      expect(deals).toHaveLength(121);
      expect(deals.find((r) => r.id === '9001')?.dealstage).toBe('closedwon');
      expect(deals.find((r) => r.id === '9999')?.amount).toBe(5000);
      const contacts = rig.rows('hubspot_contacts');
      expect(contacts).toHaveLength(250);
      expect(contacts.find((r) => r.id === '1011')?.lifecyclestage).toBe('customer');
    } finally {
      await rig.close();
    }
  });
});

describe('HubSpot deleted records', () => {
  const openPipeline = (rig: Awaited<ReturnType<typeof rigWith>>) => {
    rig.emu.run((gas) => refreshModels(gas, { packages: [hubspotPackage] }));
    return rig.rows('HubSpot pipeline')[0];
  };
  const closedDeals = (rig: Awaited<ReturnType<typeof rigWith>>) =>
    rig.rows('HubSpot deals won and lost by month').map((r) => [r.won_deals, r.lost_deals]);

  it('drops a deal deleted between two syncs from open pipeline and won/lost, and restores it', async () => {
    const rig = await rigWith(account());
    try {
      rig.sync();
      expect(openPipeline(rig)).toEqual({ open_deals: 60, open_pipeline: 95_100, weighted_pipeline: 52_410 });
      const closedBefore = closedDeals(rig);

      // An hour later, deal 9001 (Appointment Scheduled, 1,000) and 9003 (won Jan 20, 1,020)
      // are deleted in HubSpot.
      rig.emu.clock.advance(HOUR);
      const later = await rig.api.getState();
      archive(later.objects.deals[0], '2024-03-01T12:30');
      archive(later.objects.deals[2], '2024-03-01T12:31');
      await rig.api.setState(later);
      expect(rig.sync().errors).toEqual([]);

      // Their rows stay (search never returns a deleted record), the recycle bin lists them...
      expect(rig.rows('hubspot_deals')).toHaveLength(120);
      expect(rig.rows('hubspot_archived_deals').map((r) => r.id)).toEqual(['9001', '9003', '9900']);
      // ...and the metrics leave them out: 1,000 less open (200 weighted), one won deal less.
      expect(openPipeline(rig)).toEqual({ open_deals: 59, open_pipeline: 94_100, weighted_pipeline: 52_210 });
      const closedAfter = closedDeals(rig);
      expect(closedAfter.reduce((n, [won]) => n + Number(won), 0)).toBe(
        closedBefore.reduce((n, [won]) => n + Number(won), 0) - 1,
      );
      expect(closedAfter.reduce((n, [, lost]) => n + Number(lost), 0)).toBe(30);

      // Restored an hour later: it leaves the recycle bin and counts again.
      rig.emu.clock.advance(HOUR);
      const restored = await rig.api.getState();
      restore(restored.objects.deals[0], '2024-03-01T13:30', 'hs_lastmodifieddate');
      await rig.api.setState(restored);
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('hubspot_archived_deals').map((r) => r.id)).toEqual(['9003', '9900']);
      expect(openPipeline(rig)).toEqual({ open_deals: 60, open_pipeline: 95_100, weighted_pipeline: 52_410 });
    } finally {
      await rig.close();
    }
  });

  it('keeps every deal in the metrics when the recycle bins are empty', async () => {
    const state = account();
    for (const type of ['contacts', 'companies', 'deals'] as const)
      state.objects[type] = state.objects[type].filter((r) => !r.archived);
    const rig = await rigWith(state);
    try {
      expect(rig.sync().errors).toEqual([]);
      expect(rig.tabNames()).toContain('hubspot_archived_deals');
      expect(rig.rows('hubspot_archived_deals')).toEqual([]);
      expect(openPipeline(rig)).toEqual({ open_deals: 60, open_pipeline: 95_100, weighted_pipeline: 52_410 });
      expect(rig.rows('HubSpot new contacts by month').map((r) => r.new_contacts)).toEqual([250]);
    } finally {
      await rig.close();
    }
  });

  it('pages a recycle bin of 250 deleted contacts with after, and lists each once', async () => {
    const state = account();
    for (let i = 0; i < 250; i++) {
      const r = contactJson({ id: 3000 + i, email: `d${i}@example.com`, created: '2023-11-01' });
      archive(r, '2024-02-01');
      state.objects.contacts.push(r);
    }
    const rig = await rigWith(state);
    try {
      expect(rig.sync().errors).toEqual([]);
      const ids = rig.rows('hubspot_archived_contacts').map((r) => r.id);
      expect(ids).toHaveLength(251);
      expect(new Set(ids).size).toBe(251);
      const lists = (await rig.api.requests()).filter((r) => r.path === '/crm/v3/objects/contacts');
      expect(lists.map((r) => r.query.after)).toEqual([undefined, '3099', '3199']);
      // Search never returns a deleted contact, so none reaches the contacts tab.
      expect(rig.rows('hubspot_contacts')).toHaveLength(250);
    } finally {
      await rig.close();
    }
  });
});

describe('HubSpot searches past 10,000 results', () => {
  it('starts a new search from the last change read, and every contact lands once', async () => {
    // 10,050 contacts, one a minute; 10 of them (around the 10,000th) changed at one instant.
    const state = hubspotState({
      objects: {
        contacts: Array.from({ length: 10_050 }, (_, i) => {
          const minute = i >= 9_995 && i < 10_005 ? 9_995 : i;
          const created = new Date(Date.parse('2023-01-01T00:00:00Z') + minute * 60_000).toISOString();
          return contactJson({ id: 100_000 + i, email: `p${i}@example.com`, created });
        }),
        companies: [],
        deals: [],
      },
      pipelines: [salesPipeline()],
    });
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      const bodies = searches(await rig.api.requests(), 'contacts');
      // 100 pages of the first search; the 10,000th contact (index 9,999) changed at minute
      // 9,995, so the second search asks from there and reads the 55 contacts from index 9,995.
      expect(bodies).toHaveLength(101);
      expect(bodies[99].after).toBe('9900');
      const second = bodies[100];
      expect(second.after).toBeUndefined();
      const from = Date.parse('2023-01-01T00:00:00Z') + 9_995 * 60_000;
      expect(second.filterGroups).toEqual([
        { filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(from) }] },
      ]);
      const ids = rig.rows('hubspot_contacts').map((r) => r.id);
      expect(ids).toHaveLength(10_050);
      expect(new Set(ids).size).toBe(10_050);
    } finally {
      await rig.close();
    }
  }, 120_000);
});

describe('HubSpot searches past 10,000 results, continued', () => {
  function contactsAt(count: number, minuteOf: (i: number) => number): HubspotMockState {
    return hubspotState({
      objects: {
        contacts: Array.from({ length: count }, (_, i) =>
          contactJson({
            id: 100_000 + i,
            email: `p${i}@example.com`,
            created: new Date(Date.parse('2023-01-01T00:00:00Z') + minuteOf(i) * 60_000).toISOString(),
          }),
        ),
        companies: [],
        deals: [],
      },
      pipelines: [salesPipeline()],
    });
  }

  it('resumes a capped search in a later execution from the new search, every contact once', async () => {
    const rig = await rigWith(contactsAt(10_120, (i) => i));
    try {
      const progress = rig.sync({ budgetMs: 8_000 });
      expect(progress.errors).toEqual([]);
      expect(rig.chunks).toBeGreaterThan(2);
      const ids = rig.rows('hubspot_contacts').map((r) => r.id);
      expect(ids).toHaveLength(10_120);
      expect(new Set(ids).size).toBe(10_120);
      // No page past the cap was ever asked for.
      const afters = searches(await rig.api.requests(), 'contacts').map((b) => Number(b.after ?? 0));
      expect(Math.max(...afters)).toBe(9_900);
    } finally {
      await rig.close();
    }
  }, 120_000);

  it('stops with a clear error, not a loop, when more than 10,000 contacts share one instant', async () => {
    const rig = await rigWith(contactsAt(10_100, () => 0));
    try {
      const progress = rig.sync();
      const contacts = progress.streams.find((s) => s.stream === 'contacts');
      expect(contacts?.status).toBe('failed');
      expect(contacts?.error?.code).toBe('query-cap-stuck');
      expect(contacts?.error?.message).toContain('more than 10000 records');
      // The first search, then one new search from the same instant that could not move on.
      expect(searches(await rig.api.requests(), 'contacts')).toHaveLength(200);
      expect(progress.streams.find((s) => s.stream === 'deal_stages')?.status).toBe('done');
    } finally {
      await rig.close();
    }
  }, 120_000);
});

describe('HubSpot Test connection', () => {
  it('reads the pipelines with a working token and names HubSpot and the fix with a wrong one', async () => {
    const state = account();
    const rig = await rigWith(state);
    try {
      const check = (accessToken: string) =>
        rig.emu.run((gas) => {
          try {
            return testConnection(
              gas,
              { connector: 'hubspot', config: { accessToken, baseUrl: rig.api.url } },
              [hubspot],
            );
          } catch (error) {
            return (error as TapdashError).toInfo();
          }
        });
      expect(check(state.token)).toMatchObject({ records: 11 });
      const wrong = check('pat-na1-00000000-0000-0000-0000-000000000000');
      expect(wrong).toMatchObject({ code: 'auth-rejected' });
      expect(JSON.stringify(wrong)).toContain('private app');
    } finally {
      await rig.close();
    }
  });
});

describe('HubSpot sync failures', () => {
  it('reports a rejected token in plain words, without the token, and keeps what was synced', async () => {
    const state = account();
    const rig = await rigWith(state);
    try {
      rig.sync();
      const rows = rig.rows('hubspot_deals').length;
      const wrong = 'pat-na1-99999999-8888-7777-6666-555555555555';
      rig.connect({ accessToken: wrong, baseUrl: rig.api.url });
      rig.emu.clock.advance(HOUR);
      const progress = rig.sync();
      expect(progress.streams.every((s) => s.status === 'failed')).toBe(true);
      const error = progress.errors[0];
      expect(error.code).toBe('auth-rejected');
      expect(error.message).toContain('HubSpot rejected');
      expect(error.message).toContain('Authentication credentials not found');
      expect(error.fix).toContain('starts with pat-');
      expect(JSON.stringify(progress)).not.toContain(wrong);
      expect(rig.rows('hubspot_deals')).toHaveLength(rows);
      const log = rig.rows('Sync log');
      expect(log.some((r) => String(Object.values(r).join(' ')).includes('HubSpot rejected'))).toBe(true);
    } finally {
      await rig.close();
    }
  });

  it.each([
    ['a 429 with Retry-After (ten-second limit)', { kind: 'rate-limit', retryAfter: 7 }],
    ['a 500', { kind: 'server-error' }],
    ['a 502', { kind: 'server-error', status: 502 }],
  ] as const)('waits out %s and finishes the sync', async (_what, fault) => {
    const state = account();
    state.faults = [{ path: '/deals/search', ...fault } as HubspotFault];
    const rig = await rigWith(state);
    try {
      const started = rig.emu.clock.now();
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      expect(rig.rows('hubspot_deals')).toHaveLength(120);
      // The faulty page was asked twice: once failing, once after the wait.
      expect(searches(await rig.api.requests(), 'deals')).toHaveLength(3);
      if (fault.kind === 'rate-limit') expect(rig.emu.clock.now() - started).toBeGreaterThanOrEqual(7_000);
    } finally {
      await rig.close();
    }
  });

  it('reports a cut-off reply as unreadable, keeps the other streams, and reads it next time', async () => {
    const state = account();
    state.faults = [{ path: '/contacts/search', kind: 'malformed' }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      const contacts = progress.streams.find((s) => s.stream === 'contacts');
      expect(contacts?.status).toBe('failed');
      expect(contacts?.error?.message).toContain('not JSON');
      expect(progress.streams.filter((s) => s.status === 'done')).toHaveLength(6);
      rig.emu.clock.advance(HOUR);
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('hubspot_contacts')).toHaveLength(250);
    } finally {
      await rig.close();
    }
  });

  it('names the missing scope when the private app cannot read deals', async () => {
    const state = account();
    state.scopes = ['contacts', 'companies'];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      const deals = progress.streams.find((s) => s.stream === 'deals');
      expect(deals?.status).toBe('failed');
      expect(deals?.error?.message).toContain('required scopes');
      expect(deals?.error?.fix).toContain('crm.objects.deals.read');
      expect(rig.rows('hubspot_contacts')).toHaveLength(250);
    } finally {
      await rig.close();
    }
  });
});

describe('HubSpot sync across several executions', () => {
  it('resumes where the time box stopped it, with every record once', async () => {
    const rig = await rigWith(account());
    try {
      const progress = rig.sync({ budgetMs: 2_000 });
      expect(progress.done).toBe(true);
      expect(progress.errors).toEqual([]);
      expect(rig.chunks).toBeGreaterThan(1);
      const ids = rig.rows('hubspot_contacts').map((r) => r.id);
      expect(ids).toHaveLength(250);
      expect(new Set(ids).size).toBe(250);
      expect(rig.rows('hubspot_deals')).toHaveLength(120);
    } finally {
      await rig.close();
    }
  });
});
