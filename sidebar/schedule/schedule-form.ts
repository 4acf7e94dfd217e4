/**
 * The schedule picker's choices and the Schedule they stand for. Pure, so the mapping is tested
 * without a browser.
 */
import type { AlertRule } from '../../src/schedule/alerts';
import { HOUR_STEPS, type Schedule, WEEKDAYS, type Weekday } from '../../src/schedule/schedule';

/** One value per option of the "How often" select: "off", "hours-4", "daily", "weekly". */
export type Frequency = 'off' | `hours-${(typeof HOUR_STEPS)[number]}` | 'daily' | 'weekly';

export const FREQUENCIES: Array<{ value: Frequency; label: string }> = [
  { value: 'off', label: 'Off (only when I sync)' },
  ...HOUR_STEPS.map((h) => ({
    value: `hours-${h}` as Frequency,
    label: h === 1 ? 'Every hour' : `Every ${h} hours`,
  })),
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
];

export interface ScheduleForm {
  frequency: Frequency;
  hour: number;
  weekday: Weekday;
}

export function formOf(s: Schedule): ScheduleForm {
  switch (s.kind) {
    case 'off':
      return { frequency: 'off', hour: 6, weekday: 'MONDAY' };
    case 'hours':
      return { frequency: `hours-${s.every}`, hour: 6, weekday: 'MONDAY' };
    case 'daily':
      return { frequency: 'daily', hour: s.hour, weekday: 'MONDAY' };
    case 'weekly':
      return { frequency: 'weekly', hour: s.hour, weekday: s.weekday };
  }
}

export function scheduleOf(f: ScheduleForm): Schedule {
  if (f.frequency === 'off') return { kind: 'off' };
  if (f.frequency === 'daily') return { kind: 'daily', hour: f.hour };
  if (f.frequency === 'weekly') return { kind: 'weekly', weekday: f.weekday, hour: f.hour };
  return { kind: 'hours', every: Number(f.frequency.slice('hours-'.length)) as (typeof HOUR_STEPS)[number] };
}

export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? 'AM' : 'PM'}`;
}

export function weekdayLabel(d: Weekday): string {
  return d.charAt(0) + d.slice(1).toLowerCase();
}

export const HOURS = Array.from({ length: 24 }, (_, h) => h);
export { WEEKDAYS };

export type AlertKind = 'above' | 'below' | 'change';

/** An alert rule from the add-alert form; undefined with a reason when the number is unusable. */
export function alertOf(
  metricId: string,
  kind: AlertKind,
  amount: string,
  id: string,
): { rule: AlertRule } | { problem: string } {
  const n = Number(amount.replace(/,/g, '').trim());
  if (!metricId) return { problem: 'Choose a metric.' };
  if (amount.trim() === '' || !Number.isFinite(n)) return { problem: 'Enter a number.' };
  if (kind === 'change') {
    if (n <= 0) return { problem: 'Enter a percentage greater than 0.' };
    return { rule: { id, metricId, kind, percent: n } };
  }
  return { rule: { id, metricId, kind, value: n } };
}

export function describeAlert(rule: AlertRule, metricLabel: string): string {
  if (rule.kind === 'change') return `${metricLabel} changes by more than ${rule.percent}%`;
  return `${metricLabel} goes ${rule.kind} ${rule.value.toLocaleString('en-US')}`;
}
