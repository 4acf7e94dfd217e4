/**
 * The product team's GitHub repository: pull requests and issues share one number sequence, as
 * on GitHub. The team grows by one engineer a quarter.
 */
import { ENGINEERS, ISSUE_TITLES, PR_TITLES } from './names';
import type { Random } from './random';
import { DAY, firstHour, HOUR, isoSeconds, monthsBetween, weekday } from './time';

export interface PullSim {
  kind: 'pull';
  id: number;
  number: number;
  title: string;
  author: string;
  createdAt: number;
  mergedAt: number | null;
  closedAt: number | null;
  draftWhileOpen: boolean;
}

export interface IssueSim {
  kind: 'issue';
  id: number;
  number: number;
  title: string;
  author: string;
  assignee: string | null;
  label: string;
  createdAt: number;
  closedAt: number | null;
  stateReason: 'completed' | 'not_planned' | null;
  comments: number;
}

const SUPPORT_LOGINS = ['amy-support', 'kitelight-bot'];

export function generateRepository(
  r: Random,
  start: number,
  live: readonly number[],
): { pulls: PullSim[]; issues: IssueSim[] } {
  const created: Array<PullSim | IssueSim> = [];
  for (let d = 0; d < live.length; d++) {
    const day = start + d * DAY;
    const weekend = weekday(day) === 0 || weekday(day) === 6;
    const team = Math.min(ENGINEERS.length, 3 + Math.floor(monthsBetween(start, day) / 3));
    const early = 1.3 - 0.4 * Math.min(1, d / 730);
    const pulls = r.poisson(team * (weekend ? 0.06 : 0.55));
    for (let i = 0; i < pulls; i++) {
      const createdAt = day + r.uniform(firstHour(d, 7), 22) * HOUR;
      const fate = r.next();
      const mergedAt = fate < 0.88 ? createdAt + r.lognormal(16 * early, 1.1) * HOUR : null;
      const closedAt =
        mergedAt ??
        (fate < 0.96 ? createdAt + r.lognormal(60, 1.0) * HOUR : createdAt + r.lognormal(40, 0.8) * DAY);
      created.push({
        kind: 'pull',
        id: 0,
        number: 0,
        title: r.pick(PR_TITLES),
        author: ENGINEERS[r.int(0, team - 1)],
        createdAt,
        mergedAt,
        closedAt,
        draftWhileOpen: r.chance(0.1),
      });
    }
    const issues = r.poisson((1.2 + live[d] / 150) * (weekend ? 0.3 : 1));
    for (let i = 0; i < issues; i++) {
      const createdAt = day + r.uniform(firstHour(d, 6), 23) * HOUR;
      const closes = r.chance(0.72);
      created.push({
        kind: 'issue',
        id: 0,
        number: 0,
        title: r.pick(ISSUE_TITLES),
        author: r.chance(0.5) ? r.pick(SUPPORT_LOGINS) : ENGINEERS[r.int(0, team - 1)],
        assignee: r.chance(0.6) ? ENGINEERS[r.int(0, team - 1)] : null,
        label: r.weighted([
          ['bug', 0.5],
          ['enhancement', 0.35],
          ['chore', 0.15],
        ]),
        createdAt,
        closedAt: closes ? createdAt + r.lognormal(5, 1.3) * DAY : null,
        stateReason: closes ? (r.chance(0.85) ? 'completed' : 'not_planned') : null,
        comments: r.poisson(2),
      });
    }
  }
  created.sort((a, b) => a.createdAt - b.createdAt);
  let pullId = 1_800_000_000;
  let issueId = 2_100_000_000;
  created.forEach((item, i) => {
    item.number = i + 1;
    if (item.kind === 'pull') {
      pullId += r.int(1, 90_000);
      item.id = pullId;
    } else {
      issueId += r.int(1, 90_000);
      item.id = issueId;
    }
  });
  return {
    pulls: created.filter((c): c is PullSim => c.kind === 'pull'),
    issues: created.filter((c): c is IssueSim => c.kind === 'issue'),
  };
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const iso = (ms: number | null) => (ms === null ? null : isoSeconds(ms));

export function pullRecords(pulls: readonly PullSim[], now: number): Array<Record<string, unknown>> {
  return pulls
    .filter((p) => p.createdAt <= now)
    .map((p) => {
      const closedAt = p.closedAt !== null && p.closedAt <= now ? p.closedAt : null;
      const mergedAt = p.mergedAt !== null && p.mergedAt <= now ? p.mergedAt : null;
      const open = closedAt === null;
      return {
        id: p.id,
        number: p.number,
        title: p.title,
        state: open ? 'open' : 'closed',
        draft: open && p.draftWhileOpen,
        created_at: isoSeconds(p.createdAt),
        updated_at: isoSeconds(closedAt ?? p.createdAt),
        closed_at: iso(closedAt),
        merged_at: iso(mergedAt),
        user: { login: p.author },
        head: { ref: `${p.author}/${slug(p.title)}` },
      };
    });
}

export function issueRecords(issues: readonly IssueSim[], now: number): Array<Record<string, unknown>> {
  return issues
    .filter((i) => i.createdAt <= now)
    .map((i) => {
      const closedAt = i.closedAt !== null && i.closedAt <= now ? i.closedAt : null;
      return {
        id: i.id,
        number: i.number,
        title: i.title,
        state: closedAt === null ? 'open' : 'closed',
        state_reason: closedAt === null ? null : i.stateReason,
        created_at: isoSeconds(i.createdAt),
        updated_at: isoSeconds(closedAt ?? i.createdAt),
        closed_at: iso(closedAt),
        comments: i.comments,
        user: { login: i.author },
        assignee: { login: i.assignee },
        labels: [{ name: i.label }],
      };
    });
}
