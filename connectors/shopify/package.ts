import type { ChartDefinition, MetricPackage, ModelSpec } from '../../src/model/model-spec';
import ordersDaily from './charts/orders-daily.vl.json';
import repeatCustomerRate from './charts/repeat-customer-rate.vl.json';
import revenueMonthly from './charts/revenue-monthly.vl.json';
import topProducts from './charts/top-products.vl.json';

/**
 * Store sales from the Shopify tabs: orders, revenue and average order value by day and month,
 * top products, and the repeat customer rate. README.md defines each metric in words.
 *
 * Every model counts only sales (shopify_sales: not cancelled, not a test). An order belongs to the day of `processed_at`,
 * the date Shopify shows on the order and uses in its own reports (for orders imported from
 * another system it is the original date), in the spreadsheet's time zone. Amounts are in the
 * shop's currency.
 */

/**
 * One row per sale: an order that was not cancelled (`cancelled_at` empty) and not placed with
 * a test gateway (`test`, which may be blank in a hand-edited tab). Revenue = total_price −
 * refunded_amount: what the customer paid and was not given back. Every other model reads this
 * one, so "a sale" and "revenue" are defined once.
 */
const salesModel: ModelSpec = {
  name: 'shopify_sales',
  label: 'Shopify sales',
  description:
    'Every order that counts as a sale (not cancelled, not a test), with its date, customer, gross amount, refunds and revenue.',
  hidden: true,
  sql: `
    SELECT id AS order_id, [customer.id] AS customer_id,
      COALESCE(processed_at, created_at) AS ordered_at,
      COALESCE(total_price, 0) AS gross,
      COALESCE(refunded_amount, 0) AS refunded,
      COALESCE(total_price, 0) - COALESCE(refunded_amount, 0) AS revenue
    FROM shopify_orders
    WHERE cancelled_at IS NULL AND (test IS NULL OR test = FALSE)`,
  formats: {
    order_id: 'text',
    customer_id: 'text',
    ordered_at: 'datetime',
    gross: 'currency',
    refunded: 'currency',
    revenue: 'currency',
  },
  tests: [
    { type: 'unique', columns: ['order_id'] },
    { type: 'not_null', column: 'ordered_at' },
  ],
};

const salesBy = (period: 'DAY_START' | 'MONTH_START', column: 'day' | 'month'): string => `
    SELECT ${column},
      COUNT(*) AS orders,
      ROUND(SUM(gross), 2) AS gross_sales,
      ROUND(SUM(refunded), 2) AS refunds,
      ROUND(SUM(revenue), 2) AS revenue,
      ROUND(SUM(revenue) / COUNT(*), 2) AS average_order_value,
      COUNT(DISTINCT customer_id) AS customers
    FROM (
      SELECT ${period}(ordered_at) AS ${column}, gross, refunded, revenue, customer_id
      FROM shopify_sales
    )
    GROUP BY ${column}
    ORDER BY ${column}`;

const salesFormats = {
  orders: 'integer',
  gross_sales: 'currency',
  refunds: 'currency',
  revenue: 'currency',
  average_order_value: 'currency',
  customers: 'integer',
} as const;

const salesDaily: ModelSpec = {
  name: 'shopify_sales_daily',
  label: 'Shopify sales by day',
  description:
    'Orders, gross sales, refunds, revenue (gross sales minus refunds) and average order value per day; cancelled and test orders excluded.',
  sql: salesBy('DAY_START', 'day'),
  formats: { day: 'date', ...salesFormats },
  tests: [
    { type: 'not_null', column: 'day' },
    { type: 'unique', columns: ['day'] },
  ],
};

const salesMonthly: ModelSpec = {
  name: 'shopify_sales_monthly',
  label: 'Shopify sales by month',
  description:
    'Orders, gross sales, refunds, revenue (gross sales minus refunds), average order value and ordering customers per month; cancelled and test orders excluded.',
  sql: salesBy('MONTH_START', 'month'),
  formats: { month: 'month', ...salesFormats },
  tests: [
    { type: 'not_null', column: 'month' },
    { type: 'unique', columns: ['month'] },
  ],
};

/**
 * A line's revenue: unit price × quantity, minus its discounts, minus what was refunded for
 * it. A product is named by its title in the products tab today (so a renamed product stays
 * one row), or by its title on the orders when it is no longer in the catalogue; custom items
 * (no product) are grouped by their title.
 */
const topProductsModel: ModelSpec = {
  name: 'shopify_top_products',
  label: 'Shopify top products',
  description:
    'The 20 products with the most revenue from line items (price × quantity − discounts − refunds), over every order that was not cancelled or a test.',
  sql: `
    SELECT COALESCE(p.title, s.title) AS product, s.product_id AS product_id, s.units AS units,
      s.orders AS orders, s.revenue AS revenue
    FROM (
      SELECT product_key, MIN(product_id) AS product_id, MAX(title) AS title, SUM(units) AS units,
        COUNT(DISTINCT order_id) AS orders, ROUND(SUM(revenue), 2) AS revenue
      FROM (
        SELECT COALESCE(product_id, title) AS product_key, product_id, title, order_id,
          COALESCE(quantity, 0) - COALESCE(refunded_quantity, 0) AS units,
          COALESCE(price, 0) * COALESCE(quantity, 0) - COALESCE(discount_amount, 0)
            - COALESCE(refunded_amount, 0) AS revenue
        FROM shopify_order_line_items
        WHERE order_cancelled_at IS NULL AND (order_test IS NULL OR order_test = FALSE)
      )
      GROUP BY product_key
    ) AS s
    LEFT JOIN shopify_products AS p ON p.id = s.product_id
    ORDER BY s.revenue DESC, product
    LIMIT 20`,
  formats: { product_id: 'text', units: 'integer', orders: 'integer', revenue: 'currency' },
  tests: [{ type: 'not_null', column: 'product' }],
};

/**
 * Each customer's first and second sale. Two orders in the same second both count: the second
 * order then has the first one's time.
 */
const customerOrdersModel: ModelSpec = {
  name: 'shopify_customer_orders',
  label: 'Shopify customer orders',
  description:
    "Each customer's number of orders and the times of their first and second order (sales only; orders without a customer are left out).",
  hidden: true,
  sql: `
    SELECT customer_id, orders, first_order_at,
      (CASE WHEN orders > 1 THEN COALESCE(next_order_at, first_order_at) END) AS second_order_at
    FROM (
      SELECT f.customer_id AS customer_id, f.orders AS orders, f.first_order_at AS first_order_at,
        MIN(s.ordered_at) AS next_order_at
      FROM (
        SELECT customer_id, MIN(ordered_at) AS first_order_at, COUNT(*) AS orders
        FROM shopify_sales
        WHERE customer_id IS NOT NULL
        GROUP BY customer_id
      ) AS f
      LEFT JOIN shopify_sales AS s ON s.customer_id = f.customer_id AND s.ordered_at > f.first_order_at
      GROUP BY f.customer_id, f.orders, f.first_order_at
    )
    ORDER BY first_order_at, customer_id`,
  formats: {
    customer_id: 'text',
    orders: 'integer',
    first_order_at: 'datetime',
    second_order_at: 'datetime',
  },
  tests: [{ type: 'unique', columns: ['customer_id'] }],
};

const newCustomersModel: ModelSpec = {
  name: 'shopify_new_customers_monthly',
  label: 'Shopify new and returning customers',
  description:
    'Per month: customers who placed their first order, and customers who placed their second (became repeat customers).',
  sql: `
    SELECT month, SUM(first_orders) AS new_customers, SUM(second_orders) AS new_repeat_customers
    FROM (
      SELECT MONTH_START(first_order_at) AS month, 1 AS first_orders, 0 AS second_orders
      FROM shopify_customer_orders
      UNION ALL
      SELECT MONTH_START(second_order_at) AS month, 0 AS first_orders, 1 AS second_orders
      FROM shopify_customer_orders
      WHERE second_order_at IS NOT NULL
    )
    GROUP BY month
    ORDER BY month`,
  formats: { month: 'month', new_customers: 'integer', new_repeat_customers: 'integer' },
  tests: [{ type: 'unique', columns: ['month'] }],
};

/**
 * Repeat customer rate at the end of each month: of every customer who had ordered by then,
 * the share who had ordered at least twice. The monthly counts are summed over earlier months
 * (a few dozen rows), as GitHub's open issues are.
 */
const repeatCustomersModel: ModelSpec = {
  name: 'shopify_repeat_customers_monthly',
  label: 'Shopify repeat customers',
  description:
    'At the end of each month: customers who have ordered, those who have ordered at least twice, and the repeat customer rate (the second ÷ the first).',
  sql: `
    SELECT a.month AS month, SUM(b.new_customers) AS customers,
      SUM(b.new_repeat_customers) AS repeat_customers,
      ROUND(SUM(b.new_repeat_customers) / SUM(b.new_customers), 4) AS repeat_customer_rate
    FROM shopify_new_customers_monthly AS a
    JOIN shopify_new_customers_monthly AS b ON b.month <= a.month
    GROUP BY a.month
    ORDER BY a.month`,
  formats: {
    month: 'month',
    customers: 'integer',
    repeat_customers: 'integer',
    repeat_customer_rate: 'percent',
  },
  tests: [
    { type: 'not_null', column: 'month' },
    { type: 'unique', columns: ['month'] },
  ],
};

const chart = (id: string, spec: { title: string }): ChartDefinition => ({ id, title: spec.title, spec });

export const shopifyPackage: MetricPackage = {
  connector: 'shopify',
  models: [
    salesModel,
    salesDaily,
    salesMonthly,
    topProductsModel,
    customerOrdersModel,
    newCustomersModel,
    repeatCustomersModel,
  ],
  metrics: [
    {
      id: 'shopify_revenue',
      label: 'Revenue',
      model: 'shopify_sales_monthly',
      valueColumn: 'revenue',
      periodColumn: 'month',
      format: 'currency',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'month',
    },
    {
      id: 'shopify_orders',
      label: 'Orders',
      model: 'shopify_sales_monthly',
      valueColumn: 'orders',
      periodColumn: 'month',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'month',
    },
    {
      id: 'shopify_average_order_value',
      label: 'Average order value',
      model: 'shopify_sales_monthly',
      valueColumn: 'average_order_value',
      periodColumn: 'month',
      format: 'currency',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'month',
    },
    {
      id: 'shopify_repeat_customer_rate',
      label: 'Repeat customer rate',
      model: 'shopify_repeat_customers_monthly',
      valueColumn: 'repeat_customer_rate',
      periodColumn: 'month',
      format: 'percent',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'month',
    },
  ],
  charts: [
    chart('shopify-revenue-monthly', revenueMonthly),
    chart('shopify-orders-daily', ordersDaily),
    chart('shopify-top-products', topProducts),
    chart('shopify-repeat-customer-rate', repeatCustomerRate),
  ],
};
