/**
 * What Kitelight sells: three products, each with a monthly and a yearly price (amounts in
 * cents, as Stripe stores them), and the two coupons marketing has run.
 */
export type PlanName = 'starter' | 'growth' | 'scale';
export type Interval = 'month' | 'year';

export interface Price {
  id: string;
  product: string;
  plan: PlanName;
  nickname: string;
  /** Per seat for Growth and Scale; flat for Starter (quantity 1). */
  unitAmount: number;
  interval: Interval;
}

export interface Coupon {
  id: string;
  percentOff: number;
  duration: 'forever' | 'repeating';
  durationInMonths: number | null;
}

const product = (plan: PlanName) => `prod_Kitelight${plan[0].toUpperCase()}${plan.slice(1)}`;

function price(plan: PlanName, interval: Interval, unitAmount: number): Price {
  const label = `${plan[0].toUpperCase()}${plan.slice(1)}`;
  return {
    id: `price_${label}${interval === 'month' ? 'Monthly' : 'Yearly'}`,
    product: product(plan),
    plan,
    nickname: `${label} ${interval === 'month' ? 'monthly' : 'yearly'}`,
    unitAmount,
    interval,
  };
}

export const PRICES = {
  starter: { month: price('starter', 'month', 2_900), year: price('starter', 'year', 29_000) },
  growth: { month: price('growth', 'month', 1_500), year: price('growth', 'year', 15_000) },
  scale: { month: price('scale', 'month', 4_000), year: price('scale', 'year', 40_000) },
} as const satisfies Record<PlanName, Record<Interval, Price>>;

export function priceFor(plan: PlanName, interval: Interval): Price {
  return PRICES[plan][interval];
}

export const PRODUCT_NAMES: Record<PlanName, string> = {
  starter: 'Starter',
  growth: 'Growth',
  scale: 'Scale',
};

/** 20% off forever for the launch-week customers. */
export const LAUNCH20: Coupon = {
  id: 'LAUNCH20',
  percentOff: 20,
  duration: 'forever',
  durationInMonths: null,
};
/** Half price for three months, offered in the newsletter. */
export const WELCOME50: Coupon = {
  id: 'WELCOME50',
  percentOff: 50,
  duration: 'repeating',
  durationInMonths: 3,
};
