/** The GitHub demo account for `--mock-apis`: the `acme` organisation with two busy repositories. */
import { isoSeconds as iso, workItems } from '../work-items';
import type { SeedRepo } from './github-shapes';
import { type GithubMockState, githubState } from './mock-github';

const DAY = 86_400_000;
const AUTHORS: Array<[string, string]> = [
  ['Ada Park', 'adapark'],
  ['Bo Nguyen', 'bonguyen'],
  ['Chidi Okafor', 'chidio'],
  ['Dana Levi', 'danalevi'],
];

function demoRepo(id: number, name: string, now: number, salt: number): SeedRepo {
  const items = workItems(now, salt);
  const commits = items
    .filter((i) => i.merged && i.closedAt !== null)
    .map((i, k) => ({
      sha: (salt * 1_000_003 + i.number).toString(16).padStart(40, 'a').slice(-40),
      message: i.title,
      author: AUTHORS[k % AUTHORS.length][0],
      login: AUTHORS[k % AUTHORS.length][1],
      date: iso(i.closedAt as number),
    }));
  const releases = Array.from({ length: 6 }, (_, k) => {
    const at = now - (170 - k * 30) * DAY;
    return { id: id * 100 + k, tag: `v1.${k}.0`, created_at: iso(at), published_at: iso(at + 3_600_000) };
  });
  return {
    id,
    name,
    created_at: iso(now - 400 * DAY),
    issues: items.map((i) => ({
      number: i.number,
      title: i.title,
      state: i.closedAt === null ? 'open' : 'closed',
      created_at: iso(i.createdAt),
      updated_at: iso(i.closedAt ?? i.createdAt),
      closed_at: i.closedAt === null ? null : iso(i.closedAt),
      user: AUTHORS[i.number % AUTHORS.length][1],
      labels: i.label ? [i.label] : [],
      ...(i.isPullRequest ? { pr: { merged_at: i.merged ? iso(i.closedAt as number) : null } } : {}),
    })),
    commits,
    releases,
  };
}

export function demoGithubAccount(now: number, token: string): GithubMockState {
  return githubState({
    token,
    owner: 'acme',
    ownerType: 'orgs',
    repos: [demoRepo(7001, 'web', now, 1), demoRepo(7002, 'api', now, 2)],
  });
}
