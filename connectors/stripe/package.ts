import type { ChartDefinition, HeadlineMetric, MetricPackage } from '../../src/model/model-spec';
import churn from './charts/churn.vl.json';
import customers from './charts/customers.vl.json';
import failedPayments from './charts/failed-payments.vl.json';
import mrr from './charts/mrr.vl.json';
import mrrByPlan from './charts/mrr-by-plan.vl.json';
import mrrMovements from './charts/mrr-movements.vl.json';
import retention from './charts/retention.vl.json';
import revenue from './charts/revenue.vl.json';
import { FINANCE_MODELS } from './models/finance';
import { MRR_MODELS } from './models/mrr';

const metrics: HeadlineMetric[] = [
  {
    id: 'stripe_mrr',
    label: 'MRR',
    model: 'stripe_mrr',
    valueColumn: 'mrr',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'stripe_customers',
    label: 'Paying customers',
    model: 'stripe_mrr',
    valueColumn: 'customers',
    periodColumn: 'month',
    format: 'integer',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'stripe_arpa',
    label: 'ARPA',
    model: 'stripe_customer_metrics',
    valueColumn: 'arpa',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'stripe_customer_churn',
    label: 'Customer churn',
    model: 'stripe_customer_metrics',
    valueColumn: 'customer_churn_rate',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'down',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'stripe_nrr',
    label: 'Net revenue retention',
    model: 'stripe_customer_metrics',
    valueColumn: 'net_revenue_retention',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'stripe_net_revenue',
    label: 'Net revenue',
    model: 'stripe_revenue',
    valueColumn: 'net_revenue',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'stripe_failed_payments',
    label: 'Failed payments',
    model: 'stripe_failed_payments',
    valueColumn: 'failed_payments',
    periodColumn: 'month',
    format: 'integer',
    goodDirection: 'down',
    kind: 'flow',
    periodUnit: 'month',
  },
];

const charts: ChartDefinition[] = [
  { id: 'stripe_mrr', title: 'MRR', spec: mrr },
  { id: 'stripe_mrr_movements', title: 'MRR movements', spec: mrrMovements },
  { id: 'stripe_mrr_by_plan', title: 'MRR by plan', spec: mrrByPlan },
  { id: 'stripe_customers', title: 'Paying customers', spec: customers },
  { id: 'stripe_revenue', title: 'Net revenue', spec: revenue },
  { id: 'stripe_churn', title: 'Customer churn rate', spec: churn },
  { id: 'stripe_retention', title: 'Net revenue retention', spec: retention },
  { id: 'stripe_failed_payments', title: 'Failed payments', spec: failedPayments },
];

/** Stripe's models (in dependency order), headline metrics and charts. */
export const stripePackage: MetricPackage = {
  connector: 'stripe',
  models: [...MRR_MODELS, ...FINANCE_MODELS],
  metrics,
  charts,
};
