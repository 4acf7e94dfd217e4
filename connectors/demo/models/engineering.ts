/** Engineering metrics from GitHub-shaped pull requests and issues (sources in ../README.md). */
import type { ModelSpec } from '../../../src/model/model-spec';

export const demoPullRequestsByWeek: ModelSpec = {
  name: 'demo_pull_requests_by_week',
  label: 'Demo · Pull requests by week',
  description: 'Pull requests opened and pull requests merged each week (weeks start on Monday).',
  sql: `
SELECT week, SUM(opened) AS opened, SUM(merged) AS merged
FROM (
  SELECT WEEK_START(created_at) AS week, 1 AS opened, 0 AS merged FROM demo_pull_requests
  UNION ALL
  SELECT WEEK_START(merged_at) AS week, 0 AS opened, 1 AS merged
  FROM demo_pull_requests
  WHERE merged_at IS NOT NULL
) AS p
GROUP BY week
ORDER BY week`,
  formats: { week: 'date', opened: 'integer', merged: 'integer' },
  tests: [{ type: 'unique', columns: ['week'] }],
};

export const demoTimeToMergeByWeek: ModelSpec = {
  name: 'demo_time_to_merge_by_week',
  label: 'Demo · Time to merge',
  description:
    'Median hours from opening a pull request to merging it, for the pull requests merged each week.',
  sql: `
SELECT WEEK_START(merged_at) AS week,
       COUNT(*) AS merged,
       ROUND(MEDIAN((merged_at - created_at) / 3600000), 1) AS median_hours_to_merge
FROM demo_pull_requests
WHERE merged_at IS NOT NULL
GROUP BY WEEK_START(merged_at)
ORDER BY week`,
  formats: { week: 'date', merged: 'integer', median_hours_to_merge: 'number' },
  tests: [{ type: 'not_null', column: 'median_hours_to_merge' }],
};

export const demoPullRequestFlow: ModelSpec = {
  name: 'demo_pull_request_flow',
  label: 'Demo · Pull request flow',
  description: 'Pull requests opened and merged each week, one row per kind (for charts).',
  sql: `
SELECT week, 'Opened' AS kind, opened AS pull_requests FROM demo_pull_requests_by_week
UNION ALL
SELECT week, 'Merged' AS kind, merged AS pull_requests FROM demo_pull_requests_by_week`,
  formats: { week: 'date', pull_requests: 'integer' },
};

export const demoIssuesByWeek: ModelSpec = {
  name: 'demo_issues_by_week',
  label: 'Demo · Issues by week',
  description: 'Issues opened and issues closed each week.',
  sql: `
SELECT week, SUM(opened) AS opened, SUM(closed) AS closed
FROM (
  SELECT WEEK_START(created_at) AS week, 1 AS opened, 0 AS closed FROM demo_issues
  UNION ALL
  SELECT WEEK_START(closed_at) AS week, 0 AS opened, 1 AS closed FROM demo_issues WHERE closed_at IS NOT NULL
) AS i
GROUP BY week
ORDER BY week`,
  formats: { week: 'date', opened: 'integer', closed: 'integer' },
  tests: [{ type: 'unique', columns: ['week'] }],
};

export const demoOpenIssues: ModelSpec = {
  name: 'demo_open_issues',
  label: 'Demo · Open issues',
  description: 'Issues open at the end of each week: all issues opened so far minus all closed so far.',
  sql: `
SELECT w.week, SUM(f.opened) - SUM(f.closed) AS open_issues
FROM demo_issues_by_week AS w, demo_issues_by_week AS f
WHERE f.week <= w.week
GROUP BY w.week
ORDER BY w.week`,
  formats: { week: 'date', open_issues: 'integer' },
};

export const ENGINEERING_MODELS: ModelSpec[] = [
  demoPullRequestsByWeek,
  demoTimeToMergeByWeek,
  demoPullRequestFlow,
  demoIssuesByWeek,
  demoOpenIssues,
];
