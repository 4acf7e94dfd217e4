import { type Fault, type FaultStyle, faultResponse, takeFault } from '../faults';
import type { MockRequest, MockResponse } from '../mock-server';
import {
  commitJson,
  issueJson,
  releaseJson,
  repositoryJson,
  type SeedCommit,
  type SeedIssue,
  type SeedRelease,
  type SeedRepo,
} from './github-shapes';

/**
 * GitHub's REST API as documented, for the connector's tests: bearer or `token` auth with
 * GitHub's 401 bodies, the pinned `X-GitHub-Api-Version`, `per_page`/`page` pagination told
 * only in the `Link` header (next links use `/repositories/{id}/…`, as the real API's do),
 * `x-ratelimit-*` headers on every answer, the issues endpoint returning pull requests too
 * with `state`/`sort`/`direction`/`since`, commits newest first with `since`, 409 for an empty
 * repository, and faults a test queues (secondary and primary rate limits, a 5xx, a broken body).
 *
 * A pure handler `(request, state) => response` for playground/mock-apis/mock-server.ts, which runs it
 * in a worker (default export, `handlerFile`); unit tests call it directly. State is plain JSON.
 * Sources: https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api,
 * …/rate-limits-for-the-rest-api, …/issues/issues#list-repository-issues,
 * …/commits/commits#list-commits, …/releases/releases#list-releases, …/repos/repos.
 */

/** GitHub's rate limits are its own two kinds; a 5xx and a cut-off body are as for every vendor. */
export type GithubFault =
  /** GitHub's secondary limit: 403 or 429 with Retry-After (seconds). */
  | { path: string; kind: 'secondary-limit'; status: 403 | 429; retryAfter: number; times?: number }
  /** The primary limit: 403 with x-ratelimit-remaining 0 until `resetAt` (epoch seconds). */
  | { path: string; kind: 'primary-limit'; resetAt: number; times?: number }
  | Fault<never>;

export interface GithubMockState {
  token: string;
  owner: string;
  ownerType: 'orgs' | 'users';
  repos: SeedRepo[];
  /** Consumed in order by matching requests (`path` is a substring of the request path). */
  faults: GithubFault[];
  rate: { limit: number; remaining: number; reset: number };
}

export const API_VERSION = '2022-11-28';
const DOCS = 'https://docs.github.com/rest';

export function githubState(
  partial: Partial<GithubMockState> & Pick<GithubMockState, 'repos'>,
): GithubMockState {
  return {
    token: `ghp_${'a1B2'.repeat(9)}`,
    owner: 'acme',
    ownerType: 'orgs',
    faults: [],
    rate: { limit: 5000, remaining: 5000, reset: 1_900_000_000 },
    ...partial,
  };
}

export default function githubHandler(req: MockRequest, state: GithubMockState): MockResponse {
  const auth = authProblem(req, state);
  if (auth) return auth;
  const version = header(req, 'x-github-api-version');
  if (version !== undefined && version !== API_VERSION) {
    return answer(state, 400, {
      message: `Unsupported 'X-GitHub-Api-Version' header. Supported versions are: ${API_VERSION}`,
      documentation_url: `${DOCS}/overview/api-versions`,
    });
  }
  const fault = takeFault(state, req.path);
  if (fault?.kind === 'secondary-limit' || fault?.kind === 'primary-limit')
    return limitResponse(state, fault);
  if (fault) return faultResponse(fault, faultStyle(state));
  return route(req, state) ?? notFound(state);
}

function header(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function authProblem(req: MockRequest, state: GithubMockState): MockResponse | undefined {
  const value = header(req, 'authorization');
  if (!value) {
    return answer(state, 401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' });
  }
  const m = /^(?:Bearer|token)\s+(.+)$/i.exec(value);
  if (!m || m[1] !== state.token) {
    return answer(state, 401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
  }
  return undefined;
}

function limitResponse(state: GithubMockState, fault: Exclude<GithubFault, Fault<never>>): MockResponse {
  switch (fault.kind) {
    case 'secondary-limit':
      return answer(
        state,
        fault.status,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0683:13C7:1074B74:2631A8B:62D63574.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          status: String(fault.status),
        },
        { 'retry-after': String(fault.retryAfter) },
      );
    case 'primary-limit':
      return {
        status: 403,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-ratelimit-limit': String(state.rate.limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': String(state.rate.limit),
          'x-ratelimit-reset': String(fault.resetAt),
          'x-ratelimit-resource': 'core',
        },
        body: {
          message: 'API rate limit exceeded for user ID 31898046.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limits`,
          status: '403',
        },
      };
  }
}

/** GitHub's other fault answers carry its usual rate-limit headers. */
function faultStyle(state: GithubMockState): FaultStyle<Fault<never>> {
  return {
    answer: (status, body, headers) => answer(state, status, body, headers),
    serverErrorBody: () => ({ message: 'Server Error' }),
    cutOff: '[{"url":"https://api.github.com/repos/acme/api/issues/1","id":1,"title":"Cut o',
    contentType: 'application/json; charset=utf-8',
  };
}

function answer(
  state: GithubMockState,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): MockResponse {
  state.rate.remaining = Math.max(0, state.rate.remaining - 1);
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': String(state.rate.limit),
      'x-ratelimit-remaining': String(state.rate.remaining),
      'x-ratelimit-used': String(state.rate.limit - state.rate.remaining),
      'x-ratelimit-reset': String(state.rate.reset),
      'x-ratelimit-resource': 'core',
      ...extra,
    },
    body,
  };
}

function notFound(state: GithubMockState): MockResponse {
  return answer(state, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
}

function route(req: MockRequest, state: GithubMockState): MockResponse | undefined {
  if (req.method !== 'GET') return undefined;
  const list = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(req.path);
  if (list) {
    if (list[1] !== state.ownerType || list[2].toLowerCase() !== state.owner.toLowerCase()) return undefined;
    const repos = [...state.repos].sort((a, b) => a.name.localeCompare(b.name));
    return page(
      req,
      state,
      `/${list[1]}/${list[2]}/repos`,
      repos.map((r) => repositoryJson(state.owner, r)),
    );
  }
  const byName = /^\/repos\/([^/]+)\/([^/]+)\/(issues|commits|releases)$/.exec(req.path);
  const byId = /^\/repositories\/(\d+)\/(issues|commits|releases)$/.exec(req.path);
  let repo: SeedRepo | undefined;
  let what: string | undefined;
  if (byName && byName[1].toLowerCase() === state.owner.toLowerCase()) {
    repo = state.repos.find((r) => r.name.toLowerCase() === decodeURIComponent(byName[2]).toLowerCase());
    what = byName[3];
  } else if (byId) {
    repo = state.repos.find((r) => r.id === Number(byId[1]));
    what = byId[2];
  }
  if (!repo || !what) return undefined;
  const linkPath = `/repositories/${repo.id}/${what}`;
  if (what === 'issues') return issues(req, state, repo, linkPath);
  if (what === 'commits') return commits(req, state, repo, linkPath);
  return releases(req, state, repo, linkPath);
}

function validationFailed(state: GithubMockState, field: string): MockResponse {
  return answer(state, 422, {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', field, code: 'invalid' }],
    documentation_url: DOCS,
    status: '422',
  });
}

function sinceFilter(req: MockRequest): number | 'invalid' | undefined {
  const since = req.query.since;
  if (since === undefined) return undefined;
  const t = Date.parse(since);
  return Number.isNaN(t) ? 'invalid' : t;
}

function issues(req: MockRequest, state: GithubMockState, repo: SeedRepo, linkPath: string): MockResponse {
  const q = req.query;
  const wanted = q.state ?? 'open';
  if (!['open', 'closed', 'all'].includes(wanted)) return validationFailed(state, 'state');
  const since = sinceFilter(req);
  if (since === 'invalid') return validationFailed(state, 'since');
  const sort = (q.sort ?? 'created') as 'created' | 'updated';
  const asc = q.direction === 'asc';
  const key = (i: SeedIssue) => Date.parse(sort === 'updated' ? i.updated_at : i.created_at);
  const items = repo.issues
    .filter((i) => wanted === 'all' || i.state === wanted)
    .filter((i) => since === undefined || Date.parse(i.updated_at) >= since)
    .sort((a, b) => (asc ? key(a) - key(b) : key(b) - key(a)) || a.number - b.number)
    .map((i) => issueJson(state.owner, repo, i));
  return page(req, state, linkPath, items);
}

function commits(req: MockRequest, state: GithubMockState, repo: SeedRepo, linkPath: string): MockResponse {
  if (repo.empty) {
    return answer(state, 409, {
      message: 'Git Repository is empty.',
      documentation_url: `${DOCS}/commits/commits#list-commits`,
      status: '409',
    });
  }
  const since = sinceFilter(req);
  if (since === 'invalid') return validationFailed(state, 'since');
  const items = repo.commits
    .filter((c: SeedCommit) => since === undefined || Date.parse(c.date) >= since)
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date))
    .map((c) => commitJson(state.owner, repo, c));
  return page(req, state, linkPath, items);
}

function releases(req: MockRequest, state: GithubMockState, repo: SeedRepo, linkPath: string): MockResponse {
  const items = [...repo.releases]
    .sort((a: SeedRelease, b: SeedRelease) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .map((r) => releaseJson(state.owner, repo, r));
  return page(req, state, linkPath, items);
}

/**
 * One page of a list, with GitHub's Link header: `next`/`last` while there are more pages,
 * `prev`/`first` after the first, and the request's other parameters carried over.
 */
function page(req: MockRequest, state: GithubMockState, linkPath: string, items: unknown[]): MockResponse {
  const perPage = Math.min(100, Math.max(1, Number(req.query.per_page ?? 30)));
  const current = Math.max(1, Number(req.query.page ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const host = header(req, 'host') ?? '127.0.0.1';
  const link = (n: number) => {
    const params = { ...req.query, page: String(n) };
    const query = Object.entries(params)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    return `<http://${host}${linkPath}?${query}>`;
  };
  const rels: string[] = [];
  if (current > 1) rels.push(`${link(current - 1)}; rel="prev"`);
  if (current < last) rels.push(`${link(current + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (current > 1) rels.push(`${link(1)}; rel="first"`);
  const extra: Record<string, string> = rels.length ? { link: rels.join(', ') } : {};
  return answer(state, 200, items.slice((current - 1) * perPage, current * perPage), extra);
}

export type { MockRequest, MockResponse, SeedCommit, SeedIssue, SeedRelease, SeedRepo };
