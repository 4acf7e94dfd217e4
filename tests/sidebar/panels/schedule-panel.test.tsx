/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SchedulePanel } from '../../../sidebar/panels/SchedulePanel';
import { startScriptServer } from '../support/script-run';

const OWNER = 'owner@example.com';
const EDITOR = 'cofounder@example.com';

/** A spreadsheet whose owner saved a daily schedule, with `user`'s sidebar open. */
function ownedByOwner(user: string) {
  const server = startScriptServer({ owner: OWNER, user, timeZone: 'Europe/Paris' });
  server.call('saveSchedule', [{ schedule: { kind: 'daily', hour: 7 } }], OWNER);
  return server;
}

describe('the Schedule panel', () => {
  it('tells another editor who owns the schedule and what saving would do', async () => {
    ownedByOwner(EDITOR);
    render(<SchedulePanel />);
    const notice = await screen.findByTestId('schedule-owner');
    expect(notice.textContent).toContain(`The schedule belongs to ${OWNER}`);
    expect(notice.textContent).toContain('Every day around 7 AM');
    expect(notice.textContent).toContain(
      `Saving here makes you the owner: it will run as you, and ${OWNER}'s trigger stops`,
    );
  });

  it('makes the editor who saves the owner, with their own trigger', async () => {
    const { emu } = ownedByOwner(EDITOR);
    render(<SchedulePanel />);
    await screen.findByTestId('schedule-owner');
    fireEvent.click(screen.getByTestId('save-schedule'));
    await screen.findByTestId('schedule-saved');
    await waitFor(() =>
      expect(screen.getByTestId('schedule-owner').textContent).toContain(`It runs as you (${EDITOR})`),
    );
    const mine = emu.services.triggers.list.filter(
      (t) => t.handler === 'runScheduledRefresh' && t.owner === EDITOR,
    );
    expect(mine).toHaveLength(1);
  });

  it('offers alerts only once a source gives the Dashboard key numbers', async () => {
    startScriptServer({ owner: OWNER, timeZone: 'Europe/Paris' });
    render(<SchedulePanel />);
    expect((await screen.findByTestId('alerts-none')).textContent).toMatch(/connect a source first/);
  });

  it('labels every control', async () => {
    ownedByOwner(OWNER);
    const { container } = render(<SchedulePanel />);
    await screen.findByTestId('schedule-owner');
    for (const control of container.querySelectorAll('input, select, textarea')) {
      const labelled = control.id && container.querySelector(`label[for="${control.id}"]`);
      expect(labelled || control.getAttribute('aria-label')).toBeTruthy();
    }
  });
});
