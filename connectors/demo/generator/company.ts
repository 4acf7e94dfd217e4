/**
 * Kitelight's whole history, simulated once per (seed, month of `now`): web traffic drives
 * self-serve signups, won deals become sales-led customers, live customers raise tickets and
 * drive the product team's issues. Nothing here depends on `now` beyond its month, so as `now`
 * advances within a month the records only grow (records.ts cuts them at `now`).
 */
import { BillingSimulator, type SubscriptionPlan } from './billing/lifecycle';
import type { CustomerSim, SubscriptionSim } from './billing/model';
import { LAUNCH20, priceFor, WELCOME50 } from './catalog';
import { type Deal, generateDeals } from './crm';
import { generateRepository, type IssueSim, type PullSim } from './engineering';
import { companyName, FIRST_NAMES, LAST_NAMES } from './names';
import { Random } from './random';
import { countLive, generateTickets, type TicketSim } from './support';
import { addMonths, DAY, HOUR, monthStart } from './time';
import { type Country, generateWeb, type SessionDay, type Signup } from './web';

export interface Company {
  /** First day of the first month shown (24 months before the current month). */
  start: number;
  /** First day of the month after `now`'s: the simulation stops there. */
  horizon: number;
  sessions: SessionDay[];
  deals: Deal[];
  billing: BillingSimulator;
  tickets: TicketSim[];
  pulls: PullSim[];
  issues: IssueSim[];
}

export const HISTORY_MONTHS = 24;

export function simulateCompany(seed: number, now: number): Company {
  const current = monthStart(now);
  const start = addMonths(current, -HISTORY_MONTHS);
  const horizon = addMonths(current, 1);

  const web = generateWeb(new Random(seed, 'web'), start, horizon);
  const deals = generateDeals(new Random(seed, 'crm'), start, horizon);
  const billing = new BillingSimulator(new Random(seed, 'billing'), new Random(seed, 'billing-ids'), horizon);
  const people = new Random(seed, 'customers');

  type Arrival = { at: number; signup?: Signup; deal?: Deal };
  const arrivals: Arrival[] = web.signups.map((signup) => ({ at: signup.at, signup }));
  for (const deal of deals) {
    if (deal.outcome !== 'won' || deal.closedAt === null) continue;
    const at = deal.closedAt + people.uniform(1, 30) * HOUR;
    if (at < horizon) arrivals.push({ at, deal });
  }
  arrivals.sort((a, b) => a.at - b.at);
  for (const arrival of arrivals) {
    if (arrival.signup) selfServe(billing, people, arrival.signup, start);
    else if (arrival.deal) salesLed(billing, people, arrival.deal, arrival.at);
  }

  const days = Math.round((horizon - start) / DAY);
  const live = countLive(billing.subscriptions, start, days);
  const tickets = generateTickets(new Random(seed, 'support'), billing.subscriptions, live, start);
  const repo = generateRepository(new Random(seed, 'engineering'), start, live);
  return {
    start,
    horizon,
    sessions: web.days,
    deals,
    billing,
    tickets,
    pulls: repo.pulls,
    issues: repo.issues,
  };
}

function newCustomer(
  r: Random,
  billing: BillingSimulator,
  at: number,
  company: { name: string; domain: string },
  country: Country,
): CustomerSim {
  const person = `${r.pick(FIRST_NAMES)}.${r.pick(LAST_NAMES)}`.toLowerCase();
  const customer: CustomerSim = {
    id: r.id('cus_'),
    createdAt: Math.floor(at / 1000) * 1000,
    name: company.name,
    email: `${person}@${company.domain}`,
    country,
    invoicePrefix: r.hex(8),
    nextInvoiceNumber: 1,
    balance: 0,
    card: {
      brand: r.weighted([
        ['visa', 0.55],
        ['mastercard', 0.3],
        ['amex', 0.12],
        ['discover', 0.03],
      ]),
    },
    signup: null,
    dealId: null,
    reactivated: false,
  };
  billing.addCustomer(customer);
  return customer;
}

/** A signup from the website: mostly trials, Starter or Growth, some with a coupon. */
function selfServe(billing: BillingSimulator, r: Random, signup: Signup, start: number): SubscriptionSim {
  const customer = newCustomer(r, billing, signup.at, companyName(r), signup.country);
  customer.signup = signup;
  const plan = r.chance(0.55) ? 'starter' : 'growth';
  const interval = r.chance(0.15) ? 'year' : 'month';
  const coupon =
    signup.at < start + 14 * DAY
      ? LAUNCH20
      : signup.channel.medium === 'email' && r.chance(0.35)
        ? WELCOME50
        : null;
  const spec: SubscriptionPlan = {
    price: priceFor(plan, interval),
    quantity: plan === 'starter' ? 1 : Math.min(30, 2 + Math.floor(r.lognormal(3, 0.6))),
    trialDays: r.chance(0.7) ? 14 : 0,
    trialConversion: plan === 'starter' ? 0.42 : 0.52,
    coupon,
    salesLed: false,
  };
  const firstInvoice = billing.invoices.length;
  const sub = billing.subscribe(customer, customer.createdAt, spec);
  const checkout = billing.invoices[firstInvoice];
  if (spec.trialDays === 0 && signup.trackedByAnalytics && checkout.paidAt !== null) {
    // Checkout happens in the same web session, so GA4 records the first payment as revenue.
    signup.row.revenue += checkout.amountDue / 100;
  }
  return sub;
}

/** A won deal: the customer signs for Scale, paid yearly, for the seats in the deal. */
function salesLed(billing: BillingSimulator, r: Random, deal: Deal, at: number): SubscriptionSim {
  const customer = newCustomer(r, billing, at, { name: deal.company, domain: deal.domain }, deal.country);
  customer.dealId = deal.id;
  return billing.subscribe(customer, customer.createdAt, {
    price: priceFor('scale', 'year'),
    quantity: deal.seats,
    trialDays: 0,
    trialConversion: 1,
    coupon: null,
    salesLed: true,
  });
}
