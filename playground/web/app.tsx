import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PlaygroundInfo } from '../server';
import type { SheetView, WorkbookView } from '../sheet-view';
import { clockLabel } from './clock-label';
import { Grid } from './grid';

const MENU = [
  { label: 'Open Tapdash', handler: 'openSidebar' },
  { label: 'Sync now', handler: 'menuSyncNow' },
  { label: 'Refresh dashboard', handler: 'menuRefreshDashboard' },
];

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const r = await fetch(url, init);
  return (await r.json()) as T;
}

/** Says which vendors are mocked and what to type, so the offline demo needs no README. */
function MockBanner({ info }: { info: PlaygroundInfo }) {
  if (!info.mockApis) return null;
  const stripe = info.mockApis.find((v) => v.id === 'stripe');
  return (
    <div class="pg-banner" role="note" data-testid="mock-banner">
      <strong>Offline demo:</strong> {info.mockApis.map((v) => v.label).join(', ')} are local mocks
      {stripe ? (
        <>
          {' '}
          — connect Stripe with the key <code data-testid="demo-key">{stripe.demo.apiKey}</code>
        </>
      ) : null}
      .
      <details>
        <summary>All demo settings</summary>
        <ul>
          {info.mockApis.map((v) => (
            <li key={v.id}>
              {v.label} ({v.host}):{' '}
              {Object.entries(v.demo).map(([k, val]) => (
                <span key={k}>
                  {k} <code>{val}</code>{' '}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function App() {
  const [info, setInfo] = useState<PlaygroundInfo>({ mockApis: null });
  const [workbook, setWorkbook] = useState<WorkbookView | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [view, setView] = useState<SheetView | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(true);

  // The spreadsheet's own active tab as the add-on last left it: when a server call changes it
  // (the first Dashboard build opens the Dashboard), the page follows, as Sheets does.
  const serverActive = useRef<string | null>(null);
  const refresh = useCallback(async (tab?: string | null) => {
    const wb = await getJson<WorkbookView>('/api/workbook');
    setWorkbook(wb);
    const moved = serverActive.current !== null && wb.activeSheet !== serverActive.current;
    serverActive.current = wb.activeSheet;
    const name = !moved && tab && wb.sheets.some((s) => s.name === tab) ? tab : wb.activeSheet;
    setActive(name);
    setView(await getJson<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}`));
  }, []);

  useEffect(() => {
    void refresh(null);
    void getJson<PlaygroundInfo>('/api/playground').then(setInfo);
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
          Emulated · {workbook?.timeZone} · {workbook ? clockLabel(workbook.now, workbook.timeZone) : ''}
        </span>
      </div>
      <div class="pg-grid">
        <MockBanner info={info} />
        {view && <Grid view={view} />}
      </div>
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
