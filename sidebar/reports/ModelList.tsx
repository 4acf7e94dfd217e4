import { useState } from 'preact/hooks';
import type { ModelListing } from '../../src/model/model-api';
import { useSidebarContext } from '../context';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';

interface Props {
  models: ModelListing[];
  onEdit(model: ModelListing): void;
  onChanged(): void;
}

/** Each status's words, and the shared pill colour it wears (styles.css). */
const STATUS: Record<
  NonNullable<ModelListing['lastRun']>['status'] | 'none',
  { words: string; pill: string }
> = {
  ok: { words: 'ok', pill: 'healthy' },
  failed: { words: 'failed', pill: 'failing' },
  skipped: { words: 'waiting', pill: 'paused' },
  none: { words: 'not run yet', pill: 'none' },
};

/**
 * "2026-03-05T14:07:00.000Z" → "2026-03-05 09:07" in the spreadsheet's time zone (New York
 * here), as the Dashboard and the Sync log write times, whatever zone the browser is in.
 */
export function when(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
  } catch {
    // A zone this browser does not know: UTC, said so, rather than a time that looks local.
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Every model with its last refresh; the founder's own reports can be edited or deleted. */
export function ModelList({ models, onEdit, onChanged }: Props) {
  const { timeZone } = useSidebarContext();
  const [confirming, setConfirming] = useState<string | null>(null);
  const del = useCall((name: string) => call('deleteReport', name));
  if (!models.length)
    return <p class="muted small-text">No models yet: connect a source or save a report.</p>;
  return (
    <>
      <ErrorNotice error={del.error} />
      <ul class="list" aria-label="Models" data-testid="model-list">
        {models.map((m) => {
          const status = m.lastRun?.status ?? 'none';
          return (
            <li key={m.name} data-testid={`model-${m.name}`}>
              <div class="row">
                <strong class="grow" title={m.label}>
                  {m.label}
                </strong>
                <span class={`pill ${STATUS[status].pill}`}>{STATUS[status].words}</span>
              </div>
              <p class="small-text muted">
                {m.origin === 'user' ? 'Your report' : 'Built-in'}
                {m.lastRun &&
                  ` · ${m.lastRun.rows.toLocaleString('en-US')} rows · refreshed ${when(m.lastRun.at, timeZone)}`}
              </p>
              {m.lastRun?.error && (
                <div class="notice error-notice small-text">
                  <p class="notice-title">{m.lastRun.error.message}</p>
                  <p class="notice-fix">{m.lastRun.error.fix}</p>
                </div>
              )}
              {m.lastRun && m.lastRun.failedTests.length > 0 && (
                <p class="small-text field-error">Failed checks: {m.lastRun.failedTests.join(', ')}</p>
              )}
              {m.origin === 'user' && confirming !== m.name && (
                <div class="actions compact">
                  {m.report && (
                    <Button small label={`Edit ${m.label}`} onClick={() => onEdit(m)}>
                      Edit
                    </Button>
                  )}
                  <Button small danger label={`Delete ${m.label}`} onClick={() => setConfirming(m.name)}>
                    Delete
                  </Button>
                </div>
              )}
              {confirming === m.name && (
                <div class="notice warn-notice">
                  <p>Delete “{m.label}”? It stops refreshing; its tab stays until you delete it.</p>
                  <div class="actions compact">
                    <Button
                      small
                      danger
                      testId={`confirm-delete-${m.name}`}
                      busy={del.busy}
                      busyLabel="Deleting…"
                      onClick={async () => {
                        await del.run(m.name);
                        setConfirming(null);
                        onChanged();
                      }}
                    >
                      Delete
                    </Button>
                    <Button small onClick={() => setConfirming(null)}>
                      Cancel
                    </Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
