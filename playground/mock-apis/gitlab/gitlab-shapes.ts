import issuesExample from './payloads/list_issues.json';
import mergeRequestsExample from './payloads/list_merge_requests.json';
import projectsExample from './payloads/list_projects.json';

/**
 * Compact seeds for the GitLab mock and how they become GitLab's JSON: each item starts as the
 * docs' example (payloads/) and only ids, paths, dates and states change.
 */

export interface SeedIssue {
  iid: number;
  title: string;
  state: 'opened' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  labels?: string[];
}

export interface SeedMergeRequest {
  iid: number;
  title: string;
  state: 'opened' | 'closed' | 'merged' | 'locked';
  created_at: string;
  updated_at: string;
  merged_at?: string | null;
  closed_at?: string | null;
  draft?: boolean;
}

export interface SeedProject {
  id: number;
  /** `group/project`. */
  path: string;
  created_at: string;
  issues: SeedIssue[];
  merge_requests: SeedMergeRequest[];
}

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** GitLab issue and merge request ids are global; the mock derives them from the project. */
export const issueId = (p: SeedProject, iid: number) => p.id * 1000 + iid;
export const mergeRequestId = (p: SeedProject, iid: number) => p.id * 1000 + 500 + iid;

export function projectJson(web: string, p: SeedProject): Json {
  const base = clone(projectsExample[0]) as Json;
  const [group, name] = [p.path.slice(0, p.path.lastIndexOf('/')), p.path.slice(p.path.lastIndexOf('/') + 1)];
  return {
    ...base,
    id: p.id,
    name,
    path: name,
    path_with_namespace: p.path,
    name_with_namespace: `${group} / ${name}`,
    namespace: { id: 3, name: group, path: group, kind: 'group', full_path: group },
    web_url: `${web}/${p.path}`,
    created_at: p.created_at,
    last_activity_at: p.merge_requests[0]?.updated_at ?? p.created_at,
    open_issues_count: p.issues.filter((i) => i.state === 'opened').length,
  };
}

export function issueJson(web: string, p: SeedProject, seed: SeedIssue): Json {
  const base = clone(issuesExample[0]) as Json;
  return {
    ...base,
    id: issueId(p, seed.iid),
    iid: seed.iid,
    project_id: p.id,
    title: seed.title,
    state: seed.state,
    created_at: seed.created_at,
    updated_at: seed.updated_at,
    closed_at: seed.closed_at ?? null,
    closed_by: seed.state === 'closed' ? base.author : null,
    labels: seed.labels ?? [],
    issue_type: 'issue',
    web_url: `${web}/${p.path}/-/issues/${seed.iid}`,
    references: { short: `#${seed.iid}`, relative: `#${seed.iid}`, full: `${p.path}#${seed.iid}` },
  };
}

export function mergeRequestJson(web: string, p: SeedProject, seed: SeedMergeRequest): Json {
  const base = clone(mergeRequestsExample[0]) as Json;
  const merged = seed.state === 'merged';
  return {
    ...base,
    id: mergeRequestId(p, seed.iid),
    iid: seed.iid,
    project_id: p.id,
    target_project_id: p.id,
    source_project_id: p.id,
    title: seed.title,
    state: seed.state,
    draft: seed.draft ?? false,
    work_in_progress: seed.draft ?? false,
    created_at: seed.created_at,
    updated_at: seed.updated_at,
    merged_at: seed.merged_at ?? null,
    merge_user: merged ? base.merge_user : null,
    merged_by: merged ? base.merged_by : null,
    closed_at: seed.closed_at ?? null,
    web_url: `${web}/${p.path}/-/merge_requests/${seed.iid}`,
    references: { short: `!${seed.iid}`, relative: `!${seed.iid}`, full: `${p.path}!${seed.iid}` },
  };
}
