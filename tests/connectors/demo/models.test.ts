/**
 * Every model of the Demo package, run with AlaSQL on the generated company, returns plausible
 * results, and the key ones agree with the same figure computed independently in JavaScript.
 */
import { demoPackage } from '../../../connectors/demo/package';
import { DEMO_STREAM_SPECS } from '../../../connectors/demo/streams';
import { demoData, NOW } from './support/demo-data';
import { demoDatabase, type Row, runModels } from './support/demo-db';
import { failedModelTests } from './support/model-checks';

const d = demoData();
const runs = runModels(demoDatabase(d, DEMO_STREAM_SPECS), demoPackage.models);
const rows = (model: string): Row[] => runs[model].rows;
const num = (v: unknown) => v as number;
const sum = (values: readonly unknown[]) => values.reduce<number>((s, v) => s + num(v), 0);
const cents = (v: number) => Math.round(v * 100) / 100;
const monthKey = (date: Date) => date.getFullYear() * 12 + date.getMonth() + 1;

/** MRR per month straight from the invoice lines, in JavaScript: the reference for the SQL. */
function referenceMrr(): Map<number, { mrr: number; customers: number }> {
  const invoices = new Map(d.invoices.map((i) => [i.id, i]));
  const subs = new Map(d.subscriptions.map((s) => [s.id, s]));
  const asOf = Math.max(...d.invoices.map((i) => num(i.created)));
  const months = new Set(d.invoices.map((i) => monthKey(new Date(num(i.created) * 1000))));
  const out = new Map<number, { mrr: number; customers: number }>();
  for (const m of months) {
    const next = new Date(Math.floor(m / 12), m % 12, 1).getTime() / 1000;
    const at = next > asOf ? asOf : next - 1;
    const perCustomer = new Map<unknown, number>();
    for (const l of d.invoice_lines) {
      const period = l.period as Row;
      const price = l.price as Row;
      const sub = subs.get(l.subscription) as Row;
      const coupon = (sub.discount as Row).coupon as Row;
      if (num(l.amount) === 0 || num(period.start) > at || num(period.end) <= at) continue;
      if (sub.ended_at !== null && num(sub.ended_at) <= at) continue;
      const months = (price.recurring as Row).interval === 'year' ? 12 : 1;
      const kept = coupon.duration === 'forever' ? (100 - num(coupon.percent_off)) / 100 : 1;
      const value =
        ((Math.sign(num(l.amount)) * num(price.unit_amount) * num(l.quantity)) / 100 / months) * kept;
      const customer = (invoices.get(l.invoice) as Row).customer;
      perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + value);
    }
    const paying = [...perCustomer.values()].map(cents).filter((v) => v > 0);
    out.set(m, { mrr: cents(sum(paying)), customers: paying.length });
  }
  return out;
}

describe('the Demo package models on the generated company', () => {
  it('all run and return rows', () => {
    const empty = demoPackage.models.filter((m) => rows(m.name).length === 0).map((m) => m.name);
    expect(empty).toEqual([]);
  });

  it('satisfy the tests they declare', () => {
    const tables = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.rows]));
    expect(demoPackage.models.flatMap((m) => failedModelTests(m, rows(m.name), tables))).toEqual([]);
  });

  it('declare formats only for columns they return', () => {
    const stray = demoPackage.models.flatMap((m) =>
      Object.keys(m.formats ?? {})
        .filter((column) => !rows(m.name).some((r) => column in r))
        .map((column) => `${m.name}.${column}`),
    );
    expect(stray).toEqual([]);
  });

  it('compute MRR and paying customers exactly as the invoice lines give them, month by month', () => {
    const reference = referenceMrr();
    const computed = rows('demo_mrr').map((r) => [monthKey(r.month as Date), r.mrr, r.customers]);
    const expected = [...reference.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([m, v]) => [m, v.mrr, v.customers]);
    expect(computed).toEqual(expected);
  });

  it('end with the MRR that today’s subscriptions add up to (within 1%)', () => {
    const fromSubscriptions = sum(
      d.subscriptions
        .filter((s) => s.status === 'active' || s.status === 'past_due')
        .map((s) => {
          const plan = s.plan as Row;
          const coupon = (s.discount as Row).coupon as Row;
          const kept = coupon.duration === 'forever' ? (100 - num(coupon.percent_off)) / 100 : 1;
          return ((num(plan.amount) * num(s.quantity)) / 100 / (plan.interval === 'year' ? 12 : 1)) * kept;
        }),
    );
    const last = num(rows('demo_mrr').at(-1)?.mrr);
    expect(Math.abs(last - fromSubscriptions) / fromSubscriptions).toBeLessThan(0.01);
  });

  it('grow MRR like a young startup: never negative, bigger every quarter than the one before', () => {
    const mrr = rows('demo_mrr').map((r) => num(r.mrr));
    expect(mrr.every((v) => v >= 0)).toBe(true);
    for (let i = 3; i < mrr.length; i += 3) expect(mrr[i]).toBeGreaterThan(mrr[i - 3]);
    expect(mrr.at(-1)).toBeGreaterThan(20 * mrr[0]);
  });

  it('explain each month’s MRR by its movements: last month + new + expansion + reactivation − contraction − churned', () => {
    const m = rows('demo_mrr');
    const gaps = m.slice(1).map((r, i) => {
      const bridge =
        num(m[i].mrr) +
        num(r.new_mrr) +
        num(r.expansion_mrr) +
        num(r.reactivation_mrr) -
        num(r.contraction_mrr) -
        num(r.churned_mrr);
      return Math.abs(bridge - num(r.mrr));
    });
    expect(Math.max(...gaps)).toBeLessThan(0.05);
    expect(m.every((r) => num(r.contraction_mrr) >= 0 && num(r.churned_mrr) >= 0)).toBe(true);
    expect(sum(m.map((r) => r.expansion_mrr))).toBeGreaterThan(0);
    expect(sum(m.map((r) => r.reactivation_mrr))).toBeGreaterThan(0);
  });

  it('give movements rows whose signed changes add up to the MRR table’s', () => {
    const byMonth = new Map<number, number>();
    for (const r of rows('demo_mrr_movements'))
      byMonth.set(
        monthKey(r.month as Date),
        (byMonth.get(monthKey(r.month as Date)) ?? 0) + num(r.mrr_change),
      );
    for (const r of rows('demo_mrr').slice(1)) {
      const net =
        num(r.new_mrr) +
        num(r.expansion_mrr) +
        num(r.reactivation_mrr) -
        num(r.contraction_mrr) -
        num(r.churned_mrr);
      expect(byMonth.get(monthKey(r.month as Date)) ?? 0).toBeCloseTo(net, 1);
    }
  });

  it('compute ARPA as MRR per paying customer', () => {
    for (const r of rows('demo_arpa')) expect(num(r.arpa)).toBeCloseTo(num(r.mrr) / num(r.customers), 1);
  });

  it('keep monthly customer churn and net revenue retention in a realistic band, finished months only', () => {
    const churn = rows('demo_customer_churn');
    const nrr = rows('demo_net_revenue_retention');
    expect(churn.length).toBe(rows('demo_mrr').length - 2);
    expect(nrr.length).toBe(churn.length);
    expect(churn.every((r) => num(r.churn_rate) >= 0 && num(r.churn_rate) < 0.15)).toBe(true);
    expect(nrr.every((r) => num(r.net_revenue_retention) > 0.8 && num(r.net_revenue_retention) < 1.25)).toBe(
      true,
    );
    const months = rows('demo_months');
    const current = (months[months.length - 1].month as Date).getTime();
    expect(churn.some((r) => (r.month as Date).getTime() === current)).toBe(false);
  });

  it('count revenue as successful charges less refunds', () => {
    const paid = d.charges.filter((c) => c.status === 'succeeded');
    expect(sum(rows('demo_revenue').map((r) => r.net_revenue))).toBeCloseTo(
      sum(paid.map((c) => num(c.amount) - num(c.amount_refunded))) / 100,
      0,
    );
    expect(rows('demo_revenue').every((r) => num(r.net_revenue) <= num(r.gross_revenue))).toBe(true);
  });

  it('count every failed payment once, with a failure rate under 20%', () => {
    const failed = rows('demo_failed_payments');
    expect(sum(failed.map((r) => r.failed_payments))).toBe(
      d.charges.filter((c) => c.status === 'failed').length,
    );
    expect(failed.every((r) => num(r.failure_rate) >= 0 && num(r.failure_rate) < 0.2)).toBe(true);
    expect(sum(failed.map((r) => r.uncollectible_invoices))).toBe(
      d.invoices.filter((i) => i.status === 'uncollectible').length,
    );
  });

  it('sum the open pipeline by stage in pipeline order, weighted below its face value', () => {
    const open = d.deals.filter((x) => (x.properties as Row).hs_is_closed === false);
    const stages = rows('demo_pipeline_by_stage');
    expect(sum(stages.map((r) => r.pipeline_value))).toBe(sum(open.map((x) => (x.properties as Row).amount)));
    expect(stages.map((r) => r.stage_order)).toEqual(
      [...stages.map((r) => num(r.stage_order))].sort((a, b) => a - b),
    );
    expect(stages.every((r) => num(r.weighted_value) < num(r.pipeline_value))).toBe(true);
    expect(stages[0].stage).toBe('Appointment scheduled');
    expect(num(rows('demo_pipeline_by_month').at(-1)?.pipeline_value)).toBe(
      sum(open.map((x) => (x.properties as Row).amount)),
    );
  });

  it('count won and lost deals by month with a win rate of won ÷ closed', () => {
    const months = rows('demo_deals_by_month');
    const closed = d.deals.filter((x) => (x.properties as Row).hs_is_closed === true);
    expect(sum(months.map((r) => num(r.won_deals) + num(r.lost_deals)))).toBe(closed.length);
    for (const r of months)
      expect(num(r.win_rate)).toBeCloseTo(num(r.won_deals) / (num(r.won_deals) + num(r.lost_deals)), 3);
    const overall = sum(months.map((r) => r.won_deals)) / closed.length;
    expect(overall).toBeGreaterThan(0.1);
    expect(overall).toBeLessThan(0.35);
    expect(sum(rows('demo_deal_outcomes').map((r) => r.deals))).toBe(closed.length);
    expect(sum(rows('demo_deals_by_owner').map((r) => r.won_deals))).toBe(
      sum(months.map((r) => r.won_deals)),
    );
    expect(sum(rows('demo_won_by_source').map((r) => r.won_value))).toBe(sum(months.map((r) => r.won_value)));
  });

  it('count tickets opened and solved by week, with median first replies of a few hours', () => {
    const weeks = rows('demo_tickets_by_week');
    expect(sum(weeks.map((r) => r.opened))).toBe(d.tickets.length);
    expect(sum(weeks.map((r) => r.solved))).toBe(
      d.tickets.filter((t) => (t.metric_set as Row).solved_at !== null).length,
    );
    expect(weeks.every((r) => (r.week as Date).getDay() === 1)).toBe(true);
    const replies = rows('demo_first_reply_by_week').map((r) => num(r.median_first_reply_hours));
    expect(Math.min(...replies)).toBeGreaterThan(0);
    expect(Math.max(...replies)).toBeLessThan(72);
    expect([...replies].sort((a, b) => a - b)[Math.floor(replies.length / 2)]).toBeLessThan(6);
    expect(sum(rows('demo_ticket_flow').map((r) => r.tickets))).toBe(
      sum(weeks.map((r) => num(r.opened) + num(r.solved))),
    );
    const open = d.tickets.filter((t) => ['new', 'open', 'pending'].includes(String(t.status))).length;
    expect(sum(rows('demo_open_tickets_by_priority').map((r) => r.open_tickets))).toBe(open);
  });

  it('count pull requests opened and merged by week, with a typical median time to merge under a day', () => {
    const weeks = rows('demo_pull_requests_by_week');
    expect(sum(weeks.map((r) => r.opened))).toBe(d.pull_requests.length);
    expect(sum(weeks.map((r) => r.merged))).toBe(d.pull_requests.filter((p) => p.merged_at !== null).length);
    const medians = rows('demo_time_to_merge_by_week').map((r) => num(r.median_hours_to_merge));
    expect(Math.min(...medians)).toBeGreaterThan(0);
    expect(Math.max(...medians)).toBeLessThan(120);
    expect([...medians].sort((a, b) => a - b)[Math.floor(medians.length / 2)]).toBeLessThan(24);
  });

  it('end the open-issues line at the number of issues open now', () => {
    const open = rows('demo_open_issues');
    expect(open.at(-1)?.open_issues).toBe(d.issues.filter((i) => i.state === 'open').length);
    expect(num(open.at(-1)?.open_issues)).toBeGreaterThan(num(open[0].open_issues));
  });

  it('add web sessions up the same way by day, week, channel and country', () => {
    const total = sum(d.web_sessions.map((r) => r.sessions));
    expect(sum(rows('demo_sessions_by_day').map((r) => r.sessions))).toBe(total);
    expect(sum(rows('demo_sessions_by_channel').map((r) => r.sessions))).toBe(total);
    expect(sum(rows('demo_sessions_by_country').map((r) => r.sessions))).toBe(total);
    expect(sum(rows('demo_sessions_by_channel_month').map((r) => r.sessions))).toBe(total);
    expect(rows('demo_sessions_by_channel')).toHaveLength(5);
    expect(rows('demo_sessions_by_country')).toHaveLength(5);
    const rates = rows('demo_sessions_by_channel').map((r) => num(r.conversion_rate));
    expect(Math.min(...rates)).toBeGreaterThan(0.001);
    expect(Math.max(...rates)).toBeLessThan(0.03);
  });

  it('show only whole weeks in the weekly website model, which has a weekly rhythm and a yearly season', () => {
    const weeks = rows('demo_web_by_week');
    const days = rows('demo_sessions_by_day');
    const first = (days[0].date as Date).getTime();
    const last = (days[days.length - 1].date as Date).getTime();
    for (const w of weeks) {
      expect((w.week as Date).getTime()).toBeGreaterThanOrEqual(first);
      expect((w.week as Date).getTime() + 6 * 86_400_000).toBeLessThanOrEqual(last);
    }
    const byWeekday = [0, 1, 2, 3, 4, 5, 6].map((wd) =>
      sum(days.filter((r) => (r.date as Date).getDay() === wd).map((r) => r.sessions)),
    );
    expect(byWeekday[2]).toBeGreaterThan(1.5 * byWeekday[6]);
    expect(NOW.getTime()).toBeGreaterThan(last);
  });
});
