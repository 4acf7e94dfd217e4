/**
 * The refresh schedule: one installable clock trigger per spreadsheet. Editor add-ons may have
 * one clock trigger per user per document, running at most hourly (platform notes §3), so the
 * choices stop at hourly.
 */
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export const WEEKDAYS: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];
export const HOUR_STEPS = [1, 2, 4, 6, 8, 12] as const;
export type HourStep = (typeof HOUR_STEPS)[number];

export type Schedule =
  | { kind: 'off' }
  | { kind: 'hours'; every: HourStep }
  | { kind: 'daily'; hour: number }
  | { kind: 'weekly'; weekday: Weekday; hour: number };

export const DEFAULT_SCHEDULE: Schedule = { kind: 'hours', every: 1 };

/** Checks a schedule that came from the sidebar or an imported config; returns a problem in words. */
export function scheduleProblem(s: unknown): string | undefined {
  if (!s || typeof s !== 'object') return 'The schedule is missing.';
  const v = s as Record<string, unknown>;
  const hourOk = (h: unknown) => Number.isInteger(h) && (h as number) >= 0 && (h as number) <= 23;
  switch (v.kind) {
    case 'off':
      return undefined;
    case 'hours':
      return (HOUR_STEPS as readonly unknown[]).includes(v.every)
        ? undefined
        : 'Choose every 1, 2, 4, 6, 8 or 12 hours.';
    case 'daily':
      return hourOk(v.hour) ? undefined : 'Choose an hour between 0 and 23.';
    case 'weekly':
      if (!WEEKDAYS.includes(v.weekday as Weekday)) return 'Choose a day of the week.';
      return hourOk(v.hour) ? undefined : 'Choose an hour between 0 and 23.';
    default:
      return 'Choose hourly, every few hours, daily, weekly or off.';
  }
}

/** How long a schedule waits between runs, used to decide which connections are due. */
export function intervalHours(s: Schedule): number | undefined {
  switch (s.kind) {
    case 'off':
      return undefined;
    case 'hours':
      return s.every;
    case 'daily':
      return 24;
    case 'weekly':
      return 24 * 7;
  }
}

function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? 'AM' : 'PM'}`;
}

export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'off':
      return 'Off: data refreshes only when you sync from the sidebar';
    case 'hours':
      return s.every === 1 ? 'Every hour' : `Every ${s.every} hours`;
    case 'daily':
      return `Every day around ${hourLabel(s.hour)}`;
    case 'weekly':
      return `Every ${s.weekday.charAt(0)}${s.weekday.slice(1).toLowerCase()} around ${hourLabel(s.hour)}`;
  }
}
