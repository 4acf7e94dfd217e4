/**
 * Property: for any mix of monthly and yearly subscriptions with quantities, forever coupons,
 * start days and cancellations at period end, the models' month-end MRR per customer equals
 * what a plain reading of the subscriptions says (computed here in JavaScript, independently),
 * and each month's movements explain the change from the month before.
 */
import fc from 'fast-check';
import { stripePackage } from '../../../connectors/stripe/package';
import { stripe } from '../../../connectors/stripe/spec';
import {
  customer,
  discount,
  type InvoiceInput,
  invoice,
  listPage,
  price,
  type StripeObject,
  subscription,
} from '../../../playground/mock-apis/stripe/stripe-objects';
import { tablesFromPages } from './support/engine-tables';
import { customerMrr } from './support/model-rows';
import { runModels } from './support/run-models';

/** Now: mid-August 2025; months are numbered from January 2025 (0) to August (7). */
const NOW = Date.UTC(2025, 7, 15, 12);
const CURRENT = 7;

interface Plan {
  unit: number;
  yearly: boolean;
  quantity: number;
  percentOff: number;
  startMonth: number;
  day: number;
  /** Months (periods for yearly plans) paid before it ends at a period end; undefined = still active. */
  paidPeriods: number | undefined;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  unit: fc.integer({ min: 10, max: 200 }).map((n) => n * 100),
  yearly: fc.boolean(),
  quantity: fc.integer({ min: 1, max: 5 }),
  percentOff: fc.constantFrom(0, 0, 10, 25),
  startMonth: fc.integer({ min: 0, max: 6 }),
  day: fc.integer({ min: 1, max: 28 }),
  paidPeriods: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});

const at = (month: number, day: number) => Date.UTC(2025, month, day);
const iso = (ms: number) => new Date(ms).toISOString();
/** The last instant of month k. */
const monthEnd = (k: number) => Date.UTC(2025, k + 1, 1) - 1;
const ym = (k: number) => `2025-${String(k + 1).padStart(2, '0')}`;

function periods(p: Plan): Array<[number, number]> {
  const step = p.yearly ? 12 : 1;
  const out: Array<[number, number]> = [];
  for (let i = 0; ; i++) {
    const start = at(p.startMonth + i * step, p.day);
    if (start > NOW || (p.paidPeriods !== undefined && i >= p.paidPeriods)) break;
    out.push([start, at(p.startMonth + (i + 1) * step, p.day)]);
  }
  return out;
}

/** The plan's MRR at the end of month k, read straight from its definition. */
function expectedAt(p: Plan, k: number): number {
  const paid = periods(p);
  const end = p.paidPeriods === undefined ? Number.POSITIVE_INFINITY : paid[paid.length - 1][1];
  const instant = k === CURRENT ? NOW : monthEnd(k);
  const inForce = paid.some(([s, e]) => s <= instant && instant < e) && instant < end;
  if (!inForce) return 0;
  const monthly = (p.unit * p.quantity) / 100 / (p.yearly ? 12 : 1);
  return monthly * (1 - p.percentOff / 100);
}

function account(plans: Plan[]): Record<string, unknown[]> {
  const prices = new Map<string, StripeObject>();
  const subs: StripeObject[] = [];
  const invoices: StripeObject[] = [];
  plans.forEach((p, n) => {
    const priceId = `price_${p.unit}_${p.yearly ? 'y' : 'm'}`;
    prices.set(priceId, price({ id: priceId, unit_amount: p.unit, interval: p.yearly ? 'year' : 'month' }));
    const paid = periods(p);
    const ended = p.paidPeriods !== undefined && paid[paid.length - 1][1] <= NOW;
    const last = paid[paid.length - 1];
    subs.push(
      subscription({
        id: `sub_${n}`,
        customer: `cus_${n}`,
        status: ended ? 'canceled' : 'active',
        created: iso(paid[0][0]),
        cancel_at_period_end: p.paidPeriods !== undefined,
        canceled_at: p.paidPeriods === undefined ? undefined : iso(last[0]),
        ended_at: ended ? iso(last[1]) : undefined,
        discounts: p.percentOff
          ? [discount(`di_${n}`, { percent_off: p.percentOff, duration: 'forever' })]
          : [],
        items: [
          {
            id: `si_${n}`,
            price: prices.get(priceId) as StripeObject,
            quantity: p.quantity,
            period: [iso(last[0]), iso(last[1])],
          },
        ],
      }),
    );
    paid.forEach(([s, e], i) => {
      const amount = p.unit * p.quantity;
      const lines: InvoiceInput['lines'] = [
        {
          id: `il_${n}_${i}`,
          price: priceId,
          amount,
          quantity: p.quantity,
          discount: (amount * p.percentOff) / 100,
          period: [iso(s), iso(e)],
        },
      ];
      invoices.push(
        invoice({
          id: `in_${n}_${i}`,
          customer: `cus_${n}`,
          subscription: `sub_${n}`,
          status: 'paid',
          created: iso(s),
          lines,
        }),
      );
    });
  });
  return {
    '/v1/customers': [
      listPage(
        '/v1/customers',
        plans.map((_, n) => customer({ id: `cus_${n}`, created: '2025-01-01' })),
      ),
    ],
    '/v1/subscriptions': [listPage('/v1/subscriptions', subs)],
    '/v1/prices': [listPage('/v1/prices', [...prices.values()])],
    '/v1/invoices': [listPage('/v1/invoices', invoices)],
  };
}

beforeAll(() => {
  jest.useFakeTimers({ now: NOW });
});

afterAll(() => {
  jest.useRealTimers();
});

test('month-end MRR per customer matches the subscriptions, and movements reconcile', () => {
  fc.assert(
    fc.property(fc.array(plan, { minLength: 1, maxLength: 4 }), (plans) => {
      const results = runModels(stripePackage.models, tablesFromPages(stripe.streams, account(plans)));
      plans.forEach((p, n) => {
        const expected: Record<string, number> = {};
        let previous = 0;
        let started = false;
        for (let k = 0; k <= CURRENT; k++) {
          const value = Math.round(expectedAt(p, k) * 100) / 100;
          started ||= value > 0;
          if (started && (value > 0 || previous > 0)) expected[ym(k)] = value;
          previous = value;
        }
        expect(customerMrr(results, `cus_${n}`)).toEqual(expected);
      });
      const rows = results.stripe_mrr;
      for (let i = 1; i < rows.length; i++) {
        const [b, c] = [rows[i - 1], rows[i]] as Array<Record<string, number>>;
        const explained =
          b.mrr + c.new_mrr + c.expansion_mrr + c.reactivation_mrr - c.contraction_mrr - c.churned_mrr;
        expect(explained).toBeCloseTo(c.mrr, 6);
      }
    }),
    { numRuns: 25, seed: 20250815 },
  );
});
