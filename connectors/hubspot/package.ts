import type { ChartDefinition, HeadlineMetric, MetricPackage, ModelSpec } from '../../src/model/model-spec';
import dealsWonLost from './charts/deals-won-lost.vl.json';
import newContactsBySource from './charts/new-contacts-by-source.vl.json';
import openPipelineChart from './charts/open-pipeline-by-stage.vl.json';
import winRateChart from './charts/win-rate.vl.json';

/**
 * Sales pipeline and lead flow from the HubSpot tabs. A deal's stage decides what it is, as in
 * HubSpot: open while its stage is not closed; won in a closed stage with probability 1 (100%),
 * lost in a closed stage with probability 0. Months are calendar months in the spreadsheet's
 * time zone; amounts are in the account currency. Records deleted in HubSpot (in its recycle
 * bin) are left out. README.md defines each metric.
 */

/**
 * One row per deal with its stage's meaning, for the other models. Deals whose stage no longer
 * exists (a deleted stage) have no row, nor deals deleted in HubSpot: search never returns a
 * deleted deal, so its last synced row stays in hubspot_deals, and the recycle bin's list
 * (hubspot_archived_deals) is what tells it is gone. `has_amount` tells a deal without an
 * amount from one worth 0, so averages leave the former out.
 */
const dealFacts: ModelSpec = {
  name: 'hubspot_deal_facts',
  label: 'HubSpot deals with stages',
  description: 'Every deal with its pipeline and stage labels, and whether the stage is open, won or lost.',
  hidden: true,
  sql: `
    SELECT d.id AS deal_id, d.dealname AS deal, COALESCE(d.amount, 0) AS amount,
           (CASE WHEN d.amount IS NULL THEN 0 ELSE 1 END) AS has_amount,
           d.closedate AS closedate, d.createdate AS createdate,
           s.pipelineLabel AS pipeline, s.stageLabel AS stage,
           s.pipelineDisplayOrder AS pipeline_order, s.displayOrder AS stage_order,
           COALESCE(s.probability, 0) AS probability,
           (CASE WHEN s.isClosed = TRUE THEN 0 ELSE 1 END) AS is_open,
           (CASE WHEN s.isClosed = TRUE AND s.probability >= 1 THEN 1 ELSE 0 END) AS is_won,
           (CASE WHEN s.isClosed = TRUE AND s.probability <= 0 THEN 1 ELSE 0 END) AS is_lost
    FROM hubspot_deals d
    JOIN hubspot_deal_stages s ON s.stageId = d.dealstage AND s.pipelineId = d.pipeline
    WHERE d.id NOT IN (SELECT id FROM hubspot_archived_deals)`,
  formats: { amount: 'currency', closedate: 'datetime', createdate: 'datetime', probability: 'percent' },
  tests: [{ type: 'unique', columns: ['deal_id'] }],
};

const openPipelineByStage: ModelSpec = {
  name: 'hubspot_open_pipeline_by_stage',
  label: 'HubSpot open pipeline by stage',
  description:
    'Open deals per pipeline stage, in pipeline order: how many, their amounts, and the amounts weighted by the stage probability.',
  sql: `
    SELECT pipeline, stage, COUNT(*) AS deals, ROUND(SUM(amount), 2) AS amount,
           ROUND(SUM(amount * probability), 2) AS weighted_amount
    FROM hubspot_deal_facts
    WHERE is_open = 1
    GROUP BY pipeline_order, pipeline, stage_order, stage
    ORDER BY pipeline_order, stage_order`,
  formats: { deals: 'integer', amount: 'currency', weighted_amount: 'currency' },
  tests: [{ type: 'unique', columns: ['pipeline', 'stage'] }],
};

const pipelineSummary: ModelSpec = {
  name: 'hubspot_pipeline_summary',
  label: 'HubSpot pipeline',
  description: 'Open deals now: how many, their total amount, and the amount weighted by stage probability.',
  sql: `
    SELECT COUNT(*) AS open_deals, ROUND(SUM(amount), 2) AS open_pipeline,
           ROUND(SUM(amount * probability), 2) AS weighted_pipeline
    FROM hubspot_deal_facts
    WHERE is_open = 1`,
  formats: { open_deals: 'integer', open_pipeline: 'currency', weighted_pipeline: 'currency' },
};

const dealsClosedMonthly: ModelSpec = {
  name: 'hubspot_deals_closed_monthly',
  label: 'HubSpot deals won and lost by month',
  description:
    'Deals won and lost per month of their close date, their amounts, the win rate (won of won plus lost) and the average amount of a won deal.',
  sql: `
    SELECT month,
           SUM(is_won) AS won_deals, ROUND(SUM(is_won * amount), 2) AS won_amount,
           SUM(is_lost) AS lost_deals, ROUND(SUM(is_lost * amount), 2) AS lost_amount,
           ROUND(SUM(is_won) / (SUM(is_won) + SUM(is_lost)), 4) AS win_rate,
           (CASE WHEN SUM(is_won * has_amount) > 0
             THEN ROUND(SUM(is_won * amount) / SUM(is_won * has_amount), 2) END) AS avg_deal_size
    FROM (
      SELECT MONTH_START(closedate) AS month, is_won, is_lost, amount, has_amount
      FROM hubspot_deal_facts
      WHERE (is_won = 1 OR is_lost = 1) AND closedate IS NOT NULL
    )
    GROUP BY month
    ORDER BY month`,
  formats: {
    month: 'month',
    won_deals: 'integer',
    won_amount: 'currency',
    lost_deals: 'integer',
    lost_amount: 'currency',
    win_rate: 'percent',
    avg_deal_size: 'currency',
  },
  tests: [
    { type: 'not_null', column: 'month' },
    { type: 'unique', columns: ['month'] },
  ],
};

/** HubSpot's original source values, in the words HubSpot shows them. */
const SOURCE_LABELS: Array<[string, string]> = [
  ['ORGANIC_SEARCH', 'Organic search'],
  ['PAID_SEARCH', 'Paid search'],
  ['EMAIL_MARKETING', 'Email marketing'],
  ['SOCIAL_MEDIA', 'Organic social'],
  ['PAID_SOCIAL', 'Paid social'],
  ['REFERRALS', 'Referrals'],
  ['OTHER_CAMPAIGNS', 'Other campaigns'],
  ['DIRECT_TRAFFIC', 'Direct traffic'],
  ['OFFLINE', 'Offline sources'],
  ['AI_REFERRALS', 'AI referrals'],
];

const sourceLabel = `(CASE WHEN hs_analytics_source IS NULL THEN 'Unknown'
      ${SOURCE_LABELS.map(([value, label]) => `WHEN hs_analytics_source = '${value}' THEN '${label}'`).join('\n      ')}
      ELSE hs_analytics_source END)`;

const contactsBySourceMonthly: ModelSpec = {
  name: 'hubspot_contacts_by_source_monthly',
  label: 'HubSpot new contacts by source',
  description: 'Contacts created per month, by their original source (how HubSpot first saw them).',
  sql: `
    SELECT month, source, COUNT(*) AS contacts
    FROM (
      SELECT MONTH_START(createdate) AS month, ${sourceLabel} AS source
      FROM hubspot_contacts
      WHERE createdate IS NOT NULL AND id NOT IN (SELECT id FROM hubspot_archived_contacts)
    )
    GROUP BY month, source
    ORDER BY month, source`,
  formats: { month: 'month', contacts: 'integer' },
  tests: [{ type: 'unique', columns: ['month', 'source'] }],
};

const contactsMonthly: ModelSpec = {
  name: 'hubspot_contacts_monthly',
  label: 'HubSpot new contacts by month',
  description: 'Contacts created per month, every source together.',
  sql: `
    SELECT month, SUM(contacts) AS new_contacts
    FROM hubspot_contacts_by_source_monthly
    GROUP BY month
    ORDER BY month`,
  formats: { month: 'month', new_contacts: 'integer' },
  tests: [{ type: 'unique', columns: ['month'] }],
};

const metrics: HeadlineMetric[] = [
  {
    id: 'hubspot_open_pipeline',
    label: 'Open pipeline',
    model: 'hubspot_pipeline_summary',
    valueColumn: 'open_pipeline',
    format: 'currency',
    goodDirection: 'up',
    kind: 'level',
  },
  {
    id: 'hubspot_win_rate',
    label: 'Win rate',
    model: 'hubspot_deals_closed_monthly',
    valueColumn: 'win_rate',
    periodColumn: 'month',
    format: 'percent',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'hubspot_avg_deal_size',
    label: 'Average deal size',
    model: 'hubspot_deals_closed_monthly',
    valueColumn: 'avg_deal_size',
    periodColumn: 'month',
    format: 'currency',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
  {
    id: 'hubspot_new_contacts',
    label: 'New contacts',
    model: 'hubspot_contacts_monthly',
    valueColumn: 'new_contacts',
    periodColumn: 'month',
    format: 'integer',
    goodDirection: 'up',
    kind: 'flow',
    periodUnit: 'month',
  },
];

const chart = (id: string, spec: { title: string }): ChartDefinition => ({ id, title: spec.title, spec });

export const hubspotPackage: MetricPackage = {
  connector: 'hubspot',
  models: [
    dealFacts,
    openPipelineByStage,
    pipelineSummary,
    dealsClosedMonthly,
    contactsBySourceMonthly,
    contactsMonthly,
  ],
  metrics,
  charts: [
    chart('hubspot-open-pipeline-by-stage', openPipelineChart),
    chart('hubspot-deals-won-lost', dealsWonLost),
    chart('hubspot-win-rate', winRateChart),
    chart('hubspot-new-contacts-by-source', newContactsBySource),
  ],
};
