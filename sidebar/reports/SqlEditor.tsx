import { useState } from 'preact/hooks';
import type { PreviewResult } from '../../src/model/model-api';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { describedBy, Field } from '../ui/Field';
import { useCall } from '../ui/use-call';
import { PreviewTable } from './PreviewTable';
import { modelNameFor } from './report-form';

/** The SQL view: a read-only SELECT over synced tables and models, previewed, then saved as a model. */
export function SqlEditor({ onSaved }: { onSaved(): void }) {
  const [sql, setSql] = useState('');
  const [title, setTitle] = useState('');
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const run = useCall(() => call('previewSql', sql));
  const name = modelNameFor(title);
  const save = useCall(async () => {
    await call('saveReport', { name, label: title.trim(), sql });
    return (await call('refreshModels')).models.find((m) => m.name === name) ?? null;
  });
  const help = 'One SELECT. Tables are the tab names of synced sources (like demo_invoices) and model names.';

  return (
    <div data-testid="sql-editor">
      <Field id="sql-text" label="SQL" help={help}>
        <textarea
          id="sql-text"
          data-testid="sql-text"
          spellcheck={false}
          value={sql}
          aria-describedby={describedBy('sql-text', help, null)}
          onInput={(e) => {
            setSaved(null);
            setSql(e.currentTarget.value);
          }}
        />
      </Field>
      <div class="actions">
        <Button
          testId="sql-preview"
          disabled={!sql.trim()}
          busy={run.busy}
          busyLabel="Running…"
          onClick={async () => setPreview((await run.run()) ?? null)}
        >
          Preview
        </Button>
      </div>
      <ErrorNotice error={run.error} testId="sql-error" />
      {preview && <PreviewTable preview={preview} testId="sql-preview-rows" />}
      <Field
        id="sql-title"
        label="Model name"
        help={name ? `Saved as the tab “${title.trim()}”.` : undefined}
      >
        <input id="sql-title" value={title} maxLength={60} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <ErrorNotice error={save.error} />
      <SuccessNotice text={saved} />
      <div class="actions">
        <Button
          testId="sql-save"
          disabled={!name || !sql.trim()}
          busy={save.busy}
          busyLabel="Saving…"
          onClick={async () => {
            const outcome = await save.run();
            if (outcome === undefined) return;
            setSaved(
              outcome?.status === 'failed'
                ? `Saved, but its refresh failed: ${outcome.error?.message ?? ''}`
                : `Saved as a model${outcome ? ` with ${outcome.rows.toLocaleString('en-US')} rows` : ''}.`,
            );
            onSaved();
          }}
        >
          Save as model
        </Button>
      </div>
    </div>
  );
}
