/**
 * A believable small SaaS on Stripe for the playground's offline demo: about 18 months of a
 * company growing from a handful of customers, on three monthly plans and one annual plan,
 * some customers adding seats, about 3% cancelling each month, a few payments failing. Every
 * paid invoice has its charge and balance transaction (2.9% + 30¢ fee). Deterministic for a
 * given `now`, and dated relative to it so the Dashboard always shows recent months.
 */
import type { StripeData } from './protocol';
import {
  balanceTransaction,
  charge,
  customer,
  invoice,
  price,
  type StripeObject,
  subscription,
} from './stripe-objects';

const DAY = 86_400_000;
const MONTHS = 18;

const COMPANIES = [
  'Acme Analytics',
  'Brightpath Labs',
  'Copperleaf Studio',
  'Driftwood Coffee',
  'Evergreen Dental',
  'Foxglove Media',
  'Granite Legal',
  'Harbor Freight Co',
  'Ironclad Fitness',
  'Juniper Health',
  'Kestrel Robotics',
  'Lumen Architects',
  'Maple & Pine',
  'Northwind Traders',
  'Orbit Logistics',
  'Pioneer Bikes',
  'Quarry Games',
  'Riverstone Realty',
  'Saffron Kitchen',
  'Tidewater Travel',
  'Umbra Security',
  'Vantage Recruiting',
  'Willow Yoga',
  'Xylo Music School',
  'Yellowfin Tackle',
  'Zephyr Drones',
];

/** Calendar arithmetic in UTC: the same day of the month, `months` later. */
function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + months,
    Math.min(d.getUTCDate(), 28),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

export function demoStripeAccount(now: number): StripeData {
  let seed = 20_240_601;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = addMonths(now, -MONTHS);
  const plans = [
    {
      price: price({ id: 'price_starter', unit_amount: 2900, interval: 'month', created: iso(start) }),
      weight: 0.5,
    },
    {
      price: price({ id: 'price_growth', unit_amount: 9900, interval: 'month', created: iso(start) }),
      weight: 0.3,
    },
    {
      price: price({ id: 'price_scale', unit_amount: 29900, interval: 'month', created: iso(start) }),
      weight: 0.1,
    },
    {
      price: price({ id: 'price_annual', unit_amount: 99000, interval: 'year', created: iso(start) }),
      weight: 0.1,
    },
  ];
  const pick = () => {
    let r = random();
    for (const p of plans) {
      r -= p.weight;
      if (r <= 0) return p.price;
    }
    return plans[0].price;
  };

  const customers: StripeObject[] = [];
  const subscriptions: StripeObject[] = [];
  const invoices: StripeObject[] = [];
  const charges: StripeObject[] = [];
  const balance: StripeObject[] = [];

  // New customers arrive faster as the company grows: ~2 a month at first, ~8 by the end.
  let n = 0;
  for (let month = 0; month < MONTHS; month++) {
    const arrivals = 2 + Math.floor((month * 6) / MONTHS + random() * 2);
    for (let a = 0; a < arrivals; a++) {
      const created = addMonths(start, month) + Math.floor(random() * 27) * DAY + 9 * 3_600_000;
      if (created >= now) continue;
      n++;
      const id = `cus_demo${String(n).padStart(4, '0')}`;
      const company = `${COMPANIES[(n - 1) % COMPANIES.length]}${n > COMPANIES.length ? ` ${Math.ceil(n / COMPANIES.length)}` : ''}`;
      customers.push(
        customer({
          id,
          created: iso(created),
          name: company,
          email: `billing@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`,
        }),
      );
      const p = pick();
      const step = (p.recurring as { interval: string }).interval === 'year' ? 12 : 1;
      const seats = p.id === 'price_starter' ? 1 : 1 + Math.floor(random() * 4);
      // Monthly churn of about 3%: the number of periods this customer stays, if it leaves.
      let stays = Number.POSITIVE_INFINITY;
      for (let k = 1; k < 40; k++)
        if (random() < (step === 12 ? 0.15 : 0.03)) {
          stays = k;
          break;
        }
      const failing = random() < 0.04;
      const periods: Array<[number, number]> = [];
      for (let s = created; s < now && periods.length < stays; s = addMonths(s, step))
        periods.push([s, addMonths(s, step)]);
      const [lastStart, lastEnd] = periods[periods.length - 1];
      const ended = periods.length >= stays && lastEnd <= now;
      const subId = `sub_demo${String(n).padStart(4, '0')}`;
      const itemId = `si_demo${String(n).padStart(4, '0')}`;
      subscriptions.push(
        subscription({
          id: subId,
          customer: id,
          status: ended ? 'canceled' : failing ? 'past_due' : 'active',
          created: iso(created),
          canceled_at: ended ? iso(lastEnd - 10 * DAY) : undefined,
          ended_at: ended ? iso(lastEnd) : undefined,
          cancel_at_period_end: !ended && periods.length >= stays,
          items: [{ id: itemId, price: p, quantity: seats, period: [iso(lastStart), iso(lastEnd)] }],
        }),
      );
      periods.forEach(([s, e], i) => {
        const amount = (p.unit_amount as number) * seats;
        const unpaid = failing && i === periods.length - 1;
        const invoiceId = `in_demo${String(n).padStart(4, '0')}_${i}`;
        invoices.push(
          invoice({
            id: invoiceId,
            customer: id,
            subscription: subId,
            status: unpaid ? 'open' : 'paid',
            attempt_count: unpaid ? 2 : 1,
            created: iso(s),
            lines: [
              {
                id: `il_demo${String(n).padStart(4, '0')}_${i}`,
                price: p.id as string,
                amount,
                quantity: seats,
                period: [iso(s), iso(e)],
                subscription_item: itemId,
              },
            ],
          }),
        );
        const chargeId = `ch_demo${String(n).padStart(4, '0')}_${i}`;
        charges.push(
          charge({
            id: chargeId,
            customer: id,
            amount,
            created: iso(s),
            status: unpaid ? 'failed' : 'succeeded',
          }),
        );
        if (!unpaid)
          balance.push(
            balanceTransaction({
              id: `txn_${chargeId}`,
              amount,
              fee: Math.round(amount * 0.029) + 30,
              created: iso(s),
              reporting_category: 'charge',
              source: chargeId,
            }),
          );
      });
    }
  }
  return {
    '/v1/customers': customers,
    '/v1/subscriptions': subscriptions,
    '/v1/prices': plans.map((p) => p.price),
    '/v1/invoices': invoices,
    '/v1/charges': charges,
    '/v1/balance_transactions': balance,
  };
}
