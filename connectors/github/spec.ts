import type {
  ColumnSpec,
  ConnectorSpec,
  IncrementalSpec,
  PaginationSpec,
  PartitionSpec,
  RateLimitHint,
} from '../../src/connect/connector-spec';
import {
  mapCommit,
  mapIssue,
  mapPullRequest,
  mapRelease,
  mapRepository,
  selectIssuesOnly,
  selectPullRequestsOnly,
} from './hooks';

/**
 * GitHub REST API, version 2022-11-28 (https://docs.github.com/rest/about-the-rest-api/api-versions).
 * Lists answer a bare JSON array, 100 items at most per page, the next page only in the `Link`
 * header (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api).
 */
const API_VERSION = '2022-11-28';

const pagination: PaginationSpec = { type: 'link-header', pageSize: { param: 'per_page', value: 100 } };

/**
 * Primary limit: 5,000 requests an hour per token, told in `x-ratelimit-remaining` and
 * `x-ratelimit-reset` (UTC epoch seconds); exceeding it answers 403 or 429 with remaining 0.
 * Secondary limits answer 403 or 429 with `retry-after`; GitHub asks for serial requests and at
 * most 900 points (GET = 1) a minute per endpoint, so 10 a second stays below it
 * (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */
const rateLimit: RateLimitHint = {
  requestsPerSecond: 10,
  remainingHeader: 'X-RateLimit-Remaining',
  resetHeader: 'X-RateLimit-Reset',
  resetFormat: 'epoch-seconds',
};

/** Every per-repository stream runs once per listed repository, or per repository of the owner. */
const perRepository: PartitionSpec = {
  placeholder: 'repo',
  fromConfig: 'repositories',
  fromStream: { stream: 'repositories', field: 'name' },
  column: 'repository',
};

/**
 * `since` keeps items updated at or after the bookmark; sorted by `updated` ascending the
 * bookmark can move page by page. A minute of overlap catches updates GitHub indexes late; the
 * primary key makes the re-read rows upserts.
 */
const updatedSince: IncrementalSpec = {
  cursorField: 'updated_at',
  param: 'since',
  format: 'iso',
  lookbackSeconds: 60,
  order: 'asc',
};

const issueParams = { state: 'all', sort: 'updated', direction: 'asc' };

const col = (name: string, type: ColumnSpec['type'], description?: string): ColumnSpec =>
  description ? { name, type, description } : { name, type };

/** Columns issues and pull requests share: both come from the issues endpoint. */
const issueColumns: ColumnSpec[] = [
  col('id', 'integer', 'GitHub issue id (for pull requests too: the issues endpoint returns issue ids)'),
  col('repository', 'string', 'Repository name'),
  col('number', 'integer'),
  col('title', 'string'),
  col('state', 'string', 'open or closed'),
  col('user.login', 'string', 'Author'),
  col('assignee.login', 'string'),
  col('assignees', 'json', 'Logins of everyone assigned'),
  col('labels', 'json', 'Label names'),
  col('milestone.title', 'string'),
  col('comments', 'integer'),
  col('reactions.total_count', 'integer'),
  col('author_association', 'string'),
  col('locked', 'boolean'),
  col('created_at', 'datetime'),
  col('updated_at', 'datetime'),
  col('closed_at', 'datetime'),
  col('html_url', 'string'),
];

export const githubSpec = {
  id: 'github',
  label: 'GitHub',
  description: 'Repositories, issues, pull requests, commits and releases of your GitHub repositories.',
  docsUrl: 'https://docs.github.com/rest',
  badge: { initials: 'GH', color: '#24292f' },
  fields: [
    {
      key: 'token',
      label: 'Personal access token',
      kind: 'secret',
      required: true,
      help: 'A fine-grained token with read access to Metadata, Issues, Pull requests and Contents, or a classic token with the repo scope.',
      helpUrl: 'https://github.com/settings/personal-access-tokens',
      placeholder: 'github_pat_…',
      pattern: '^(github_pat_[A-Za-z0-9_]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|[0-9a-f]{40})$',
      patternMessage: 'Paste the whole token: it starts with github_pat_ (fine-grained) or ghp_ (classic).',
    },
    {
      key: 'owner',
      label: 'Owner',
      kind: 'text',
      required: true,
      help: 'The organization or user name in your repository addresses: acme in github.com/acme/api.',
      placeholder: 'acme',
      pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$',
      patternMessage: 'Use the name as it appears in github.com/<owner>: letters, digits and dashes.',
    },
    {
      key: 'accountType',
      label: 'Account type',
      kind: 'select',
      required: true,
      default: 'orgs',
      options: [
        { value: 'orgs', label: 'Organization' },
        { value: 'users', label: 'Personal account' },
      ],
      help: 'For a personal account GitHub lists only public repositories; name private ones below.',
    },
    {
      key: 'repositories',
      label: 'Repositories',
      kind: 'text',
      help: 'Repository names separated by commas. Leave empty to sync every repository of the owner.',
      placeholder: 'api, web',
      pattern: '^[A-Za-z0-9._,\\s-]*$',
      patternMessage: 'List names without the owner, separated by commas: api, web.',
    },
  ],
  auth: { type: 'bearer', field: 'token' },
  baseUrl: 'https://api.github.com',
  allowedUrls: ['https://api.github.com/'],
  headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': API_VERSION },
  streams: [
    {
      name: 'repositories',
      label: 'Repositories',
      // https://docs.github.com/rest/repos/repos#list-organization-repositories (and #list-repositories-for-a-user)
      path: '/{accountType}/{owner}/repos',
      records: '',
      primaryKey: ['id'],
      pagination,
      rateLimit,
      columns: [
        col('id', 'integer'),
        col('name', 'string'),
        col('full_name', 'string'),
        col('description', 'string'),
        col('private', 'boolean'),
        col('fork', 'boolean'),
        col('archived', 'boolean'),
        col('visibility', 'string'),
        col('language', 'string'),
        col('default_branch', 'string'),
        col('stargazers_count', 'integer'),
        col('forks_count', 'integer'),
        col('open_issues_count', 'integer', 'Open issues and pull requests, as GitHub counts them'),
        col('topics', 'json'),
        col('created_at', 'datetime'),
        col('updated_at', 'datetime'),
        col('pushed_at', 'datetime'),
        col('html_url', 'string'),
      ],
      hooks: { mapRecord: mapRepository },
    },
    {
      name: 'issues',
      label: 'Issues',
      // https://docs.github.com/rest/issues/issues#list-repository-issues
      path: '/repos/{owner}/{repo}/issues',
      params: issueParams,
      records: '',
      primaryKey: ['id'],
      incremental: updatedSince,
      pagination,
      rateLimit,
      partitions: perRepository,
      columns: [...issueColumns, col('state_reason', 'string', 'completed, not_planned or reopened')],
      hooks: { selectRecords: selectIssuesOnly, mapRecord: mapIssue },
    },
    {
      name: 'pull_requests',
      label: 'Pull requests',
      // The pulls endpoint has no `since` filter, so each sync would re-read every pull request;
      // the issues endpoint has one and gives each pull request's merge time.
      path: '/repos/{owner}/{repo}/issues',
      params: issueParams,
      records: '',
      primaryKey: ['id'],
      incremental: updatedSince,
      pagination,
      rateLimit,
      partitions: perRepository,
      columns: [
        ...issueColumns,
        col('draft', 'boolean'),
        col('merged_at', 'datetime', 'Empty when the pull request was closed without merging, or is open'),
      ],
      hooks: { selectRecords: selectPullRequestsOnly, mapRecord: mapPullRequest },
    },
    {
      name: 'commits',
      label: 'Commits',
      // https://docs.github.com/rest/commits/commits#list-commits: the default branch, newest first.
      path: '/repos/{owner}/{repo}/commits',
      records: '',
      primaryKey: ['repository', 'sha'],
      incremental: { cursorField: 'commit.committer.date', param: 'since', format: 'iso', order: 'desc' },
      pagination,
      rateLimit,
      partitions: perRepository,
      // "409 Git Repository is empty." for a repository without commits.
      emptyOnStatus: [409],
      columns: [
        col('sha', 'string'),
        col('repository', 'string'),
        col('commit.message', 'string'),
        col('commit.author.name', 'string'),
        col('commit.author.date', 'datetime'),
        col('commit.committer.date', 'datetime'),
        col('author.login', 'string', 'GitHub account of the author, when GitHub could match the email'),
        col('commit.comment_count', 'integer'),
        col('parent_count', 'integer', '2 for a merge commit'),
        col('html_url', 'string'),
      ],
      hooks: { mapRecord: mapCommit },
    },
    {
      name: 'releases',
      label: 'Releases',
      // https://docs.github.com/rest/releases/releases#list-releases: no date filter, so a full
      // refresh (releases are few).
      path: '/repos/{owner}/{repo}/releases',
      records: '',
      primaryKey: ['id'],
      pagination,
      rateLimit,
      partitions: perRepository,
      columns: [
        col('id', 'integer'),
        col('repository', 'string'),
        col('tag_name', 'string'),
        col('name', 'string'),
        col('draft', 'boolean'),
        col('prerelease', 'boolean'),
        col('target_commitish', 'string'),
        col('author.login', 'string'),
        col('created_at', 'datetime'),
        col('published_at', 'datetime', 'Empty for drafts'),
        col('asset_count', 'integer', 'Files attached to the release'),
        col('download_count', 'integer', 'Downloads of those files, all together'),
        col('html_url', 'string'),
      ],
      hooks: { mapRecord: mapRelease },
    },
  ],
  testStream: 'repositories',
  errorHints: {
    '401':
      'It may have expired or been revoked: create a new one at github.com/settings/personal-access-tokens and paste it under Sources in the Tapdash sidebar.',
    '403':
      'GitHub refused access ({status}). If it mentions a rate limit, Tapdash waits and retries on the next sync. Otherwise give the token read access to Metadata, Issues, Pull requests and Contents (classic tokens: the repo scope), and authorize it for SAML single sign-on if your organization uses it.',
    '404':
      'GitHub could not find that owner or repository (404). Check the spelling under Sources in the Tapdash sidebar and whether the owner is an organization or a personal account; GitHub also answers 404 when the token cannot see a private repository.',
    '422':
      'GitHub did not accept the request ({status}). Check the owner and repository names under Sources in the Tapdash sidebar.',
    '429':
      'GitHub asked Tapdash to slow down (429). The sync resumes by itself; if it keeps happening, sync fewer repositories or less often.',
    default:
      'GitHub answered with an error ({status}). Try again in a few minutes; githubstatus.com shows outages.',
  },
  freshnessHours: 26,
} satisfies ConnectorSpec;
