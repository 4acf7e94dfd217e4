import type { ModelSpec } from '../../src/model/model-spec';

/**
 * Models GitHub and GitLab share, over their own tables: pull requests and merge requests are
 * the same thing ("change requests") with the same timestamps, and so are issues. Each call
 * returns models named `<prefix>_…`; later models read earlier ones by name.
 *
 * Weeks are WEEK_START (Monday) of the model runner, in the spreadsheet's time zone, so a
 * pull request merged on Sunday evening in New York counts in that week, as the founder sees it.
 */

export interface ChangeRequestTable {
  /** Model name prefix: `github`, `gitlab`. */
  prefix: string;
  /** Source table (`github_pull_requests`, `gitlab_merge_requests`). */
  table: string;
  /** What the vendor calls them, for labels: `pull requests`, `merge requests`. */
  noun: string;
  /** Model name stem: `pull_requests`, `merge_requests`. */
  stem: string;
  /** Vendor name for labels: `GitHub`. */
  vendor: string;
}

export function changeRequestModels(t: ChangeRequestTable): ModelSpec[] {
  return [
    {
      name: `${t.prefix}_${t.stem}_weekly`,
      label: `${t.vendor} ${t.noun} by week`,
      description: `${capitalize(t.noun)} opened (counted in the week they were opened) and merged (in the week they were merged).`,
      sql: `
        SELECT week, SUM(opened) AS opened, SUM(merged) AS merged
        FROM (
          SELECT WEEK_START(created_at) AS week, 1 AS opened, 0 AS merged
          FROM ${t.table}
          UNION ALL
          SELECT WEEK_START(merged_at) AS week, 0 AS opened, 1 AS merged
          FROM ${t.table}
          WHERE merged_at IS NOT NULL
        )
        GROUP BY week
        ORDER BY week`,
      formats: { week: 'date', opened: 'integer', merged: 'integer' },
      tests: [
        { type: 'not_null', column: 'week' },
        { type: 'unique', columns: ['week'] },
      ],
    },
    // A model of its own rather than a column of the weekly counts: AlaSQL's MEDIAN counts an
    // undefined as a value, so the median only ever sees merged rows.
    {
      name: `${t.prefix}_merge_time_weekly`,
      label: `${t.vendor} time to merge by week`,
      description: `For the ${t.noun} merged each week: how many, and the median hours from opening to merging. Weeks without merges have no row.`,
      sql: `
        SELECT week, COUNT(*) AS merged, ROUND(MEDIAN(hours_to_merge), 1) AS median_hours_to_merge
        FROM (
          SELECT WEEK_START(merged_at) AS week, (merged_at - created_at) / 3600000 AS hours_to_merge
          FROM ${t.table}
          WHERE merged_at IS NOT NULL AND created_at IS NOT NULL
        )
        GROUP BY week
        ORDER BY week`,
      formats: { week: 'date', merged: 'integer', median_hours_to_merge: 'number' },
      tests: [
        { type: 'not_null', column: 'median_hours_to_merge' },
        { type: 'unique', columns: ['week'] },
      ],
    },
  ];
}

export interface IssueTable {
  prefix: string;
  table: string;
  vendor: string;
  /** The state value of a closed issue: `closed` on both GitHub and GitLab. */
  closedState: string;
  /** Extra sentence for the description (GitHub: pull requests are not issues here). */
  note?: string;
}

export function issueModels(t: IssueTable): ModelSpec[] {
  return [
    {
      name: `${t.prefix}_issues_weekly`,
      label: `${t.vendor} issues by week`,
      description: `Issues opened (counted in the week they were opened) and closed (in the week they were closed).${t.note ? ` ${t.note}` : ''}`,
      sql: `
        SELECT week, SUM(opened) AS opened, SUM(closed) AS closed
        FROM (
          SELECT WEEK_START(created_at) AS week, 1 AS opened, 0 AS closed
          FROM ${t.table}
          UNION ALL
          SELECT WEEK_START(closed_at) AS week, 0 AS opened, 1 AS closed
          FROM ${t.table}
          WHERE state = '${t.closedState}' AND closed_at IS NOT NULL
        )
        GROUP BY week
        ORDER BY week`,
      formats: { week: 'date', opened: 'integer', closed: 'integer' },
      tests: [
        { type: 'not_null', column: 'week' },
        { type: 'unique', columns: ['week'] },
      ],
    },
    // Open at the end of a week = opened up to then minus closed up to then. Summing the weekly
    // model over earlier weeks needs no calendar table and reads only a few hundred rows.
    {
      name: `${t.prefix}_open_issues_weekly`,
      label: `${t.vendor} open issues`,
      description: 'Issues open at the end of each week in which an issue was opened or closed.',
      sql: `
        SELECT a.week AS week, SUM(b.opened) - SUM(b.closed) AS open_issues
        FROM ${t.prefix}_issues_weekly AS a
        JOIN ${t.prefix}_issues_weekly AS b ON b.week <= a.week
        GROUP BY a.week
        ORDER BY a.week`,
      formats: { week: 'date', open_issues: 'integer' },
      tests: [{ type: 'unique', columns: ['week'] }],
    },
  ];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
