/** Website metrics from GA4-shaped sessions (definitions and sources in ../README.md). */
import type { ModelSpec } from '../../../src/model/model-spec';

export const demoSessionsByDay: ModelSpec = {
  name: 'demo_sessions_by_day',
  label: 'Demo · Sessions by day',
  description: 'Sessions, users, new users, conversions (signups) and checkout revenue each day.',
  sql: `
SELECT [date],
       SUM(sessions) AS sessions,
       SUM(totalUsers) AS users,
       SUM(newUsers) AS new_users,
       SUM(keyEvents) AS conversions,
       ROUND(SUM(totalRevenue), 2) AS revenue,
       ROUND(SUM(keyEvents) / SUM(sessions), 4) AS conversion_rate
FROM demo_web_sessions
GROUP BY [date]
ORDER BY [date]`,
  formats: {
    date: 'date',
    sessions: 'integer',
    users: 'integer',
    new_users: 'integer',
    conversions: 'integer',
    revenue: 'currency',
    conversion_rate: 'percent',
  },
  tests: [{ type: 'unique', columns: ['date'] }],
};

export const demoWebByWeek: ModelSpec = {
  name: 'demo_web_by_week',
  label: 'Demo · Website by week',
  description:
    'The same figures by week (Monday to Sunday), finished weeks only, so a week is compared with a whole week.',
  sql: `
SELECT WEEK_START(d.[date]) AS week,
       SUM(d.sessions) AS sessions,
       SUM(d.users) AS users,
       SUM(d.new_users) AS new_users,
       SUM(d.conversions) AS conversions,
       ROUND(SUM(d.conversions) / SUM(d.sessions), 4) AS conversion_rate,
       ROUND(SUM(d.revenue), 2) AS revenue
FROM demo_sessions_by_day AS d,
     (SELECT MIN([date]) AS first_day, MAX([date]) AS last_day FROM demo_sessions_by_day) AS l
WHERE WEEK_START(d.[date]) >= l.first_day
  AND DATEADD(day, 6, WEEK_START(d.[date])) <= l.last_day
GROUP BY WEEK_START(d.[date])
ORDER BY week`,
  formats: {
    week: 'date',
    sessions: 'integer',
    users: 'integer',
    new_users: 'integer',
    conversions: 'integer',
    conversion_rate: 'percent',
    revenue: 'currency',
  },
};

export const demoSessionsByChannel: ModelSpec = {
  name: 'demo_sessions_by_channel',
  label: 'Demo · Sessions by source / medium',
  description: 'Traffic and conversions by source / medium over the whole period.',
  sql: `
SELECT sessionSource || ' / ' || sessionMedium AS channel,
       SUM(sessions) AS sessions,
       SUM(totalUsers) AS users,
       SUM(newUsers) AS new_users,
       SUM(keyEvents) AS conversions,
       ROUND(SUM(keyEvents) / SUM(sessions), 4) AS conversion_rate,
       ROUND(SUM(totalRevenue), 2) AS revenue
FROM demo_web_sessions
GROUP BY sessionSource, sessionMedium
ORDER BY sessions DESC`,
  formats: {
    sessions: 'integer',
    users: 'integer',
    new_users: 'integer',
    conversions: 'integer',
    conversion_rate: 'percent',
    revenue: 'currency',
  },
};

export const demoSessionsByChannelMonth: ModelSpec = {
  name: 'demo_sessions_by_channel_month',
  label: 'Demo · Sessions by source / medium and month',
  description: 'Sessions each month by source / medium, one row per channel (for charts).',
  sql: `
SELECT MONTH_START([date]) AS month,
       sessionSource || ' / ' || sessionMedium AS channel,
       SUM(sessions) AS sessions
FROM demo_web_sessions
GROUP BY MONTH_START([date]), sessionSource, sessionMedium
ORDER BY month, channel`,
  formats: { month: 'month', sessions: 'integer' },
};

export const demoSessionsByCountry: ModelSpec = {
  name: 'demo_sessions_by_country',
  label: 'Demo · Sessions by country',
  description: 'Traffic and conversions by visitor country over the whole period.',
  sql: `
SELECT country,
       SUM(sessions) AS sessions,
       SUM(totalUsers) AS users,
       SUM(keyEvents) AS conversions,
       ROUND(SUM(keyEvents) / SUM(sessions), 4) AS conversion_rate
FROM demo_web_sessions
GROUP BY country
ORDER BY sessions DESC`,
  formats: { sessions: 'integer', users: 'integer', conversions: 'integer', conversion_rate: 'percent' },
};

export const WEB_MODELS: ModelSpec[] = [
  demoSessionsByDay,
  demoWebByWeek,
  demoSessionsByChannel,
  demoSessionsByChannelMonth,
  demoSessionsByCountry,
];
