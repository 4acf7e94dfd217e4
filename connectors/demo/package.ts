/**
 * The Demo metric package: every kind of metric Tapdash's real packages show (subscriptions,
 * sales, support, engineering, website), over the Demo source's tabs `demo_<stream>`. Models are
 * listed dependencies first; definitions and their sources are in README.md.
 */
import type { ChartDefinition, HeadlineMetric, MetricPackage } from '../../src/model/model-spec';
import arpa from './charts/arpa.vl.json';
import conversionsByChannel from './charts/conversions-by-channel.vl.json';
import customerChurn from './charts/customer-churn.vl.json';
import customers from './charts/customers.vl.json';
import dealOutcomes from './charts/deal-outcomes.vl.json';
import dealsByOwner from './charts/deals-by-owner.vl.json';
import failedPayments from './charts/failed-payments.vl.json';
import firstReply from './charts/first-reply.vl.json';
import mrr from './charts/mrr.vl.json';
import mrrMovements from './charts/mrr-movements.vl.json';
import netRevenueRetention from './charts/net-revenue-retention.vl.json';
import openIssues from './charts/open-issues.vl.json';
import openPipeline from './charts/open-pipeline.vl.json';
import openTicketsByPriority from './charts/open-tickets-by-priority.vl.json';
import pipelineByStage from './charts/pipeline-by-stage.vl.json';
import pullRequestFlow from './charts/pull-request-flow.vl.json';
import revenue from './charts/revenue.vl.json';
import sessionsByChannel from './charts/sessions-by-channel.vl.json';
import sessionsByCountry from './charts/sessions-by-country.vl.json';
import sessionsByDay from './charts/sessions-by-day.vl.json';
import ticketFlow from './charts/ticket-flow.vl.json';
import timeToMerge from './charts/time-to-merge.vl.json';
import winRate from './charts/win-rate.vl.json';
import wonBySource from './charts/won-by-source.vl.json';
import { BILLING_MODELS } from './models/billing';
import { ENGINEERING_MODELS } from './models/engineering';
import { SALES_MODELS } from './models/sales';
import { SUPPORT_MODELS } from './models/support';
import { WEB_MODELS } from './models/web';

const METRICS: HeadlineMetric[] = [
  {
    id: 'demo_mrr',
    label: 'MRR',
    model: 'demo_mrr',
    valueColumn: 'mrr',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'demo_active_customers',
    label: 'Paying customers',
    model: 'demo_mrr',
    valueColumn: 'customers',
    periodColumn: 'month',
    format: 'integer',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'demo_arpa',
    label: 'ARPA',
    model: 'demo_arpa',
    valueColumn: 'arpa',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'demo_customer_churn_rate',
    label: 'Customer churn',
    model: 'demo_customer_churn',
    valueColumn: 'churn_rate',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'down',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'demo_net_revenue_retention',
    label: 'Net revenue retention',
    model: 'demo_net_revenue_retention',
    valueColumn: 'net_revenue_retention',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'demo_open_pipeline',
    label: 'Open pipeline',
    model: 'demo_pipeline_by_month',
    valueColumn: 'pipeline_value',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'demo_win_rate',
    label: 'Win rate',
    model: 'demo_deals_by_month',
    valueColumn: 'win_rate',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'demo_weekly_sessions',
    label: 'Sessions (week)',
    model: 'demo_web_by_week',
    valueColumn: 'sessions',
    periodColumn: 'week',
    format: 'integer',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'week',
  },
  {
    id: 'demo_conversion_rate',
    label: 'Signup conversion',
    model: 'demo_web_by_week',
    valueColumn: 'conversion_rate',
    periodColumn: 'week',
    format: 'percent',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'week',
  },
  {
    id: 'demo_first_reply_hours',
    label: 'First reply (median h)',
    model: 'demo_first_reply_by_week',
    valueColumn: 'median_first_reply_hours',
    periodColumn: 'week',
    format: 'number',
    goodDirection: 'down',
    kind: 'flow',
    periodUnit: 'week',
  },
  {
    id: 'demo_hours_to_merge',
    label: 'Time to merge (median h)',
    model: 'demo_time_to_merge_by_week',
    valueColumn: 'median_hours_to_merge',
    periodColumn: 'week',
    format: 'number',
    goodDirection: 'down',
    kind: 'flow',
    periodUnit: 'week',
  },
  {
    id: 'demo_open_issues',
    label: 'Open issues',
    model: 'demo_open_issues',
    valueColumn: 'open_issues',
    periodColumn: 'week',
    format: 'integer',
    goodDirection: 'down',
    kind: 'level',
  },
];

/** The chart's id is its file name; its title comes from the spec. */
function chart(id: string, spec: { title: string }): ChartDefinition {
  return { id: `demo_${id.replace(/-/g, '_')}`, title: spec.title, spec };
}

const CHARTS: ChartDefinition[] = [
  chart('mrr', mrr),
  chart('mrr-movements', mrrMovements),
  chart('customers', customers),
  chart('arpa', arpa),
  chart('customer-churn', customerChurn),
  chart('net-revenue-retention', netRevenueRetention),
  chart('revenue', revenue),
  chart('failed-payments', failedPayments),
  chart('open-pipeline', openPipeline),
  chart('pipeline-by-stage', pipelineByStage),
  chart('deal-outcomes', dealOutcomes),
  chart('win-rate', winRate),
  chart('won-by-source', wonBySource),
  chart('deals-by-owner', dealsByOwner),
  chart('ticket-flow', ticketFlow),
  chart('first-reply', firstReply),
  chart('open-tickets-by-priority', openTicketsByPriority),
  chart('pull-request-flow', pullRequestFlow),
  chart('time-to-merge', timeToMerge),
  chart('open-issues', openIssues),
  chart('sessions-by-day', sessionsByDay),
  chart('sessions-by-channel', sessionsByChannel),
  chart('conversions-by-channel', conversionsByChannel),
  chart('sessions-by-country', sessionsByCountry),
];

export const demoPackage: MetricPackage = {
  connector: 'demo',
  models: [...BILLING_MODELS, ...SALES_MODELS, ...SUPPORT_MODELS, ...ENGINEERING_MODELS, ...WEB_MODELS],
  metrics: METRICS,
  charts: CHARTS,
};
