import type { Gas } from '../platform/gas';
import { loadCurrency } from '../settings/currency';
import { TapdashError } from '../shared/errors';
import type { AlertRule } from './alerts';
import { type Catalog, DEFAULT_CATALOG } from './catalog';
import { type AlertMetricChoice, alertMetricChoices } from './metric-readings';
import { installedPackages } from './refresh-all';
import { describeSchedule, type Schedule } from './schedule';
import { loadSettings, type ScheduleSettings, settingsProblems, storeSettings } from './settings';
import { installScheduleTrigger, scheduleTriggers } from './trigger';

/** What the sidebar's Schedule & alerts panel shows. */
export interface ScheduleView {
  settings: ScheduleSettings;
  description: string;
  /** Who runs the schedule (their trigger, their quotas, their emails). */
  owner: string | null;
  isOwner: boolean;
  /** Whether this user's trigger exists (the owner's trigger is invisible to other editors). */
  triggerInstalled: boolean;
  metrics: AlertMetricChoice[];
}

export function getScheduleView(gas: Gas, catalog: Catalog = DEFAULT_CATALOG): ScheduleView {
  const settings = loadSettings(gas);
  const me = gas.Session.getActiveUser().getEmail() || gas.Session.getEffectiveUser().getEmail();
  const owner = settings.owner ?? null;
  return {
    settings,
    description: describeSchedule(settings.schedule),
    owner,
    isOwner: owner === null || owner === me,
    triggerInstalled: scheduleTriggers(gas).length > 0,
    metrics: alertMetricChoices(installedPackages(gas, catalog), loadCurrency(gas)),
  };
}

/**
 * Saves the schedule, alerts and emails, and (re)creates the one clock trigger under the current
 * user, who becomes the schedule's owner. The previous owner's trigger retires itself on its
 * next run, so the schedule never runs twice.
 */
export function saveScheduleSettings(
  gas: Gas,
  input: unknown,
  catalog: Catalog = DEFAULT_CATALOG,
): ScheduleView {
  const metricIds = installedPackages(gas, catalog).flatMap((p) => p.metrics.map((m) => m.id));
  const problems = settingsProblems(input, metricIds);
  if (problems.length) {
    throw new TapdashError({
      code: 'schedule-invalid',
      message: problems.join(' '),
      fix: 'Correct the highlighted choice and save again.',
    });
  }
  const current = loadSettings(gas);
  const v = input as Partial<ScheduleSettings>;
  const me = gas.Session.getEffectiveUser().getEmail();
  const next: ScheduleSettings = {
    schedule: v.schedule as Schedule,
    failureEmails: v.failureEmails ?? current.failureEmails,
    digest: v.digest ?? current.digest,
    alerts: (v.alerts as AlertRule[] | undefined) ?? current.alerts,
    owner: me,
  };
  installScheduleTrigger(gas, next.schedule);
  storeSettings(gas, next);
  return getScheduleView(gas, catalog);
}
