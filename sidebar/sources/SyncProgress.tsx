import type { StreamProgress } from '../../src/sync/progress';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { Progress } from '../ui/Progress';
import type { SyncRunState } from './use-sync-run';

const STATUS_WORDS: Record<StreamProgress['status'], string> = {
  waiting: 'waiting',
  loading: 'loading',
  done: 'done',
  failed: 'failed',
};

export function rowsText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
}

/**
 * A sync as it runs: streams done of total, rows loaded, each stream's state, and a Cancel
 * that stops the chaining (the schedule finishes the job). Then what the refresh built.
 */
export function SyncProgressView({
  label,
  run,
  onCancel,
}: {
  label: string;
  run: SyncRunState;
  onCancel: () => void;
}) {
  const { phase, progress } = run;
  const running = phase === 'syncing' || phase === 'refreshing';
  return (
    <div data-testid="sync-progress" aria-live="polite">
      {phase === 'syncing' && !progress && <p>Starting to sync {label}…</p>}
      {progress && progress.streams.length > 0 && (
        <>
          <Progress value={progress.streamsDone} max={progress.streamsTotal} label={`Syncing ${label}`} />
          <p data-testid="sync-counts">
            {progress.streamsDone} of {progress.streamsTotal} streams · {rowsText(progress.rowsLoaded)} loaded
          </p>
          {progress.streams.length > 0 && (
            <ul class="stream-list" data-testid="sync-streams">
              {progress.streams.map((s) => (
                <li key={s.stream} class={`stream-${s.status}`}>
                  <span class="grow">{s.label}</span>
                  <span class="muted small-text">
                    {STATUS_WORDS[s.status]}
                    {s.rowsAdded + s.rowsUpdated > 0 ? ` · ${rowsText(s.rowsAdded + s.rowsUpdated)}` : ''}
                  </span>
                  {s.error && <span class="stream-error small-text">{s.error.message}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {phase === 'refreshing' && (
        <p data-testid="sync-refreshing">Building summary tabs and the Dashboard…</p>
      )}
      {phase === 'syncing' && (
        <div class="actions">
          <Button
            onClick={onCancel}
            busy={run.cancelling}
            busyLabel="Stopping after this step…"
            testId="sync-cancel"
          >
            Cancel
          </Button>
        </div>
      )}
      {phase === 'cancelled' && (
        <p class="notice warn-notice" role="status" data-testid="sync-cancelled">
          Stopped. The rows loaded so far are kept, and the schedule finishes this sync on its next run — you
          can close the sidebar.
        </p>
      )}
      {phase === 'stopped' && progress && (
        <p class="notice warn-notice" role="status" data-testid="sync-stopped">
          {progress.message}
        </p>
      )}
      {phase === 'finished' && run.built && (
        <>
          <SuccessNotice text={`${label} is synced. ${run.built.text}`} testId="sync-done" />
          {run.built.failures.length > 0 && (
            <ul class="small-text" data-testid="sync-model-failures">
              {run.built.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {!running &&
        progress?.errors.map((e) => (
          <ErrorNotice key={`${e.code}-${e.where ?? ''}`} error={e} testId="sync-error" />
        ))}
      <ErrorNotice error={run.error} testId="sync-error" />
    </div>
  );
}
