import { useState } from 'preact/hooks';
import type { ImportResult } from '../../src/settings/config-import';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { useCall } from '../ui/use-call';

/** Import: a file (or pasted JSON) checked in full; nothing changes unless all of it is valid. */
export function ImportConfig({ onImported }: { onImported(): void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importing = useCall((json: string) => call('importConfig', json));

  return (
    <section aria-labelledby="import-title">
      <h3 id="import-title">Import a configuration</h3>
      <p class="small-text muted">
        Adds or replaces what the file holds; nothing else changes. Keys are never imported: enter them again
        in Sources.
      </p>
      <Field id="import-file" label="Configuration file">
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setResult(null);
            if (!file) return;
            setFileName(file.name);
            setText(await file.text());
          }}
        />
      </Field>
      <Field id="import-text" label="…or paste its JSON">
        <textarea
          id="import-text"
          data-testid="import-text"
          value={text}
          onInput={(e) => {
            setResult(null);
            setFileName(null);
            setText(e.currentTarget.value);
          }}
        />
      </Field>
      <div class="actions">
        <Button
          testId="import-run"
          disabled={!text.trim()}
          busy={importing.busy}
          busyLabel="Importing…"
          onClick={async () => {
            const r = await importing.run(text);
            if (!r) return;
            setResult(r);
            if (r.ok) onImported();
          }}
        >
          {fileName ? `Import ${fileName}` : 'Import'}
        </Button>
      </div>
      <ErrorNotice error={importing.error} />
      {result && !result.ok && (
        <div class="notice error-notice" role="alert" data-testid="import-problems">
          <p class="notice-title">
            Nothing was imported: the file has{' '}
            {result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}.
          </p>
          <ul class="problems">
            {result.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <code>{p.field}</code>: {p.message}
              </li>
            ))}
          </ul>
          <p class="notice-fix">Correct the file (or export it again), then import it.</p>
        </div>
      )}
      {result?.ok && result.imported && (
        <div class="notice success-notice" role="status" data-testid="import-done">
          <p>
            Imported {result.imported.connections} source{result.imported.connections === 1 ? '' : 's'},{' '}
            {result.imported.reports} report{result.imported.reports === 1 ? '' : 's'}
            {result.imported.dashboard ? ', the Dashboard layout' : ''}
            {result.imported.schedule ? ', the schedule and alerts (now running as you)' : ''}
            {result.imported.currency ? ` and the currency (${result.imported.currency})` : ''}.
          </p>
        </div>
      )}
      {result?.ok && (result.needSecrets.length > 0 || result.notes.length > 0) && (
        <div class="notice warn-notice" role="status" data-testid="import-secrets">
          {result.needSecrets.map((n) => (
            <p key={n.id}>
              {n.label} ({n.id}) needs its {n.fields.join(' and ')} entered again: open Sources and edit it.
            </p>
          ))}
          {result.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
    </section>
  );
}
