/**
 * The Demo source's entry point: records for one stream at `now`. The simulation is cached for
 * the last (seed, month) asked for, because the sync engine asks stream by stream; records are
 * rebuilt on each call so callers may change them freely.
 */
import { TapdashError } from '../../../src/shared/errors';
import {
  chargeRecords,
  customerRecords,
  invoiceLineRecords,
  invoiceRecords,
  subscriptionRecords,
} from './billing/records';
import { type Company, simulateCompany } from './company';
import { dealRecords, ownerRecords } from './crm';
import { issueRecords, pullRecords } from './engineering';
import { ticketRecords } from './support';
import { monthStart } from './time';
import { sessionRecords } from './web';

export type Row = Record<string, unknown>;

export const DEFAULT_SEED = 20_240_601;

const PROJECTIONS = {
  customers: (c: Company, now: number) => customerRecords(c.billing, now),
  subscriptions: (c: Company, now: number) => subscriptionRecords(c.billing, now),
  invoices: (c: Company, now: number) => invoiceRecords(c.billing, now),
  invoice_lines: (c: Company, now: number) => invoiceLineRecords(c.billing, now),
  charges: (c: Company, now: number) => chargeRecords(c.billing, now),
  deals: (c: Company, now: number) => dealRecords(c.deals, now),
  owners: (c: Company, now: number) => ownerRecords(c.start, now),
  tickets: (c: Company, now: number) => ticketRecords(c.tickets, now),
  issues: (c: Company, now: number) => issueRecords(c.issues, now),
  pull_requests: (c: Company, now: number) => pullRecords(c.pulls, now),
  web_sessions: (c: Company, now: number) => sessionRecords(c.sessions, now),
} satisfies Record<string, (c: Company, now: number) => Row[]>;

export type DemoStream = keyof typeof PROJECTIONS;
export const DEMO_STREAMS = Object.keys(PROJECTIONS) as DemoStream[];

let cached: { seed: number; month: number; company: Company } | undefined;

function company(seed: number, now: number): Company {
  const month = monthStart(now);
  if (!cached || cached.seed !== seed || cached.month !== month) {
    cached = { seed, month, company: simulateCompany(seed, now) };
  }
  return cached.company;
}

/** Every stream at once: what tests and the playground use. Pure in (seed, now). */
export function generateDemo(seed: number, now: Date): Record<DemoStream, Row[]> {
  const at = checkedNow(now);
  const c = company(checkedSeed(seed), at);
  const out = {} as Record<DemoStream, Row[]>;
  for (const stream of DEMO_STREAMS) out[stream] = PROJECTIONS[stream](c, at);
  return out;
}

export function generateDemoStream(stream: string, seed: number, now: Date): Row[] {
  if (!(stream in PROJECTIONS)) {
    throw new TapdashError({
      code: 'demo_unknown_stream',
      message: `The Demo source has no stream called "${stream}".`,
      fix: `Use one of: ${DEMO_STREAMS.join(', ')}.`,
      where: `demo.${stream}`,
    });
  }
  const at = checkedNow(now);
  return PROJECTIONS[stream as DemoStream](company(checkedSeed(seed), at), at);
}

function checkedNow(now: Date): number {
  const at = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new TapdashError({
      code: 'demo_bad_clock',
      message: 'The Demo source was asked for data at an invalid date.',
      fix: 'Run the sync again; if it keeps happening, report it from the Sync log tab.',
    });
  }
  return at;
}

/** The seed comes from the connection's optional `seed` setting; anything else is refused. */
export function seedFromConfig(config: Readonly<Record<string, string>>): number {
  const raw = config.seed;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  return checkedSeed(Number(raw));
}

function checkedSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295) {
    throw new TapdashError({
      code: 'demo_bad_seed',
      message: `The Demo source's seed must be a whole number from 0 to 4294967295, not "${seed}".`,
      fix: 'Remove the seed setting to get the standard demo company, or enter a whole number.',
    });
  }
  return seed;
}
