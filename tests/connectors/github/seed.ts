import type {
  SeedCommit,
  SeedIssue,
  SeedRelease,
  SeedRepo,
} from '../../../playground/mock-apis/github/github-shapes';

/**
 * Deterministic repositories for the end-to-end syncs: enough items for several 100-item pages,
 * issues and pull requests mixed as GitHub's issues endpoint mixes them.
 */

const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * `issues` issues and `prs` pull requests, numbered 1… in creation order, one every 5 hours.
 * Every third issue is closed a day after it opened; every second pull request is merged
 * 30 hours after it opened, every fifth closed unmerged. Updates happen at close or merge.
 */
export function workItems(issues: number, prs: number): SeedIssue[] {
  const items: SeedIssue[] = [];
  for (let n = 1; n <= issues + prs; n++) {
    const created = BASE + n * 5 * HOUR;
    const isPr = n > issues;
    const k = isPr ? n - issues : n;
    if (!isPr) {
      const closed = k % 3 === 0 ? created + 24 * HOUR : null;
      items.push({
        number: n,
        title: `Issue ${n}`,
        state: closed ? 'closed' : 'open',
        created_at: iso(created),
        updated_at: iso(closed ?? created),
        closed_at: closed ? iso(closed) : null,
        labels: k % 4 === 0 ? ['bug'] : [],
      });
    } else {
      const merged = k % 2 === 0 ? created + 30 * HOUR : null;
      const closed = merged ?? (k % 5 === 0 ? created + 10 * HOUR : null);
      items.push({
        number: n,
        title: `Pull request ${n}`,
        state: closed ? 'closed' : 'open',
        created_at: iso(created),
        updated_at: iso(closed ?? created),
        closed_at: closed ? iso(closed) : null,
        pr: { merged_at: merged ? iso(merged) : null, draft: k % 7 === 0 },
      });
    }
  }
  return items;
}

export function commitList(count: number, prefix: string): SeedCommit[] {
  return Array.from({ length: count }, (_, i) => ({
    sha: `${prefix}${String(i).padStart(38, '0')}`,
    message: `Change ${i}`,
    author: i % 2 ? 'Ada' : 'Bo',
    date: iso(BASE + i * 7 * HOUR),
  }));
}

export function releaseList(count: number, firstId: number): SeedRelease[] {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    tag: `v1.${i}.0`,
    prerelease: i % 3 === 2,
    created_at: iso(BASE + i * 240 * HOUR),
    published_at: iso(BASE + i * 240 * HOUR + HOUR),
  }));
}

export function repo(id: number, name: string, parts: Partial<SeedRepo> = {}): SeedRepo {
  return {
    id,
    name,
    created_at: iso(BASE - 100 * 24 * HOUR),
    issues: [],
    commits: [],
    releases: [],
    ...parts,
  };
}
