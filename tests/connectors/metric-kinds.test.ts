import { PACKAGES } from '../../connectors/packages';

/**
 * Every shipped headline metric says whether it is a level (right today: MRR, open issues) or a
 * flow over its period (revenue, sessions, win rate), because the Dashboard shows a flow only for
 * periods that have ended: a flow declared as a level would compare a few days with a whole period.
 */
describe('the headline metrics of every shipped package', () => {
  const metrics = PACKAGES.flatMap((p) => p.metrics);

  it('each declare a kind', () => {
    const undeclared = metrics.filter((m) => m.kind !== 'level' && m.kind !== 'flow').map((m) => m.id);
    expect(undeclared).toEqual([]);
  });

  it('give each flow a period column and the length of its periods', () => {
    const incomplete = metrics
      .filter((m) => m.kind === 'flow' && !(m.periodColumn && m.periodUnit))
      .map((m) => m.id);
    expect(incomplete).toEqual([]);
  });

  it('count revenue, orders, new contacts, win and churn rates, sessions and time to merge as flows', () => {
    const kindOf = (id: string) => metrics.find((m) => m.id === id)?.kind;
    for (const id of [
      'stripe_net_revenue',
      'shopify_revenue',
      'shopify_orders',
      'hubspot_new_contacts',
      'hubspot_win_rate',
      'stripe_customer_churn',
      'ga4_sessions_weekly',
      'demo_hours_to_merge',
    ])
      expect(`${id}: ${kindOf(id)}`).toBe(`${id}: flow`);
    for (const id of [
      'stripe_mrr',
      'stripe_customers',
      'stripe_arpa',
      'hubspot_open_pipeline',
      'github_open_issues',
    ])
      expect(`${id}: ${kindOf(id)}`).toBe(`${id}: level`);
  });
});
