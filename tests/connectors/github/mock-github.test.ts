import githubHandler, {
  API_VERSION,
  type GithubMockState,
  githubState,
  type MockRequest,
} from '../../../playground/mock-apis/github/mock-github';
import lastPage from '../../../playground/mock-apis/github/payloads/list_repo_issues_lastpage_recorded.json';
import firstPage from '../../../playground/mock-apis/github/payloads/list_repo_issues_page1_recorded.json';

/** The mock must speak GitHub's documented protocol, or the connector tests prove nothing. */

function request(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    method: 'GET',
    url: qs ? `${path}?${qs}` : path,
    path,
    query,
    headers: { host: '127.0.0.1:4000', ...headers },
    body: '',
  } satisfies MockRequest;
}

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().replace('.000', '');

function state(): GithubMockState {
  return githubState({
    repos: [
      {
        id: 515,
        name: 'api',
        created_at: day(0),
        issues: Array.from({ length: 5 }, (_, i) => ({
          number: i + 1,
          title: `Issue ${i + 1}`,
          state: i % 2 ? 'closed' : 'open',
          created_at: day(i),
          updated_at: day(10 - i),
          ...(i === 4 ? { pr: { merged_at: day(11) } } : {}),
        })),
        commits: [{ sha: 'c1', message: 'first', author: 'Ada', date: day(1) }],
        releases: [],
      },
      { id: 516, name: 'empty', empty: true, created_at: day(0), issues: [], commits: [], releases: [] },
    ],
  });
}

const authed = (s: GithubMockState) => ({
  authorization: `Bearer ${s.token}`,
  'x-github-api-version': API_VERSION,
});

describe('GitHub mock API', () => {
  it('answers a wrong token with 401 Bad credentials and a missing one with Requires authentication', () => {
    const s = state();
    const wrong = githubHandler(request('/orgs/acme/repos', {}, { authorization: 'Bearer nope' }), s);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ message: 'Bad credentials' });
    const none = githubHandler(request('/orgs/acme/repos'), s);
    expect(none.body).toMatchObject({ message: 'Requires authentication' });
  });

  it('accepts the classic `token` scheme as well as Bearer', () => {
    const s = state();
    expect(
      githubHandler(request('/orgs/acme/repos', {}, { authorization: `token ${s.token}` }), s).status,
    ).toBe(200);
  });

  it('rejects an API version it does not support', () => {
    const s = state();
    const res = githubHandler(
      request('/orgs/acme/repos', {}, { ...authed(s), 'x-github-api-version': '2099-01-01' }),
      s,
    );
    expect(res.status).toBe(400);
  });

  it('pages with Link headers pointing at /repositories/{id}, keeping the other parameters', () => {
    const s = state();
    const q = { state: 'all', per_page: '2' };
    const first = githubHandler(request('/repos/acme/api/issues', q, authed(s)), s);
    expect(first.headers?.link).toBe(
      '<http://127.0.0.1:4000/repositories/515/issues?state=all&per_page=2&page=2>; rel="next", ' +
        '<http://127.0.0.1:4000/repositories/515/issues?state=all&per_page=2&page=3>; rel="last"',
    );
    const last = githubHandler(request('/repositories/515/issues', { ...q, page: '3' }, authed(s)), s);
    expect(last.headers?.link).not.toContain('rel="next"');
    expect((last.body as unknown[]).length).toBe(1);
  });

  it('writes the Link header exactly as the recorded GitHub responses do, first page and last', () => {
    // The recording: 13 open issues, 3 a page, in repository 515435940.
    const s = githubState({
      repos: [
        {
          id: 515435940,
          name: 'api',
          created_at: day(0),
          issues: Array.from({ length: 13 }, (_, i) => ({
            number: i + 1,
            title: `Test issue ${i + 1}`,
            state: 'open' as const,
            created_at: day(i),
            updated_at: day(i),
          })),
          commits: [],
          releases: [],
        },
      ],
    });
    const local = (link: string) => link.replaceAll('https://api.github.com', 'http://127.0.0.1:4000');
    const first = githubHandler(request('/repos/acme/api/issues', { per_page: '3' }, authed(s)), s);
    expect(first.headers?.link).toBe(local(firstPage.headers.Link));
    const last = githubHandler(
      request('/repositories/515435940/issues', { per_page: '3', page: '5' }, authed(s)),
      s,
    );
    expect(last.headers?.link).toBe(local(lastPage.headers.Link));
    expect((last.body as unknown[]).length).toBe(lastPage.body.length);
  });

  it('lists open issues by default and all states, oldest update first, when asked', () => {
    const s = state();
    const open = githubHandler(request('/repos/acme/api/issues', {}, authed(s)), s).body as Array<{
      number: number;
    }>;
    expect(open.map((i) => i.number)).toEqual([5, 3, 1]);
    const all = githubHandler(
      request('/repos/acme/api/issues', { state: 'all', sort: 'updated', direction: 'asc' }, authed(s)),
      s,
    ).body as Array<{ number: number }>;
    expect(all.map((i) => i.number)).toEqual([5, 4, 3, 2, 1]);
  });

  it('returns pull requests from the issues endpoint with a pull_request key holding merged_at', () => {
    const s = state();
    const all = githubHandler(request('/repos/acme/api/issues', { state: 'all' }, authed(s)), s)
      .body as Array<{
      number: number;
      pull_request?: { merged_at: string };
    }>;
    expect(all.filter((i) => i.pull_request).map((i) => [i.number, i.pull_request?.merged_at])).toEqual([
      [5, '2024-01-12T00:00:00Z'],
    ]);
  });

  it('filters by since on the update time, inclusive', () => {
    const s = state();
    const since = githubHandler(
      request('/repos/acme/api/issues', { state: 'all', since: day(8) }, authed(s)),
      s,
    ).body as Array<{ number: number }>;
    expect(since.map((i) => i.number).sort()).toEqual([1, 2, 3]);
    expect(
      githubHandler(request('/repos/acme/api/issues', { since: 'yesterday' }, authed(s)), s).status,
    ).toBe(422);
  });

  it('answers 409 for the commits of an empty repository and 404 for an unknown one', () => {
    const s = state();
    expect(githubHandler(request('/repos/acme/empty/commits', {}, authed(s)), s).status).toBe(409);
    expect(githubHandler(request('/repos/acme/nope/issues', {}, authed(s)), s).status).toBe(404);
    expect(githubHandler(request('/users/acme/repos', {}, authed(s)), s).status).toBe(404);
  });

  it('serves queued faults once each, then the real answer', () => {
    const s = state();
    s.faults = [
      { path: '/issues', kind: 'secondary-limit', status: 429, retryAfter: 7 },
      { path: '/issues', kind: 'server-error' },
      { path: '/issues', kind: 'malformed' },
      { path: '/issues', kind: 'primary-limit', resetAt: 1_800_000_000 },
    ];
    const call = () => githubHandler(request('/repos/acme/api/issues', {}, authed(s)), s);
    const limited = call();
    expect([limited.status, limited.headers?.['retry-after']]).toEqual([429, '7']);
    expect(call().status).toBe(500);
    expect(() => JSON.parse(call().body as string)).toThrow();
    const primary = call();
    expect([primary.status, primary.headers?.['x-ratelimit-remaining']]).toEqual([403, '0']);
    expect(call().status).toBe(200);
  });

  it('counts requests down in x-ratelimit-remaining', () => {
    const s = state();
    githubHandler(request('/orgs/acme/repos', {}, authed(s)), s);
    const second = githubHandler(request('/orgs/acme/repos', {}, authed(s)), s);
    expect(second.headers?.['x-ratelimit-remaining']).toBe('4998');
  });
});
