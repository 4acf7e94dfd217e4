/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ContextProvider } from '../../../sidebar/context';
import { SourcesPanel } from '../../../sidebar/panels/SourcesPanel';
import { type ScriptServer, startScriptServer } from '../support/script-run';

function renderAs(server: ScriptServer) {
  return render(
    <ContextProvider value={{ spreadsheetName: 'My business', timeZone: 'Etc/UTC', user: server.user }}>
      <SourcesPanel />
    </ContextProvider>,
  );
}

function tabNames(server: ScriptServer): string[] {
  return server.emu.run((gas) =>
    gas.SpreadsheetApp.getActive()
      .getSheets()
      .map((s) => s.getName()),
  );
}

/** A spreadsheet with the demo source synced and its summary tabs built, as ada. */
function withSyncedDemo(): ScriptServer {
  const server = startScriptServer();
  server.call('saveConnection', [{ connector: 'demo', config: {} }]);
  for (let i = 0; i < 10; i++) if (server.call<{ done: boolean }>('runSyncChunk', ['demo']).done) break;
  server.call('refreshNow');
  return server;
}

describe('the Sources panel', () => {
  it('opens on the source picker when there are no connections yet', async () => {
    startScriptServer();
    const view = render(
      <ContextProvider value={{ spreadsheetName: 'x', timeZone: 'Etc/UTC', user: 'ada@example.com' }}>
        <SourcesPanel />
      </ContextProvider>,
    );
    await view.findByTestId('connector-picker');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Add a source');
    expect(screen.getByTestId('connector-stripe').textContent).toContain('Stripe');
  });

  it('shows a synced connection as healthy, with its rows, when it last synced and the schedule', async () => {
    const server = withSyncedDemo();
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    expect(within(card).getByTestId('connection-status').textContent).toBe('Healthy');
    expect(within(card).getByTestId('connection-last-sync').textContent).toMatch(
      /^Last synced just now · [\d,]+ rows$/,
    );
  });

  it('says "No schedule yet" once above the list, not on every card', async () => {
    const server = withSyncedDemo();
    server.call('saveConnection', [{ connector: 'demo', config: {} }]);
    renderAs(server);
    await screen.findByTestId('connection-demo_2');
    expect(screen.getByTestId('sources-schedule-note').textContent).toMatch(/^No schedule yet/);
    expect(screen.getAllByText(/No schedule yet/)).toHaveLength(1);
    expect(screen.queryAllByTestId('connection-next-run')).toEqual([]);
  });

  it("names the source in each card button's accessible name", async () => {
    const server = withSyncedDemo();
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    const names = within(card)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Sync now: Demo data', 'Edit Demo data', 'Pause Demo data', 'Remove Demo data']);
  });

  it('says on a second account’s card that it adds to the same metrics, and nothing on the first', async () => {
    const server = startScriptServer();
    server.call('saveConnection', [{ connector: 'demo', config: {} }]);
    server.call('saveConnection', [{ connector: 'demo', config: {} }]);
    renderAs(server);
    const second = await screen.findByTestId('connection-demo_2');
    expect(within(second).getByTestId('connection-shared-note').textContent).toMatch(
      /^Adds to the same .* metrics as demo: the Dashboard counts both accounts\.$/,
    );
    expect(within(screen.getByTestId('connection-demo')).queryByTestId('connection-shared-note')).toBeNull();
  });

  it('pauses a connection: the pill says Paused, Sync now is disabled, and Resume undoes it', async () => {
    const server = withSyncedDemo();
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    fireEvent.click(within(card).getByTestId('connection-pause'));
    await waitFor(() => expect(within(card).getByTestId('connection-status').textContent).toBe('Paused'));
    expect((within(card).getByTestId('connection-sync') as HTMLButtonElement).disabled).toBe(true);
    expect(server.call<Array<{ paused: boolean }>>('listConnections')[0].paused).toBe(true);
    fireEvent.click(within(card).getByTestId('connection-pause'));
    await waitFor(() => expect(within(card).getByTestId('connection-status').textContent).toBe('Healthy'));
  });

  it('asks before removing, and by default keeps the data tabs', async () => {
    const server = withSyncedDemo();
    const before = tabNames(server);
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    fireEvent.click(within(card).getByTestId('connection-remove'));
    expect(server.calls.some((c) => c.name === 'removeConnection')).toBe(false);
    fireEvent.click(within(card).getByTestId('remove-confirm-button'));
    await waitFor(() => expect(screen.queryByTestId('connection-demo')).toBeNull());
    expect(server.calls.find((c) => c.name === 'removeConnection')?.args).toEqual(['demo', false]);
    expect(tabNames(server)).toEqual(before);
  });

  it('updates the Dashboard right after a removal, and says so', async () => {
    const server = withSyncedDemo();
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    fireEvent.click(within(card).getByTestId('connection-remove'));
    fireEvent.click(within(card).getByTestId('remove-confirm-button'));
    await waitFor(() =>
      expect(screen.getByTestId('sources-notice').textContent).toBe(
        'Removed Demo data. The Dashboard is up to date.',
      ),
    );
    const names = server.calls.map((c) => c.name);
    expect(names.indexOf('refreshNow')).toBeGreaterThan(names.indexOf('removeConnection'));
  });

  it('deletes only the hidden data tabs when the user chooses to, keeping summary tabs and the Dashboard', async () => {
    const server = withSyncedDemo();
    expect(tabNames(server)).toEqual(expect.arrayContaining(['demo_customers', 'Dashboard', 'Demo · MRR']));
    renderAs(server);
    const card = await screen.findByTestId('connection-demo');
    fireEvent.click(within(card).getByTestId('connection-remove'));
    fireEvent.click(within(card).getByTestId('remove-delete-tabs'));
    fireEvent.click(within(card).getByTestId('remove-confirm-button'));
    await waitFor(() => expect(screen.queryByTestId('connection-demo')).toBeNull());
    const left = tabNames(server);
    expect(left.filter((n) => n.startsWith('demo_'))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining(['Dashboard', 'Demo · MRR']));
  });
});

describe('another editor of the spreadsheet', () => {
  /** ada saved a Stripe key; bob opens the sidebar. */
  function bobSeesAdasStripe(): ScriptServer {
    const server = startScriptServer({ user: 'bob@example.com' });
    server.call(
      'saveConnection',
      [{ connector: 'stripe', config: { apiKey: 'rk_test_51AdasOwnKey0000000' } }],
      'ada@example.com',
    );
    return server;
  }

  it('sees the connection as the owner set it up, and is told whose key it is', async () => {
    const server = bobSeesAdasStripe();
    renderAs(server);
    const card = await screen.findByTestId('connection-stripe');
    expect(within(card).getByTestId('connection-owner-note').textContent).toMatch(
      /ada@example.com set up Stripe\. Its key is saved in their Google account: you cannot see it/,
    );
  });

  it('never receives the owner’s key, and the edit form says it stays in the owner’s account', async () => {
    const server = bobSeesAdasStripe();
    const view = renderAs(server);
    const card = await screen.findByTestId('connection-stripe');
    fireEvent.click(within(card).getByTestId('connection-edit'));
    const key = (await screen.findByLabelText('Secret or restricted API key (optional)')) as HTMLInputElement;
    expect(key.value).toBe('');
    expect(key.type).toBe('password');
    expect(
      screen.getByText(/Saved in ada@example.com's Google account, where you cannot read it/),
    ).toBeTruthy();
    expect(view.container.innerHTML).not.toContain('AdasOwnKey');
  });

  it('is told in words, not with a failure, that Sync now cannot use the owner’s key', async () => {
    const server = bobSeesAdasStripe();
    renderAs(server);
    const card = await screen.findByTestId('connection-stripe');
    fireEvent.click(within(card).getByTestId('connection-sync'));
    const stopped = await screen.findByTestId('sync-stopped');
    expect(stopped.textContent).toMatch(
      /saved in ada@example.com's Google account, so only their syncs can use it/,
    );
  });
});

describe('offering to remove the demo once the founder’s own data is in', () => {
  /** The demo synced, then Stripe connected beside it. */
  function demoAndStripe(): ScriptServer {
    const server = withSyncedDemo();
    server.call('saveConnection', [{ connector: 'stripe', config: { apiKey: 'sk_test_abcdefghijklmnop' } }]);
    return server;
  }

  beforeEach(() => localStorage.clear());

  it('is not made while the demo is the only source', async () => {
    renderAs(withSyncedDemo());
    await screen.findByTestId('connection-demo');
    expect(screen.queryByTestId('demo-offer')).toBeNull();
  });

  it('asks "Your own data is in. Remove the demo?" when a real source joins the demo', async () => {
    renderAs(demoAndStripe());
    expect((await screen.findByTestId('demo-offer')).textContent).toContain(
      'Your own data is in. Remove the demo?',
    );
  });

  it('goes through the normal removal, with the demo’s data tabs ticked for deletion', async () => {
    const server = demoAndStripe();
    renderAs(server);
    fireEvent.click(await screen.findByTestId('demo-offer-remove'));
    const card = screen.getByTestId('connection-demo');
    expect((within(card).getByTestId('remove-delete-tabs') as HTMLInputElement).checked).toBe(true);
    expect(server.calls.some((c) => c.name === 'removeConnection')).toBe(false);
    fireEvent.click(within(card).getByTestId('remove-confirm-button'));
    await waitFor(() => expect(screen.queryByTestId('connection-demo')).toBeNull());
    expect(server.calls.find((c) => c.name === 'removeConnection')?.args).toEqual(['demo', true]);
    expect(tabNames(server).filter((n) => n.startsWith('demo_'))).toEqual([]);
    expect(screen.queryByTestId('demo-offer')).toBeNull();
  });

  it('is made once: after "Keep it" it does not come back', async () => {
    const server = demoAndStripe();
    const first = renderAs(server);
    fireEvent.click(await screen.findByTestId('demo-offer-keep'));
    expect(screen.queryByTestId('demo-offer')).toBeNull();
    first.unmount();
    renderAs(server);
    await screen.findByTestId('connection-demo');
    expect(screen.queryByTestId('demo-offer')).toBeNull();
    expect(server.call<unknown[]>('listConnections')).toHaveLength(2);
  });
});
