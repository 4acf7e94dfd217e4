import { openPlayground, type PlaygroundSession } from '../support/playground-session';
import { expectFitsAndAccessible } from '../support/sidebar-checks';

interface ScheduleView {
  settings: {
    schedule: { kind: string; hour?: number; weekday?: string; every?: number };
    digest: { enabled: boolean };
    alerts: Array<{ metricId: string; kind: string; value?: number }>;
  };
  description: string;
  owner: string | null;
  triggerInstalled: boolean;
}

describe('the Schedule & alerts view', () => {
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await openPlayground({ demo: true, tab: 'schedule' });
  });

  afterAll(async () => {
    await s?.close();
  });

  /** The emulated spreadsheet's clock triggers for the schedule, as Apps Script holds them. */
  const clockTriggers = () =>
    s.playground.workspace.emu.services.triggers.list.filter((t) => t.handler === 'runScheduledRefresh');

  it('changes the schedule to weekly with an alert and the digest, and the trigger follows', async () => {
    const panel = s.sidebar.getByTestId('panel-schedule');
    await panel.getByTestId('schedule-owner').filter({ hasText: 'No schedule yet' }).waitFor();
    expect((await s.run<ScheduleView>('getSchedule')).triggerInstalled).toBe(false);

    await panel.getByTestId('frequency').selectOption('weekly');
    await panel.locator('#weekday').selectOption('FRIDAY');
    await panel.getByTestId('hour').selectOption('17');
    await panel.getByTestId('digest').check();
    await panel.locator('#alert-metric').selectOption({ label: 'MRR' });
    await panel.locator('#alert-kind').selectOption('below');
    await panel.locator('#alert-amount').fill('50,000');
    await panel.getByTestId('add-alert').click();
    expect(await panel.getByTestId('alert-rule').textContent()).toContain('MRR goes below $50,000');
    await panel.getByTestId('save-schedule').click();
    await panel.getByTestId('schedule-saved').filter({ hasText: 'Every Friday around 5 PM' }).waitFor();

    const view = await s.run<ScheduleView>('getSchedule');
    expect(view.settings.schedule).toEqual({ kind: 'weekly', weekday: 'FRIDAY', hour: 17 });
    expect(view.triggerInstalled).toBe(true);
    expect(clockTriggers().map((t) => [t.owner, t.schedule])).toEqual([
      ['owner@example.com', expect.objectContaining({ every: 'weeks', weekDay: 5, hour: 17 })],
    ]);
    expect(view.owner).toBe('owner@example.com');
    expect(view.settings.digest.enabled).toBe(true);
    expect(view.settings.alerts).toEqual([expect.objectContaining({ kind: 'below', value: 50000 })]);
    await panel.getByTestId('schedule-owner').filter({ hasText: 'It runs as you' }).waitFor();
    await expectFitsAndAccessible(s.page, 'sidebar-schedule');
  });

  it('turns the schedule off, which removes the trigger', async () => {
    const panel = s.sidebar.getByTestId('panel-schedule');
    await panel.getByTestId('frequency').selectOption('off');
    await panel.getByTestId('save-schedule').click();
    await panel.getByTestId('schedule-saved').filter({ hasText: 'Off' }).waitFor();
    const view = await s.run<ScheduleView>('getSchedule');
    expect(view.settings.schedule).toEqual({ kind: 'off' });
    expect(view.triggerInstalled).toBe(false);
    expect(clockTriggers()).toEqual([]);
  });

  it('refuses an alert without a number, in words, next to the field', async () => {
    const panel = s.sidebar.getByTestId('panel-schedule');
    await panel.locator('#alert-amount').fill('lots');
    await panel.getByTestId('add-alert').click();
    expect(await panel.locator('#alert-amount-error').textContent()).toBe('Enter a number.');
    expect(await panel.locator('#alert-amount').getAttribute('aria-invalid')).toBe('true');
  });
});
