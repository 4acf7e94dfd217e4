import type { ChartDefinition, MetricPackage } from '../../src/model/model-spec';
import { changeRequestModels, issueModels } from '../github/work-item-models';
import issuesOpenedClosed from './charts/issues-opened-closed.vl.json';
import mergeRequestsWeekly from './charts/merge-requests-weekly.vl.json';
import mergeTimeWeekly from './charts/merge-time-weekly.vl.json';
import openIssues from './charts/open-issues.vl.json';

/**
 * The GitHub package's throughput metrics over GitLab's tabs (the model builders live in
 * connectors/github, shared so both vendors' numbers mean the same): merge requests opened and
 * merged per week, median hours to merge, issues opened vs closed, open issues over time.
 * README.md defines each metric.
 */

const chart = (id: string, spec: { title: string }): ChartDefinition => ({ id, title: spec.title, spec });

export const gitlabPackage: MetricPackage = {
  connector: 'gitlab',
  models: [
    ...changeRequestModels({
      prefix: 'gitlab',
      table: 'gitlab_merge_requests',
      noun: 'merge requests',
      stem: 'merge_requests',
      vendor: 'GitLab',
    }),
    ...issueModels({ prefix: 'gitlab', table: 'gitlab_issues', vendor: 'GitLab', closedState: 'closed' }),
  ],
  metrics: [
    {
      id: 'gitlab_mrs_merged',
      label: 'Merge requests merged',
      model: 'gitlab_merge_requests_weekly',
      valueColumn: 'merged',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'up',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'gitlab_median_hours_to_merge',
      label: 'Median hours to merge',
      model: 'gitlab_merge_time_weekly',
      valueColumn: 'median_hours_to_merge',
      periodColumn: 'week',
      format: 'number',
      goodDirection: 'down',
      kind: 'flow',
      periodUnit: 'week',
    },
    {
      id: 'gitlab_open_issues',
      label: 'Open issues',
      model: 'gitlab_open_issues_weekly',
      valueColumn: 'open_issues',
      periodColumn: 'week',
      format: 'integer',
      goodDirection: 'down',
      kind: 'level',
    },
  ],
  charts: [
    chart('gitlab-merge-requests-weekly', mergeRequestsWeekly),
    chart('gitlab-merge-time-weekly', mergeTimeWeekly),
    chart('gitlab-open-issues', openIssues),
    chart('gitlab-issues-opened-closed', issuesOpenedClosed),
  ],
};
