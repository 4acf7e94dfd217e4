import type { Gas } from '../platform/gas';
import { type Schedule, WEEKDAYS } from './schedule';

/** The top-level function the clock trigger calls (exported from main.ts). */
export const SCHEDULE_HANDLER = 'runScheduledRefresh';

/** This user's clock triggers for Tapdash in this spreadsheet. */
export function scheduleTriggers(gas: Gas): GoogleAppsScript.Script.Trigger[] {
  const ss = gas.SpreadsheetApp.getActive();
  return gas.ScriptApp.getUserTriggers(ss).filter(
    (t) => t.getHandlerFunction() === SCHEDULE_HANDLER && t.getEventType() === gas.ScriptApp.EventType.CLOCK,
  );
}

/**
 * Replaces this user's schedule trigger: deletes the old one first, because an add-on may hold
 * one clock trigger per user per document, then creates the new one (none for "off").
 */
export function installScheduleTrigger(gas: Gas, schedule: Schedule): void {
  for (const t of scheduleTriggers(gas)) gas.ScriptApp.deleteTrigger(t);
  if (schedule.kind === 'off') return;
  const builder = gas.ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased();
  const ss = gas.SpreadsheetApp.getActive();
  switch (schedule.kind) {
    case 'hours':
      builder.everyHours(schedule.every).create();
      return;
    case 'daily':
      builder.everyDays(1).atHour(schedule.hour).inTimezone(ss.getSpreadsheetTimeZone()).create();
      return;
    case 'weekly': {
      const day = gas.ScriptApp.WeekDay[schedule.weekday];
      if (!WEEKDAYS.includes(schedule.weekday)) return;
      builder.onWeekDay(day).atHour(schedule.hour).inTimezone(ss.getSpreadsheetTimeZone()).create();
      return;
    }
  }
}

export function removeScheduleTriggers(gas: Gas): void {
  for (const t of scheduleTriggers(gas)) gas.ScriptApp.deleteTrigger(t);
}
