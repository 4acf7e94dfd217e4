/**
 * The billing simulation's own records: the full life of every customer up to the end of the
 * current month. records.ts turns them into what Stripe would show at `now`.
 */
import type { Coupon, Price } from '../catalog';
import type { Country, Signup } from '../web';

export interface CustomerSim {
  id: string;
  createdAt: number;
  name: string;
  email: string;
  country: Country;
  invoicePrefix: string;
  nextInvoiceNumber: number;
  /** Stripe's customer balance in cents; negative is credit owed to the customer. */
  balance: number;
  card: { brand: string };
  signup: Signup | null;
  dealId: string | null;
  reactivated: boolean;
}

export interface ItemVersion {
  from: number;
  price: Price;
  quantity: number;
}

export interface SubscriptionSim {
  id: string;
  itemId: string;
  customer: CustomerSim;
  createdAt: number;
  trialEnd: number | null;
  coupon: Coupon | null;
  items: ItemVersion[];
  periods: Array<{ start: number; end: number }>;
  cancelRequestedAt: number | null;
  cancelAtPeriodEnd: boolean;
  endedAt: number | null;
  endReason: 'cancellation_requested' | 'payment_failed' | 'trial_expired' | null;
  feedback: string | null;
  /** Spans during which a renewal was unpaid and being retried (status past_due). */
  pastDue: Array<{ from: number; to: number }>;
}

export interface LineSim {
  id: string;
  amount: number;
  quantity: number;
  price: Price;
  proration: boolean;
  start: number;
  end: number;
  description: string;
}

export interface ChargeSim {
  id: string;
  invoice: InvoiceSim;
  amount: number;
  createdAt: number;
  succeeded: boolean;
  failure: { code: string; reason: string; message: string } | null;
  refund: { at: number; amount: number } | null;
}

export interface InvoiceSim {
  id: string;
  customer: CustomerSim;
  subscription: SubscriptionSim;
  number: string;
  createdAt: number;
  billingReason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  lines: LineSim[];
  subtotal: number;
  total: number;
  startingBalance: number;
  endingBalance: number;
  amountDue: number;
  paidAt: number | null;
  uncollectibleAt: number | null;
  attempts: ChargeSim[];
}

export interface BillingSim {
  customers: CustomerSim[];
  subscriptions: SubscriptionSim[];
  invoices: InvoiceSim[];
  charges: ChargeSim[];
}
