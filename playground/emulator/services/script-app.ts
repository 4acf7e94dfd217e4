/**
 * ScriptApp (https://developers.google.com/apps-script/reference/script/script-app): trigger
 * builders and management, OAuth token, authorization info and state tokens.
 */
import { createHash } from 'node:crypto';
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import {
  AuthModeEnum,
  AuthorizationStatusEnum,
  EventTypeEnum,
  enumName,
  InstallationSourceEnum,
  TriggerSourceEnum,
  WeekdayEnum,
} from './enums';
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

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A deterministic per-user token with the shape of a Google access token. */
export function fakeOAuthToken(user: string): string {
  return `ya29.emulated.${sha(`oauth:${user}`).slice(0, 40)}`;
}

export const SCRIPT_ID = `1emulated${sha('tapdash-script').slice(0, 48)}`;

function invalid(what: string): Error {
  // Apps Script's generic wording for a bad argument ("Invalid argument: ...").
  return platformError(`Invalid argument: ${what}`);
}

function intIn(value: unknown, min: number, max: number, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(what);
  return n;
}

function dateMs(value: unknown): number {
  if (Object.prototype.toString.call(value) !== '[object Date]') throw invalid('date');
  const ms = (value as Date).getTime();
  if (!Number.isFinite(ms)) throw invalid('date');
  return ms;
}

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

export function createScriptApp(emu: Emulator): GoogleAppsScript.Script.ScriptApp {
  const use = (method: string, cost = emu.costs.scriptAppMs) =>
    emu.call('ScriptApp', method, 'triggers', cost);

  const register = (draft: Omit<TriggerRecord, 'uid' | 'nextRunAt' | 'owner' | 'createdAt'>) => {
    const record = emu.services.triggers.create(
      { ...draft, owner: emu.activeUser(), createdAt: emu.clock.now() },
      emu.options.addOn,
    );
    return triggerObject(record);
  };

  const clockBuilder = (handler: string) => {
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
        use('create');
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

  const spreadsheetBuilder = (handler: string, sourceId: string) => {
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
        use('create');
        // Wording not documented: a spreadsheet trigger needs an event.
        if (!eventType) throw platformError('Missing event type for the spreadsheet trigger.');
        return register({ handler, eventType, source: 'SPREADSHEETS', sourceId });
      },
    };
    return b;
  };

  const app = {
    AuthMode: AuthModeEnum,
    AuthorizationStatus: AuthorizationStatusEnum,
    EventType: EventTypeEnum,
    InstallationSource: InstallationSourceEnum,
    TriggerSource: TriggerSourceEnum,
    WeekDay: WeekdayEnum,

    newTrigger(functionName: string) {
      use('newTrigger', 0);
      const handler = String(functionName);
      return {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (spreadsheet: unknown) => spreadsheetBuilder(handler, sourceIdOf(spreadsheet)),
      };
    },
    getProjectTriggers() {
      use('getProjectTriggers');
      return emu.services.triggers.ownedBy(emu.activeUser()).map(triggerObject);
    },
    /** The emulator holds one spreadsheet, so every trigger of this user belongs to it. */
    getUserTriggers(_spreadsheet: unknown) {
      use('getUserTriggers');
      return emu.services.triggers.ownedBy(emu.activeUser()).map(triggerObject);
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      use('deleteTrigger');
      const record = emu.services.triggers.find(String(trigger?.getUniqueId?.()));
      // Other users' triggers are invisible to this user; deleting an unknown one does nothing.
      if (record && record.owner === emu.activeUser()) emu.services.triggers.remove(record.uid);
    },

    /**
     * Needs the user's full authorization: "user data" is FULL-only in the AuthMode table
     * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
     */
    getOAuthToken() {
      emu.call('ScriptApp', 'getOAuthToken', 'user-data', emu.costs.localMs);
      return fakeOAuthToken(emu.activeUser());
    },
    getIdentityToken() {
      emu.call('ScriptApp', 'getIdentityToken', 'user-data', emu.costs.localMs);
      return '';
    },
    getAuthorizationInfo(authMode: unknown) {
      emu.call('ScriptApp', 'getAuthorizationInfo', 'local', emu.costs.localMs);
      const required =
        enumName(authMode) === 'FULL' && emu.services.authorizationRequired.has(emu.activeUser());
      return {
        getAuthorizationStatus: () =>
          required ? AuthorizationStatusEnum.REQUIRED : AuthorizationStatusEnum.NOT_REQUIRED,
        // "returns null if no authorization is required" (AuthorizationInfo reference).
        getAuthorizationUrl: () =>
          required ? `https://script.google.com/macros/d/${SCRIPT_ID}/authorize?authuser=0` : null,
        getAuthorizedScopes: () => null,
      };
    },
    requireAllScopes(authMode: unknown) {
      app.requireScopes(authMode, []);
    },
    requireScopes(authMode: unknown, _scopes: string[]) {
      emu.call('ScriptApp', 'requireScopes', 'local', emu.costs.localMs);
      if (enumName(authMode) === 'FULL' && emu.services.authorizationRequired.has(emu.activeUser()))
        throw platformError('Authorization is required to perform that action.');
    },
    invalidateAuth() {
      emu.call('ScriptApp', 'invalidateAuth', 'local', emu.costs.localMs);
      emu.services.authorizationRequired.add(emu.activeUser());
    },
    getScriptId() {
      emu.call('ScriptApp', 'getScriptId', 'local', emu.costs.localMs);
      return SCRIPT_ID;
    },
    getInstallationSource() {
      emu.call('ScriptApp', 'getInstallationSource', 'local', emu.costs.localMs);
      return emu.options.addOn ? InstallationSourceEnum.WEB_STORE_ADD_ON : InstallationSourceEnum.NONE;
    },
    /** State tokens carry a callback name and arguments through an OAuth redirect. */
    newStateToken() {
      const token: { method?: string; args: Record<string, string>; timeout: number } = {
        args: {},
        timeout: 60,
      };
      const b = {
        withMethod(method: string) {
          token.method = String(method);
          return b;
        },
        withArgument(name: string, value: string) {
          token.args[String(name)] = String(value);
          return b;
        },
        withTimeout(seconds: number) {
          token.timeout = intIn(seconds, 1, 3600, 'seconds');
          return b;
        },
        createToken: () => {
          emu.call('ScriptApp', 'newStateToken', 'local', emu.costs.localMs);
          const body = {
            ...token,
            user: emu.activeUser(),
            expiresAt: emu.clock.now() + token.timeout * 1000,
          };
          return `ADD.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
        },
      };
      return b;
    },
  };
  return app as unknown as GoogleAppsScript.Script.ScriptApp;
}

/** Reads a state token created by newStateToken (the playground's OAuth callback uses it). */
export function readStateToken(
  token: string,
): { method?: string; args: Record<string, string>; user: string; expiresAt: number } | undefined {
  if (!token.startsWith('ADD.')) return undefined;
  try {
    return JSON.parse(Buffer.from(token.slice(4), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
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
