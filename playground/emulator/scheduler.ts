/**
 * Time passing for installable triggers. `runDueTriggers` walks the simulated clock forward and
 * fires each clock trigger when it is due, the way Apps Script's scheduler would:
 * - as an execution of kind 'installable-trigger' in AuthMode.FULL, as the trigger's owner
 *   ("installable triggers always run under the account of the person who created them",
 *   https://developers.google.com/apps-script/guides/triggers/installable);
 * - with the time-driven event object
 *   (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events);
 * - one-shot triggers (at, after) are removed once they fire; recurring ones keep their slot
 *   (see services/trigger-schedule.ts), and runs that would overlap a still-running one are
 *   skipped;
 * - a failing trigger is recorded, never rethrown;
 * - each owner's daily trigger runtime is capped (90 min consumer, 6 h Workspace, quotas page).
 */
import type { Emulator } from './emulator';
import type { AuthMode } from './execution';
import { AuthModeEnum } from './services/enums';
import { isoWeekOfYear, zonedParts } from './services/time-zone';
import { nextRunAfter } from './services/trigger-schedule';
import type { TriggerEventType, TriggerRecord, TriggerRunRecord } from './services/triggers';

/** The script's callable top-level functions: a loaded bundle, or any record of functions. */
export type ScriptFunctions = Record<string, unknown>;

/** The platform's error when a user's daily trigger runtime is used up (platform notes §2). */
export const TRIGGER_RUNTIME_ERROR = 'Service using too much computer time for one day';

function handlerOf(bundle: ScriptFunctions, name: string): ((...args: unknown[]) => unknown) | undefined {
  const fn = bundle[name];
  return typeof fn === 'function' ? (fn as (...args: unknown[]) => unknown) : undefined;
}

/** The event object of a time-driven trigger, in the trigger's time zone. */
export function clockEvent(record: TriggerRecord, at: number): Record<string, unknown> {
  const tz = record.timeZone ?? 'Etc/UTC';
  const p = zonedParts(at, tz);
  return {
    authMode: AuthModeEnum.FULL,
    'day-of-month': p.day,
    'day-of-week': p.isoWeekday,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: tz,
    triggerUid: record.uid,
    'week-of-year': isoWeekOfYear(p.year, p.month, p.day),
    year: p.year,
  };
}

function nextDue(emu: Emulator, until: number): TriggerRecord | undefined {
  let best: TriggerRecord | undefined;
  for (const t of emu.services.triggers.list) {
    if (t.eventType !== 'CLOCK' || t.nextRunAt === undefined || t.nextRunAt > until) continue;
    if (!best || t.nextRunAt < (best.nextRunAt as number)) best = t;
  }
  return best;
}

/**
 * Runs one installable trigger as its owner and records the outcome. The owner's remaining daily
 * trigger runtime is checked first; the run's duration is charged to it afterwards.
 */
function fireTrigger(
  emu: Emulator,
  bundle: ScriptFunctions,
  record: TriggerRecord,
  scheduledAt: number,
  event: Record<string, unknown>,
): TriggerRunRecord {
  const startedAt = emu.clock.now();
  const base = {
    uid: record.uid,
    handler: record.handler,
    owner: record.owner,
    eventType: record.eventType,
    scheduledAt,
    startedAt,
  };
  const finish = (run: TriggerRunRecord) => {
    emu.services.triggers.recordRun(run);
    return run;
  };
  const used = emu.services.quotas.used('trigger-runtime', record.owner, startedAt);
  if (used >= emu.options.quotas.triggerRuntimeMsPerDay)
    return finish({ ...base, endedAt: startedAt, status: 'failed', error: TRIGGER_RUNTIME_ERROR });
  const fn = handlerOf(bundle, record.handler);
  if (!fn)
    return finish({
      ...base,
      endedAt: startedAt,
      status: 'failed',
      error: `Script function not found: ${record.handler}`,
    });
  let status: TriggerRunRecord['status'] = 'completed';
  let error: string | undefined;
  try {
    emu.run(() => fn(event), {
      kind: 'installable-trigger',
      authMode: 'FULL',
      user: record.owner,
      name: record.handler,
    });
  } catch (e) {
    const last = emu.executions[emu.executions.length - 1];
    status = last?.status === 'timed-out' ? 'timed-out' : 'failed';
    error = e instanceof Error ? e.message : String(e);
  }
  const last = emu.executions[emu.executions.length - 1];
  const endedAt = emu.clock.now();
  emu.services.quotas.add('trigger-runtime', record.owner, startedAt, endedAt - startedAt);
  const run: TriggerRunRecord = { ...base, endedAt, status, executionId: last?.id };
  if (error !== undefined) run.error = error;
  return finish(run);
}

/**
 * Advances the simulated clock to `until`, firing every clock trigger that falls due on the way,
 * in time order. Returns the runs, oldest first (they are also kept in
 * `emu.services.triggers.runs`).
 */
export function runDueTriggers(
  emu: Emulator,
  bundle: ScriptFunctions,
  until: number | Date,
): TriggerRunRecord[] {
  const untilMs = typeof until === 'number' ? until : until.getTime();
  const runs: TriggerRunRecord[] = [];
  for (let due = nextDue(emu, untilMs); due; due = nextDue(emu, untilMs)) {
    const scheduledAt = due.nextRunAt as number;
    if (scheduledAt > emu.clock.now()) emu.clock.setTo(scheduledAt);
    const recurring = due.schedule && !('once' in due.schedule);
    if (recurring) due.nextRunAt = undefined;
    else emu.services.triggers.remove(due.uid);
    runs.push(fireTrigger(emu, bundle, due, scheduledAt, clockEvent(due, emu.clock.now())));
    // The next slot after this run ended: a run that overlaps its next slot skips it.
    if (recurring && emu.services.triggers.find(due.uid) && due.schedule && due.timeZone)
      due.nextRunAt = nextRunAfter(
        { uid: due.uid, createdAt: due.createdAt, timeZone: due.timeZone, schedule: due.schedule },
        Math.max(scheduledAt, emu.clock.now()),
      );
  }
  if (emu.clock.now() < untilMs) emu.clock.setTo(untilMs);
  return runs;
}

/**
 * Fires the installable spreadsheet triggers of one type (open, edit, change) for every user who
 * installed one, each as its owner in AuthMode.FULL, with the caller's event plus authMode and
 * triggerUid.
 */
export function fireSpreadsheetTriggers(
  emu: Emulator,
  bundle: ScriptFunctions,
  eventType: Exclude<TriggerEventType, 'CLOCK'>,
  event: Record<string, unknown> = {},
): TriggerRunRecord[] {
  const now = emu.clock.now();
  return emu.services.triggers.list
    .filter((t) => t.eventType === eventType)
    .map((t) =>
      fireTrigger(emu, bundle, t, now, { ...event, authMode: AuthModeEnum.FULL, triggerUid: t.uid }),
    );
}

/**
 * Opening the spreadsheet: runs the script's `onOpen` as a simple trigger (30 s limit) in the
 * AuthMode the caller chooses (NONE when the add-on is installed but not used in this file,
 * LIMITED otherwise; https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 * Returns what onOpen returned, or undefined when the script has none.
 */
export function fireOnOpen(
  emu: Emulator,
  bundle: ScriptFunctions,
  opts: { authMode?: Exclude<AuthMode, 'CUSTOM_FUNCTION'>; user?: string } = {},
): unknown {
  const fn = handlerOf(bundle, 'onOpen');
  if (!fn) return undefined;
  const authMode = opts.authMode ?? 'LIMITED';
  const user = opts.user ?? emu.options.user;
  const event: Record<string, unknown> = {
    authMode: AuthModeEnum[authMode],
    user: { getEmail: () => (authMode === 'FULL' ? user : ''), toString: () => 'User' },
  };
  if (authMode !== 'NONE') {
    try {
      const app = emu.globals.SpreadsheetApp as unknown as { getActive?: () => unknown };
      const source = app.getActive?.();
      if (source !== undefined) event.source = source;
    } catch {
      // No spreadsheet to hand over (a bare test bundle): the event simply has no source.
    }
  }
  return emu.run(() => fn(event), { kind: 'simple-trigger', authMode, user, name: 'onOpen' });
}
