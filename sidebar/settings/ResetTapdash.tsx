import { useState } from 'preact/hooks';
import type { ResetResult } from '../../src/settings/reset';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useCall } from '../ui/use-call';
import { useResetLanding } from './reset-landing';

/** Must match RESET_WORD in src/settings/reset.ts, which checks it again. */
const WORD = 'RESET';

/** Reset: removes Tapdash's setup after a typed confirmation; tabs only when ticked. */
export function ResetTapdash({ onReset }: { onReset(): void }) {
  const [typed, setTyped] = useState('');
  const [deleteTabs, setDeleteTabs] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const reset = useCall(() => call('resetTapdash', { confirm: typed, deleteTabs }));
  // Exactly the capitals asked for, as the server checks: a reset is not undone.
  const confirmed = typed.trim() === WORD;
  const land = useResetLanding();

  const summary = (r: ResetResult) =>
    r.tabsRemoved.length
      ? `Tapdash was reset and ${r.tabsRemoved.length} tab${r.tabsRemoved.length === 1 ? '' : 's'} deleted.`
      : `Tapdash was reset. Your tabs are still there${r.tabsKept.length ? ` (${r.tabsKept.length} made by Tapdash)` : ''}.`;

  return (
    <section aria-labelledby="reset-title" data-testid="reset">
      <h3 id="reset-title">Reset Tapdash</h3>
      <p class="small-text muted">
        Removes the sources, your saved keys, saved reports, the Dashboard layout, the schedule and alerts
        from this spreadsheet. Other editors' keys stay in their accounts but can no longer be used.
      </p>
      <div class="check">
        <input
          type="checkbox"
          id="reset-tabs"
          data-testid="reset-tabs"
          checked={deleteTabs}
          onChange={(e) => setDeleteTabs(e.currentTarget.checked)}
        />
        <label for="reset-tabs">
          Also delete the tabs Tapdash made (source data, summary tabs, Dashboard, Sync log). Your own tabs
          are never touched.
        </label>
      </div>
      <Field id="reset-confirm" label={`Type ${WORD} to confirm`}>
        <input
          id="reset-confirm"
          data-testid="reset-confirm"
          autoComplete="off"
          value={typed}
          onInput={(e) => {
            setDone(null);
            setTyped(e.currentTarget.value);
          }}
        />
      </Field>
      <ErrorNotice error={reset.error} />
      <SuccessNotice text={done} testId="reset-done" />
      <div class="actions">
        <Button
          danger
          testId="reset-run"
          disabled={!confirmed}
          busy={reset.busy}
          busyLabel="Resetting…"
          onClick={async () => {
            const r = await reset.run();
            if (!r) return;
            setTyped('');
            setDone(summary(r));
            onReset();
            land(summary(r));
          }}
        >
          Reset Tapdash
        </Button>
      </div>
    </section>
  );
}
