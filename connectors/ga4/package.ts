import type { ChartDefinition, MetricPackage, ModelSpec } from '../../src/model/model-spec';
import channelsWeeklyChart from './charts/channels-weekly.vl.json';
import countries28dChart from './charts/countries-28d.vl.json';
import keyEventsWeeklyChart from './charts/key-events-weekly.vl.json';
import sessionsUsersDailyChart from './charts/sessions-users-daily.vl.json';
import sources28dChart from './charts/sources-28d.vl.json';

/**
 * Website metrics from the GA4 tabs `ga4_daily` (one row per day) and `ga4_traffic` (per day,
 * source / medium and country). Users are taken only from the daily report: GA4 counts a
 * visitor once per row, so users summed over sources, countries or days count some people
 * twice; sessions, new users, key events and revenue add up. Definitions in README.md.
 *
 * Weeks run Monday to Sunday (WEEK_START). A week counts once finished: its Sunday is before
 * the newest day synced, and its Monday is not before the first (a partial week would read as
 * a drop). "Last 28 days" ends on the newest day synced, not today, so the models give the
 * same answer whenever they run.
 */

const PER_SESSION = (events: string, sessions: string) =>
  `CASE WHEN ${sessions} > 0 THEN ROUND(${events} / ${sessions}, 4) ELSE 0 END`;

const dailyOverview: ModelSpec = {
  name: 'ga4_daily_overview',
  label: 'GA4 · By day',
  description:
    'Sessions, users, new users, key events (conversions), key events per session and revenue each day.',
  sql: `
SELECT [date], sessions, users, new_users, key_events,
       ${PER_SESSION('key_events', 'sessions')} AS key_events_per_session,
       ROUND(revenue, 2) AS revenue
FROM ga4_daily
ORDER BY [date]`,
  formats: {
    date: 'date',
    sessions: 'integer',
    users: 'integer',
    new_users: 'integer',
    key_events: 'integer',
    key_events_per_session: 'percent',
    revenue: 'currency',
  },
  tests: [
    { type: 'unique', columns: ['date'] },
    { type: 'not_null', column: 'date' },
  ],
};

const weekly: ModelSpec = {
  name: 'ga4_weekly',
  label: 'GA4 · By week',
  description:
    'Sessions, new users, key events, key events per session and revenue per finished week (Monday to Sunday). Users are left out: a weekly count cannot be added up from daily ones.',
  sql: `
SELECT WEEK_START(d.[date]) AS week,
       SUM(d.sessions) AS sessions,
       SUM(d.new_users) AS new_users,
       SUM(d.key_events) AS key_events,
       ${PER_SESSION('SUM(d.key_events)', 'SUM(d.sessions)')} AS key_events_per_session,
       ROUND(SUM(d.revenue), 2) AS revenue
FROM ga4_daily AS d
CROSS JOIN (SELECT MIN([date]) AS first_day, MAX([date]) AS last_day FROM ga4_daily) AS l
WHERE WEEK_START(d.[date]) >= l.first_day
  AND DATEADD(day, 6, WEEK_START(d.[date])) < l.last_day
GROUP BY WEEK_START(d.[date])
ORDER BY week`,
  formats: {
    week: 'date',
    sessions: 'integer',
    new_users: 'integer',
    key_events: 'integer',
    key_events_per_session: 'percent',
    revenue: 'currency',
  },
  tests: [{ type: 'unique', columns: ['week'] }],
};

const LAST_28_DAYS = `
FROM ga4_traffic AS t
CROSS JOIN (SELECT MAX([date]) AS last_day FROM ga4_traffic) AS l
WHERE t.[date] > DATEADD(day, -28, l.last_day)`;

const BREAKDOWN_FIGURES = `
       SUM(t.sessions) AS sessions,
       SUM(t.new_users) AS new_users,
       SUM(t.key_events) AS key_events,
       ${PER_SESSION('SUM(t.key_events)', 'SUM(t.sessions)')} AS key_events_per_session,
       ROUND(SUM(t.revenue), 2) AS revenue`;

const BREAKDOWN_FORMATS: ModelSpec['formats'] = {
  sessions: 'integer',
  new_users: 'integer',
  key_events: 'integer',
  key_events_per_session: 'percent',
  revenue: 'currency',
};

const sources28d: ModelSpec = {
  name: 'ga4_sources_28d',
  label: 'GA4 · Sources, last 28 days',
  description:
    'Sessions, new users, key events and revenue by source / medium over the last 28 days synced, most sessions first.',
  sql: `
SELECT t.source_medium AS source_medium,${BREAKDOWN_FIGURES}
${LAST_28_DAYS}
GROUP BY t.source_medium
ORDER BY sessions DESC, source_medium`,
  formats: BREAKDOWN_FORMATS,
  tests: [{ type: 'unique', columns: ['source_medium'] }],
};

const countries28d: ModelSpec = {
  name: 'ga4_countries_28d',
  label: 'GA4 · Countries, last 28 days',
  description:
    'Sessions, new users, key events and revenue by country over the last 28 days synced, most sessions first.',
  sql: `
SELECT t.country AS country, t.country_id AS country_id,${BREAKDOWN_FIGURES}
${LAST_28_DAYS}
GROUP BY t.country, t.country_id
ORDER BY sessions DESC, country`,
  formats: BREAKDOWN_FORMATS,
  tests: [{ type: 'unique', columns: ['country', 'country_id'] }],
};

/** Ties are broken by name, so ranks are 1, 2, 3 … with no two sources sharing one. */
const sourceRank: ModelSpec = {
  name: 'ga4_source_rank',
  label: 'GA4 · Source ranking',
  description: 'Every source / medium ranked by its sessions over all synced days (1 = the most).',
  // A step for ga4_channels_weekly, not a report of its own.
  hidden: true,
  sql: `
SELECT a.source_medium AS source_medium, a.sessions AS sessions, COUNT(*) AS [rank]
FROM (SELECT source_medium, SUM(sessions) AS sessions FROM ga4_traffic GROUP BY source_medium) AS a
JOIN (SELECT source_medium, SUM(sessions) AS sessions FROM ga4_traffic GROUP BY source_medium) AS b
  ON b.sessions > a.sessions OR (b.sessions = a.sessions AND b.source_medium <= a.source_medium)
GROUP BY a.source_medium, a.sessions
ORDER BY [rank]`,
  formats: { sessions: 'integer', rank: 'integer' },
  tests: [
    { type: 'unique', columns: ['rank'] },
    { type: 'unique', columns: ['source_medium'] },
  ],
};

export const TOP_CHANNELS = 5;

const CHANNEL = `CASE WHEN r.[rank] <= ${TOP_CHANNELS} THEN t.source_medium ELSE 'Other' END`;

const channelsWeekly: ModelSpec = {
  name: 'ga4_channels_weekly',
  label: 'GA4 · Sessions by channel and week',
  description: `Sessions and key events per finished week for the ${TOP_CHANNELS} sources / mediums with the most sessions; the rest together as "Other".`,
  sql: `
SELECT WEEK_START(t.[date]) AS week, ${CHANNEL} AS channel,
       SUM(t.sessions) AS sessions,
       SUM(t.key_events) AS key_events
FROM ga4_traffic AS t
JOIN ga4_source_rank AS r ON r.source_medium = t.source_medium
CROSS JOIN (SELECT MIN([date]) AS first_day, MAX([date]) AS last_day FROM ga4_traffic) AS l
WHERE WEEK_START(t.[date]) >= l.first_day
  AND DATEADD(day, 6, WEEK_START(t.[date])) < l.last_day
GROUP BY WEEK_START(t.[date]), ${CHANNEL}
ORDER BY week, channel`,
  formats: { week: 'date', sessions: 'integer', key_events: 'integer' },
  tests: [{ type: 'unique', columns: ['week', 'channel'] }],
};

const chart = (id: string, spec: { title: string }): ChartDefinition => ({ id, title: spec.title, spec });

export const ga4Package: MetricPackage = {
  connector: 'ga4',
  models: [dailyOverview, weekly, sources28d, countries28d, sourceRank, channelsWeekly],
  metrics: [
    {
      id: 'ga4_sessions_weekly',
      label: 'Sessions (week)',
      model: 'ga4_weekly',
      valueColumn: 'sessions',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'ga4_new_users_weekly',
      label: 'New users (week)',
      model: 'ga4_weekly',
      valueColumn: 'new_users',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'ga4_key_events_weekly',
      label: 'Key events (week)',
      model: 'ga4_weekly',
      valueColumn: 'key_events',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'ga4_key_events_per_session_weekly',
      label: 'Key events per session (week)',
      model: 'ga4_weekly',
      valueColumn: 'key_events_per_session',
      periodColumn: 'week',
      format: 'percent',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
  ],
  charts: [
    chart('ga4-sessions-users-daily', sessionsUsersDailyChart),
    chart('ga4-key-events-weekly', keyEventsWeeklyChart),
    chart('ga4-channels-weekly', channelsWeeklyChart),
    chart('ga4-sources-28d', sources28dChart),
    chart('ga4-countries-28d', countries28dChart),
  ],
};
