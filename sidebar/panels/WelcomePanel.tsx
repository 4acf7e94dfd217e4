import { useState } from 'preact/hooks';
import type { ErrorInfo } from '../../src/shared/errors';
import { useNavigation } from '../navigation';
import { call } from '../rpc';
import { SyncProgressView } from '../sources/SyncProgress';
import '../sources/sources.css';
import { useSyncRun } from '../sources/use-sync-run';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { asErrorInfo } from '../ui/use-call';

type StepState = 'todo' | 'active' | 'done' | 'failed';

const STEP_MARKS: Record<StepState, string> = { todo: '○', active: '◐', done: '✓', failed: '✕' };

/**
 * First run: two ways in. The demo builds a Demo source, syncs it, builds the summary tabs and
 * the Dashboard, then shows the Dashboard — each step visible while it runs.
 */
export function WelcomePanel({ notice = null }: { notice?: string | null }) {
  const nav = useNavigation();
  const sync = useSyncRun();
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const { phase } = sync.state;
  const working = saving || phase === 'syncing' || phase === 'refreshing';
  const started = saving || connectionId !== null;

  async function tryDemo() {
    setSaveError(null);
    let id = connectionId;
    if (!id) {
      setSaving(true);
      try {
        // Reused on a retry, so a second try does not add a second demo source.
        id = (await call('saveConnection', { connector: 'demo', config: {} })).id;
        setConnectionId(id);
      } catch (e) {
        setSaveError(asErrorInfo(e));
        return;
      } finally {
        setSaving(false);
      }
    }
    const outcome = await sync.start(id, 'demo');
    if (outcome.phase === 'finished') nav.go('dashboard');
  }

  const steps: Array<{ label: string; state: StepState }> = [
    {
      label: 'Add the demo source',
      state: saveError ? 'failed' : connectionId ? 'done' : saving ? 'active' : 'todo',
    },
    {
      label: 'Load two years of sample data',
      state:
        phase === 'syncing'
          ? 'active'
          : phase === 'refreshing' || phase === 'finished'
            ? 'done'
            : phase === 'failed' || phase === 'stopped' || phase === 'cancelled'
              ? 'failed'
              : 'todo',
    },
    {
      label: 'Build summary tabs and the Dashboard',
      state: phase === 'refreshing' ? 'active' : phase === 'finished' ? 'done' : 'todo',
    },
    { label: 'Open the Dashboard', state: phase === 'finished' ? 'done' : 'todo' },
  ];

  return (
    <section aria-labelledby="welcome-title" data-testid="panel-welcome">
      <h2 id="welcome-title">Welcome to Tapdash</h2>
      <SuccessNotice text={notice} testId="welcome-reset-notice" />
      <p>
        Tapdash pulls numbers from the tools you use (Stripe, GitHub, Google Analytics…) into this spreadsheet
        and keeps a Dashboard tab up to date. No code, no SQL.
      </p>
      <p class="muted">
        See it first with a sample company's data — it takes under a minute and needs no sign-in.
      </p>
      <div class="actions stacked">
        <Button primary onClick={tryDemo} busy={working} busyLabel="Building the demo…" testId="welcome-demo">
          {phase === 'failed' || phase === 'stopped' || saveError
            ? 'Try the demo again'
            : 'Try it with demo data'}
        </Button>
        <Button onClick={() => nav.go('sources')} disabled={working} testId="welcome-connect">
          Connect my first source
        </Button>
      </div>
      {started && (
        <ol class="steps" data-testid="demo-steps" aria-label="Demo progress">
          {steps.map((s) => (
            <li key={s.label} class={`step step-${s.state}`} data-state={s.state}>
              <span class="step-mark" aria-hidden="true">
                {STEP_MARKS[s.state]}
              </span>
              <span>
                {s.label}
                <span class="visually-hidden"> ({s.state === 'todo' ? 'not started' : s.state})</span>
              </span>
            </li>
          ))}
        </ol>
      )}
      <ErrorNotice error={saveError} testId="welcome-error" />
      {connectionId && phase !== 'idle' && (
        <SyncProgressView label="Demo data" run={sync.state} onCancel={sync.cancel} />
      )}
    </section>
  );
}
