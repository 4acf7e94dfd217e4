/**
 * ScriptApp.newTrigger(): the clock and spreadsheet trigger builders
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
 * https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder).
 * create() hands the trigger to the registry, which applies the platform's limits.
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { dateMs, intIn, invalid } from './arguments';
import { EventTypeEnum, enumName, TriggerSourceEnum } from './enums';
import { isKnownTimeZone, zonedTimeToUtc } from './time-zone';
import type { ClockSchedule } from './trigger-schedule';
import type { TriggerEventType, TriggerRecord } from './triggers';

const ISO_WEEKDAY: Record<string, number> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

/** everyMinutes accepts only these (clock-trigger-builder reference). */
export const EVERY_MINUTES_VALUES = [1, 5, 10, 15, 30];

export function triggerObject(record: TriggerRecord) {
  return {
    getUniqueId: () => record.uid,
    getHandlerFunction: () => record.handler,
    getEventType: () => EventTypeEnum[record.eventType],
    getTriggerSource: () => TriggerSourceEnum[record.source],
    getTriggerSourceId: () => record.sourceId,
  };
}

function sourceIdOf(spreadsheet: unknown): string {
  if (spreadsheet && typeof (spreadsheet as { getId?: unknown }).getId === 'function')
    return String((spreadsheet as { getId(): string }).getId());
  return String(spreadsheet);
}

export function newTriggerBuilder(emu: Emulator, handler: string) {
  const create = (builder: string) => emu.call(builder, 'create', 'triggers', emu.costs.scriptAppMs);

  const register = (draft: Omit<TriggerRecord, 'uid' | 'nextRunAt' | 'owner' | 'createdAt'>) => {
    const record = emu.services.triggers.create(
      { ...draft, owner: emu.activeUser(), createdAt: emu.clock.now() },
      emu.options.addOn,
    );
    return triggerObject(record);
  };

  const clockBuilder = () => {
    const s: {
      minutes?: number;
      hours?: number;
      days?: number;
      weeks?: number;
      monthDay?: number;
      weekDay?: number;
      hour?: number;
      nearMinute?: number;
      once?: number;
      timeZone?: string;
    } = {};
    const b = {
      everyMinutes(n: number) {
        // The reference lists the allowed values; the error wording is not documented.
        if (!EVERY_MINUTES_VALUES.includes(Number(n)))
          throw platformError('Invalid argument: minutes. Valid values are 1, 5, 10, 15 or 30.');
        s.minutes = Number(n);
        return b;
      },
      everyHours(n: number) {
        // No documented list of allowed values (the trigger UI offers 1, 2, 4, 6, 8 and 12).
        s.hours = intIn(n, 1, 24, 'hours');
        return b;
      },
      everyDays(n: number) {
        s.days = intIn(n, 1, 366, 'days');
        return b;
      },
      everyWeeks(n: number) {
        s.weeks = intIn(n, 1, 52, 'weeks');
        return b;
      },
      onWeekDay(day: unknown) {
        const name = enumName(day) ?? '';
        if (!(name in ISO_WEEKDAY)) throw invalid('day');
        s.weekDay = ISO_WEEKDAY[name];
        return b;
      },
      onMonthDay(day: number) {
        s.monthDay = intIn(day, 1, 31, 'day');
        return b;
      },
      atHour(hour: number) {
        s.hour = intIn(hour, 0, 23, 'hour');
        return b;
      },
      nearMinute(minute: number) {
        s.nearMinute = intIn(minute, 0, 59, 'minute');
        return b;
      },
      inTimezone(timezone: string) {
        if (!isKnownTimeZone(String(timezone))) throw invalid('timezone');
        s.timeZone = String(timezone);
        return b;
      },
      at(date: Date) {
        s.once = dateMs(date);
        return b;
      },
      after(durationMilliseconds: number) {
        const ms = Number(durationMilliseconds);
        if (!Number.isFinite(ms) || ms < 0) throw invalid('durationMilliseconds');
        s.once = emu.clock.now() + ms;
        return b;
      },
      atDate(year: number, month: number, day: number) {
        // "by default near midnight (+/- 15 minutes)": the emulator uses midnight itself.
        s.once = zonedTimeToUtc(
          s.timeZone ?? emu.options.scriptTimeZone,
          intIn(year, 1970, 9999, 'year'),
          intIn(month, 1, 12, 'month'),
          intIn(day, 1, 31, 'day'),
        );
        return b;
      },
      create() {
        create('ClockTriggerBuilder');
        return register({
          handler,
          eventType: 'CLOCK',
          source: 'CLOCK',
          sourceId: null,
          schedule: toSchedule(s),
          timeZone: s.timeZone ?? emu.options.scriptTimeZone,
        });
      },
    };
    return b;
  };

  const spreadsheetBuilder = (sourceId: string) => {
    let eventType: TriggerEventType | undefined;
    const b = {
      onOpen() {
        eventType = 'ON_OPEN';
        return b;
      },
      onEdit() {
        eventType = 'ON_EDIT';
        return b;
      },
      onChange() {
        eventType = 'ON_CHANGE';
        return b;
      },
      onFormSubmit() {
        eventType = 'ON_FORM_SUBMIT';
        return b;
      },
      create() {
        create('SpreadsheetTriggerBuilder');
        // Wording not documented: a spreadsheet trigger needs an event.
        if (!eventType) throw platformError('Missing event type for the spreadsheet trigger.');
        return register({ handler, eventType, source: 'SPREADSHEETS', sourceId });
      },
    };
    return b;
  };

  return {
    timeBased: () => clockBuilder(),
    forSpreadsheet: (spreadsheet: unknown) => spreadsheetBuilder(sourceIdOf(spreadsheet)),
  };
}

function toSchedule(s: {
  minutes?: number;
  hours?: number;
  days?: number;
  weeks?: number;
  monthDay?: number;
  weekDay?: number;
  hour?: number;
  nearMinute?: number;
  once?: number;
}): ClockSchedule {
  // onWeekDay alone means weekly (the reference's example omits everyWeeks).
  const weeks = s.weeks ?? (s.weekDay !== undefined ? 1 : undefined);
  const kinds = [s.minutes, s.hours, s.days, weeks, s.monthDay, s.once].filter((v) => v !== undefined);
  // Wording not documented: a clock trigger needs exactly one schedule.
  if (kinds.length !== 1) throw platformError('A time-based trigger needs exactly one schedule.');
  if ((s.hour !== undefined || s.nearMinute !== undefined) && (s.minutes || s.hours || s.once !== undefined))
    throw platformError(
      'atHour() and nearMinute() can only be used with everyDays(), everyWeeks() or onMonthDay().',
    );
  if (s.once !== undefined) return { once: s.once };
  if (s.minutes) return { every: 'minutes', n: s.minutes };
  if (s.hours) return { every: 'hours', n: s.hours };
  if (s.days) return { every: 'days', n: s.days, hour: s.hour, nearMinute: s.nearMinute };
  if (weeks) return { every: 'weeks', n: weeks, weekDay: s.weekDay, hour: s.hour, nearMinute: s.nearMinute };
  return { every: 'month', monthDay: s.monthDay as number, hour: s.hour, nearMinute: s.nearMinute };
}
