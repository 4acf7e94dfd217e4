/** Support metrics from Zendesk-shaped tickets (definitions and sources in ../README.md). */
import type { ModelSpec } from '../../../src/model/model-spec';

export const demoTicketsByWeek: ModelSpec = {
  name: 'demo_tickets_by_week',
  label: 'Demo · Tickets by week',
  description: 'Tickets opened and tickets solved each week (weeks start on Monday).',
  sql: `
SELECT week, SUM(opened) AS opened, SUM(solved) AS solved
FROM (
  SELECT WEEK_START(created_at) AS week, 1 AS opened, 0 AS solved FROM demo_tickets
  UNION ALL
  SELECT WEEK_START([metric_set.solved_at]) AS week, 0 AS opened, 1 AS solved
  FROM demo_tickets
  WHERE [metric_set.solved_at] IS NOT NULL
) AS t
GROUP BY week
ORDER BY week`,
  formats: { week: 'date', opened: 'integer', solved: 'integer' },
  tests: [{ type: 'unique', columns: ['week'] }],
};

export const demoFirstReplyByWeek: ModelSpec = {
  name: 'demo_first_reply_by_week',
  label: 'Demo · First reply time',
  description:
    'Median time to the first agent reply of the tickets opened each week, in hours (half the tickets got a faster reply).',
  sql: `
SELECT WEEK_START(created_at) AS week,
       COUNT(*) AS replied_tickets,
       ROUND(MEDIAN([metric_set.reply_time_in_minutes.calendar]) / 60, 2) AS median_first_reply_hours
FROM demo_tickets
WHERE [metric_set.reply_time_in_minutes.calendar] IS NOT NULL
GROUP BY WEEK_START(created_at)
ORDER BY week`,
  formats: { week: 'date', replied_tickets: 'integer', median_first_reply_hours: 'number' },
  tests: [{ type: 'not_null', column: 'median_first_reply_hours' }],
};

export const demoTicketFlow: ModelSpec = {
  name: 'demo_ticket_flow',
  label: 'Demo · Ticket flow',
  description: 'Tickets opened and solved each week, one row per kind (for charts).',
  sql: `
SELECT week, 'Opened' AS kind, opened AS tickets FROM demo_tickets_by_week
UNION ALL
SELECT week, 'Solved' AS kind, solved AS tickets FROM demo_tickets_by_week`,
  formats: { week: 'date', tickets: 'integer' },
};

export const demoOpenTicketsByPriority: ModelSpec = {
  name: 'demo_open_tickets_by_priority',
  label: 'Demo · Open tickets by priority',
  description: 'Tickets not yet solved (new, open or pending), by priority.',
  sql: `
SELECT CASE priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END AS priority_order,
       priority,
       COUNT(*) AS open_tickets
FROM demo_tickets
WHERE status IN ('new', 'open', 'pending')
GROUP BY priority
ORDER BY priority_order`,
  formats: { priority_order: 'integer', open_tickets: 'integer' },
};

export const SUPPORT_MODELS: ModelSpec[] = [
  demoTicketsByWeek,
  demoFirstReplyByWeek,
  demoTicketFlow,
  demoOpenTicketsByPriority,
];
