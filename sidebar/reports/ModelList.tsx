import { useState } from 'preact/hooks';
import type { ModelListing } from '../../src/model/model-api';
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

/** "2026-03-05T14:07:00.000Z" → "2026-03-05 14:07" (the browser's own time). */
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Every model with its last refresh; the founder's own reports can be edited or deleted. */
export function ModelList({ models, onEdit, onChanged }: Props) {
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
                  ` · ${m.lastRun.rows.toLocaleString('en-US')} rows · refreshed ${when(m.lastRun.at)}`}
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
