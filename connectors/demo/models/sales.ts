/**
 * Sales metrics from HubSpot-shaped deals (definitions and sources in ../README.md). Deal
 * amounts are annual contract values in dollars.
 */
import type { ModelSpec } from '../../../src/model/model-spec';

/** HubSpot's default pipeline stages, in order, with the words shown to people. */
const STAGE_ORDER = `CASE [properties.dealstage]
         WHEN 'appointmentscheduled' THEN 1 WHEN 'qualifiedtobuy' THEN 2 WHEN 'presentationscheduled' THEN 3
         WHEN 'decisionmakerboughtin' THEN 4 WHEN 'contractsent' THEN 5 ELSE 6 END`;
const STAGE_LABEL = `CASE [properties.dealstage]
         WHEN 'appointmentscheduled' THEN 'Appointment scheduled' WHEN 'qualifiedtobuy' THEN 'Qualified to buy'
         WHEN 'presentationscheduled' THEN 'Presentation scheduled' WHEN 'decisionmakerboughtin' THEN 'Decision maker bought in'
         WHEN 'contractsent' THEN 'Contract sent' ELSE [properties.dealstage] END`;

export const demoPipelineByStage: ModelSpec = {
  name: 'demo_pipeline_by_stage',
  label: 'Demo · Pipeline by stage',
  description:
    'Open deals by pipeline stage: how many, their total amount, and the amount weighted by each stage’s win probability.',
  sql: `
SELECT ${STAGE_ORDER} AS stage_order,
       ${STAGE_LABEL} AS stage,
       COUNT(*) AS open_deals,
       SUM([properties.amount]) AS pipeline_value,
       ROUND(SUM([properties.amount] * [properties.hs_deal_stage_probability]), 2) AS weighted_value
FROM demo_deals
WHERE [properties.hs_is_closed] = false
GROUP BY [properties.dealstage]
ORDER BY stage_order`,
  formats: {
    stage_order: 'integer',
    open_deals: 'integer',
    pipeline_value: 'currency',
    weighted_value: 'currency',
  },
  tests: [{ type: 'unique', columns: ['stage'] }],
};

export const demoPipelineByMonth: ModelSpec = {
  name: 'demo_pipeline_by_month',
  label: 'Demo · Open pipeline',
  description:
    'Deals still open at the end of each month (for the current month: now) and their total amount.',
  sql: `
SELECT m.month, COUNT(*) AS open_deals, SUM(d.[properties.amount]) AS pipeline_value
FROM (SELECT DISTINCT MONTH_START([properties.createdate]) AS month FROM demo_deals) AS m,
     demo_deals AS d
WHERE d.[properties.createdate] < DATEADD(month, 1, m.month)
  AND (d.[properties.hs_is_closed] = false OR d.[properties.closedate] >= DATEADD(month, 1, m.month))
GROUP BY m.month
ORDER BY m.month`,
  formats: { month: 'month', open_deals: 'integer', pipeline_value: 'currency' },
};

export const demoDealsByMonth: ModelSpec = {
  name: 'demo_deals_by_month',
  label: 'Demo · Deals won and lost',
  description:
    'Deals closed each month: won and lost, the value won, the win rate (won ÷ closed) and the average size of a won deal.',
  sql: `
SELECT MONTH_START([properties.closedate]) AS month,
       SUM(CASE WHEN [properties.hs_is_closed_won] THEN 1 ELSE 0 END) AS won_deals,
       SUM(CASE WHEN [properties.hs_is_closed_won] THEN 0 ELSE 1 END) AS lost_deals,
       SUM(CASE WHEN [properties.hs_is_closed_won] THEN [properties.amount] ELSE 0 END) AS won_value,
       ROUND(SUM(CASE WHEN [properties.hs_is_closed_won] THEN 1 ELSE 0 END) / COUNT(*), 4) AS win_rate,
       ROUND(AVG(CASE WHEN [properties.hs_is_closed_won] THEN [properties.amount] END), 2) AS average_deal_size
FROM demo_deals
WHERE [properties.hs_is_closed] = true
GROUP BY MONTH_START([properties.closedate])
ORDER BY month`,
  formats: {
    month: 'month',
    won_deals: 'integer',
    lost_deals: 'integer',
    won_value: 'currency',
    win_rate: 'percent',
    average_deal_size: 'currency',
  },
};

export const demoDealOutcomes: ModelSpec = {
  name: 'demo_deal_outcomes',
  label: 'Demo · Deal outcomes',
  description: 'Deals closed each month by outcome, one row per outcome (for charts).',
  sql: `
SELECT MONTH_START([properties.closedate]) AS month,
       CASE WHEN [properties.hs_is_closed_won] THEN 'Won' ELSE 'Lost' END AS outcome,
       COUNT(*) AS deals,
       SUM([properties.amount]) AS deal_value
FROM demo_deals
WHERE [properties.hs_is_closed] = true
GROUP BY MONTH_START([properties.closedate]), [properties.hs_is_closed_won]
ORDER BY month, outcome`,
  formats: { month: 'month', deals: 'integer', deal_value: 'currency' },
};

export const demoDealsByOwner: ModelSpec = {
  name: 'demo_deals_by_owner',
  label: 'Demo · Deals by owner',
  description: 'Each sales rep’s closed deals, value won, win rate and open pipeline.',
  sql: `
SELECT o.firstName || ' ' || o.lastName AS owner,
       SUM(CASE WHEN d.[properties.hs_is_closed_won] THEN 1 ELSE 0 END) AS won_deals,
       SUM(CASE WHEN d.[properties.hs_is_closed] AND NOT d.[properties.hs_is_closed_won] THEN 1 ELSE 0 END) AS lost_deals,
       SUM(CASE WHEN d.[properties.hs_is_closed_won] THEN d.[properties.amount] ELSE 0 END) AS won_value,
       ROUND(SUM(CASE WHEN d.[properties.hs_is_closed_won] THEN 1 ELSE 0 END)
             / SUM(CASE WHEN d.[properties.hs_is_closed] THEN 1 ELSE 0 END), 4) AS win_rate,
       SUM(CASE WHEN d.[properties.hs_is_closed] THEN 0 ELSE d.[properties.amount] END) AS open_pipeline
FROM demo_deals AS d
JOIN demo_owners AS o ON o.id = d.[properties.hubspot_owner_id]
GROUP BY o.firstName, o.lastName
ORDER BY won_value DESC`,
  formats: {
    won_deals: 'integer',
    lost_deals: 'integer',
    won_value: 'currency',
    win_rate: 'percent',
    open_pipeline: 'currency',
  },
};

export const demoWonBySource: ModelSpec = {
  name: 'demo_won_by_source',
  label: 'Demo · Won deals by source',
  description: 'Where won deals came from (HubSpot’s original source), by count and value.',
  sql: `
SELECT CASE [properties.hs_analytics_source]
         WHEN 'ORGANIC_SEARCH' THEN 'Organic search' WHEN 'PAID_SEARCH' THEN 'Paid search'
         WHEN 'REFERRALS' THEN 'Referrals' WHEN 'DIRECT_TRAFFIC' THEN 'Direct traffic'
         WHEN 'SOCIAL_MEDIA' THEN 'Social media' WHEN 'EMAIL_MARKETING' THEN 'Email marketing'
         WHEN 'OFFLINE' THEN 'Offline sources' ELSE 'Other' END AS source,
       COUNT(*) AS won_deals,
       SUM([properties.amount]) AS won_value
FROM demo_deals
WHERE [properties.hs_is_closed_won] = true
GROUP BY [properties.hs_analytics_source]
ORDER BY won_value DESC`,
  formats: { won_deals: 'integer', won_value: 'currency' },
};

export const SALES_MODELS: ModelSpec[] = [
  demoPipelineByStage,
  demoPipelineByMonth,
  demoDealsByMonth,
  demoDealOutcomes,
  demoDealsByOwner,
  demoWonBySource,
];
