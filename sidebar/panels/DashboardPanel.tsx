import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DashboardItems } from '../../src/dashboard/dashboard-items';
import type { SidebarChart } from '../../src/dashboard/sidebar-charts';
import { ChartView } from '../dashboard/ChartView';
import { LayoutEditor } from '../dashboard/LayoutEditor';
import { TileCards } from '../dashboard/TileCards';
import { call } from '../rpc';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useCall } from '../ui/use-call';
import '../dashboard/dashboard.css';

/**
 * The Dashboard view: KPI tiles as small cards, every chart drawn with vega-embed (with the note
 * when Sheets cannot draw it natively), the layout editor, and "Refresh dashboard".
 */
export function DashboardPanel() {
  const [items, setItems] = useState<DashboardItems | null>(null);
  const [charts, setCharts] = useState<SidebarChart[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCall(() => Promise.all([call('dashboardItems'), call('sidebarCharts')]));
  const refresh = useCall(() => call('refreshNow'));

  const reload = useCallback(async () => {
    const got = await load.run();
    if (got) {
      setItems(got[0]);
      setCharts(got[1]);
    }
  }, [load.run]);

  useEffect(() => {
    void reload();
  }, []);

  const empty = items && items.tiles.length === 0 && items.charts.length === 0;
  return (
    <section aria-labelledby="dashboard-title" data-testid="panel-dashboard">
      <h2 id="dashboard-title">Dashboard</h2>
      <div class="actions">
        <Button
          primary
          testId="refresh-dashboard"
          busy={refresh.busy}
          busyLabel="Refreshing…"
          onClick={async () => {
            setDone(null);
            const result = await refresh.run();
            if (!result) return;
            const failed = result.models.filter((m) => m.status === 'failed').length;
            setDone(
              failed
                ? `Dashboard refreshed; ${failed} model${failed === 1 ? '' : 's'} failed (see Reports).`
                : 'Dashboard refreshed.',
            );
            await reload();
          }}
        >
          Refresh dashboard
        </Button>
      </div>
      <ErrorNotice error={refresh.error ?? load.error} />
      <SuccessNotice text={done} testId="dashboard-refreshed" />
      {load.busy && !items && <p class="muted">Loading the dashboard…</p>}
      {empty && (
        <p class="muted" data-testid="dashboard-empty">
          Nothing to show yet: connect a source in Sources, and its tiles and charts appear here.
        </p>
      )}
      {items?.tiles.some((t) => t.shown) && <TileCards tiles={items.tiles.filter((t) => t.shown)} />}
      {charts && charts.length > 0 && (
        <ul class="list chart-list" aria-label="Charts">
          {charts.map((c) => (
            <ChartView key={c.id} chart={c} />
          ))}
        </ul>
      )}
      {items && !empty && (
        <LayoutEditor
          tiles={items.tiles.map((t) => ({ id: t.id, label: t.label, shown: t.shown }))}
          charts={items.charts.map((c) => ({ id: c.id, label: c.title, shown: c.shown }))}
          onSaved={() => void reload()}
        />
      )}
    </section>
  );
}
