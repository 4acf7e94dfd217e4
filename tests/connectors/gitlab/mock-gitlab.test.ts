import gitlabHandler, {
  type GitlabMockState,
  gitlabState,
} from '../../../playground/mock-apis/gitlab/mock-gitlab';
import type { MockRequest } from '../../support/mock-server';

/** The mock must speak GitLab's documented protocol, or the connector tests prove nothing. */

function request(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return {
    method: 'GET',
    url: path,
    path,
    query,
    headers: { host: '127.0.0.1:4000', ...headers },
    body: '',
  } satisfies MockRequest;
}

const day = (n: number) => new Date(Date.UTC(2024, 1, 1 + n)).toISOString();

function state(): GitlabMockState {
  return gitlabState({
    projects: [
      {
        id: 7,
        path: 'acme/api',
        created_at: day(0),
        issues: Array.from({ length: 5 }, (_, i) => ({
          iid: i + 1,
          title: `Issue ${i + 1}`,
          state: i % 2 ? 'closed' : 'opened',
          created_at: day(i),
          updated_at: day(10 - i),
        })),
        merge_requests: [
          {
            iid: 1,
            title: 'Add login',
            state: 'merged',
            created_at: day(1),
            updated_at: day(2),
            merged_at: day(2),
          },
        ],
      },
    ],
  });
}

const token = (s: GitlabMockState) => ({ 'private-token': s.token });

describe('GitLab mock API', () => {
  it('answers a wrong or missing token with 401 Unauthorized', () => {
    const s = state();
    const res = gitlabHandler(request('/api/v4/projects', {}, { 'private-token': 'glpat-wrong' }), s);
    expect([res.status, res.body]).toEqual([401, { message: '401 Unauthorized' }]);
    expect(gitlabHandler(request('/api/v4/projects'), s).status).toBe(401);
  });

  it('finds a project by numeric id or URL-encoded path, and 404s an unencoded path', () => {
    const s = state();
    expect(gitlabHandler(request('/api/v4/projects/7/issues', {}, token(s)), s).status).toBe(200);
    expect(gitlabHandler(request('/api/v4/projects/acme%2Fapi/issues', {}, token(s)), s).status).toBe(200);
    expect(gitlabHandler(request('/api/v4/projects/acme/api/issues', {}, token(s)), s).status).toBe(404);
  });

  it('pages with X-Next-Page, empty on the last page', () => {
    const s = state();
    const first = gitlabHandler(request('/api/v4/projects/7/issues', { per_page: '2' }, token(s)), s);
    expect(first.headers).toMatchObject({ 'x-next-page': '2', 'x-total-pages': '3', 'x-total': '5' });
    const last = gitlabHandler(
      request('/api/v4/projects/7/issues', { per_page: '2', page: '3' }, token(s)),
      s,
    );
    expect(last.headers).toMatchObject({ 'x-next-page': '', 'x-prev-page': '2' });
    expect((last.body as unknown[]).length).toBe(1);
  });

  it('filters by updated_after (inclusive) and orders by updated_at ascending when asked', () => {
    const s = state();
    const res = gitlabHandler(
      request(
        '/api/v4/projects/7/issues',
        { updated_after: day(8), order_by: 'updated_at', sort: 'asc' },
        token(s),
      ),
      s,
    );
    expect((res.body as Array<{ iid: number }>).map((i) => i.iid)).toEqual([3, 2, 1]);
  });

  it('lists every public project of the site unless membership=true', () => {
    const s = state();
    const all = gitlabHandler(request('/api/v4/projects', {}, token(s)), s).body as Array<{ id: number }>;
    const mine = gitlabHandler(request('/api/v4/projects', { membership: 'true' }, token(s)), s)
      .body as Array<{
      id: number;
    }>;
    expect(all.map((p) => p.id)).toContain(278964);
    expect(mine.map((p) => p.id)).toEqual([7]);
  });

  it('serves the HTML sign-in page outside /api/v4, as a base URL without the API path would reach', () => {
    const res = gitlabHandler(request('/projects', {}, token(state())), state());
    expect(res.headers?.['content-type']).toMatch(/text\/html/);
  });

  it('serves queued faults once each: 429 with Retry-After and plain text, 500, a cut-off body', () => {
    const s = state();
    s.faults = [
      { path: '/issues', kind: 'rate-limit', retryAfter: 5 },
      { path: '/issues', kind: 'server-error' },
      { path: '/issues', kind: 'malformed' },
    ];
    const call = () => gitlabHandler(request('/api/v4/projects/7/issues', {}, token(s)), s);
    const limited = call();
    expect([limited.status, limited.headers?.['retry-after'], limited.body]).toEqual([
      429,
      '5',
      'Retry later\n',
    ]);
    expect(call().status).toBe(500);
    expect(() => JSON.parse(call().body as string)).toThrow();
    expect(call().status).toBe(200);
  });
});
