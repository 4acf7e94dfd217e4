import { Emulator } from '../../playground/emulator/emulator';
import { runDueTriggers } from '../../playground/emulator/scheduler';
import { installSimulatedDate } from '../../playground/emulator/sim-date';
import { saveConnection } from '../../src/connect/connection-store';
import type { Gas } from '../../src/platform/gas';
import { refreshAll } from '../../src/schedule/refresh-all';
import { getScheduleView, saveScheduleSettings } from '../../src/schedule/schedule-api';
import { runScheduled } from '../../src/schedule/scheduled-run';
import { START, tinyCatalog, tinyConnector } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OWNER = 'owner@example.com';
const EDITOR = 'editor@example.com';

let restoreDate: (() => void) | undefined;
afterEach(() => restoreDate?.());

function setup(config: Record<string, string> = {}) {
  const emu = new Emulator({
    realCpu: false,
    now: START + 10 * DAY + 30 * 60_000,
    user: OWNER,
    timeZone: 'Etc/UTC',
  });
  restoreDate = installSimulatedDate(() => emu.clock.now());
  emu.run((gas) => saveConnection(gas as Gas, { id: 'tiny', connector: 'tiny', config }, tinyConnector));
  // What the clock trigger calls, with the small catalog instead of the shipped connectors.
  const script = { runScheduledRefresh: () => runScheduled(emu.globals as Gas, { catalog: tinyCatalog }) };
  const save = (settings: unknown, user = OWNER) =>
    emu.run((gas) => saveScheduleSettings(gas as Gas, settings, tinyCatalog), { user, kind: 'script-run' });
  const hourly = { schedule: { kind: 'hours', every: 1 }, failureEmails: true };
  const clockTriggers = () => emu.services.triggers.list.filter((t) => t.handler === 'runScheduledRefresh');
  const cell = (tab: string, a1: string) =>
    emu.run(
      (gas) => gas.SpreadsheetApp.getActive().getSheetByName(tab)?.getRange(a1).getDisplayValue() ?? null,
    );
  const rows = (tab: string) =>
    emu.run((gas) => gas.SpreadsheetApp.getActive().getSheetByName(tab)?.getDataRange().getValues() ?? []);
  const charts = () =>
    emu.run((gas) => gas.SpreadsheetApp.getActive().getSheetByName('Dashboard')?.getCharts() ?? []);
  return { emu, script, save, hourly, clockTriggers, cell, rows, charts, mail: () => emu.services.outbox };
}

describe('the schedule trigger', () => {
  it('is created once, replaced when the schedule changes, and removed when it is turned off', () => {
    const t = setup();
    t.save(t.hourly);
    expect(t.clockTriggers()).toHaveLength(1);
    t.save({ schedule: { kind: 'daily', hour: 6 } });
    t.save({ schedule: { kind: 'weekly', weekday: 'MONDAY', hour: 9 } });
    expect(t.clockTriggers()).toHaveLength(1);
    t.save({ schedule: { kind: 'off' } });
    expect(t.clockTriggers()).toHaveLength(0);
  });

  it('refuses an interval an add-on cannot have, and keeps the current trigger', () => {
    const t = setup();
    t.save(t.hourly);
    expect(() => t.save({ schedule: { kind: 'hours', every: 3 } })).toThrow(
      'Choose every 1, 2, 4, 6, 8 or 12 hours.',
    );
    expect(t.clockTriggers()).toHaveLength(1);
  });

  it('belongs to the editor who last saved it; the previous owner’s trigger retires on its next run, so it never runs twice', () => {
    const t = setup();
    t.save(t.hourly, OWNER);
    t.save(t.hourly, EDITOR);
    expect(
      t
        .clockTriggers()
        .map((x) => x.owner)
        .sort(),
    ).toEqual([EDITOR, OWNER]);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 2 * HOUR);
    expect(t.clockTriggers().map((x) => x.owner)).toEqual([EDITOR]);
    const view = t.emu.run((gas) => getScheduleView(gas as Gas, tinyCatalog), {
      user: OWNER,
      kind: 'script-run',
    });
    expect([view.owner, view.isOwner]).toEqual([EDITOR, false]);
  });
});

describe('a scheduled run', () => {
  it('syncs, refreshes models and builds the Dashboard with tiles and a native chart', () => {
    const t = setup();
    t.save(t.hourly);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + HOUR);
    expect(t.rows('tiny_signups').length).toBe(1 + 41);
    expect(t.rows('Tiny daily').slice(-1)[0][1]).toBe(1);
    expect(t.charts()).toHaveLength(1);
    expect(t.rows('Dashboard').flat()).toContain('Signups per day');
  });

  it('updates the Dashboard in place as new data arrives over simulated days, and snapshots history daily', () => {
    const t = setup();
    t.save(t.hourly);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + HOUR);
    const firstChart = t.charts()[0].getChartId();
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 3 * DAY);
    expect(t.rows('tiny_signups').length).toBe(1 + 41 + 12);
    expect(t.charts().map((c) => c.getChartId())).toEqual([firstChart]);
    const historyDays = new Set(
      t
        .rows('Metrics history')
        .slice(1)
        .map((r) => String(r[0])),
    );
    expect(historyDays.size).toBe(4);
    const runs = t.emu.services.triggers.runs.filter((r) => r.handler === 'runScheduledRefresh');
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
  });

  it('opens the Dashboard tab when it is first built, and leaves the founder where they are after that', () => {
    const t = setup();
    const active = () => t.emu.run((gas) => gas.SpreadsheetApp.getActive().getActiveSheet().getName());
    const before = active();
    expect(before).not.toBe('Dashboard');
    t.emu.run((gas) => refreshAll(gas as Gas, { catalog: tinyCatalog }));
    expect(active()).toBe('Dashboard');
    t.emu.run((gas) => {
      const ss = gas.SpreadsheetApp.getActive();
      ss.setActiveSheet(ss.getSheetByName(before) as GoogleAppsScript.Spreadsheet.Sheet);
    });
    t.emu.run((gas) => refreshAll(gas as Gas, { catalog: tinyCatalog }));
    expect(active()).toBe(before);
  });

  it('flags a source that has not synced within its freshness as stale on the Dashboard', () => {
    const t = setup();
    t.emu.run((gas) => refreshAll(gas as Gas, { catalog: tinyCatalog }));
    t.save(t.hourly);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + HOUR);
    t.save({ schedule: { kind: 'off' } });
    t.emu.clock.advance(3 * DAY);
    t.emu.run((gas) => refreshAll(gas as Gas, { catalog: tinyCatalog }));
    expect(t.rows('Dashboard').flat().join(' ')).toMatch(/Tiny data is stale/);
  });

  it('stops at its time box and finishes the sync on the next run, with every record exactly once', () => {
    const t = setup({ size: '60000' });
    t.emu.costs.sheetWritePerCellMs = 4; // a slow spreadsheet: 60,000 rows cannot be written in one run
    t.save(t.hourly);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + HOUR);
    // A full refresh fills a hidden loading tab and swaps it in when complete.
    const afterFirst = t.rows('tiny_signups (loading)').length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(60_000);
    expect(t.emu.services.triggers.runs.map((r) => r.status)).toEqual(['completed']);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 6 * HOUR);
    const ids = t
      .rows('tiny_signups')
      .slice(1)
      .map((r) => r[0]);
    expect(ids).toHaveLength(60_000);
    expect(new Set(ids).size).toBe(60_000);
    // (The final swap of the loading tab is one write; on a spreadsheet this slow it can
    // itself run out of time, and the next run finishes it: that is what the check above proves.)
  });
});

describe('emails from the schedule', () => {
  it('sends one failure email per day per connection and error, then a short note when it is fixed', () => {
    const t = setup({ mode: 'broken' });
    t.save(t.hourly);
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 20 * HOUR);
    expect(t.mail().map((m) => m.subject)).toEqual(['Tapdash: Tiny could not sync']);
    expect(t.mail()[0].to).toEqual([OWNER]);
    expect(t.mail()[0].body).toContain('What to do: Paste a new key in Connections.');
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + DAY);
    expect(t.mail()).toHaveLength(2);
    t.emu.run((gas) =>
      saveConnection(gas as Gas, { id: 'tiny', connector: 'tiny', config: { mode: 'fixed' } }, tinyConnector),
    );
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 5 * HOUR);
    expect(
      t
        .mail()
        .map((m) => m.subject)
        .slice(2),
    ).toEqual(['Tapdash: Tiny is syncing again']);
  });

  it('sends nothing when failure emails are switched off', () => {
    const t = setup({ mode: 'broken' });
    t.save({ ...t.hourly, failureEmails: false });
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 3 * HOUR);
    expect(t.mail()).toHaveLength(0);
  });

  it('emails an alert once per crossing, not on every run', () => {
    const t = setup();
    t.save({ ...t.hourly, alerts: [{ id: 'a1', metricId: 'signups', kind: 'above', value: 0 }] });
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 6 * HOUR);
    const alerts = t.mail().filter((m) => m.subject.startsWith('Tapdash alert'));
    expect(alerts.map((m) => m.subject)).toEqual(['Tapdash alert: Signups per day']);
    expect(alerts[0].body).toMatch(/^Signups per day is \d, above your alert level of 0\./);
  });

  it('sends the weekly digest once, on its day and hour', () => {
    const t = setup();
    // START + 10 days is a Sunday (2026-01-11); the digest goes out on Monday from 8:00.
    t.save({ ...t.hourly, digest: { enabled: true, weekday: 'MONDAY', hour: 8 } });
    runDueTriggers(t.emu, t.script, t.emu.clock.now() + 2 * DAY);
    const digests = t.mail().filter((m) => m.subject.startsWith('Tapdash weekly digest'));
    expect(digests).toHaveLength(1);
    expect(new Date(digests[0].at).toISOString().slice(0, 13)).toBe('2026-01-12T08');
    // Monday 08:xx: two signups so far today (00:00, 06:00) against four on Sunday.
    expect(digests[0].body).toContain('Signups per day: 2  ▼ 50.0% vs previous period');
  });
});
