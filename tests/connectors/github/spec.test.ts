import {
  mapCommit,
  mapPullRequest,
  mapRelease,
  mapRepository,
  selectIssuesOnly,
  selectPullRequestsOnly,
  withoutLinks,
} from '../../../connectors/github/hooks';
import { githubSpec } from '../../../connectors/github/spec';
import {
  commitJson,
  issueJson,
  releaseJson,
  repositoryJson,
  type SeedRepo,
} from '../../../playground/mock-apis/github/github-shapes';
import recordedPage from '../../../playground/mock-apis/github/payloads/list_repo_issues_page1_recorded.json';
import { checkColumnsAgainstPayloads, checkConnectorSpec, manifestAllowlist } from './spec-checks';

const repo: SeedRepo = {
  id: 1,
  name: 'api',
  created_at: '2024-01-01T00:00:00Z',
  issues: [],
  commits: [],
  releases: [],
};
const at = '2024-01-02T00:00:00Z';

describe('GitHub connector spec', () => {
  checkConnectorSpec(githubSpec);
  checkColumnsAgainstPayloads(githubSpec, {
    repositories: repositoryJson('acme', repo),
    issues: issueJson('acme', repo, {
      number: 1,
      title: 'Bug',
      state: 'open',
      created_at: at,
      updated_at: at,
    }),
    pull_requests: issueJson('acme', repo, {
      number: 2,
      title: 'Fix',
      state: 'closed',
      created_at: at,
      updated_at: at,
      closed_at: at,
      pr: { merged_at: at },
    }),
    commits: commitJson('acme', repo, { sha: 'abc', message: 'Fix', author: 'Ada', date: at }),
    releases: releaseJson('acme', repo, { id: 1, tag: 'v1', created_at: at, published_at: at }),
  });

  it('puts api.github.com on the manifest allowlist', () => {
    expect(manifestAllowlist(githubSpec)).toEqual(['https://api.github.com/']);
  });

  it('pins the REST API version GitHub documents', () => {
    expect(githubSpec.headers['X-GitHub-Api-Version']).toBe('2022-11-28');
  });

  it('partitions every per-repository stream by the listed or discovered repositories', () => {
    const partitioned = githubSpec.streams.filter((s) => 'partitions' in s).map((s) => s.name);
    expect(partitioned).toEqual(['issues', 'pull_requests', 'commits', 'releases']);
  });

  const pattern = (key: string) =>
    new RegExp(githubSpec.fields.find((f) => f.key === key)?.pattern as string);

  it.each([
    ['a fine-grained token', `github_pat_11ABCDEFG0${'x'.repeat(60)}`, true],
    ['a classic token', `ghp_${'A1b2'.repeat(9)}`, true],
    ['an old 40-hex token', 'a'.repeat(40), true],
    ['a Stripe key pasted by mistake', 'sk_live_1234567890abcdefghijkl', false],
    ['a truncated token', 'ghp_abc', false],
  ])('the token pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('token').test(value)).toBe(ok);
  });

  it.each([
    ['names separated by commas', 'api, web.site, my_tool', true],
    ['names on separate lines', 'api\nweb', true],
    ['nothing (every repository)', '', true],
    ['a full URL', 'https://github.com/acme/api', false],
  ])('the repositories pattern accepts or rejects %s', (_what, value, ok) => {
    expect(pattern('repositories').test(value)).toBe(ok);
  });
});

describe('GitHub issues and pull requests hooks', () => {
  const page = recordedPage.body as Array<Record<string, unknown>>;
  const pr = { ...page[0], id: 99, number: 99, pull_request: { url: 'u', merged_at: null } };
  const mixed = [...page, pr];

  it('keeps only issues in the issues stream, dropping items with a pull_request key', () => {
    expect(selectIssuesOnly(mixed).map((i) => (i as { id: number }).id)).toEqual(page.map((i) => i.id));
  });

  it('keeps only pull requests in the pull_requests stream', () => {
    expect(selectPullRequestsOnly(mixed).map((i) => (i as { id: number }).id)).toEqual([99]);
  });

  it('reads an error body or anything but a list as no records', () => {
    expect(selectIssuesOnly({ message: 'Bad credentials' })).toEqual([]);
  });
});

describe('GitHub record trimming', () => {
  const at = '2024-01-02T00:00:00Z';
  const page = recordedPage.body as Array<Record<string, unknown>>;

  it('drops API links and node ids at every depth but keeps the html_url people open', () => {
    const keys = (v: unknown): string[] =>
      v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]) : [];
    const trimmed = keys(withoutLinks(page[0]));
    expect(trimmed.filter((k) => /^(url|node_id|gravatar_id)$|_url$/.test(k))).toEqual([
      'html_url',
      'html_url',
    ]);
    expect(trimmed).toContain('login');
  });

  it('never lets the clone token of a repository reach a cell', () => {
    expect(JSON.stringify(mapRepository(repositoryJson('acme', repo)))).not.toContain('temp_clone_token');
    expect(JSON.stringify(repositoryJson('acme', repo))).toContain('temp_clone_token');
  });

  it('moves a pull request merge time to merged_at and keeps only label names and assignee logins', () => {
    const pr = mapPullRequest({
      ...page[0],
      labels: [{ id: 1, name: 'bug', color: 'f00' }],
      pull_request: { url: 'u', merged_at: at },
    });
    expect(pr).toMatchObject({ merged_at: at, labels: ['bug'], assignees: [] });
    expect(pr.pull_request).toBeUndefined();
  });

  it('sums a release asset downloads and counts a commit parents', () => {
    const release = mapRelease({ id: 1, assets: [{ download_count: 40 }, { download_count: 2 }] });
    expect(release).toEqual({ id: 1, asset_count: 2, download_count: 42 });
    expect(mapCommit({ sha: 'a', parents: [{ sha: 'b' }, { sha: 'c' }] })).toEqual({
      sha: 'a',
      parent_count: 2,
    });
  });
});
