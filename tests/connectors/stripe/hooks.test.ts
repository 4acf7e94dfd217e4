/** The Stripe hooks against Stripe's own published fixtures and clover-shaped objects. */
import {
  mapInvoice,
  mapSubscription,
  selectInvoiceLines,
  selectSubscriptionItems,
} from '../../../connectors/stripe/hooks';
import invoicesPage from '../../../playground/mock-apis/stripe/fixtures/list_invoices.json';
import subscriptionsPage from '../../../playground/mock-apis/stripe/fixtures/list_subscriptions.json';
import {
  discount,
  invoice,
  listPage,
  price,
  subscription,
  ts,
} from '../../../playground/mock-apis/stripe/stripe-objects';

describe('subscriptions', () => {
  test('a subscription leaves its items to their own tab and takes its billing period from them', () => {
    const mapped = mapSubscription(subscriptionsPage.data[0]);
    expect(mapped).not.toHaveProperty('items');
    // Stripe's fixture item: current_period_start 1896570518, current_period_end 976287773.
    expect(mapped.current_period_start).toBe(1896570518);
    expect(mapped.current_period_end).toBe(976287773);
    expect(mapped.id).toBe('sub_1Pgc6rB7WZ01zgkWNy0Cn5nw');
    expect(mapped.discount).toBeNull();
    expect(mapped.discounts).toEqual([]);
  });

  test("the first discount's coupon terms are lifted to discount.*", () => {
    const sub = subscription({
      id: 'sub_1',
      customer: 'cus_1',
      status: 'active',
      created: '2025-01-01',
      items: [
        {
          id: 'si_1',
          price: price({ id: 'p', unit_amount: 100, interval: 'month' }),
          period: ['2025-01-01', '2025-02-01'],
        },
      ],
      discounts: [
        discount('di_a', { percent_off: 20, duration: 'forever' }),
        discount('di_b', {
          amount_off: 500,
          duration: 'repeating',
          duration_in_months: 3,
          end: '2025-04-01',
        }),
      ],
    });
    const mapped = mapSubscription(sub);
    expect(mapped.discount).toEqual({
      id: 'di_a',
      start: ts('2024-01-01'),
      end: null,
      coupon: {
        id: 'co_di_a',
        percent_off: 20,
        amount_off: null,
        currency: null,
        duration: 'forever',
        duration_in_months: null,
      },
    });
    expect((mapped.discounts as Array<{ id: string }>).map((d) => d.id)).toEqual(['di_a', 'di_b']);
  });

  test('a discount that was not expanded keeps its id', () => {
    const mapped = mapSubscription({ id: 'sub_1', items: { data: [] }, discounts: ['di_x'] });
    expect(mapped.discount).toEqual({ id: 'di_x' });
  });

  test('every item of every subscription on the page becomes a record naming its subscription', () => {
    const items = selectSubscriptionItems(subscriptionsPage) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'si_QXhVnC2h0Jczwc',
      subscription: 'sub_1Pgc6rB7WZ01zgkWNy0Cn5nw',
      quantity: 1,
      price: {
        id: 'price_1PgafmB7WZ01zgkW6dKueIc5',
        unit_amount: 2000,
        recurring: { interval: 'month', usage_type: 'licensed' },
      },
    });
  });

  test('a page without subscriptions yields no items', () => {
    expect(selectSubscriptionItems(listPage('/v1/subscriptions', []))).toEqual([]);
    expect(selectSubscriptionItems({ error: { message: 'nope' } })).toEqual([]);
  });
});

describe('invoices', () => {
  test('an invoice leaves its lines to their own tab and names its subscription from parent', () => {
    const mapped = mapInvoice(invoicesPage.data[0]);
    expect(mapped).not.toHaveProperty('lines');
    // The fixture's parent.subscription_details.subscription is the literal "subscription".
    expect(mapped.subscription).toBe('subscription');
    expect(mapped.id).toBe('in_1Pgc6tB7WZ01zgkWu9fdqL6I');
    expect(mapped.lines_has_more).toBe(false);
    expect(mapInvoice({ id: 'in_big', lines: { data: [], has_more: true } }).lines_has_more).toBe(true);
  });

  test("Stripe's fixture line is read through its parent and pricing objects", () => {
    const lines = selectInvoiceLines(invoicesPage);
    expect(lines).toEqual([
      {
        id: 'il_1Pgc6sB7WZ01zgkWFnxLrLCq',
        invoice: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
        invoice_created: 1234567890,
        customer: 'cus_QXg1o8vcGmoR32',
        subscription: 'subscription',
        subscription_item: 'subscription_item',
        source: 'invoice_item_details',
        proration: true,
        price: null,
        product: null,
        unit_amount_decimal: null,
        quantity: 1,
        amount: 1000,
        discount_amount: 0,
        currency: 'usd',
        description: 'My First Invoice Item (created for API docs)',
        period: { start: 1721954054, end: 1721954054 },
        livemode: false,
      },
    ]);
  });

  test('a line sums its discounts and takes price and proration from where Stripe puts them', () => {
    const inv = invoice({
      id: 'in_1',
      customer: 'cus_1',
      subscription: 'sub_1',
      status: 'paid',
      created: '2025-03-01',
      lines: [
        {
          id: 'il_a',
          price: 'price_a',
          amount: 3000,
          quantity: 3,
          discount: 600,
          period: ['2025-03-01', '2025-04-01'],
        },
        {
          id: 'il_b',
          price: 'price_b',
          amount: -1500,
          proration: true,
          period: ['2025-03-15', '2025-04-01'],
        },
      ],
    });
    const lines = selectInvoiceLines(listPage('/v1/invoices', [inv])) as Array<Record<string, unknown>>;
    expect(
      lines.map((l) => [l.id, l.subscription, l.price, l.proration, l.discount_amount, l.invoice_created]),
    ).toEqual([
      ['il_a', 'sub_1', 'price_a', false, 600, ts('2025-03-01')],
      ['il_b', 'sub_1', 'price_b', true, 0, ts('2025-03-01')],
    ]);
  });

  test('a line in the pre-2025 shape (price object, top-level proration) is read too', () => {
    const legacy = {
      object: 'list',
      has_more: false,
      data: [
        {
          id: 'in_old',
          customer: 'cus_1',
          created: 1700000000,
          currency: 'usd',
          lines: {
            data: [
              {
                id: 'il_old',
                amount: 5000,
                proration: false,
                subscription: 'sub_old',
                subscription_item: 'si_old',
                price: { id: 'price_old', product: 'prod_old', unit_amount_decimal: '5000' },
                period: { start: 1700000000, end: 1702592000 },
                quantity: 1,
              },
            ],
          },
        },
      ],
    };
    expect(selectInvoiceLines(legacy)).toEqual([
      expect.objectContaining({
        subscription: 'sub_old',
        subscription_item: 'si_old',
        price: 'price_old',
        product: 'prod_old',
        proration: false,
      }),
    ]);
  });
});

describe('declared columns only', () => {
  test("a charge's record keeps exactly the declared columns that Stripe sent", async () => {
    const { stripe } = await import('../../../connectors/stripe/spec');
    const charges = stripe.streams.find((s) => s.name === 'charges');
    const chargesPage = (await import('../../../playground/mock-apis/stripe/fixtures/list_charges.json'))
      .default;
    const record = charges?.hooks?.mapRecord?.(chargesPage.data[0], { config: {} }) ?? {};
    const paths: string[] = [];
    const walk = (v: unknown, prefix: string) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && prefix !== 'metadata')
        for (const [k, c] of Object.entries(v)) walk(c, prefix ? `${prefix}.${k}` : k);
      else paths.push(prefix);
    };
    walk(record, '');
    expect(paths.sort()).toEqual(charges?.columns.map((c) => c.name).sort());
    expect(JSON.stringify(record)).not.toContain('three_d_secure');
  });
});
