import type {
  ColumnSpec,
  ConnectorSpec,
  IncrementalSpec,
  PaginationSpec,
  PartitionSpec,
  RateLimitHint,
} from '../../src/connect/connector-spec';
import { compactRecord } from './hooks';

/**
 * GitLab REST API v4, on GitLab.com or a self-managed instance. Lists answer a bare JSON array;
 * offset pagination tells the next page in `X-Next-Page` (empty on the last page), 100 items at
 * most per page (https://docs.gitlab.com/api/rest/#pagination).
 */

const pagination: PaginationSpec = {
  type: 'header',
  nextPageHeader: 'X-Next-Page',
  param: 'page',
  totalPagesHeader: 'X-Total-Pages',
  pageSize: { param: 'per_page', value: 100 },
};

/**
 * GitLab.com allows 2,000 authenticated API requests a minute per user and answers 429 with
 * `Retry-After` past it; `RateLimit-Remaining` and `RateLimit-Reset` (epoch seconds) come with
 * throttled responses (https://docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom).
 * Self-managed limits are the admin's; 10 a second suits both.
 */
const rateLimit: RateLimitHint = {
  requestsPerSecond: 10,
  remainingHeader: 'RateLimit-Remaining',
  resetHeader: 'RateLimit-Reset',
  resetFormat: 'epoch-seconds',
};

/** Issues and merge requests run once per listed project, or per project the token's user belongs to. */
const perProject: PartitionSpec = {
  placeholder: 'project',
  fromConfig: 'projects',
  fromStream: { stream: 'projects', field: 'id' },
};

/**
 * `updated_after` keeps items updated on or after the bookmark; ordered by `updated_at`
 * ascending the bookmark moves page by page. A minute of overlap catches late writes; the
 * primary key makes the re-read rows upserts.
 */
const updatedAfter: IncrementalSpec = {
  cursorField: 'updated_at',
  param: 'updated_after',
  format: 'iso',
  lookbackSeconds: 60,
  order: 'asc',
};

const byUpdate = { order_by: 'updated_at', sort: 'asc' };

const col = (name: string, type: ColumnSpec['type'], description?: string): ColumnSpec =>
  description ? { name, type, description } : { name, type };

export const gitlabSpec = {
  id: 'gitlab',
  label: 'GitLab',
  description: 'Projects, issues and merge requests from GitLab.com or your own GitLab.',
  docsUrl: 'https://docs.gitlab.com/api/rest/',
  badge: { initials: 'GL', color: '#fc6d26' },
  fields: [
    {
      key: 'token',
      label: 'Access token',
      kind: 'secret',
      required: true,
      help: 'A personal, group or project access token with the read_api scope.',
      helpUrl: 'https://gitlab.com/-/user_settings/personal_access_tokens',
      placeholder: 'glpat-…',
      pattern: '^[A-Za-z0-9_.-]{20,}$',
      patternMessage: 'Paste the whole token: personal access tokens start with glpat-.',
    },
    {
      key: 'projects',
      label: 'Projects',
      kind: 'text',
      help: 'Project paths as in their address (acme/api) or project IDs, separated by commas. Leave empty to sync every project you are a member of.',
      placeholder: 'acme/api, acme/web',
      pattern: '^[A-Za-z0-9._/,\\s-]*$',
      patternMessage: 'List project paths (group/project) or numeric IDs, separated by commas.',
    },
    {
      key: 'baseUrl',
      label: 'GitLab API address',
      kind: 'url',
      default: 'https://gitlab.com/api/v4',
      help: 'Change it only for a self-managed GitLab: https://gitlab.example.com/api/v4. Its host must be on the add-on allowlist (see the connector README).',
      helpUrl: 'https://docs.gitlab.com/api/rest/',
      placeholder: 'https://gitlab.com/api/v4',
      pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s]*)?$',
      patternMessage: 'Use the API address of your GitLab, such as https://gitlab.example.com/api/v4.',
    },
  ],
  auth: { type: 'header', header: 'PRIVATE-TOKEN', field: 'token' },
  baseUrl: 'https://gitlab.com/api/v4',
  allowedUrls: ['https://gitlab.com/'],
  streams: [
    {
      name: 'projects',
      hooks: { mapRecord: compactRecord },
      label: 'Projects',
      // https://docs.gitlab.com/api/projects/#list-all-projects: without membership=true GitLab.com
      // would list every public project on the site.
      path: '/projects',
      params: { membership: true, order_by: 'id', sort: 'asc' },
      records: '',
      primaryKey: ['id'],
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('name', 'string'),
        col('path_with_namespace', 'string'),
        col('namespace.full_path', 'string'),
        col('description', 'string'),
        col('visibility', 'string'),
        col('default_branch', 'string'),
        col('archived', 'boolean'),
        col('star_count', 'integer'),
        col('forks_count', 'integer'),
        col('open_issues_count', 'integer'),
        col('created_at', 'datetime'),
        col('last_activity_at', 'datetime'),
        col('web_url', 'string'),
      ],
    },
    {
      name: 'issues',
      label: 'Issues',
      // https://docs.gitlab.com/api/issues/#list-project-issues
      path: '/projects/{project}/issues',
      params: byUpdate,
      records: '',
      primaryKey: ['id'],
      incremental: updatedAfter,
      pagination,
      rateLimit,
      partitions: perProject,
      hooks: { mapRecord: compactRecord },
      columns: [
        col('id', 'integer'),
        col('iid', 'integer', 'Number within the project (#12)'),
        col('project_id', 'integer'),
        col('references.full', 'string', 'group/project#12'),
        col('title', 'string'),
        col('state', 'string', 'opened or closed'),
        col('issue_type', 'string'),
        col('author.username', 'string'),
        col('assignee.username', 'string'),
        col('labels', 'json'),
        col('milestone.title', 'string'),
        col('user_notes_count', 'integer'),
        col('upvotes', 'integer'),
        col('confidential', 'boolean'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('closed_at', 'datetime'),
        col('closed_by.username', 'string'),
        col('due_date', 'date'),
        col('web_url', 'string'),
      ],
    },
    {
      name: 'merge_requests',
      label: 'Merge requests',
      // https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests: every state by default.
      path: '/projects/{project}/merge_requests',
      params: byUpdate,
      records: '',
      primaryKey: ['id'],
      incremental: updatedAfter,
      pagination,
      rateLimit,
      partitions: perProject,
      hooks: { mapRecord: compactRecord },
      columns: [
        col('id', 'integer'),
        col('iid', 'integer', 'Number within the project (!12)'),
        col('project_id', 'integer'),
        col('references.full', 'string', 'group/project!12'),
        col('title', 'string'),
        col('state', 'string', 'opened, closed, locked or merged'),
        col('draft', 'boolean'),
        col('author.username', 'string'),
        col('merge_user.username', 'string'),
        col('source_branch', 'string'),
        col('target_branch', 'string'),
        col('labels', 'json'),
        col('user_notes_count', 'integer'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('merged_at', 'datetime'),
        col('closed_at', 'datetime'),
        col('web_url', 'string'),
      ],
    },
  ],
  testStream: 'projects',
  errorHints: {
    '401':
      'It may have expired or been revoked: create one with the read_api scope under Preferences > Access tokens and paste it under Sources in the Tapdash sidebar.',
    '403':
      'GitLab refused access (403). Give the token the read_api scope, and its user at least the Reporter role in these projects.',
    '404':
      'GitLab could not find that project (404). Check the paths under Sources in the Tapdash sidebar (group/project, as in the project address); GitLab also answers 404 when the token cannot see a private project.',
    '429':
      'GitLab asked Tapdash to slow down (429). The sync resumes by itself; if it keeps happening, sync fewer projects or less often.',
    default:
      'GitLab answered with an error ({status}). Try again in a few minutes; for GitLab.com, status.gitlab.com shows outages.',
  },
  freshnessHours: 26,
} satisfies ConnectorSpec;
