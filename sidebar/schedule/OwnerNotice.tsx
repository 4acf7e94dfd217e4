import type { ScheduleView } from '../../src/schedule/schedule-api';

/**
 * Who runs the schedule. A clock trigger belongs to one account and others cannot see it, so
 * another editor must know that saving moves the schedule (and its emails) to them.
 */
export function OwnerNotice({ view }: { view: ScheduleView }) {
  if (!view.owner)
    return (
      <p class="small-text muted" data-testid="schedule-owner">
        No schedule yet. Saving one runs it under your Google account.
      </p>
    );
  if (view.isOwner)
    return (
      <p class="small-text muted" data-testid="schedule-owner">
        Now: {view.description}. It runs as you ({view.owner}).
        {!view.triggerInstalled &&
          view.settings.schedule.kind !== 'off' &&
          ' Its trigger is missing: save to restore it.'}
      </p>
    );
  return (
    <div class="notice warn-notice" role="status" data-testid="schedule-owner">
      <p>
        The schedule belongs to <strong>{view.owner}</strong>: it runs with their account, quotas and keys,
        and their emails ({view.description}).
      </p>
      <p>
        Saving here makes you the owner: it will run as you, and {view.owner}'s trigger stops at its next run.
      </p>
    </div>
  );
}
