/**
 * The installable-trigger registry and its rules (quotas page and editor add-on triggers page):
 * - at most 20 triggers per user per script
 *   (https://developers.google.com/apps-script/guides/services/quotas);
 * - an add-on gets one trigger of each event type per user per document, and its time-driven
 *   triggers run at most once an hour
 *   (https://developers.google.com/workspace/add-ons/concepts/editor-triggers);
 * - a trigger runs as, and is visible only to, the user who created it
 *   (https://developers.google.com/apps-script/guides/triggers/installable).
 */
import { createHash } from 'node:crypto';
import { platformError } from '../platform-error';
import { type ClockSchedule, nextRunAfter, periodMs } from './trigger-schedule';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  uid: string;
  handler: string;
  owner: string;
  eventType: TriggerEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  createdAt: number;
  /** Clock triggers only. */
  schedule?: ClockSchedule;
  timeZone?: string;
  nextRunAt?: number;
}

export interface TriggerRunRecord {
  uid: string;
  handler: string;
  owner: string;
  eventType: TriggerEventType;
  scheduledAt: number;
  startedAt: number;
  endedAt: number;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
  executionId?: number;
}

export const MAX_TRIGGERS_PER_USER = 20;
const MAX_RUNS_KEPT = 1000;

const ADDON_TYPE_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

export class TriggerData {
  constructor(
    public seq = 0,
    readonly list: TriggerRecord[] = [],
    readonly runs: TriggerRunRecord[] = [],
  ) {}

  /** Trigger ids look like the platform's: long decimal numbers. */
  private nextUid(): string {
    this.seq++;
    const h = createHash('sha256').update(`trigger:${this.seq}`).digest();
    return ((h.readBigUInt64BE(0) % 9_000_000_000_000_000_000n) + 1_000_000_000_000_000_000n).toString();
  }

  ownedBy(user: string): TriggerRecord[] {
    return this.list.filter((t) => t.owner === user);
  }

  find(uid: string): TriggerRecord | undefined {
    return this.list.find((t) => t.uid === uid);
  }

  /** Applies the platform's rules, then registers the trigger. */
  create(draft: Omit<TriggerRecord, 'uid' | 'nextRunAt'>, addOn: boolean): TriggerRecord {
    const mine = this.ownedBy(draft.owner);
    if (addOn && draft.schedule) {
      const period = periodMs(draft.schedule);
      if (period !== undefined && period < 3_600_000)
        // Wording not documented; the rule is ("no more often than once per hour").
        throw platformError(
          'Add-ons can not create time-based triggers that run more often than once per hour.',
        );
    }
    if (addOn && mine.some((t) => t.eventType === draft.eventType))
      // The time-based wording is quoted in public bug reports (e.g. ljay79/jira-tools#53);
      // the other event types are assumed to follow it.
      throw platformError(
        `This add-on has created too many ${ADDON_TYPE_WORDS[draft.eventType]} triggers in this document for this Google user account.`,
      );
    if (mine.length >= MAX_TRIGGERS_PER_USER)
      throw platformError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    const record: TriggerRecord = { ...draft, uid: this.nextUid() };
    if (record.schedule && 'once' in record.schedule) record.nextRunAt = record.schedule.once;
    else if (record.schedule && record.timeZone)
      record.nextRunAt = nextRunAfter(
        {
          uid: record.uid,
          createdAt: record.createdAt,
          timeZone: record.timeZone,
          schedule: record.schedule,
        },
        record.createdAt,
      );
    this.list.push(record);
    return record;
  }

  remove(uid: string): boolean {
    const i = this.list.findIndex((t) => t.uid === uid);
    if (i < 0) return false;
    this.list.splice(i, 1);
    return true;
  }

  recordRun(run: TriggerRunRecord): void {
    this.runs.push(run);
    if (this.runs.length > MAX_RUNS_KEPT) this.runs.splice(0, this.runs.length - MAX_RUNS_KEPT);
  }

  toJSON(): { seq: number; list: TriggerRecord[]; runs: TriggerRunRecord[] } {
    return structuredClone({ seq: this.seq, list: this.list, runs: this.runs });
  }

  static fromJSON(json: unknown): TriggerData {
    const j = (json ?? {}) as Partial<ReturnType<TriggerData['toJSON']>>;
    return new TriggerData(j.seq ?? 0, structuredClone(j.list ?? []), structuredClone(j.runs ?? []));
  }
}
