import { githubPackage } from '../../../connectors/github/package';
import { githubSpec } from '../../../connectors/github/spec';
import { type GithubMockState, githubState } from '../../../playground/mock-apis/github/mock-github';
import type { MockRequest } from '../../support/mock-server';
import { runPackage } from './run-models';
import { commitList, iso, releaseList, repo, workItems } from './seed';
import { type Cell, startRig } from './sync-harness';

/**
 * GitHub through the real sync engine in the emulator, against the mock API over HTTP: what
 * lands in the tabs, which requests went out, and how failures read.
 */

const MOCK = 'playground/mock-apis/github/mock-github.ts';
const NOW = '2024-03-01T12:00:00Z';

function twoRepos(): GithubMockState {
  return githubState({
    repos: [
      repo(101, 'api', {
        issues: workItems(130, 70),
        commits: commitList(120, 'a'),
        releases: releaseList(4, 9001),
      }),
      repo(102, 'web', {
        issues: workItems(3, 2),
        commits: commitList(5, 'b'),
        releases: releaseList(1, 9101),
      }),
      // Not listed in the connection, so never read unless every repository is synced.
      repo(103, 'scratch', { empty: true }),
    ],
  });
}

async function rigWith(state: GithubMockState, config: Record<string, string> = {}) {
  const rig = await startRig(githubSpec, MOCK, state, NOW);
  rig.connect({
    token: state.token,
    owner: 'acme',
    accountType: 'orgs',
    repositories: 'api, web',
    baseUrl: rig.api.url,
    ...config,
  });
  return rig;
}

const paths = (requests: MockRequest[], part: string) =>
  requests.filter((r) => r.path.includes(part)).map((r) => r.url);

describe('GitHub sync, first run', () => {
  let rig: Awaited<ReturnType<typeof rigWith>>;
  let requests: MockRequest[];
  beforeAll(async () => {
    rig = await rigWith(twoRepos());
    const progress = rig.sync();
    expect(progress.errors).toEqual([]);
    expect(progress.done).toBe(true);
    requests = await rig.api.requests();
  });
  afterAll(() => rig.close());

  it('reads every page of every listed repository and keeps issues and pull requests apart', () => {
    // api: 130 issues + 70 pull requests = 200 items = 2 pages of 100; web: 3 + 2.
    const issues = rig.rows('github_issues');
    const prs = rig.rows('github_pull_requests');
    expect(issues).toHaveLength(133);
    expect(prs).toHaveLength(72);
    expect(new Set(issues.map((r) => r.repository))).toEqual(new Set(['api', 'web']));
    expect(prs.every((r) => String(r.html_url).includes('/pull/'))).toBe(true);
  });

  it('asks for 100 items a page with every state, oldest update first, and follows the Link header', () => {
    const first = requests.find((r) => r.path === '/repos/acme/api/issues');
    expect(first?.query).toEqual({ state: 'all', sort: 'updated', direction: 'asc', per_page: '100' });
    // The second page comes from the Link header, which names the repository by id.
    expect(paths(requests, '/repositories/101/issues')).toHaveLength(2); // once per stream
  });

  it('sends the token as a bearer token and pins the API version on every request', () => {
    for (const r of requests) {
      expect(r.headers.authorization).toBe(`Bearer ${twoRepos().token}`);
      expect(r.headers['x-github-api-version']).toBe('2022-11-28');
    }
  });

  it('types the cells: dates as Dates, merge times where merged, label names as JSON text', () => {
    const pr = rig.rows('github_pull_requests').find((r) => r.repository === 'api' && r.number === 132);
    // Pull request 132 is the api repository's 2nd: merged 30 h after it opened.
    const created = pr?.created_at as Date;
    const merged = pr?.merged_at as Date;
    expect(created).toBeInstanceOf(Date);
    expect(merged.getTime() - created.getTime()).toBe(30 * 3_600_000);
    const issue = rig.rows('github_issues').find((r) => r.repository === 'api' && r.number === 4);
    expect(issue?.labels).toBe('["bug"]');
  });

  it('loads commits from both repositories, 2 pages for api', () => {
    const commits = rig.rows('github_commits');
    expect(commits).toHaveLength(125);
    expect(commits.filter((c) => c.repository === 'web')).toHaveLength(5);
  });

  it('loads published releases and the owner repositories', () => {
    expect(rig.rows('github_releases')).toHaveLength(5);
    expect(rig.rows('github_repositories').map((r) => r.name)).toEqual(['api', 'scratch', 'web']);
  });

  it('never reads a repository the connection does not list', () => {
    expect(requests.some((r) => r.path.includes('/scratch/'))).toBe(false);
  });

  it('feeds the package models with what the engine wrote', () => {
    const tables = Object.fromEntries(
      ['pull_requests', 'issues', 'releases', 'commits'].map((s) => [`github_${s}`, rig.rows(`github_${s}`)]),
    );
    const out = runPackage(githubPackage, tables);
    // Every merged pull request took exactly 30 hours (seed), so every weekly median is 30.
    const medians = out.github_merge_time_weekly.map((r) => r.median_hours_to_merge);
    expect(new Set(medians)).toEqual(new Set([30]));
    // Merged: every second pull request of each repository: 35 of api's 70, 1 of web's 2.
    const merged = out.github_pull_requests_weekly.reduce((n, r) => n + Number(r.merged), 0);
    expect(merged).toBe(36);
    // Open issues at the end: issues not closed (every third is closed): 130 - 43 + 3 - 1 = 89.
    expect(out.github_open_issues_weekly.at(-1)?.open_issues).toBe(89);
  });
});

describe('GitHub sync of every repository of the owner', () => {
  it('reads the repositories the repositories stream found, an empty one without failing', async () => {
    const rig = await rigWith(twoRepos(), { repositories: '' });
    try {
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      const requests = await rig.api.requests();
      // GitHub answers 409 for the commits of the empty repository: no commits, no failure.
      expect(paths(requests, '/repos/acme/scratch/commits')).toHaveLength(1);
      expect(new Set(rig.rows('github_commits').map((c) => c.repository))).toEqual(new Set(['api', 'web']));
    } finally {
      await rig.close();
    }
  });
});

describe('GitHub incremental sync', () => {
  it('asks only for what changed since the last sync (minus a minute) and updates rows in place', async () => {
    const state = twoRepos();
    const rig = await rigWith(state);
    try {
      rig.sync();
      const before = rig.rows('github_issues').length;
      await rig.api.clearRequests();
      // An hour later: issue 1 of web is closed, and a new issue and a new commit arrive in web.
      rig.emu.clock.advance(3_600_000);
      const later = await rig.api.getState();
      const web = later.repos[1];
      const changed = iso(Date.parse(NOW) + 1_800_000);
      Object.assign(web.issues[0], { state: 'closed', closed_at: changed, updated_at: changed });
      web.issues.push({ number: 6, title: 'New', state: 'open', created_at: changed, updated_at: changed });
      web.commits.push({ sha: `c${'0'.repeat(39)}`, message: 'Late', author: 'Ada', date: changed });
      await rig.api.setState(later);

      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      const requests = await rig.api.requests();
      // Every page of api holds updates up to Jan 28; the bookmark is the newest one seen.
      const since = (path: string) => requests.find((r) => r.path === path)?.query.since;
      expect(since('/repos/acme/web/issues')).toBeDefined();
      expect(Date.parse(since('/repos/acme/web/issues') as string)).toBeLessThan(Date.parse(changed));
      // api had no changes: one request per stream, no second page.
      expect(paths(requests, '/repositories/101/issues')).toHaveLength(0);
      // The issues stream's bookmark passed the pull requests it read and dropped, so both
      // streams ask from the same instant instead of the issues stream re-reading them.
      const sinces = requests.filter((r) => r.path === '/repos/acme/api/issues').map((r) => r.query.since);
      expect(sinces).toHaveLength(2);
      expect(new Set(sinces).size).toBe(1);

      const issues = rig.rows('github_issues');
      expect(issues).toHaveLength(before + 1);
      const closed = issues.find((r) => r.repository === 'web' && r.number === 1);
      expect(closed?.state).toBe('closed');
      expect(rig.rows('github_commits').some((c) => c.sha === `c${'0'.repeat(39)}`)).toBe(true);
    } finally {
      await rig.close();
    }
  });
});

describe('GitHub sync failures', () => {
  it('reports a rejected token in plain words, without the token, and keeps what was synced', async () => {
    const state = twoRepos();
    const rig = await rigWith(state);
    try {
      rig.sync();
      const rows = rig.rows('github_issues').length;
      const wrong = `ghp_${'Zz9'.repeat(12)}`;
      rig.connect({
        token: wrong,
        owner: 'acme',
        accountType: 'orgs',
        repositories: 'api, web',
        baseUrl: rig.api.url,
      });
      const progress = rig.sync();
      expect(progress.streams.every((s) => s.status === 'failed')).toBe(true);
      const error = progress.errors[0];
      expect(error.code).toBe('auth-rejected');
      expect(error.message).toContain('GitHub rejected');
      expect(error.message).toContain('Bad credentials');
      expect(error.fix).toContain('github.com/settings/personal-access-tokens');
      expect(JSON.stringify(progress)).not.toContain(wrong);
      expect(rig.rows('github_issues')).toHaveLength(rows);
    } finally {
      await rig.close();
    }
  });

  it.each([
    [
      'a secondary rate limit (429 with Retry-After)',
      { kind: 'secondary-limit', status: 429, retryAfter: 7 },
    ],
    [
      'a secondary rate limit sent as 403 with Retry-After',
      { kind: 'secondary-limit', status: 403, retryAfter: 7 },
    ],
    ['a 500', { kind: 'server-error' }],
  ] as const)('waits out %s and finishes the sync', async (_what, fault) => {
    const state = twoRepos();
    state.faults = [{ path: '/repos/acme/web/issues', ...fault } as GithubMockState['faults'][number]];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      expect(rig.rows('github_issues')).toHaveLength(133);
      const requests = await rig.api.requests();
      // The faulty page was asked twice: once failing, once after the wait.
      expect(paths(requests, '/repos/acme/web/issues')).toHaveLength(3); // + the pull_requests stream
    } finally {
      await rig.close();
    }
  });

  it('waits for the primary rate limit to reset (403, x-ratelimit-remaining 0) and finishes', async () => {
    const state = twoRepos();
    const resetAt = Math.floor(Date.parse(NOW) / 1000) + 30;
    state.faults = [{ path: '/repos/acme/web/commits', kind: 'primary-limit', resetAt }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      expect(progress.errors).toEqual([]);
      expect(rig.rows('github_commits')).toHaveLength(125);
      // The retry went out after the reset instant, on the simulated clock.
      expect(rig.emu.clock.now()).toBeGreaterThanOrEqual(resetAt * 1000);
    } finally {
      await rig.close();
    }
  });

  it('reports a cut-off reply as unreadable, keeps the other streams, and reads it next time', async () => {
    const state = twoRepos();
    state.faults = [{ path: '/repos/acme/api/releases', kind: 'malformed' }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      const releases = progress.streams.find((s) => s.stream === 'releases');
      expect(releases?.status).toBe('failed');
      expect(releases?.error?.message).toContain('not JSON');
      expect(progress.streams.filter((s) => s.status === 'done')).toHaveLength(4);
      rig.emu.clock.advance(3_600_000);
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('github_releases')).toHaveLength(5);
    } finally {
      await rig.close();
    }
  });

  it('names a repository GitHub cannot find and still syncs the others', async () => {
    const rig = await rigWith(twoRepos(), { repositories: 'api, web, typo' });
    try {
      const progress = rig.sync();
      const issues = progress.streams.find((s) => s.stream === 'issues');
      expect(issues?.status).toBe('failed');
      expect(issues?.error?.message).toContain('typo');
      expect(issues?.error?.fix).toContain('could not find that owner or repository');
      expect(rig.rows('github_issues')).toHaveLength(133);
    } finally {
      await rig.close();
    }
  });
});

describe('GitHub sync across several executions', () => {
  it('resumes partitioned streams where the time box stopped them, with the same result', async () => {
    const rig = await startRig(githubSpec, MOCK, twoRepos(), NOW);
    try {
      rig.connect({
        token: twoRepos().token,
        owner: 'acme',
        accountType: 'orgs',
        repositories: 'api, web',
        baseUrl: rig.api.url,
      });
      const progress = rig.sync({ budgetMs: 3_000 });
      expect(progress.done).toBe(true);
      expect(progress.errors).toEqual([]);
      expect(rig.chunks).toBeGreaterThan(1);
      expect(rig.rows('github_issues')).toHaveLength(133);
      expect(rig.rows('github_pull_requests')).toHaveLength(72);
      expect(rig.rows('github_commits')).toHaveLength(125);
      const ids = rig.rows('github_issues').map((r: Record<string, Cell>) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await rig.close();
    }
  });
});
