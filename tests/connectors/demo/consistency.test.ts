/**
 * The Demo company hangs together the way a real one's systems do: every invoice belongs to a
 * subscription of an existing customer, charges match invoices, subscriptions match their
 * latest invoice lines, won deals became customers and analytics signups match new customers.
 */
import { byId, demoData, NOW } from './support/demo-data';

type Row = Record<string, unknown>;
const now = NOW.getTime() / 1000;
const num = (v: unknown) => v as number;
const group = (rows: readonly Row[], key: string) => {
  const out = new Map<unknown, Row[]>();
  for (const r of rows) {
    const list = out.get(r[key]);
    if (list) list.push(r);
    else out.set(r[key], [r]);
  }
  return out;
};
const transitions = (inv: Row) => inv.status_transitions as Row;

describe('the Demo billing data', () => {
  const d = demoData();
  const customers = byId(d.customers);
  const subscriptions = byId(d.subscriptions);
  const invoices = byId(d.invoices);
  const linesByInvoice = group(d.invoice_lines, 'invoice');
  const chargesByInvoice = group(d.charges, 'invoice');

  it('has subscriptions, invoices and charges only for customers that exist', () => {
    for (const rows of [d.subscriptions, d.invoices, d.charges])
      expect(rows.filter((r) => !customers.has(r.customer))).toEqual([]);
  });

  it('bills each invoice to the customer of its subscription, with lines of that subscription', () => {
    const wrong = d.invoices.filter((inv) => subscriptions.get(inv.subscription)?.customer !== inv.customer);
    expect(wrong).toEqual([]);
    const strayLines = d.invoice_lines.filter(
      (l) => invoices.get(l.invoice)?.subscription !== l.subscription,
    );
    expect(strayLines).toEqual([]);
    expect(d.invoices.filter((inv) => !linesByInvoice.has(inv.id))).toEqual([]);
  });

  it('totals each invoice from its lines, less the coupon, less customer credit', () => {
    const wrong = d.invoices.filter((inv) => {
      const lines = linesByInvoice.get(inv.id) ?? [];
      return (
        inv.subtotal !== lines.reduce((s, l) => s + num(l.amount), 0) ||
        (num(inv.subtotal) >= 0 && num(inv.total) > num(inv.subtotal)) ||
        inv.amount_due !== Math.max(0, num(inv.total) + num(inv.starting_balance)) ||
        inv.amount_paid !== (inv.status === 'paid' ? inv.amount_due : 0)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('charges exactly the amount due, with one successful charge per paid invoice and none for the rest', () => {
    const wrong = d.invoices.filter((inv) => {
      const charges = chargesByInvoice.get(inv.id) ?? [];
      const succeeded = charges.filter((c) => c.status === 'succeeded');
      const expected = inv.status === 'paid' && num(inv.amount_due) > 0 ? 1 : 0;
      return (
        charges.some((c) => c.amount !== inv.amount_due) ||
        succeeded.length !== expected ||
        charges.length !== inv.attempt_count ||
        (expected === 1 && succeeded[0].created !== transitions(inv).paid_at)
      );
    });
    expect(wrong).toEqual([]);
    expect(d.charges.filter((c) => !invoices.has(c.invoice))).toEqual([]);
  });

  it('never refunds more than was paid, and refunds only successful charges', () => {
    const bad = d.charges.filter(
      (c) =>
        num(c.amount_refunded) > num(c.amount) || (c.status !== 'succeeded' && num(c.amount_refunded) > 0),
    );
    expect(bad).toEqual([]);
    expect(d.charges.some((c) => c.refunded === true)).toBe(true);
  });

  it('has nothing that starts after now', () => {
    for (const rows of [d.customers, d.subscriptions, d.invoices, d.charges])
      expect(rows.filter((r) => num(r.created) > now)).toEqual([]);
    expect(d.subscriptions.filter((s) => s.canceled_at !== null && num(s.canceled_at) > now)).toEqual([]);
    expect(d.subscriptions.filter((s) => s.ended_at !== null && num(s.ended_at) > now)).toEqual([]);
  });

  it('gives each subscription the status its dates imply', () => {
    const implied = (s: Row) =>
      s.ended_at !== null
        ? ['canceled']
        : s.trial_end !== null && num(s.trial_end) > now
          ? ['trialing']
          : ['active', 'past_due'];
    expect(d.subscriptions.filter((s) => !implied(s).includes(String(s.status)))).toEqual([]);
    const badCancel = d.subscriptions.filter(
      (s) => s.cancel_at_period_end === true && s.cancel_at !== (s.ended_at ?? s.current_period_end),
    );
    expect(badCancel).toEqual([]);
    const statuses = new Set(d.subscriptions.map((s) => s.status));
    expect([...statuses].sort()).toEqual(['active', 'canceled', 'past_due', 'trialing']);
  });

  it('matches every paying subscription’s plan and seats to the invoice line in force now', () => {
    const linesBySub = group(d.invoice_lines, 'subscription');
    const paying = d.subscriptions.filter((s) => s.status === 'active' || s.status === 'past_due');
    expect(paying.length).toBeGreaterThan(100);
    for (const s of paying) {
      const inForce = (linesBySub.get(s.id) ?? []).filter(
        (l) => num((l.period as Row).start) <= now && now < num((l.period as Row).end) && num(l.amount) > 0,
      );
      const latest = inForce
        .sort((a, b) => num((a.period as Row).start) - num((b.period as Row).start))
        .at(-1);
      expect([s.id, (latest?.price as Row)?.id, latest?.quantity]).toEqual([
        s.id,
        (s.plan as Row).id,
        s.quantity,
      ]);
    }
  });

  it('includes every kind of subscription history the metrics need', () => {
    const lines = d.invoice_lines;
    expect(lines.some((l) => l.proration === true && num(l.amount) < 0)).toBe(true);
    expect(lines.some((l) => num(l.amount) === 0)).toBe(true);
    expect(d.subscriptions.some((s) => (s.plan as Row).interval === 'year')).toBe(true);
    expect(d.subscriptions.some((s) => num(s.quantity) > 1)).toBe(true);
    expect(d.subscriptions.some((s) => ((s.discount as Row).coupon as Row).duration === 'forever')).toBe(
      true,
    );
    expect(d.subscriptions.some((s) => ((s.discount as Row).coupon as Row).duration === 'repeating')).toBe(
      true,
    );
    expect(d.invoices.some((i) => i.status === 'uncollectible')).toBe(true);
    expect(d.charges.some((c) => c.status === 'failed')).toBe(true);
    const subsPerCustomer = group(d.subscriptions, 'customer');
    expect([...subsPerCustomer.values()].some((subs) => subs.length > 1)).toBe(true);
  });
});

describe('the Demo sales, support, engineering and web data', () => {
  const d = demoData();

  it('turns every deal won more than two days ago into exactly one customer', () => {
    const dealIds = new Map(d.customers.map((c) => [(c.metadata as Row).hubspot_deal_id, c]));
    const won = d.deals.filter(
      (deal) =>
        (deal.properties as Row).hs_is_closed_won === true &&
        Date.parse(String((deal.properties as Row).closedate)) < NOW.getTime() - 2 * 86_400_000,
    );
    expect(won.length).toBeGreaterThan(20);
    expect(won.filter((deal) => !dealIds.has(deal.id))).toEqual([]);
    const salesLed = d.customers.filter((c) => (c.metadata as Row).hubspot_deal_id !== null);
    expect(new Set(salesLed.map((c) => (c.metadata as Row).hubspot_deal_id)).size).toBe(salesLed.length);
  });

  it('assigns every deal to an owner who exists', () => {
    const owners = byId(d.owners);
    expect(d.deals.filter((deal) => !owners.has((deal.properties as Row).hubspot_owner_id))).toEqual([]);
  });

  it('records about as many analytics signups as self-serve customers, never more conversions than sessions', () => {
    const today = new Date(NOW.toISOString().slice(0, 10)).getTime() / 1000;
    const selfServe = d.customers.filter(
      (c) => (c.metadata as Row).signup_source !== null && num(c.created) < today,
    );
    const conversions = d.web_sessions.reduce((s, r) => s + num(r.keyEvents), 0);
    expect(conversions / selfServe.length).toBeGreaterThan(0.85);
    expect(conversions / selfServe.length).toBeLessThanOrEqual(1);
    const bad = d.web_sessions.filter(
      (r) =>
        num(r.keyEvents) > num(r.sessions) ||
        num(r.newUsers) > num(r.totalUsers) ||
        num(r.totalUsers) > num(r.sessions),
    );
    expect(bad).toEqual([]);
  });

  it('has web sessions for every finished day and none for today', () => {
    const days = new Set(d.web_sessions.map((r) => r.date));
    const today = NOW.toISOString().slice(0, 10);
    expect(days.has(today)).toBe(false);
    expect(days.has('2026-03-17')).toBe(true);
    expect(days.size).toBe(Math.round((Date.parse(today) - Date.parse('2024-03-01')) / 86_400_000));
  });

  it('raises tickets only from customers who had a subscription when they wrote', () => {
    const subsByCustomer = group(d.subscriptions, 'customer');
    const orphans = d.tickets.filter((t) => {
      const at = Date.parse(String(t.created_at)) / 1000;
      return !(subsByCustomer.get(t.external_id) ?? []).some(
        (s) => num(s.created) <= at && (s.ended_at === null || at < num(s.ended_at)),
      );
    });
    expect(orphans).toEqual([]);
  });

  it('reports first replies and solves only after the ticket was opened, and solved tickets as solved or closed', () => {
    const wrong = d.tickets.filter((t) => {
      const m = t.metric_set as Row;
      const reply = (m.reply_time_in_minutes as Row).calendar;
      if (reply !== null && num(reply) < 0) return true;
      if (m.solved_at === null) return !['new', 'open', 'pending'].includes(String(t.status));
      return (
        Date.parse(String(m.solved_at)) < Date.parse(String(t.created_at)) ||
        !['solved', 'closed'].includes(String(t.status))
      );
    });
    expect(wrong).toEqual([]);
  });

  it('numbers issues and pull requests in one sequence, with merges and closes after opening', () => {
    const numbers = [...d.issues, ...d.pull_requests].map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const wrongPulls = d.pull_requests.filter(
      (pr) =>
        (pr.merged_at !== null &&
          (Date.parse(String(pr.merged_at)) < Date.parse(String(pr.created_at)) ||
            pr.closed_at !== pr.merged_at)) ||
        pr.state !== (pr.closed_at === null ? 'open' : 'closed'),
    );
    expect(wrongPulls).toEqual([]);
    expect(d.issues.filter((i) => i.state !== (i.closed_at === null ? 'open' : 'closed'))).toEqual([]);
  });
});
