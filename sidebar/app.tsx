import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ErrorInfo } from '../src/shared/errors';
import { type Context, ContextProvider } from './context';
import { NavigationContext, VIEWS, type ViewId } from './navigation';
import { DashboardPanel } from './panels/DashboardPanel';
import { ReportsPanel } from './panels/ReportsPanel';
import { SchedulePanel } from './panels/SchedulePanel';
import { SettingsPanel } from './panels/SettingsPanel';
import { SourcesPanel } from './panels/SourcesPanel';
import { WelcomePanel } from './panels/WelcomePanel';
import { call } from './rpc';
import { ResetLandingContext } from './settings/reset-landing';
import { ErrorNotice } from './ui/ErrorNotice';
import { asErrorInfo } from './ui/use-call';

const HELP_URL = 'https://github.com/tapdash/tapdash#readme';

/** The sidebar: a tab strip over one panel at a time; first-timers start on the welcome view. */
export function App() {
  const [ctx, setCtx] = useState<Context | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [view, setView] = useState<ViewId | null>(null);

  useEffect(() => {
    Promise.all([call('getContext'), call('listConnections')]).then(
      ([context, connections]) => {
        setCtx(context);
        setView(connections.length === 0 ? 'welcome' : 'sources');
      },
      (e: unknown) => setError(asErrorInfo(e)),
    );
  }, []);

  const [resetSummary, setResetSummary] = useState<string | null>(null);
  const nav = useMemo(
    () => ({
      view: view ?? 'sources',
      go: (next: ViewId) => {
        setResetSummary(null);
        setView(next);
      },
    }),
    [view],
  );
  const landAfterReset = useCallback((summary: string) => {
    setResetSummary(summary);
    setView('welcome');
  }, []);

  return (
    <NavigationContext.Provider value={nav}>
      <main>
        <header class="app-header">
          {/* Sheets' own title bar above the sidebar already says Tapdash: kept for screen readers only. */}
          <h1 class="visually-hidden">Tapdash</h1>
          {ctx && (
            <p class="small-text muted" data-testid="context">
              {ctx.spreadsheetName} · {ctx.timeZone} · {ctx.user}
            </p>
          )}
        </header>
        {view && view !== 'welcome' && (
          <nav class="tabs" aria-label="Tapdash sections">
            {VIEWS.map((v) => (
              <button
                type="button"
                key={v.id}
                aria-current={view === v.id ? 'page' : undefined}
                data-testid={`nav-${v.id}`}
                onClick={() => setView(v.id)}
              >
                {v.label}
              </button>
            ))}
          </nav>
        )}
        <ErrorNotice error={error} />
        {!ctx && !error && <p class="muted">Loading…</p>}
        {ctx && (
          <ContextProvider value={ctx}>
            {view === 'welcome' && <WelcomePanel notice={resetSummary} />}
            {view === 'sources' && <SourcesPanel />}
            {view === 'reports' && <ReportsPanel />}
            {view === 'dashboard' && <DashboardPanel />}
            {view === 'schedule' && <SchedulePanel />}
            {view === 'settings' && (
              <ResetLandingContext.Provider value={landAfterReset}>
                <SettingsPanel />
              </ResetLandingContext.Provider>
            )}
          </ContextProvider>
        )}
        <footer class="help-link">
          <a href={HELP_URL} target="_blank" rel="noopener noreferrer">
            Help and documentation
          </a>
        </footer>
      </main>
    </NavigationContext.Provider>
  );
}
