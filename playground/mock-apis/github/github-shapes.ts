import commitsExample from './payloads/list_commits.json';
import pullsExample from './payloads/list_pulls.json';
import releasesExample from './payloads/list_releases.json';
import issuesPage from './payloads/list_repo_issues_page1_recorded.json';

/**
 * Compact seeds for the GitHub mock, and how they become GitHub's real JSON: each item starts
 * as a published or recorded example (payloads/) and only its ids, names, dates and states
 * change. Tests describe data as seeds; the mock serves the full shapes.
 */

export interface SeedIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  user?: string;
  labels?: string[];
  /** Present for pull requests, which the issues endpoint returns too. */
  pr?: { merged_at: string | null; draft?: boolean };
}

export interface SeedCommit {
  sha: string;
  message: string;
  author: string;
  /** GitHub account matched to the author's email; null when GitHub could not match it. */
  login?: string | null;
  date: string;
}

export interface SeedRelease {
  id: number;
  tag: string;
  prerelease?: boolean;
  draft?: boolean;
  created_at: string;
  published_at: string | null;
}

export interface SeedRepo {
  id: number;
  name: string;
  private?: boolean;
  /** Without commits GitHub answers 409 "Git Repository is empty." to the commits list. */
  empty?: boolean;
  created_at: string;
  issues: SeedIssue[];
  commits: SeedCommit[];
  releases: SeedRelease[];
}

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const API = 'https://api.github.com';
const WEB = 'https://github.com';

function user(login: string, id = 1): Json {
  const u = clone(pullsExample[0].user) as Json;
  return {
    ...u,
    login,
    id,
    url: `${API}/users/${login}`,
    html_url: `${WEB}/${login}`,
    repos_url: `${API}/users/${login}/repos`,
  };
}

function label(name: string, id: number): Json {
  return { ...clone(pullsExample[0].labels[0]), id, name };
}

/** Issue ids are global on GitHub; the mock derives them from the repository id and number. */
export function issueId(repo: SeedRepo, number: number): number {
  return repo.id * 1000 + number;
}

export function repositoryJson(owner: string, repo: SeedRepo): Json {
  const r = clone(pullsExample[0].head.repo) as Json;
  const full = `${owner}/${repo.name}`;
  return {
    ...r,
    id: repo.id,
    name: repo.name,
    full_name: full,
    owner: user(owner, 9000),
    private: repo.private ?? false,
    visibility: repo.private ? 'private' : 'public',
    html_url: `${WEB}/${full}`,
    url: `${API}/repos/${full}`,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.commits[0]?.date ?? repo.created_at,
    open_issues_count: repo.issues.filter((i) => i.state === 'open').length,
  };
}

export function issueJson(owner: string, repo: SeedRepo, seed: SeedIssue): Json {
  const base = clone(issuesPage.body[0]) as Json;
  const full = `${owner}/${repo.name}`;
  const kind = seed.pr ? 'pull' : 'issues';
  const item: Json = {
    ...base,
    url: `${API}/repos/${full}/issues/${seed.number}`,
    repository_url: `${API}/repos/${full}`,
    html_url: `${WEB}/${full}/${kind}/${seed.number}`,
    id: issueId(repo, seed.number),
    node_id: `I_mock${issueId(repo, seed.number)}`,
    number: seed.number,
    title: seed.title,
    user: user(seed.user ?? 'octokit-fixture-user-a', 31898046),
    labels: (seed.labels ?? []).map((name, i) => label(name, 100 + i)),
    state: seed.state,
    created_at: seed.created_at,
    updated_at: seed.updated_at,
    closed_at: seed.closed_at ?? null,
    state_reason: seed.state === 'closed' ? 'completed' : null,
  };
  if (seed.pr) {
    item.draft = seed.pr.draft ?? false;
    item.pull_request = {
      url: `${API}/repos/${full}/pulls/${seed.number}`,
      html_url: `${WEB}/${full}/pull/${seed.number}`,
      diff_url: `${WEB}/${full}/pull/${seed.number}.diff`,
      patch_url: `${WEB}/${full}/pull/${seed.number}.patch`,
      merged_at: seed.pr.merged_at,
    };
  }
  return item;
}

export function commitJson(owner: string, repo: SeedRepo, seed: SeedCommit): Json {
  const base = clone(commitsExample[0]) as Json & { commit: Json };
  const full = `${owner}/${repo.name}`;
  const who = { name: seed.author, email: `${seed.author.toLowerCase()}@example.com`, date: seed.date };
  return {
    ...base,
    url: `${API}/repos/${full}/commits/${seed.sha}`,
    sha: seed.sha,
    html_url: `${WEB}/${full}/commit/${seed.sha}`,
    commit: { ...base.commit, author: who, committer: who, message: seed.message },
    author: seed.login === null ? null : user(seed.login ?? seed.author.toLowerCase(), 7),
    committer: seed.login === null ? null : user(seed.login ?? seed.author.toLowerCase(), 7),
  };
}

export function releaseJson(owner: string, repo: SeedRepo, seed: SeedRelease): Json {
  const base = clone(releasesExample[0]) as Json;
  const full = `${owner}/${repo.name}`;
  return {
    ...base,
    url: `${API}/repos/${full}/releases/${seed.id}`,
    html_url: `${WEB}/${full}/releases/tag/${seed.tag}`,
    id: seed.id,
    tag_name: seed.tag,
    name: seed.tag,
    draft: seed.draft ?? false,
    prerelease: seed.prerelease ?? false,
    created_at: seed.created_at,
    published_at: seed.published_at,
  };
}
