/** The GitLab demo account for `--mock-apis`: the `acme/platform` project on gitlab.com. */
import { isoSeconds as iso, workItems } from '../work-items';
import { type GitlabMockState, gitlabState } from './mock-gitlab';

export function demoGitlabAccount(now: number, token: string): GitlabMockState {
  const items = workItems(now, 3);
  const issues = items
    .filter((i) => !i.isPullRequest)
    .map((i, k) => ({
      iid: k + 1,
      title: i.title,
      state: i.closedAt === null ? ('opened' as const) : ('closed' as const),
      created_at: iso(i.createdAt),
      updated_at: iso(i.closedAt ?? i.createdAt),
      closed_at: i.closedAt === null ? null : iso(i.closedAt),
      labels: i.label ? [i.label] : [],
    }));
  const mergeRequests = items
    .filter((i) => i.isPullRequest)
    .map((i, k) => ({
      iid: k + 1,
      title: i.title,
      state: i.closedAt === null ? ('opened' as const) : i.merged ? ('merged' as const) : ('closed' as const),
      created_at: iso(i.createdAt),
      updated_at: iso(i.closedAt ?? i.createdAt),
      merged_at: i.merged ? iso(i.closedAt as number) : null,
      closed_at: i.closedAt !== null && !i.merged ? iso(i.closedAt) : null,
    }));
  return gitlabState({
    token,
    projects: [
      {
        id: 4242,
        path: 'acme/platform',
        created_at: iso(now - 400 * 86_400_000),
        issues,
        merge_requests: mergeRequests,
      },
    ],
  });
}
