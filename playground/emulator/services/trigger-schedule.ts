/**
 * When clock triggers fire. The platform runs recurring triggers at a random time inside their
 * slot and keeps it: "the trigger runs at a random time between 9 and 10, and at the same time
 * each day" and nearMinute is "plus or minus 15 minutes"
 * (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers,
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder). The emulator
 * draws that randomness from the trigger's id, so a schedule is stable and reproducible.
 */
import { createHash } from 'node:crypto';
import { zonedParts, zonedTimeToUtc } from './time-zone';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type ClockSchedule =
  | { every: 'minutes'; n: number }
  | { every: 'hours'; n: number }
  | { every: 'days'; n: number; hour?: number; nearMinute?: number }
  /** weekDay: 1 (Monday) to 7 (Sunday). */
  | { every: 'weeks'; n: number; weekDay?: number; hour?: number; nearMinute?: number }
  | { every: 'month'; monthDay: number; hour?: number; nearMinute?: number }
  /** One-shot: at(), after() and atDate(). */
  | { once: number };

export interface ScheduledTrigger {
  uid: string;
  createdAt: number;
  timeZone: string;
  schedule: ClockSchedule;
}

/** A stable pseudo-random integer in [0, n) for one trigger and purpose. */
export function stableRandom(uid: string, purpose: string, n: number): number {
  const h = createHash('sha256').update(`${uid}:${purpose}`).digest();
  return h.readUInt32BE(0) % n;
}

export function isRecurring(schedule: ClockSchedule): boolean {
  return !('once' in schedule);
}

/** Smallest period between runs, for the add-on "at most once an hour" rule. */
export function periodMs(schedule: ClockSchedule): number | undefined {
  if ('once' in schedule) return undefined;
  switch (schedule.every) {
    case 'minutes':
      return schedule.n * MINUTE;
    case 'hours':
      return schedule.n * HOUR;
    case 'days':
      return schedule.n * DAY;
    case 'weeks':
      return schedule.n * 7 * DAY;
    case 'month':
      return 28 * DAY;
  }
}

/** Local calendar day number (days since 1970-01-01) of an instant in a zone. */
function localDay(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return Math.round(d.getTime() / DAY);
}

function dayDate(day: number): { y: number; m: number; d: number; isoWeekday: number } {
  const date = new Date(day * DAY);
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    isoWeekday: date.getUTCDay() || 7,
  };
}

function minuteOf(t: ScheduledTrigger, nearMinute: number | undefined): number {
  if (nearMinute === undefined) return stableRandom(t.uid, 'minute', 60);
  const jittered = nearMinute + stableRandom(t.uid, 'near', 31) - 15;
  return Math.min(59, Math.max(0, jittered));
}

function slotOn(t: ScheduledTrigger, day: number, hour: number, minute: number): number {
  const { y, m, d } = dayDate(day);
  return zonedTimeToUtc(t.timeZone, y, m, d, hour, minute, stableRandom(t.uid, 'second', 60));
}

/**
 * The first run strictly after `after` (and after the trigger's creation), or undefined for a
 * one-shot whose time has passed. A one-shot created for a past instant runs at once.
 */
export function nextRunAfter(t: ScheduledTrigger, after: number): number | undefined {
  const s = t.schedule;
  if ('once' in s) return s.once > after ? s.once : undefined;
  const from = Math.max(after, t.createdAt);
  switch (s.every) {
    case 'minutes': {
      const step = s.n * MINUTE;
      const anchor = t.createdAt + stableRandom(t.uid, 'second', 60) * 1000;
      const k = Math.max(1, Math.floor((from - anchor) / step) + 1);
      return anchor + k * step;
    }
    case 'hours': {
      const step = s.n * HOUR;
      const p = zonedParts(t.createdAt, t.timeZone);
      const hourStart = t.createdAt - (p.minute * MINUTE + p.second * 1000 + p.millisecond);
      const anchor = hourStart + minuteOf(t, undefined) * MINUTE + stableRandom(t.uid, 'second', 60) * 1000;
      let k = Math.max(0, Math.floor((from - anchor) / step));
      while (anchor + k * step <= from) k++;
      return anchor + k * step;
    }
    case 'days':
    case 'weeks': {
      const hour = s.hour ?? stableRandom(t.uid, 'hour', 24);
      const minute = minuteOf(t, s.nearMinute);
      let first = localDay(t.createdAt, t.timeZone);
      if (s.every === 'weeks') {
        const wanted = s.weekDay ?? dayDate(first).isoWeekday;
        while (dayDate(first).isoWeekday !== wanted) first++;
      }
      const step = s.every === 'weeks' ? 7 * s.n : s.n;
      while (slotOn(t, first, hour, minute) <= t.createdAt) first += step;
      let day = first + Math.max(0, Math.floor((localDay(from, t.timeZone) - first) / step) - 1) * step;
      while (slotOn(t, day, hour, minute) <= from) day += step;
      return slotOn(t, day, hour, minute);
    }
    case 'month': {
      const hour = s.hour ?? stableRandom(t.uid, 'hour', 24);
      const minute = minuteOf(t, s.nearMinute);
      const p = zonedParts(from, t.timeZone);
      for (let i = 0; i < 48; i++) {
        const y = p.year + Math.floor((p.month - 1 + i) / 12);
        const m = ((p.month - 1 + i) % 12) + 1;
        const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
        if (s.monthDay > lastDay) continue;
        const at = zonedTimeToUtc(
          t.timeZone,
          y,
          m,
          s.monthDay,
          hour,
          minute,
          stableRandom(t.uid, 'second', 60),
        );
        if (at > from) return at;
      }
      return undefined;
    }
  }
}
