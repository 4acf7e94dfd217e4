/**
 * A large Stripe account for scale checks: `customers` customers, each with one subscription
 * started in the last `months` months (15% yearly, the rest monthly; 1–3 seats), 30% canceling
 * at a period end after 1 to 10 periods, every period invoiced and paid. Deterministic.
 */
import {
  customer,
  invoice,
  listPage,
  price,
  type StripeObject,
  subscription,
} from '../../../../playground/mock-apis/stripe/stripe-objects';

export function syntheticAccount(customers: number, months: number, now: number): Record<string, unknown[]> {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const today = new Date(now);
  const at = (monthsBack: number, day: number) =>
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsBack, day);
  const iso = (ms: number) => new Date(ms).toISOString();
  const monthly = price({ id: 'price_monthly', unit_amount: 5000, interval: 'month' });
  const yearly = price({ id: 'price_yearly', unit_amount: 50000, interval: 'year' });
  const people: StripeObject[] = [];
  const subs: StripeObject[] = [];
  const invoices: StripeObject[] = [];
  for (let c = 0; c < customers; c++) {
    const start = 1 + Math.floor(random() * (months - 1));
    const day = 1 + Math.floor(random() * 28);
    const isYearly = random() < 0.15;
    const paidPeriods = random() < 0.3 ? 1 + Math.floor(random() * 10) : Number.POSITIVE_INFINITY;
    const seats = 1 + (c % 3);
    const p = isYearly ? yearly : monthly;
    const step = isYearly ? 12 : 1;
    const periods: Array<[number, number]> = [];
    for (let i = 0; i < paidPeriods; i++) {
      const s = at(start - i * step, day);
      if (s > now) break;
      periods.push([s, at(start - (i + 1) * step, day)]);
    }
    const last = periods[periods.length - 1];
    const ended = paidPeriods !== Number.POSITIVE_INFINITY && last[1] <= now;
    people.push(customer({ id: `cus_${c}`, created: iso(periods[0][0]) }));
    subs.push(
      subscription({
        id: `sub_${c}`,
        customer: `cus_${c}`,
        status: ended ? 'canceled' : 'active',
        created: iso(periods[0][0]),
        ended_at: ended ? iso(last[1]) : undefined,
        items: [{ id: `si_${c}`, price: p, quantity: seats, period: [iso(last[0]), iso(last[1])] }],
      }),
    );
    for (const [i, [s, e]] of periods.entries())
      invoices.push(
        invoice({
          id: `in_${c}_${i}`,
          customer: `cus_${c}`,
          subscription: `sub_${c}`,
          status: 'paid',
          created: iso(s),
          lines: [
            {
              id: `il_${c}_${i}`,
              price: p.id as string,
              amount: (p.unit_amount as number) * seats,
              quantity: seats,
              period: [iso(s), iso(e)],
            },
          ],
        }),
      );
  }
  return {
    '/v1/customers': [listPage('/v1/customers', people)],
    '/v1/subscriptions': [listPage('/v1/subscriptions', subs)],
    '/v1/prices': [listPage('/v1/prices', [monthly, yearly])],
    '/v1/invoices': [listPage('/v1/invoices', invoices)],
  };
}
