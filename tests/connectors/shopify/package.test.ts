import { packagesFor } from '../../../connectors/packages';
import { shopifyPackage } from '../../../connectors/shopify/package';
import { shopify } from '../../../connectors/shopify/spec';
import { checkPackage } from '../github/package-checks';
import { runPackage } from '../github/run-models';
import { storeOrders, storeProducts } from './fixture';
import { shopifyTables } from './tables';

/**
 * The Shopify package's models, run by the add-on's model runner on the store in fixture.ts
 * (its JSON through the connector's hooks, as a sync would write it), in a UTC spreadsheet
 * unless a test says otherwise. Expected results are worked out by hand.
 */

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const out = runPackage(shopifyPackage, shopifyTables(storeOrders, storeProducts));

describe('Shopify sales models', () => {
  it('counts orders, gross sales, refunds, revenue and average order value per day, without cancelled or test orders', () => {
    // Jan 5: O1 $41 + O2 $30 = $71 over 2 orders, AOV 35.50. Jan 20: O3 $20 − $15 refund = $5.
    // Jan 21: O4 $20 (a guest: no customer). Jan 22 (O5, cancelled) and Jan 25 (O6, test): no row.
    // Feb 3: O7 $50 − $10 refunded (€9 at 50/45; the failed refund is ignored) = $40.
    // Feb 10: O8 $30 + $5 = $35. Mar 1: O9 $20.
    expect(out.shopify_sales_daily).toEqual([
      {
        day: day('2024-01-05'),
        orders: 2,
        gross_sales: 71,
        refunds: 0,
        revenue: 71,
        average_order_value: 35.5,
        customers: 2,
      },
      {
        day: day('2024-01-20'),
        orders: 1,
        gross_sales: 20,
        refunds: 15,
        revenue: 5,
        average_order_value: 5,
        customers: 1,
      },
      {
        day: day('2024-01-21'),
        orders: 1,
        gross_sales: 20,
        refunds: 0,
        revenue: 20,
        average_order_value: 20,
        customers: 0,
      },
      {
        day: day('2024-02-03'),
        orders: 1,
        gross_sales: 50,
        refunds: 10,
        revenue: 40,
        average_order_value: 40,
        customers: 1,
      },
      {
        day: day('2024-02-10'),
        orders: 1,
        gross_sales: 35,
        refunds: 0,
        revenue: 35,
        average_order_value: 35,
        customers: 1,
      },
      {
        day: day('2024-03-01'),
        orders: 1,
        gross_sales: 20,
        refunds: 0,
        revenue: 20,
        average_order_value: 20,
        customers: 1,
      },
    ]);
  });

  it('adds the days up by calendar month, with the customers who ordered', () => {
    // January: 41 + 30 + 20 + 20 = $111 gross, $15 refunded, $96 revenue over 4 orders = $24
    // AOV; customers 1 and 2 (the guest is not a customer). February: 50 + 35 = $85, $10
    // refunded, $75 over 2 orders = $37.50; customers 2 and 3. March: O9.
    expect(out.shopify_sales_monthly).toEqual([
      {
        month: day('2024-01-01'),
        orders: 4,
        gross_sales: 111,
        refunds: 15,
        revenue: 96,
        average_order_value: 24,
        customers: 2,
      },
      {
        month: day('2024-02-01'),
        orders: 2,
        gross_sales: 85,
        refunds: 10,
        revenue: 75,
        average_order_value: 37.5,
        customers: 2,
      },
      {
        month: day('2024-03-01'),
        orders: 1,
        gross_sales: 20,
        refunds: 0,
        revenue: 20,
        average_order_value: 20,
        customers: 1,
      },
    ]);
  });
});

describe('Shopify top products', () => {
  it('ranks products by line revenue net of discounts and refunds, named as the catalogue names them', () => {
    // Mug: O1 2 × $20 − $4 = $36, O4 $20, O7 $20, O9 $20 = $96; 5 units in 4 orders; the
    //   catalogue calls product 100 "Travel mug" now. O6's 5 mugs are a test order.
    // Tee: O2 $30 + O7 $30 = $60 (O5's 2 tees were cancelled). O7's goodwill refund names no line.
    // Cap: O3 $15 − $15 refunded = $0 and 1 − 1 = 0 units; O8 2 × $15 = $30: $30, 2 units;
    //   deleted from the catalogue, so named by its title on the orders.
    // Gift wrap: a custom line without a product, $5.
    expect(out.shopify_top_products).toEqual([
      { product: 'Travel mug', product_id: 100, units: 5, orders: 4, revenue: 96 },
      { product: 'Tee', product_id: 200, units: 2, orders: 2, revenue: 60 },
      { product: 'Cap', product_id: 300, units: 2, orders: 2, revenue: 30 },
      { product: 'Gift wrap', product_id: '', units: 1, orders: 1, revenue: 5 },
    ]);
  });
});

describe('Shopify repeat customer rate', () => {
  it("finds each customer's first and second sale, skipping cancelled and test orders", () => {
    // Customer 1: O1 (Jan 5), O3 (Jan 20), O9. Customer 2: O2 (Jan 5), O7 (Feb 3); O6 was a
    // test. Customer 3: O8 only (O5 was cancelled).
    expect(
      out.shopify_customer_orders.map((r) => [r.customer_id, r.orders, r.first_order_at, r.second_order_at]),
    ).toEqual([
      [1, 3, new Date('2024-01-05T10:00:00Z'), new Date('2024-01-20T09:00:00Z')],
      [2, 2, new Date('2024-01-05T15:00:00Z'), new Date('2024-02-03T08:00:00Z')],
      [3, 1, new Date('2024-02-10T16:00:00Z'), ''],
    ]);
  });

  it('counts customers placing their first and their second order each month', () => {
    // January: customers 1 and 2 order first, customer 1 orders again (Jan 20).
    // February: customer 3 orders first, customer 2 orders again (Feb 3). March: no one new.
    expect(out.shopify_new_customers_monthly).toEqual([
      { month: day('2024-01-01'), new_customers: 2, new_repeat_customers: 1 },
      { month: day('2024-02-01'), new_customers: 1, new_repeat_customers: 1 },
    ]);
  });

  it('gives, at each month end, the share of customers so far who ordered at least twice', () => {
    // January: customers 1 and 2 have ordered, customer 1 twice: 1 / 2 = 50%.
    // February: customer 3 orders, customer 2 orders again: 2 of 3 = 66.67%.
    expect(out.shopify_repeat_customers_monthly).toEqual([
      { month: day('2024-01-01'), customers: 2, repeat_customers: 1, repeat_customer_rate: 0.5 },
      { month: day('2024-02-01'), customers: 3, repeat_customers: 2, repeat_customer_rate: 0.6667 },
    ]);
  });
});

describe('Shopify package', () => {
  it('is registered with the packages the add-on ships', () => {
    expect(packagesFor(['shopify'])).toEqual([shopifyPackage]);
  });
  checkPackage(shopifyPackage, shopify, out);
});

describe('Shopify package in a spreadsheet west of Greenwich', () => {
  it('files an order in the month the founder sees: New York time', () => {
    // O9 was placed at 02:00 UTC on March 1, 21:00 on February 29 in New York: February gets
    // 3 orders, $85 + $20 = $105 gross, $95 revenue, $31.67 AOV, and there is no March.
    const ny = runPackage(
      shopifyPackage,
      shopifyTables(storeOrders, storeProducts, 'America/New_York'),
      'America/New_York',
    );
    const months = ny.shopify_sales_monthly.map((r) => [
      (r.month as Date).toISOString(),
      r.orders,
      r.revenue,
      r.average_order_value,
    ]);
    expect(months).toEqual([
      ['2024-01-01T05:00:00.000Z', 4, 96, 24],
      ['2024-02-01T05:00:00.000Z', 3, 95, 31.67],
    ]);
  });
});
