import { useEffect, useState } from 'preact/hooks';
import type { ModelListing, ReportTable } from '../../src/model/model-api';
import { ModelList } from '../reports/ModelList';
import { ReportBuilder } from '../reports/ReportBuilder';
import { formOf, type ReportForm } from '../reports/report-form';
import { SqlEditor } from '../reports/SqlEditor';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';
import '../reports/reports.css';

/** Reports: the no-SQL report builder, the list of models, and the SQL view. */
export function ReportsPanel() {
  const [tables, setTables] = useState<ReportTable[] | null>(null);
  const [models, setModels] = useState<ModelListing[]>([]);
  const [editing, setEditing] = useState<{ form: ReportForm; title: string; key: number } | null>(null);
  const load = useCall(() => Promise.all([call('listReportTables'), call('listModels')]));
  const refresh = useCall(() => call('refreshModels'));

  const reload = async () => {
    const got = await load.run();
    if (!got) return;
    setTables(got[0]);
    // The founder's own reports first: those are the ones they came to look at or change.
    setModels([...got[1].filter((m) => m.origin === 'user'), ...got[1].filter((m) => m.origin !== 'user')]);
  };
  useEffect(() => {
    void reload();
  }, []);

  return (
    <section aria-labelledby="reports-title" data-testid="panel-reports">
      <h2 id="reports-title">Reports</h2>
      <ErrorNotice error={load.error} />
      {!tables && load.busy && <p class="muted">Loading tables…</p>}
      {tables && tables.length === 0 && (
        <p class="muted" data-testid="reports-empty">
          Nothing to report on yet: connect a source in Sources and let its first sync finish.
        </p>
      )}
      {tables && tables.length > 0 && (
        <ReportBuilder
          key={editing?.key ?? 0}
          tables={tables}
          saved={models.filter((m) => m.origin === 'user')}
          initial={editing ?? undefined}
          onSaved={() => void reload()}
        />
      )}

      <h3>Models</h3>
      <ErrorNotice error={refresh.error} />
      <ModelList
        models={models}
        onChanged={() => void reload()}
        onEdit={(m) => {
          if (!m.report) return;
          setEditing({ form: formOf(m.report), title: m.label, key: Date.now() });
          document.getElementById('builder-title')?.scrollIntoView();
        }}
      />
      <div class="actions">
        <Button
          testId="refresh-models"
          busy={refresh.busy}
          busyLabel="Refreshing…"
          onClick={async () => {
            if (await refresh.run()) await reload();
          }}
        >
          Refresh models
        </Button>
      </div>

      <details class="sql-view">
        <summary>Write SQL instead</summary>
        <SqlEditor onSaved={() => void reload()} />
      </details>
    </section>
  );
}
