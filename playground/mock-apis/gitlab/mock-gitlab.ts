import { type Fault, type FaultStyle, faultResponse, takeFault } from '../faults';
import type { MockRequest, MockResponse } from '../mock-server';
import {
  issueJson,
  mergeRequestJson,
  projectJson,
  type SeedIssue,
  type SeedMergeRequest,
  type SeedProject,
} from './gitlab-shapes';
import unauthorized from './payloads/error_401_unauthorized.json';

/**
 * GitLab's REST API v4 as documented, for the connector's tests: `PRIVATE-TOKEN` (or Bearer)
 * auth with GitLab's `401 Unauthorized` body; offset pagination with `X-Next-Page` (empty on
 * the last page), `X-Page`, `X-Per-Page`, `X-Prev-Page`, `X-Total`, `X-Total-Pages` and a
 * `Link` header; projects by numeric id or URL-encoded path (`acme%2Fapi`); issues and merge
 * requests with `order_by`/`sort`/`updated_after`/`state`; `/projects` listing every public
 * project of the site unless `membership=true`; the web sign-in page (HTML) outside `/api/v4`,
 * which is what a base URL without `/api/v4` reaches; and faults a test queues (429 with
 * Retry-After and `Retry later` text, a 5xx, a cut-off body).
 *
 * Sources: https://docs.gitlab.com/api/rest/#pagination, …/api/issues/#list-project-issues,
 * …/api/merge_requests/#list-project-merge-requests, …/api/projects/#list-all-projects,
 * …/user/gitlab_com/#rate-limits-on-gitlabcom.
 */

export type GitlabFault = Fault;

export interface GitlabMockState {
  token: string;
  /** The projects the token's user is a member of. */
  projects: SeedProject[];
  /** Public projects of other people, which `/projects` lists without `membership=true`. */
  strangers: SeedProject[];
  faults: GitlabFault[];
}

export function gitlabState(
  partial: Partial<GitlabMockState> & Pick<GitlabMockState, 'projects'>,
): GitlabMockState {
  return {
    token: 'glpat-AbCdEfGhIjKlMnOpQrSt',
    strangers: [
      {
        id: 278964,
        path: 'gitlab-org/gitlab',
        created_at: '2015-05-20T10:12:58Z',
        issues: [],
        merge_requests: [],
      },
    ],
    faults: [],
    ...partial,
  };
}

const API = '/api/v4';

export default function gitlabHandler(req: MockRequest, state: GitlabMockState): MockResponse {
  if (!req.path.startsWith(`${API}/`)) return signInPage();
  if (!authorized(req, state)) return json(401, unauthorized);
  const fault = takeFault(state, req.path);
  if (fault) return faultResponse(fault, faultStyle);
  return route(req, state) ?? json(404, { message: '404 Not Found' });
}

function header(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function authorized(req: MockRequest, state: GitlabMockState): boolean {
  const privateToken = header(req, 'private-token');
  const bearer = /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')?.[1];
  return (privateToken ?? bearer) === state.token;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body };
}

function signInPage(): MockResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html>\n<html class="devise-layout-html" lang="en">\n<head><title>Sign in · GitLab</title></head><body></body></html>',
  };
}

/**
 * GitLab.com's fault answers: its 429 is plain text with RateLimit-* headers
 * (https://docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom).
 */
const faultStyle: FaultStyle<GitlabFault> = {
  answer: json,
  rateLimit: {
    body: () => 'Retry later\n',
    headers(fault) {
      const reset = Math.floor(Date.now() / 1000) + fault.retryAfter;
      return {
        'content-type': 'text/plain',
        'ratelimit-name': 'throttle_authenticated_api',
        'ratelimit-limit': '2000',
        'ratelimit-observed': '2001',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset),
        'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
      };
    },
  },
  serverErrorBody: () => ({ message: '500 Internal Server Error' }),
  cutOff: '[{"id":76,"iid":6,"title":"Cut',
  contentType: 'application/json',
};

function findProject(state: GitlabMockState, ref: string): SeedProject | undefined {
  const key = decodeURIComponent(ref);
  return state.projects.find((p) => String(p.id) === key || p.path.toLowerCase() === key.toLowerCase());
}

function route(req: MockRequest, state: GitlabMockState): MockResponse | undefined {
  if (req.method !== 'GET') return undefined;
  const web = `http://${header(req, 'host') ?? '127.0.0.1'}`;
  if (req.path === `${API}/projects`) {
    const listed = req.query.membership === 'true' ? state.projects : [...state.projects, ...state.strangers];
    const order = req.query.order_by ?? 'created_at';
    const asc = req.query.sort === 'asc';
    const key = (p: SeedProject) => (order === 'id' ? p.id : Date.parse(p.created_at));
    const sorted = [...listed].sort((a, b) => (asc ? key(a) - key(b) : key(b) - key(a)));
    return page(
      req,
      sorted.map((p) => projectJson(web, p)),
    );
  }
  const m = /^\/api\/v4\/projects\/([^/]+)\/(issues|merge_requests)$/.exec(req.path);
  if (!m) return undefined;
  const project = findProject(state, m[1]);
  if (!project) return json(404, { message: '404 Project Not Found' });
  const updatedAfter = req.query.updated_after;
  if (updatedAfter !== undefined && Number.isNaN(Date.parse(updatedAfter)))
    return json(400, { error: 'updated_after is invalid' });
  const since = updatedAfter === undefined ? undefined : Date.parse(updatedAfter);
  const wanted = req.query.state ?? 'all';
  const order = req.query.order_by === 'updated_at' ? 'updated_at' : 'created_at';
  const asc = req.query.sort === 'asc';
  const pick = <T extends SeedIssue | SeedMergeRequest>(items: T[]) =>
    items
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => since === undefined || Date.parse(i.updated_at) >= since)
      .sort((a, b) => {
        const d = Date.parse(a[order]) - Date.parse(b[order]);
        return (asc ? d : -d) || a.iid - b.iid;
      });
  if (m[2] === 'issues')
    return page(
      req,
      pick(project.issues).map((i) => issueJson(web, project, i)),
    );
  return page(
    req,
    pick(project.merge_requests).map((mr) => mergeRequestJson(web, project, mr)),
  );
}

/** One page with GitLab's offset-pagination headers (per_page defaults to 20, at most 100). */
function page(req: MockRequest, items: unknown[]): MockResponse {
  const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? 20)));
  const current = Math.max(1, Number(req.query.page ?? 1));
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const host = header(req, 'host') ?? '127.0.0.1';
  const link = (n: number) => {
    const query = Object.entries({ ...req.query, page: String(n), per_page: String(perPage) })
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return `<http://${host}${req.path}?${query}>`;
  };
  const rels: string[] = [];
  if (current > 1) rels.push(`${link(current - 1)}; rel="prev"`);
  if (current < pages) rels.push(`${link(current + 1)}; rel="next"`);
  rels.push(`${link(1)}; rel="first"`, `${link(pages)}; rel="last"`);
  return json(200, items.slice((current - 1) * perPage, current * perPage), {
    link: rels.join(', '),
    'x-page': String(current),
    'x-per-page': String(perPage),
    'x-next-page': current < pages ? String(current + 1) : '',
    'x-prev-page': current > 1 ? String(current - 1) : '',
    'x-total': String(items.length),
    'x-total-pages': String(pages),
  });
}

export type { SeedIssue, SeedMergeRequest, SeedProject };
