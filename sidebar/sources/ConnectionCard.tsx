import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScheduleBrief } from '../../src/connect/sources-view';
import type { ConnectorInfo } from '../../src/entry/api';
import type { ConnectionHealth, ConnectionSummary } from '../../src/sync/status';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';
import { Badge } from './ConnectorPicker';
import { nextRunText, ownershipNote, sharedMetricsNote } from './connection-notes';
import { timeAgo } from './relative-time';
import { rowsText } from './SyncProgress';

const HEALTH_WORDS: Record<ConnectionHealth, string> = {
  syncing: 'Syncing',
  healthy: 'Healthy',
  stale: 'Stale',
  failing: 'Failing',
  paused: 'Paused',
  new: 'New',
};

interface Props {
  connection: ConnectionSummary;
  /** Every connection listed, to tell a second account of the same source. */
  all: readonly ConnectionSummary[];
  connector: ConnectorInfo | undefined;
  schedule: ScheduleBrief | null;
  /** Opens the remove confirmation with its data tabs ticked for deletion (the demo offer). */
  askRemove?: boolean;
  me: string;
  now: number;
  onSync: () => void;
  onEdit: () => void;
  onChanged: (updated: ConnectionSummary) => void;
  onRemoved: (id: string) => void;
}

/** One connection: health, last good sync, rows, next run, last error with its fix, and actions. */
export function ConnectionCard({
  connection: c,
  all,
  connector,
  schedule,
  askRemove = false,
  me,
  now,
  onSync,
  onEdit,
  onChanged,
  onRemoved,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [deleteTabs, setDeleteTabs] = useState(false);
  const confirmRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!askRemove) return;
    setDeleteTabs(true);
    setConfirming(true);
  }, [askRemove]);
  // The confirmation opened from elsewhere (the demo offer) is where the user's focus goes next.
  useEffect(() => {
    if (askRemove && confirming) confirmRef.current?.querySelector<HTMLElement>('input:checked')?.focus();
  }, [askRemove, confirming]);
  const pause = useCall((paused: boolean) => call('setConnectionPaused', c.id, paused));
  const remove = useCall((alsoTabs: boolean) => call('removeConnection', c.id, alsoTabs));
  const note = ownershipNote(c, connector?.fields ?? [], schedule, me);
  const shared = sharedMetricsNote(c, all);
  const busy = pause.busy || remove.busy;
  const tabs = c.streams.filter((s) => s.status !== 'never').length;
  const nextRun = nextRunText(c, schedule);

  async function togglePause() {
    const updated = await pause.run(!c.paused);
    if (updated) onChanged(updated);
  }

  async function confirmRemove() {
    const removed = await remove.run(deleteTabs);
    if (removed) onRemoved(removed.id);
  }

  return (
    <li class="connection-card" data-testid={`connection-${c.id}`} aria-labelledby={`conn-${c.id}-name`}>
      <div class="row">
        {connector && <Badge badge={connector.badge} />}
        <span class="grow">
          <strong id={`conn-${c.id}-name`}>{c.label}</strong>
          {c.id !== c.connector && <span class="muted small-text"> ({c.id})</span>}
        </span>
        <span class={`pill ${c.status}`} data-testid="connection-status">
          {HEALTH_WORDS[c.status]}
        </span>
      </div>
      <p class="small-text card-line" data-testid="connection-last-sync">
        {c.lastSuccessAt ? `Last synced ${timeAgo(c.lastSuccessAt, now)}` : 'Not synced yet'} ·{' '}
        {rowsText(c.rows)}
      </p>
      {nextRun && (
        <p class="small-text muted card-line" data-testid="connection-next-run">
          {nextRun}
        </p>
      )}
      {shared && (
        <p class="small-text muted card-line" data-testid="connection-shared-note">
          {shared}
        </p>
      )}
      {c.lastError && <ErrorNotice error={c.lastError} testId="connection-error" />}
      {note && (
        <p class="small-text notice info-notice" data-testid="connection-owner-note">
          {note}
        </p>
      )}
      <div class="actions card-actions">
        <Button
          small
          onClick={onSync}
          disabled={busy || c.paused}
          testId="connection-sync"
          label={`Sync now: ${c.label}`}
        >
          Sync now
        </Button>
        <Button small onClick={onEdit} disabled={busy} testId="connection-edit" label={`Edit ${c.label}`}>
          Edit
        </Button>
        <Button
          small
          onClick={togglePause}
          busy={pause.busy}
          busyLabel={c.paused ? 'Resuming…' : 'Pausing…'}
          disabled={busy}
          testId="connection-pause"
          // Card buttons name their source: a screen reader's button list says "Pause Stripe", not "Pause" four times.
          label={pause.busy ? undefined : `${c.paused ? 'Resume' : 'Pause'} ${c.label}`}
        >
          {c.paused ? 'Resume' : 'Pause'}
        </Button>
        <Button
          small
          danger
          onClick={() => setConfirming(true)}
          disabled={busy || confirming}
          testId="connection-remove"
          label={`Remove ${c.label}`}
        >
          Remove
        </Button>
      </div>
      <ErrorNotice error={pause.error} />
      {confirming && (
        <fieldset class="confirm-remove" data-testid="remove-confirm" ref={confirmRef}>
          <legend>Remove {c.label}?</legend>
          <label class="choice">
            <input
              type="radio"
              name={`tabs-${c.id}`}
              checked={!deleteTabs}
              onChange={() => setDeleteTabs(false)}
            />
            Keep its data tabs
          </label>
          <label class="choice">
            <input
              type="radio"
              name={`tabs-${c.id}`}
              checked={deleteTabs}
              data-testid="remove-delete-tabs"
              onChange={() => setDeleteTabs(true)}
            />
            {tabs > 0
              ? `Delete its ${tabs} hidden data ${tabs === 1 ? 'tab' : 'tabs'}`
              : 'Delete its hidden data tabs'}
          </label>
          <p class="small-text muted">Summary tabs and the Dashboard stay either way.</p>
          <div class="actions">
            <Button
              small
              danger
              onClick={confirmRemove}
              busy={remove.busy}
              busyLabel="Removing…"
              testId="remove-confirm-button"
            >
              Remove
            </Button>
            <Button small onClick={() => setConfirming(false)} disabled={remove.busy} testId="remove-cancel">
              Keep it
            </Button>
          </div>
          <ErrorNotice error={remove.error} />
        </fieldset>
      )}
    </li>
  );
}
