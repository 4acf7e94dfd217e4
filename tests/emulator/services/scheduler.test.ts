import type { GasGlobals } from '../../../playground/emulator/emulator';
import {
  fireOnOpen,
  fireSpreadsheetTriggers,
  runDueTriggers,
  TRIGGER_RUNTIME_ERROR,
} from '../../../playground/emulator/scheduler';
import { createUi } from '../../../playground/emulator/services/ui';
import { emulator, START, thrown } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('runDueTriggers: clock triggers over simulated days (installable triggers guide)', () => {
  it('fires an hourly trigger once an hour at a minute and second that stay the same', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('sync').timeBased().everyHours(1).create());
    const fired: number[] = [];
    const runs = runDueTriggers(emu, { sync: () => fired.push(emu.clock.now()) }, START + 3 * DAY);
    expect(runs.length).toBeGreaterThanOrEqual(71);
    expect(runs.length).toBeLessThanOrEqual(72);
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    const gaps = fired.slice(1).map((t, i) => t - fired[i]);
    expect(new Set(gaps)).toEqual(new Set([HOUR]));
    expect(fired[0]).toBeGreaterThan(START);
    expect(fired[0]).toBeLessThanOrEqual(START + HOUR);
  });

  it('fires a daily trigger at its hour in its time zone, at the same minute each day', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.ScriptApp.newTrigger('daily')
        .timeBased()
        .everyDays(1)
        .atHour(9)
        .inTimezone('America/New_York')
        .create(),
    );
    const events: Array<Record<string, unknown>> = [];
    runDueTriggers(emu, { daily: (e: Record<string, unknown>) => events.push(e) }, START + 3 * DAY);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.hour)).toEqual([9, 9, 9]);
    expect(new Set(events.map((e) => e.minute)).size).toBe(1);
    // Created at 07:00 in New York, so the first run is the same morning.
    expect(events.map((e) => e['day-of-month'])).toEqual([1, 2, 3]);
    expect(events.every((e) => e.timezone === 'America/New_York')).toBe(true);
  });

  it('fires nearMinute within 15 minutes of the asked minute', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(6).nearMinute(30).create(),
    );
    const minutes: number[] = [];
    runDueTriggers(emu, { f: (e: { minute: number }) => minutes.push(e.minute) }, START + 2 * DAY);
    expect(minutes.length).toBe(2);
    for (const m of minutes) expect(Math.abs(m - 30)).toBeLessThanOrEqual(15);
  });

  it('fires a weekly trigger on its weekday only', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.ScriptApp.newTrigger('weekly')
        .timeBased()
        .everyWeeks(1)
        .onWeekDay(gas.ScriptApp.WeekDay.WEDNESDAY)
        .atHour(8)
        .create(),
    );
    const days: unknown[] = [];
    runDueTriggers(
      emu,
      { weekly: (e: Record<string, unknown>) => days.push(e['day-of-week']) },
      START + 21 * DAY,
    );
    expect(days).toEqual([3, 3, 3]);
  });

  it('passes the time-driven event object (authMode, triggerUid, date parts, timezone, week-of-year)', () => {
    const emu = emulator({ scriptTimeZone: 'Etc/UTC' });
    const uid = emu.run((gas) =>
      gas.ScriptApp.newTrigger('f')
        .timeBased()
        .after(30 * 60_000)
        .create()
        .getUniqueId(),
    );
    let event: Record<string, unknown> = {};
    let full: unknown;
    runDueTriggers(
      emu,
      {
        f: (e: Record<string, unknown>) => {
          event = e;
          full = (emu.globals as GasGlobals).ScriptApp.AuthMode.FULL;
        },
      },
      START + HOUR,
    );
    expect(event).toEqual({
      authMode: full,
      'day-of-month': 1,
      'day-of-week': 1,
      hour: 12,
      minute: 30,
      month: 1,
      second: 0,
      timezone: 'Etc/UTC',
      triggerUid: uid,
      'week-of-year': 1,
      year: 2024,
    });
  });

  it('runs the trigger as its owner, in AuthMode.FULL, as an installable-trigger execution', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('f').timeBased().everyHours(1).create(), {
      user: 'alice@example.com',
    });
    let email = '';
    runDueTriggers(
      emu,
      { f: () => (email = (emu.globals as GasGlobals).Session.getActiveUser().getEmail()) },
      START + HOUR,
    );
    const exec = emu.executions[emu.executions.length - 1];
    expect([exec.kind, exec.authMode, exec.user, exec.name]).toEqual([
      'installable-trigger',
      'FULL',
      'alice@example.com',
      'f',
    ]);
    expect(email).toBe('alice@example.com');
  });

  it('removes a one-shot trigger after it fires, so a continuation can schedule the next one', () => {
    const emu = emulator({ addOn: true });
    emu.run((gas) =>
      gas.ScriptApp.newTrigger('step')
        .timeBased()
        .after(10 * 60_000)
        .create(),
    );
    let steps = 0;
    const bundle = {
      step: () => {
        steps++;
        if (steps < 3)
          (emu.globals as GasGlobals).ScriptApp.newTrigger('step')
            .timeBased()
            .after(10 * 60_000)
            .create();
      },
    };
    const runs = runDueTriggers(emu, bundle, START + DAY);
    expect(runs.map((r) => r.scheduledAt - START)).toEqual([10, 20, 30].map((m) => m * 60_000));
    expect(emu.services.triggers.list).toEqual([]);
  });

  it('fires a one-shot whose time has already passed at the next scheduler pass', () => {
    const emu = emulator();
    emu.run((gas) =>
      gas.ScriptApp.newTrigger('f')
        .timeBased()
        .at(new Date(START - DAY))
        .create(),
    );
    let ran = false;
    runDueTriggers(emu, { f: () => (ran = true) }, START);
    expect(ran).toBe(true);
  });

  it('records a failing trigger without rethrowing, and keeps firing it later', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('broken').timeBased().everyHours(1).create());
    const runs = runDueTriggers(
      emu,
      {
        broken: () => {
          throw new Error('API down');
        },
      },
      START + 3 * HOUR,
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.status === 'failed' && r.error === 'API down')).toBe(true);
    expect(emu.services.triggers.runs).toHaveLength(runs.length);
  });

  it('records a run that hit the 6-minute limit as timed out', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('slow').timeBased().after(0).create());
    const runs = runDueTriggers(
      emu,
      {
        slow: () => {
          for (let i = 0; i < 2; i++) (emu.globals as GasGlobals).Utilities.sleep(300_000);
        },
      },
      START + HOUR,
    );
    expect(runs.map((r) => [r.status, r.error])).toEqual([['timed-out', 'Exceeded maximum execution time']]);
  });

  it('records a trigger whose handler does not exist as failed ("Script function not found")', () => {
    const emu = emulator();
    emu.run((gas) => gas.ScriptApp.newTrigger('gone').timeBased().after(0).create());
    const runs = runDueTriggers(emu, {}, START + HOUR);
    expect(runs.map((r) => r.error)).toEqual(['Script function not found: gone']);
  });

  it('stops running an owner’s triggers once their daily trigger runtime is used up, until 24 h later', () => {
    const emu = emulator({ quotas: { triggerRuntimeMsPerDay: 10 * 60_000 } });
    emu.run((gas) => gas.ScriptApp.newTrigger('work').timeBased().everyHours(1).create());
    const bundle = { work: () => (emu.globals as GasGlobals).Utilities.sleep(240_000) };
    const firstDay = runDueTriggers(emu, bundle, START + DAY - HOUR);
    // 4 minutes a run: runs 1-3 start under the 10-minute budget, the rest are refused.
    expect(firstDay.slice(0, 3).map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    expect(new Set(firstDay.slice(3).map((r) => r.error))).toEqual(new Set([TRIGGER_RUNTIME_ERROR]));
    const nextDay = runDueTriggers(emu, bundle, START + DAY + 2 * HOUR);
    expect(nextDay.some((r) => r.status === 'completed')).toBe(true);
  });

  it('moves the clock to the end of the period even when nothing is due', () => {
    const emu = emulator();
    runDueTriggers(emu, {}, START + DAY);
    expect(emu.clock.now()).toBe(START + DAY);
  });
});

describe('simple and installable spreadsheet triggers', () => {
  it('fires onOpen as a simple trigger in the chosen AuthMode with a 30-second limit', () => {
    const emu = emulator();
    let mode = '';
    fireOnOpen(
      emu,
      { onOpen: (e: { authMode: unknown }) => (mode = String(e.authMode)) },
      { authMode: 'NONE' },
    );
    const exec = emu.executions[0];
    expect([mode, exec.kind, exec.authMode]).toEqual(['NONE', 'simple-trigger', 'NONE']);
    expect(
      thrown(() =>
        fireOnOpen(
          emu,
          { onOpen: () => (emu.globals as GasGlobals).Utilities.sleep(31_000) },
          { authMode: 'LIMITED' },
        ),
      ),
    ).toBe('Exceeded maximum execution time');
  });

  it('lets onOpen in AuthMode.NONE build the add-on menu but not read properties', () => {
    const emu = emulator();
    const onOpen = () => {
      createUi(emu).createAddonMenu().addItem('Open', 'openSidebar').addToUi();
      (emu.globals as GasGlobals).PropertiesService.getDocumentProperties();
    };
    expect(thrown(() => fireOnOpen(emu, { onOpen }, { authMode: 'NONE' }))).toMatch(
      /^You do not have permission/,
    );
    expect(emu.services.ui.menus).toEqual([
      {
        caption: null,
        addOn: true,
        user: 'owner@example.com',
        items: [{ kind: 'item', caption: 'Open', functionName: 'openSidebar' }],
      },
    ]);
  });

  it('does nothing when the script has no onOpen', () => {
    const emu = emulator();
    expect(fireOnOpen(emu, {})).toBeUndefined();
    expect(emu.executions).toEqual([]);
  });

  it('runs installable open triggers as their owners in AuthMode.FULL with the trigger id', () => {
    const emu = emulator({ addOn: false });
    const sheet = { getId: () => 's' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const uid = emu.run(
      (gas) => gas.ScriptApp.newTrigger('opened').forSpreadsheet(sheet).onOpen().create().getUniqueId(),
      {
        user: 'alice@example.com',
      },
    );
    const seen: unknown[] = [];
    const runs = fireSpreadsheetTriggers(
      emu,
      { opened: (e: { triggerUid: string }) => seen.push(e.triggerUid) },
      'ON_OPEN',
    );
    expect(seen).toEqual([uid]);
    expect(runs.map((r) => [r.owner, r.status])).toEqual([['alice@example.com', 'completed']]);
    expect(emu.executions[emu.executions.length - 1].authMode).toBe('FULL');
  });
});
