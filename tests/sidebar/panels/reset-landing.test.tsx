/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/preact';
import { App } from '../../../sidebar/app';
import { startScriptServer } from '../support/script-run';

describe('after resetting Tapdash', () => {
  it('the sidebar lands on the Welcome view and says what the reset did', async () => {
    const server = startScriptServer();
    server.call('saveConnection', [{ connector: 'demo', config: {} }]);
    render(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    fireEvent.input(await screen.findByTestId('reset-confirm'), { target: { value: 'RESET' } });
    fireEvent.click(screen.getByTestId('reset-run'));
    await screen.findByTestId('panel-welcome');
    expect(screen.getByTestId('welcome-reset-notice').textContent).toMatch(/^Tapdash was reset\./);
    expect(screen.queryByTestId('nav-sources')).toBeNull();
    expect(server.call('listConnections')).toEqual([]);
  });

  it('the notice goes once the user moves on', async () => {
    const server = startScriptServer();
    server.call('saveConnection', [{ connector: 'demo', config: {} }]);
    render(<App />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    fireEvent.input(await screen.findByTestId('reset-confirm'), { target: { value: 'RESET' } });
    fireEvent.click(screen.getByTestId('reset-run'));
    fireEvent.click(await screen.findByTestId('welcome-connect'));
    await screen.findByTestId('panel-sources');
    expect(screen.queryByTestId('welcome-reset-notice')).toBeNull();
  });
});
