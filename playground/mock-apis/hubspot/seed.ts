/**
 * The HubSpot demo account for `--mock-apis`: a B2B software company's CRM over the last 18
 * months. About 200 contacts, more each month, from a mix of sources; 40 companies; 80 deals in
 * the default sales pipeline, the older ones won or lost, the recent ones spread over the open
 * stages; and a few records deleted (in the recycle bin). Deterministic for a given `now`.
 */
import { demoRandom } from '../random';
import { archive, type CrmRecord, companyJson, contactJson, dealJson, salesPipeline } from './hubspot-shapes';
import { type HubspotMockState, hubspotState } from './mock-hubspot';

const DAY = 86_400_000;
const SPAN_DAYS = 548;

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Isla',
  'Jonas',
  'Kira',
  'Liam',
];
const LAST = [
  'Moreau',
  'Nakamura',
  'Okoro',
  'Patel',
  'Quinn',
  'Rossi',
  'Svensson',
  'Tanaka',
  'Usman',
  'Varga',
];
const COMPANY_WORDS = ['Northwind', 'Bluepeak', 'Cedar', 'Lumen', 'Orbit', 'Harbor', 'Quartz', 'Fable'];
const COMPANY_KINDS = ['Labs', 'Logistics', 'Health', 'Studio', 'Systems'];
const SOURCES = [
  ['ORGANIC_SEARCH', 35],
  ['PAID_SEARCH', 15],
  ['DIRECT_TRAFFIC', 15],
  ['SOCIAL_MEDIA', 10],
  ['EMAIL_MARKETING', 10],
  ['REFERRALS', 10],
  ['OFFLINE', 5],
] as const;
const LIFECYCLE = [
  ['subscriber', 20],
  ['lead', 40],
  ['marketingqualifiedlead', 15],
  ['salesqualifiedlead', 10],
  ['opportunity', 8],
  ['customer', 7],
] as const;
/** Open stages of the default pipeline, earlier ones holding more deals. */
const OPEN_STAGES = [
  ['appointmentscheduled', 5],
  ['qualifiedtobuy', 4],
  ['presentationscheduled', 3],
  ['decisionmakerboughtin', 2],
  ['contractsent', 2],
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function demoHubspotAccount(now: number, token: string): HubspotMockState {
  const random = demoRandom(20_240_601);
  const start = now - SPAN_DAYS * DAY;
  /** A working-hours instant `day` days after the start (never after now). */
  const dayAt = (day: number) => Math.min(now - DAY / 24, start + day * DAY + random.int(8, 17) * 3_600_000);
  /** Days into the span, denser towards today: the company grows. */
  const growingDay = () => Math.floor(Math.sqrt(random.next()) * SPAN_DAYS);

  const companyNames = COMPANY_WORDS.flatMap((w) => COMPANY_KINDS.map((k) => `${w} ${k}`)).slice(0, 40);
  const companies = companyNames.map((name, i) => {
    const created = dayAt(Math.floor((i / companyNames.length) * (SPAN_DAYS - 20)));
    const r = companyJson({
      id: 5001 + i,
      name,
      created: iso(created),
      modified: iso(Math.min(now - DAY, created + random.int(1, 120) * DAY)),
      employees: random.pick([8, 15, 25, 40, 60, 120, 250]),
    });
    r.properties.annualrevenue = String(random.int(5, 200) * 100_000);
    return r;
  });

  const contacts = Array.from({ length: 200 }, () => growingDay())
    .sort((a, b) => a - b)
    .map((day, i) => {
      const first = random.pick(FIRST);
      const last = random.pick(LAST);
      const company = companyNames[random.int(0, companyNames.length - 1)];
      const created = dayAt(day);
      const r = contactJson({
        id: 1001 + i,
        email: `${first}.${last}${i}@${company.toLowerCase().replace(/\W+/g, '')}.com`.toLowerCase(),
        firstname: first,
        created: iso(created),
        modified: iso(Math.min(now - DAY / 24, created + random.int(0, 60) * DAY)),
        source: random.weighted(SOURCES),
        lifecyclestage: random.weighted(LIFECYCLE),
      });
      r.properties.lastname = last;
      r.properties.company = company;
      return r;
    });

  const deals = Array.from({ length: 80 }, () => growingDay())
    .sort((a, b) => a - b)
    .map((day, i) => {
      const company = companyNames[random.int(0, companyNames.length - 1)];
      const created = dayAt(day);
      const cycleDays = random.int(14, 90);
      const decided = created + cycleDays * DAY;
      // A deal whose sales cycle has run its course is won or lost, but deals from the last
      // few months often drag on past it: the open pipeline is mostly recent deals.
      const open = decided > now || (now - created < 120 * DAY && random.next() < 0.6);
      const stage = open ? random.weighted(OPEN_STAGES) : random.next() < 0.55 ? 'closedwon' : 'closedlost';
      const amount = random.int(4, 80) * 500;
      return dealJson({
        id: 9001 + i,
        name: `${company} — ${random.pick(['Starter', 'Team', 'Business', 'Enterprise'])} plan`,
        // A few deals are logged before anyone knows the amount.
        amount: random.next() < 0.05 ? null : amount,
        stage,
        created: iso(created),
        // Open: the expected close date, ahead; closed: the day it was decided.
        closedate: iso(
          open ? Math.max(decided, now + random.int(7, 45) * DAY) : Math.min(decided, now - DAY),
        ),
        modified: iso(Math.min(now - DAY / 24, open ? created + random.int(1, 20) * DAY : decided)),
      });
    });

  // Deleted in HubSpot: still in the recycle bin, so the sync must leave them out of the numbers.
  const deleted: Array<[CrmRecord[], number]> = [
    [deals, 3],
    [deals, 17],
    [deals, 42],
    [contacts, 11],
    [contacts, 150],
    [companies, 7],
  ];
  for (const [records, index] of deleted) {
    const r = records[index];
    archive(r, iso(Math.min(now - DAY, Date.parse(r.updatedAt) + 5 * DAY)));
  }

  return hubspotState({
    token,
    objects: { contacts, companies, deals },
    pipelines: [salesPipeline()],
  });
}
