import { gitlabPackage } from '../../../connectors/gitlab/package';
import { gitlabSpec } from '../../../connectors/gitlab/spec';
import type {
  SeedIssue,
  SeedMergeRequest,
  SeedProject,
} from '../../../playground/mock-apis/gitlab/gitlab-shapes';
import { type GitlabMockState, gitlabState } from '../../../playground/mock-apis/gitlab/mock-gitlab';
import { saveConnection } from '../../../src/connect/connection-store';
import type { MockRequest } from '../../support/mock-server';
import { runPackage } from '../github/run-models';
import { startRig } from '../github/sync-harness';

/**
 * GitLab through the real sync engine in the emulator, against the mock API over HTTP.
 */

const MOCK = 'playground/mock-apis/gitlab/mock-gitlab.ts';
const NOW = '2024-03-01T12:00:00Z';
const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Issues every 5 hours; every third closed a day later. */
function issues(count: number): SeedIssue[] {
  return Array.from({ length: count }, (_, i) => {
    const created = BASE + (i + 1) * 5 * HOUR;
    const closed = (i + 1) % 3 === 0 ? created + 24 * HOUR : null;
    return {
      iid: i + 1,
      title: `Issue ${i + 1}`,
      state: closed ? 'closed' : 'opened',
      created_at: iso(created),
      updated_at: iso(closed ?? created),
      closed_at: closed ? iso(closed) : null,
    };
  });
}

/** Merge requests every 5 hours; every second merged 12 hours later, every fifth closed. */
function mergeRequests(count: number): SeedMergeRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const k = i + 1;
    const created = BASE + k * 5 * HOUR;
    const merged = k % 2 === 0 ? created + 12 * HOUR : null;
    const closed = !merged && k % 5 === 0 ? created + 3 * HOUR : null;
    return {
      iid: k,
      title: `MR ${k}`,
      state: merged ? 'merged' : closed ? 'closed' : 'opened',
      created_at: iso(created),
      updated_at: iso(merged ?? closed ?? created),
      merged_at: merged ? iso(merged) : null,
      closed_at: closed ? iso(closed) : null,
    };
  });
}

function project(id: number, path: string, nIssues: number, nMrs: number): SeedProject {
  return { id, path, created_at: iso(BASE), issues: issues(nIssues), merge_requests: mergeRequests(nMrs) };
}

function twoProjects(): GitlabMockState {
  return gitlabState({ projects: [project(7, 'acme/api', 150, 120), project(9, 'acme/platform/web', 4, 3)] });
}

async function rigWith(state: GitlabMockState, config: Record<string, string> = {}) {
  const rig = await startRig(gitlabSpec, MOCK, state, NOW);
  rig.connect({
    token: state.token,
    projects: 'acme/api, acme/platform/web',
    baseUrl: `${rig.api.url}/api/v4`,
    ...config,
  });
  return rig;
}

const urls = (requests: MockRequest[], part: string) =>
  requests.filter((r) => r.url.includes(part)).map((r) => r.url);

describe('GitLab sync, first run', () => {
  let rig: Awaited<ReturnType<typeof rigWith>>;
  let requests: MockRequest[];
  beforeAll(async () => {
    rig = await rigWith(twoProjects());
    const progress = rig.sync();
    expect(progress.errors).toEqual([]);
    requests = await rig.api.requests();
  });
  afterAll(() => rig.close());

  it('reads every page of every listed project, addressed by URL-encoded path', () => {
    expect(rig.rows('gitlab_issues')).toHaveLength(154);
    expect(rig.rows('gitlab_merge_requests')).toHaveLength(123);
    // 150 issues = 2 pages of 100, the second asked for with X-Next-Page's number.
    expect(urls(requests, '/api/v4/projects/acme%2Fapi/issues')).toHaveLength(2);
    expect(urls(requests, '/api/v4/projects/acme%2Fplatform%2Fweb/merge_requests')).toHaveLength(1);
  });

  it('orders by update, ascending, 100 a page, and sends the token in PRIVATE-TOKEN', () => {
    const first = requests.find((r) => r.path === '/api/v4/projects/acme%2Fapi/merge_requests');
    expect(first?.query).toEqual({ order_by: 'updated_at', sort: 'asc', per_page: '100' });
    expect(first?.headers['private-token']).toBe(twoProjects().token);
    expect(first?.headers.authorization).toBeUndefined();
  });

  it('lists only the projects the token user is a member of', () => {
    expect(rig.rows('gitlab_projects').map((p) => p.path_with_namespace)).toEqual([
      'acme/api',
      'acme/platform/web',
    ]);
  });

  it('feeds the package models with what the engine wrote', () => {
    const out = runPackage(gitlabPackage, {
      gitlab_issues: rig.rows('gitlab_issues'),
      gitlab_merge_requests: rig.rows('gitlab_merge_requests'),
    });
    // Every merged merge request took 12 hours (seed).
    expect(new Set(out.gitlab_merge_time_weekly.map((r) => r.median_hours_to_merge))).toEqual(new Set([12]));
    // Merged: 60 of api's 120, 1 of web's 3.
    expect(out.gitlab_merge_requests_weekly.reduce((n, r) => n + Number(r.merged), 0)).toBe(61);
    // Open issues at the end: 150 - 50 closed + 4 - 1 closed = 103.
    expect(out.gitlab_open_issues_weekly.at(-1)?.open_issues).toBe(103);
  });
});

describe('GitLab sync of every project the user belongs to', () => {
  it('reads the projects the projects stream found, by id', async () => {
    const rig = await rigWith(twoProjects(), { projects: '' });
    try {
      expect(rig.sync().errors).toEqual([]);
      const requests = await rig.api.requests();
      expect(requests.find((r) => r.path === '/api/v4/projects')?.query.membership).toBe('true');
      expect(urls(requests, '/api/v4/projects/9/issues')).toHaveLength(1);
      expect(rig.rows('gitlab_issues')).toHaveLength(154);
    } finally {
      await rig.close();
    }
  });
});

describe('GitLab incremental sync', () => {
  it('asks for what was updated after the last sync (minus a minute) and updates rows in place', async () => {
    const state = twoProjects();
    const rig = await rigWith(state);
    try {
      rig.sync();
      await rig.api.clearRequests();
      rig.emu.clock.advance(HOUR);
      const later = await rig.api.getState();
      const changed = iso(Date.parse(NOW) + HOUR / 2);
      const web = later.projects[1];
      Object.assign(web.merge_requests[0], { state: 'merged', merged_at: changed, updated_at: changed });
      web.issues.push({ iid: 5, title: 'New', state: 'opened', created_at: changed, updated_at: changed });
      await rig.api.setState(later);

      expect(rig.sync().errors).toEqual([]);
      const requests = await rig.api.requests();
      const after = requests.find((r) => r.path === '/api/v4/projects/acme%2Fplatform%2Fweb/issues')?.query
        .updated_after;
      // The bookmark is web's newest issue update, re-read from a minute before it.
      const newest = Math.max(...issues(4).map((i) => Date.parse(i.updated_at)));
      expect(after).toBe(iso(newest - 60_000));
      // api changed nothing: its issues fit one page now.
      expect(urls(requests, '/api/v4/projects/acme%2Fapi/issues')).toHaveLength(1);
      expect(rig.rows('gitlab_issues')).toHaveLength(155);
      const mr = rig.rows('gitlab_merge_requests').find((r) => r.project_id === 9 && r.iid === 1);
      expect(mr?.state).toBe('merged');
      expect(rig.rows('gitlab_merge_requests')).toHaveLength(123);
    } finally {
      await rig.close();
    }
  });
});

describe('GitLab sync failures', () => {
  it('reports a rejected token in plain words and keeps what was synced', async () => {
    const state = twoProjects();
    const rig = await rigWith(state);
    try {
      rig.sync();
      const wrong = 'glpat-WrongWrongWrongWrong';
      rig.connect({ token: wrong, projects: 'acme/api', baseUrl: `${rig.api.url}/api/v4` });
      const progress = rig.sync();
      expect(progress.errors[0]).toMatchObject({ code: 'auth-rejected' });
      expect(progress.errors[0].message).toContain('401 Unauthorized');
      expect(progress.errors[0].fix).toContain('read_api');
      expect(JSON.stringify(progress)).not.toContain(wrong);
      expect(rig.rows('gitlab_issues')).toHaveLength(154);
    } finally {
      await rig.close();
    }
  });

  it.each([
    ['a 429 with Retry-After', { kind: 'rate-limit', retryAfter: 5 }],
    ['a 500', { kind: 'server-error' }],
  ] as const)('waits out %s and finishes the sync', async (_what, fault) => {
    const state = twoProjects();
    state.faults = [{ path: '/merge_requests', ...fault } as GitlabMockState['faults'][number]];
    const rig = await rigWith(state);
    try {
      expect(rig.sync().errors).toEqual([]);
      expect(rig.rows('gitlab_merge_requests')).toHaveLength(123);
      const requests = await rig.api.requests();
      // api's first merge request page: once refused, once served; then its second page.
      expect(urls(requests, '/api/v4/projects/acme%2Fapi/merge_requests')).toHaveLength(3);
    } finally {
      await rig.close();
    }
  });

  it('reports a cut-off reply as unreadable and keeps the other streams', async () => {
    const state = twoProjects();
    state.faults = [{ path: '/issues', kind: 'malformed' }];
    const rig = await rigWith(state);
    try {
      const progress = rig.sync();
      const failed = progress.streams.filter((s) => s.status === 'failed').map((s) => s.stream);
      expect(failed).toEqual(['issues']);
      expect(progress.errors[0].message).toContain('not JSON');
      expect(rig.rows('gitlab_merge_requests')).toHaveLength(123);
    } finally {
      await rig.close();
    }
  });

  it('explains an address without /api/v4, which reaches the sign-in page', async () => {
    const state = twoProjects();
    const rig = await startRig(gitlabSpec, MOCK, state, NOW);
    try {
      rig.connect({ token: state.token, projects: 'acme/api', baseUrl: rig.api.url });
      const progress = rig.sync();
      const error = progress.errors.find((e) => e.where === 'gitlab_projects');
      expect(error?.message).toContain('not JSON (text/html)');
      expect(error?.fix).toContain('base URL');
    } finally {
      await rig.close();
    }
  });

  it('refuses a self-managed GitLab whose host the build does not allow, naming the fix', async () => {
    const rig = await startRig(gitlabSpec, MOCK, twoProjects(), NOW);
    try {
      const save = () =>
        rig.emu.run((gas) =>
          saveConnection(
            gas,
            {
              connector: 'gitlab',
              config: { token: twoProjects().token, baseUrl: 'https://gitlab.acme.io/api/v4' },
            },
            gitlabSpec,
          ),
        );
      expect(save).toThrow(/gitlab\.com/);
      expect(save).toThrow(expect.objectContaining({ fix: expect.stringContaining('extraAllowedUrls') }));
    } finally {
      await rig.close();
    }
  });
});
