import type { ChartDefinition, MetricPackage, ModelSpec } from '../../src/model/model-spec';
import commitsWeekly from './charts/commits-weekly.vl.json';
import issuesOpenedClosed from './charts/issues-opened-closed.vl.json';
import mergeTimeWeekly from './charts/merge-time-weekly.vl.json';
import openIssues from './charts/open-issues.vl.json';
import pullRequestsWeekly from './charts/pull-requests-weekly.vl.json';
import releasesMonthly from './charts/releases-monthly.vl.json';
import { changeRequestModels, issueModels } from './work-item-models';

/**
 * Engineering throughput from the GitHub tabs: pull requests opened and merged and how long
 * merging takes, issues opened, closed and still open, releases and commits. Weeks start on
 * Monday and months on the 1st, in the spreadsheet's time zone. README.md defines each metric.
 */

const releasesMonthlyModel: ModelSpec = {
  name: 'github_releases_monthly',
  label: 'GitHub releases by month',
  description:
    'Published releases per month (drafts excluded), split into releases and pre-releases, and how many repositories shipped one.',
  sql: `
    SELECT month,
           SUM(CASE WHEN prerelease = TRUE THEN 0 ELSE 1 END) AS releases,
           SUM(CASE WHEN prerelease = TRUE THEN 1 ELSE 0 END) AS prereleases,
           COUNT(DISTINCT repository) AS repositories
    FROM (
      SELECT MONTH_START(published_at) AS month, prerelease, repository
      FROM github_releases
      WHERE published_at IS NOT NULL
    )
    GROUP BY month
    ORDER BY month`,
  formats: { month: 'month', releases: 'integer', prereleases: 'integer', repositories: 'integer' },
  tests: [{ type: 'unique', columns: ['month'] }],
};

const recentReleasesModel: ModelSpec = {
  name: 'github_recent_releases',
  label: 'GitHub recent releases',
  description: 'The 50 most recent published releases across the synced repositories.',
  sql: `
    SELECT repository, tag_name, name, published_at, prerelease, html_url
    FROM github_releases
    WHERE published_at IS NOT NULL
    ORDER BY published_at DESC
    LIMIT 50`,
  formats: { published_at: 'datetime' },
  tests: [{ type: 'not_null', column: 'tag_name' }],
};

const commitsWeeklyModel: ModelSpec = {
  name: 'github_commits_weekly',
  label: 'GitHub commits by week',
  description: 'Commits on each default branch per week (by commit date), and how many people authored them.',
  sql: `
    SELECT week, COUNT(*) AS commits, COUNT(DISTINCT author) AS authors
    FROM (
      SELECT WEEK_START([commit.committer.date]) AS week, [commit.author.name] AS author
      FROM github_commits
      WHERE [commit.committer.date] IS NOT NULL
    )
    GROUP BY week
    ORDER BY week`,
  formats: { week: 'date', commits: 'integer', authors: 'integer' },
  tests: [{ type: 'unique', columns: ['week'] }],
};

const chart = (id: string, spec: { title: string }): ChartDefinition => ({ id, title: spec.title, spec });

export const githubPackage: MetricPackage = {
  connector: 'github',
  models: [
    ...changeRequestModels({
      prefix: 'github',
      table: 'github_pull_requests',
      noun: 'pull requests',
      stem: 'pull_requests',
      vendor: 'GitHub',
    }),
    ...issueModels({
      prefix: 'github',
      table: 'github_issues',
      vendor: 'GitHub',
      closedState: 'closed',
      note: 'Pull requests are not counted as issues.',
    }),
    releasesMonthlyModel,
    recentReleasesModel,
    commitsWeeklyModel,
  ],
  metrics: [
    {
      id: 'github_prs_merged',
      label: 'Pull requests merged',
      model: 'github_pull_requests_weekly',
      valueColumn: 'merged',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'github_median_hours_to_merge',
      label: 'Median hours to merge',
      model: 'github_merge_time_weekly',
      valueColumn: 'median_hours_to_merge',
      periodColumn: 'week',
      format: 'number',
      goodDirection: 'down',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'github_open_issues',
      label: 'Open issues',
      model: 'github_open_issues_weekly',
      valueColumn: 'open_issues',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'down',
      kind: 'level',
    },
    {
      id: 'github_releases',
      label: 'Releases',
      model: 'github_releases_monthly',
      valueColumn: 'releases',
      periodColumn: 'month',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'month',
    },
  ],
  charts: [
    chart('github-pull-requests-weekly', pullRequestsWeekly),
    chart('github-merge-time-weekly', mergeTimeWeekly),
    chart('github-open-issues', openIssues),
    chart('github-issues-opened-closed', issuesOpenedClosed),
    chart('github-releases-monthly', releasesMonthly),
    chart('github-commits-weekly', commitsWeekly),
  ],
};
