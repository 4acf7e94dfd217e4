import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, ServerError } from './rpc';
import './styles.css';

type Context = Awaited<ReturnType<typeof call<'getContext'>>>;

function App() {
  const [ctx, setCtx] = useState<Context | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getContext').then(setCtx, (e: unknown) =>
      setError(e instanceof ServerError ? `${e.info.message} ${e.info.fix}` : String(e)),
    );
  }, []);
  return (
    <main>
      <h1>Tapdash</h1>
      {ctx && (
        <p data-testid="context">
          Connected to <strong>{ctx.spreadsheetName}</strong> ({ctx.timeZone}) as {ctx.user}.
        </p>
      )}
      {!ctx && !error && <p class="muted">Loading…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
