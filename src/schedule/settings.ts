import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import { type AlertRule, alertRuleProblem } from './alerts';
import { DEFAULT_SCHEDULE, type Schedule, scheduleProblem, WEEKDAYS, type Weekday } from './schedule';

/**
 * Per-spreadsheet orchestration settings, in document properties so every editor sees them.
 * `owner` is the account whose clock trigger runs the schedule (triggers belong to one user and
 * other accounts cannot see them, platform notes §3).
 */
export interface ScheduleSettings {
  schedule: Schedule;
  owner?: string;
  failureEmails: boolean;
  digest: { enabled: boolean; weekday: Weekday; hour: number };
  alerts: AlertRule[];
}

export const SETTINGS_KEY = 'tapdash.schedule.settings';

export const DEFAULT_SETTINGS: ScheduleSettings = {
  schedule: DEFAULT_SCHEDULE,
  failureEmails: true,
  digest: { enabled: false, weekday: 'MONDAY', hour: 8 },
  alerts: [],
};

export function loadSettings(gas: Gas): ScheduleSettings {
  const raw = gas.PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return { ...DEFAULT_SETTINGS, schedule: { kind: 'off' } };
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<ScheduleSettings>) };
  } catch {
    return { ...DEFAULT_SETTINGS, schedule: { kind: 'off' } };
  }
}

export function storeSettings(gas: Gas, settings: ScheduleSettings): void {
  const text = JSON.stringify(settings);
  if (text.length > 8_000) {
    throw new TapdashError({
      code: 'settings-too-large',
      message: 'There are too many alert rules to store in this spreadsheet.',
      fix: 'Remove a few alert rules, then save again.',
    });
  }
  gas.PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, text);
}

/** Validates settings from the sidebar or an imported configuration; every problem in words. */
export function settingsProblems(value: unknown, metricIds: readonly string[]): string[] {
  if (!value || typeof value !== 'object') return ['The schedule settings are missing.'];
  const v = value as Partial<ScheduleSettings>;
  const problems: string[] = [];
  const s = scheduleProblem(v.schedule);
  if (s) problems.push(s);
  if (v.failureEmails !== undefined && typeof v.failureEmails !== 'boolean')
    problems.push('Failure emails must be on or off.');
  if (v.digest !== undefined) {
    const d = v.digest as Partial<ScheduleSettings['digest']>;
    if (typeof d.enabled !== 'boolean') problems.push('The weekly digest must be on or off.');
    if (!WEEKDAYS.includes(d.weekday as Weekday)) problems.push('Choose the day the weekly digest is sent.');
    if (!Number.isInteger(d.hour) || (d.hour as number) < 0 || (d.hour as number) > 23)
      problems.push('Choose the hour the weekly digest is sent (0–23).');
  }
  if (v.alerts !== undefined) {
    if (!Array.isArray(v.alerts)) problems.push('Alerts must be a list.');
    else
      v.alerts.forEach((a, i) => {
        const p = alertRuleProblem(a, metricIds);
        if (p) problems.push(`Alert ${i + 1}: ${p}`);
      });
  }
  return problems;
}
