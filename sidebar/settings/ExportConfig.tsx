import { useState } from 'preact/hooks';
import { useSidebarContext } from '../context';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';
import { downloadText, exportFileName } from './download';

/** Export: the configuration as JSON (never a secret), downloaded or copied. */
export function ExportConfig() {
  const ctx = useSidebarContext();
  const [text, setText] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const exporting = useCall(async () => JSON.stringify(await call('exportConfig'), null, 2));

  const get = async () => {
    setDone(null);
    const json = await exporting.run();
    if (json) setText(json);
    return json;
  };

  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">Export the configuration</h3>
      <p class="small-text muted">
        Sources (without their keys), saved reports, the Dashboard layout, schedule, alerts and currency, as a
        JSON file.
      </p>
      <div class="actions">
        <Button
          primary
          testId="export-download"
          busy={exporting.busy}
          busyLabel="Exporting…"
          onClick={async () => {
            const json = await get();
            if (!json) return;
            downloadText(exportFileName(ctx.spreadsheetName, new Date().toISOString()), json);
            setDone('Downloaded. Keys are not in the file: they stay in your Google account.');
          }}
        >
          Download JSON
        </Button>
        <Button
          testId="export-copy"
          disabled={exporting.busy}
          onClick={async () => {
            const json = await get();
            if (!json) return;
            try {
              await navigator.clipboard.writeText(json);
              setDone('Copied to the clipboard.');
            } catch {
              // Some browsers refuse the clipboard inside the add-on's frame: the text is below to copy.
              setDone('Select the text below and copy it (Ctrl+C or ⌘C).');
            }
          }}
        >
          Copy
        </Button>
      </div>
      <ErrorNotice error={exporting.error} />
      <SuccessNotice text={done} testId="export-done" />
      {text && (
        <div class="field">
          <label for="export-text">Exported configuration</label>
          <textarea
            id="export-text"
            data-testid="export-text"
            readOnly
            value={text}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </section>
  );
}
