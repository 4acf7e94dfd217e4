/**
 * Engineering activity for the GitHub and GitLab demo mocks: issues and pull (merge) requests
 * over the last six months, opened during working hours, most closed or merged within days,
 * with believable titles. Deterministic for a given `now` and `salt`.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const TOPICS = [
  'checkout',
  'onboarding',
  'billing page',
  'search',
  'CSV export',
  'password reset',
  'mobile layout',
  'invoice emails',
  'team invites',
  'API rate limits',
  'dark mode',
  'audit log',
];
const ISSUE_VERBS = ['Bug in', 'Slow', 'Crash on', 'Improve', 'Typo in', 'Flaky test for'];
const PR_VERBS = ['Fix', 'Add', 'Refactor', 'Speed up', 'Polish', 'Test'];

export interface WorkItem {
  number: number;
  title: string;
  isPullRequest: boolean;
  createdAt: number;
  /** When it was closed (or merged); null while open. */
  closedAt: number | null;
  /** Pull requests only: merged (true) or closed without merging (false). */
  merged: boolean;
  label: 'bug' | 'feature' | null;
}

export function workItems(now: number, salt: number, count = 140): WorkItem[] {
  let seed = 7919 * salt + 1;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = now - 182 * DAY;
  const items: WorkItem[] = [];
  for (let number = 1; number <= count; number++) {
    const day = Math.floor(((number - 1) / count) * 180);
    const createdAt = start + day * DAY + (9 + Math.floor(random() * 8)) * HOUR;
    const isPullRequest = random() < 0.55;
    const topic = TOPICS[Math.floor(random() * TOPICS.length)];
    const verbs = isPullRequest ? PR_VERBS : ISSUE_VERBS;
    const verb = verbs[Math.floor(random() * verbs.length)];
    const takes = (0.2 + random() * (isPullRequest ? 4 : 14)) * DAY;
    const closedAt = createdAt + takes < now - 2 * HOUR && random() < 0.85 ? createdAt + takes : null;
    items.push({
      number,
      title: `${verb} ${topic}`,
      isPullRequest,
      createdAt,
      closedAt,
      merged: isPullRequest && closedAt !== null && random() < 0.9,
      label: isPullRequest ? null : verb === 'Improve' ? 'feature' : 'bug',
    });
  }
  return items;
}

export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
