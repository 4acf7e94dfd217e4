import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import embed from 'vega-embed';
import type { ChartView, SheetView, WorkbookView } from '../sheet-view';
import { sheetChartToVegaLite } from './sheet-chart-spec';

const ROW_HEIGHT = 21;
const ROW_HEADER_WIDTH = 46;
const MENU = [
  { label: 'Open Tapdash', handler: 'openSidebar' },
  { label: 'Sync now', handler: 'menuSyncNow' },
  { label: 'Refresh dashboard', handler: 'menuRefreshDashboard' },
];

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  return (await r.json()) as T;
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function Chart({ chart, left, top }: { chart: ChartView; left: number; top: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = Number(chart.options.width ?? 520);
  const height = Number(chart.options.height ?? 300);
  useEffect(() => {
    if (!ref.current) return;
    const spec = sheetChartToVegaLite(chart, width - 120, height - 80);
    const result = embed(ref.current, spec as never, { actions: false, renderer: 'svg' });
    return () => {
      result.then((r) => r.finalize()).catch(() => undefined);
    };
  }, [JSON.stringify(chart)]);
  return (
    <div
      class="chart"
      data-testid="sheet-chart"
      data-chart-type={chart.type}
      style={{ left, top, width, height }}
      ref={ref}
    />
  );
}

function Grid({ view }: { view: SheetView }) {
  const widths = view.columnWidths.map((w) => w || 100);
  const offsetLeft = (col: number) => ROW_HEADER_WIDTH + widths.slice(0, col - 1).reduce((a, b) => a + b, 0);
  return (
    <div style={{ position: 'relative' }}>
      <table class="cells" data-testid="grid" aria-label={`Cells of ${view.name}`}>
        <thead>
          <tr>
            <th style={{ width: ROW_HEADER_WIDTH }} />
            {widths.map((w, i) => (
              <th key={i} style={{ width: w }}>
                {columnLetter(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.values.map((row, r) => (
            <tr key={r} class={r + 1 === view.frozenRows ? 'frozen' : ''}>
              <td class="rownum">{r + 1}</td>
              {row.map((v, c) => (
                <td
                  key={c}
                  title={view.notes[r]?.[c] || undefined}
                  class={/^-?[\d$€£,.%]+$/.test(v) ? 'num' : ''}
                  style={{
                    fontWeight: view.bold[r]?.[c] ? 'bold' : undefined,
                    background:
                      view.backgrounds[r]?.[c] && view.backgrounds[r][c] !== '#ffffff'
                        ? view.backgrounds[r][c]
                        : undefined,
                    color:
                      view.fontColors[r]?.[c] && view.fontColors[r][c] !== '#000000'
                        ? view.fontColors[r][c]
                        : undefined,
                  }}
                >
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {view.totalRows > view.values.length && (
        <div class="more">
          … {view.totalRows - view.values.length} more rows (the grid shows the first {view.values.length}).
        </div>
      )}
      {view.charts.map((chart) => (
        <Chart
          key={chart.id}
          chart={chart}
          left={offsetLeft(chart.anchor.column) + chart.anchor.offsetX}
          top={ROW_HEIGHT * chart.anchor.row + chart.anchor.offsetY}
        />
      ))}
    </div>
  );
}

function App() {
  const [workbook, setWorkbook] = useState<WorkbookView | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [view, setView] = useState<SheetView | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(true);

  const refresh = useCallback(async (tab?: string | null) => {
    const wb = await getJson<WorkbookView>('/api/workbook');
    setWorkbook(wb);
    const name = tab && wb.sheets.some((s) => s.name === tab) ? tab : wb.activeSheet;
    setActive(name);
    setView(await getJson<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}`));
  }, []);

  useEffect(() => {
    void refresh(null);
  }, [refresh]);

  const activeRef = useRef<string | null>(null);
  activeRef.current = active;
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin) return;
      if (e.data?.type === 'tapdash:server-call') void refresh(activeRef.current);
      if (e.data?.type === 'tapdash:close-sidebar') setSidebarOpen(false);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [refresh]);

  const runMenu = async (handler: string) => {
    setMenuOpen(false);
    await getJson('/api/menu', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handler }),
    });
    setSidebarOpen(true);
    await refresh(active);
  };

  const tabs = workbook?.sheets.filter((s) => showHidden || !s.hidden) ?? [];
  return (
    <div class="pg">
      <div class="pg-top">
        <h1 data-testid="spreadsheet-name">{workbook?.name ?? 'Loading…'}</h1>
        <div class="menu">
          <button type="button" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
            Extensions ▸ Tapdash
          </button>
          {menuOpen && (
            <div class="menu-items" role="menu">
              {MENU.map((m) => (
                <button type="button" role="menuitem" key={m.handler} onClick={() => void runMenu(m.handler)}>
                  {m.label}
                </button>
              ))}
            </div>
          )}
        </div>
        <span class="clock">
          Emulated · {workbook?.timeZone} · {workbook ? new Date(workbook.now).toLocaleString() : ''}
        </span>
      </div>
      <div class="pg-grid">{view && <Grid view={view} />}</div>
      <aside class="pg-side" aria-label="Add-on sidebar">
        <header>
          <span>Tapdash</span>
          <button type="button" aria-label="Close sidebar" onClick={() => setSidebarOpen(false)}>
            ×
          </button>
        </header>
        {sidebarOpen ? (
          <iframe title="Tapdash sidebar" src="/sidebar" data-testid="sidebar" />
        ) : (
          <p class="closed">The sidebar is closed. Open it from Extensions ▸ Tapdash ▸ Open Tapdash.</p>
        )}
      </aside>
      <nav class="pg-tabs" aria-label="Sheets">
        {tabs.map((s) => (
          <button
            type="button"
            key={s.name}
            role="tab"
            aria-selected={s.name === active}
            class={s.hidden ? 'hidden-tab' : ''}
            style={{ borderBottomColor: s.tabColor ?? 'transparent' }}
            onClick={() => void refresh(s.name)}
          >
            {s.name}
          </button>
        ))}
        <label>
          <input
            type="checkbox"
            checked={showHidden}
            onChange={(e) => setShowHidden((e.target as HTMLInputElement).checked)}
          />{' '}
          Show hidden tabs ({workbook?.sheets.filter((s) => s.hidden).length ?? 0})
        </label>
      </nav>
    </div>
  );
}

render(<App />, document.getElementById('root') as HTMLElement);
