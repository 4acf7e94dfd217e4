/**
 * Support tickets, Zendesk-style, raised by customers with a live subscription. Zendesk's
 * `metric_set` (sideloaded with `include=metric_sets`) carries first reply and resolution times.
 */
import type { SubscriptionSim } from './billing/model';
import { TICKET_SUBJECTS } from './names';
import type { Random } from './random';
import { DAY, firstHour, HOUR, isoSeconds, MINUTE } from './time';

export interface TicketSim {
  id: number;
  createdAt: number;
  subject: string;
  priority: string;
  type: string;
  channel: string;
  customerId: string;
  requesterId: number;
  assigneeId: number;
  /** When the first public agent reply went out, and when the ticket was solved (null: never). */
  repliedAt: number;
  businessReplyShare: number;
  solvedAt: number | null;
  replies: number;
  waitingOnCustomer: boolean;
}

const PRIORITY: ReadonlyArray<readonly [string, number]> = [
  ['low', 0.3],
  ['normal', 0.5],
  ['high', 0.15],
  ['urgent', 0.05],
];
const REPLY_MEDIAN_MINUTES: Record<string, number> = { low: 420, normal: 180, high: 60, urgent: 25 };
const RESOLVE_MEDIAN_HOURS: Record<string, number> = { low: 60, normal: 26, high: 10, urgent: 3 };
const AGENTS = [381_000_101, 381_000_102, 381_000_103];

/** Returns a subscription alive at `at`, or null if none was found quickly. */
export function liveSubscriptionAt(
  r: Random,
  subs: readonly SubscriptionSim[],
  at: number,
): SubscriptionSim | null {
  for (let tries = 0; tries < 60; tries++) {
    const s = r.pick(subs);
    if (s.createdAt <= at && (s.endedAt === null || at < s.endedAt)) return s;
  }
  return null;
}

export function countLive(subs: readonly SubscriptionSim[], start: number, days: number): number[] {
  const delta = new Array<number>(days + 1).fill(0);
  for (const s of subs) {
    const from = Math.max(0, Math.ceil((s.createdAt - start) / DAY));
    const to = s.endedAt === null ? days : Math.min(days, Math.ceil((s.endedAt - start) / DAY));
    if (from < to) {
      delta[from]++;
      delta[to]--;
    }
  }
  const live: number[] = [];
  let n = 0;
  for (let d = 0; d < days; d++) {
    n += delta[d];
    live.push(n);
  }
  return live;
}

export function generateTickets(
  r: Random,
  subs: readonly SubscriptionSim[],
  live: readonly number[],
  start: number,
): TicketSim[] {
  const tickets: TicketSim[] = [];
  let id = 1;
  for (let d = 0; d < live.length; d++) {
    const day = start + d * DAY;
    const progress = Math.min(1, d / 730);
    const count = r.poisson(live[d] * 0.012 + 0.3);
    for (let i = 0; i < count; i++) {
      const createdAt = day + r.uniform(firstHour(d, 6), 23) * HOUR;
      const sub = liveSubscriptionAt(r, subs, createdAt);
      if (!sub) continue;
      const priority = r.weighted(PRIORITY);
      // The team grows and gets faster: replies take 1.6× the target at launch, 0.8× two years on.
      const load = 1.6 - 0.8 * progress;
      const replyMinutes = Math.max(2, r.lognormal(REPLY_MEDIAN_MINUTES[priority] * load, 0.9));
      const repliedAt = createdAt + replyMinutes * MINUTE;
      const solvedAt = r.chance(0.95)
        ? repliedAt + r.lognormal(RESOLVE_MEDIAN_HOURS[priority], 1.0) * HOUR
        : null;
      const agents = d < 180 ? 1 : d < 420 ? 2 : 3;
      tickets.push({
        id: id++,
        createdAt,
        subject: r.pick(TICKET_SUBJECTS),
        priority,
        type: r.weighted([
          ['question', 0.5],
          ['incident', 0.3],
          ['problem', 0.1],
          ['task', 0.1],
        ]),
        channel: r.weighted([
          ['email', 0.6],
          ['web', 0.3],
          ['chat', 0.1],
        ]),
        customerId: sub.customer.id,
        requesterId: 390_000_000 + hashId(sub.customer.id),
        assigneeId: AGENTS[r.int(0, agents - 1)],
        repliedAt,
        businessReplyShare: r.uniform(0.4, 0.8),
        solvedAt,
        replies: 1 + r.poisson(1.2),
        waitingOnCustomer: r.chance(0.5),
      });
    }
  }
  return tickets;
}

function hashId(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 9_000_000;
  return h;
}

/** What Zendesk shows at `now`: a reply or a solve that has not happened yet is not there. */
export function ticketRecords(tickets: readonly TicketSim[], now: number): Array<Record<string, unknown>> {
  return tickets
    .filter((t) => t.createdAt <= now)
    .map((t) => {
      const replied = t.repliedAt <= now;
      const solved = t.solvedAt !== null && t.solvedAt <= now;
      const status = solved
        ? now - (t.solvedAt as number) > 4 * DAY
          ? 'closed'
          : 'solved'
        : replied
          ? t.waitingOnCustomer
            ? 'pending'
            : 'open'
          : 'new';
      const replyMinutes = Math.round((t.repliedAt - t.createdAt) / MINUTE);
      const resolveMinutes = solved ? Math.round(((t.solvedAt as number) - t.createdAt) / MINUTE) : null;
      const updated = solved ? (t.solvedAt as number) : replied ? t.repliedAt : t.createdAt;
      return {
        id: t.id,
        created_at: isoSeconds(t.createdAt),
        updated_at: isoSeconds(updated),
        subject: t.subject,
        status,
        priority: t.priority,
        type: t.type,
        via: { channel: t.channel },
        requester_id: t.requesterId,
        assignee_id: replied ? t.assigneeId : null,
        external_id: t.customerId,
        metric_set: {
          replies: replied ? t.replies : 0,
          reply_time_in_minutes: {
            calendar: replied ? replyMinutes : null,
            business: replied ? Math.round(replyMinutes * t.businessReplyShare) : null,
          },
          full_resolution_time_in_minutes: {
            calendar: resolveMinutes,
            business: resolveMinutes === null ? null : Math.round(resolveMinutes * t.businessReplyShare),
          },
          solved_at: solved ? isoSeconds(t.solvedAt as number) : null,
        },
      };
    });
}
