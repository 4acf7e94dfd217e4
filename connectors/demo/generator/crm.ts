/**
 * The sales-led side, HubSpot-style: deals move through the default pipeline's stages and are
 * won or lost. Each won deal becomes a Stripe customer on the Scale yearly plan (billing.ts).
 */
import { companyName } from './names';
import type { Random } from './random';
import { addMonths, DAY, firstHour, HOUR, isoMillis, monthsBetween, weekday } from './time';
import { COUNTRIES, type Country } from './web';

export interface Owner {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Months after launch when the rep joined. */
  joinedMonth: number;
  /** How much better or worse than average the rep closes. */
  skill: number;
}

export const OWNERS: readonly Owner[] = [
  {
    id: '51620001',
    firstName: 'Maya',
    lastName: 'Okafor',
    email: 'maya@kitelight.io',
    joinedMonth: 0,
    skill: 1.1,
  },
  {
    id: '51620002',
    firstName: 'Diego',
    lastName: 'Castro',
    email: 'diego@kitelight.io',
    joinedMonth: 0,
    skill: 0.95,
  },
  {
    id: '51620003',
    firstName: 'Priya',
    lastName: 'Shah',
    email: 'priya@kitelight.io',
    joinedMonth: 6,
    skill: 1.0,
  },
  {
    id: '51620004',
    firstName: 'Jon',
    lastName: 'Weber',
    email: 'jon@kitelight.io',
    joinedMonth: 12,
    skill: 0.9,
  },
];

/** HubSpot's default sales pipeline: internal stage ids and their default win probabilities. */
export const STAGES = [
  { id: 'appointmentscheduled', probability: 0.2 },
  { id: 'qualifiedtobuy', probability: 0.4 },
  { id: 'presentationscheduled', probability: 0.6 },
  { id: 'decisionmakerboughtin', probability: 0.8 },
  { id: 'contractsent', probability: 0.9 },
] as const;

/** Chance of moving from each stage to the next (the rest are lost there). */
const ADVANCE = [0.72, 0.66, 0.7, 0.8, 0.78];

const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['ORGANIC_SEARCH', 0.25],
  ['PAID_SEARCH', 0.15],
  ['REFERRALS', 0.2],
  ['DIRECT_TRAFFIC', 0.15],
  ['SOCIAL_MEDIA', 0.1],
  ['EMAIL_MARKETING', 0.05],
  ['OFFLINE', 0.1],
];

const LOST_REASONS = ['Price', 'Chose a competitor', 'No decision', 'Timing', 'Missing feature'];

/** Scale yearly costs $400 per seat, so a deal's amount is its annual contract value. */
export const SEAT_PRICE_PER_YEAR = 400;

export interface Deal {
  id: string;
  name: string;
  company: string;
  domain: string;
  country: Country;
  createdAt: number;
  owner: Owner;
  source: string;
  seats: number;
  amount: number;
  /** Stage changes in order; the last one is closedwon or closedlost unless still open. */
  stages: Array<{ stage: string; at: number }>;
  outcome: 'won' | 'lost' | 'open';
  closedAt: number | null;
  lostReason: string | null;
}

export function generateDeals(r: Random, start: number, end: number): Deal[] {
  const deals: Deal[] = [];
  let nextId = 14_000_000_000;
  for (let day = start; day < end; day += DAY) {
    const from = firstHour(day === start ? 0 : 1, 8);
    const wd = weekday(day);
    if (wd === 0 || wd === 6) continue;
    const month = monthsBetween(start, day);
    const count = r.poisson((5 + 0.85 * month) / 21.5);
    for (let i = 0; i < count; i++) {
      nextId += r.int(1, 4_000);
      deals.push(makeDeal(r, String(nextId), day + r.uniform(from, 18) * HOUR, month));
    }
  }
  return deals;
}

function makeDeal(r: Random, id: string, createdAt: number, month: number): Deal {
  const company = companyName(r);
  const owner = r.pick(OWNERS.filter((o) => o.joinedMonth <= month));
  const seats = Math.min(200, Math.max(10, 5 * Math.round((10 + r.lognormal(14, 0.7)) / 5)));
  const stages: Deal['stages'] = [{ stage: STAGES[0].id, at: createdAt }];
  let at = createdAt;
  let outcome: Deal['outcome'] = 'won';
  for (let s = 0; s < STAGES.length; s++) {
    at += r.lognormal(8, 0.6) * DAY;
    if (!r.chance(Math.min(0.97, ADVANCE[s] * owner.skill))) {
      outcome = 'lost';
      break;
    }
    stages.push({ stage: s + 1 < STAGES.length ? STAGES[s + 1].id : 'closedwon', at });
  }
  if (outcome === 'lost') stages.push({ stage: 'closedlost', at });
  return {
    id,
    name: `${company.name} — ${seats} seats`,
    company: company.name,
    domain: company.domain,
    country: r.weighted(COUNTRIES.map((c) => [c, c.share] as const)),
    createdAt,
    owner,
    source: r.weighted(SOURCES),
    seats,
    amount: seats * SEAT_PRICE_PER_YEAR,
    stages,
    outcome,
    closedAt: at,
    lostReason: outcome === 'lost' ? r.pick(LOST_REASONS) : null,
  };
}

const PROBABILITY: Record<string, number> = {
  ...Object.fromEntries(STAGES.map((s) => [s.id, s.probability])),
  closedwon: 1,
  closedlost: 0,
};

/**
 * HubSpot CRM v3 deal objects as of `now`. An open deal's close date is the rep's expected one:
 * 45 days after creation, pushed out a month at a time while the deal stays open.
 */
export function dealRecords(deals: readonly Deal[], now: number): Array<Record<string, unknown>> {
  return deals
    .filter((d) => d.createdAt <= now)
    .map((d) => {
      const reached = d.stages.filter((s) => s.at <= now);
      const last = reached[reached.length - 1];
      const closed = last.stage === 'closedwon' || last.stage === 'closedlost';
      let closeDate = d.createdAt + 45 * DAY;
      while (!closed && closeDate < now) closeDate += 30 * DAY;
      return {
        id: d.id,
        createdAt: isoMillis(d.createdAt),
        updatedAt: isoMillis(last.at),
        archived: false,
        properties: {
          dealname: d.name,
          amount: d.amount,
          dealstage: last.stage,
          pipeline: 'default',
          closedate: isoMillis(closed ? last.at : closeDate),
          createdate: isoMillis(d.createdAt),
          hs_lastmodifieddate: isoMillis(last.at),
          hubspot_owner_id: d.owner.id,
          hs_analytics_source: d.source,
          hs_is_closed: closed,
          hs_is_closed_won: last.stage === 'closedwon',
          hs_deal_stage_probability: PROBABILITY[last.stage],
          closed_lost_reason: last.stage === 'closedlost' ? d.lostReason : null,
          deal_currency_code: 'USD',
        },
      };
    });
}

/** HubSpot CRM v3 owners: the sales reps who have joined by `now`. */
export function ownerRecords(start: number, now: number): Array<Record<string, unknown>> {
  return OWNERS.map((o) => ({ owner: o, joined: addMonths(start, o.joinedMonth) }))
    .filter(({ joined }) => joined <= now)
    .map(({ owner, joined }) => ({
      id: owner.id,
      email: owner.email,
      firstName: owner.firstName,
      lastName: owner.lastName,
      userId: Number(owner.id) + 9_000_000,
      createdAt: isoMillis(joined),
      updatedAt: isoMillis(joined),
      archived: false,
    }));
}
