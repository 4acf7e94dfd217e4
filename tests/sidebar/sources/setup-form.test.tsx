/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SetupForm } from '../../../sidebar/sources/SetupForm';
import { sidebarApi } from '../../../src/entry/api';
import { startScriptServer } from '../support/script-run';

const connectors = sidebarApi.listConnectors(undefined as never);
const stripe = connectors.find((c) => c.id === 'stripe')!;

function renderForm(id: string, onSaved = jest.fn()) {
  const connector = connectors.find((c) => c.id === id)!;
  render(
    <SetupForm connector={connector} me="ada@example.com" onSaved={onSaved} onCancel={() => undefined} />,
  );
  return onSaved;
}

describe('the setup form generated from a connector’s fields', () => {
  it.each(connectors.map((c) => c.id))('gives every %s setting a label tied to its input', (id) => {
    startScriptServer();
    renderForm(id);
    const connector = connectors.find((c) => c.id === id)!;
    for (const f of connector.fields) {
      const input = screen.getByLabelText(f.required ? f.label : `${f.label} (optional)`);
      expect(input.getAttribute('name')).toBe(f.key);
    }
  });

  it('masks secrets as password inputs and links to where the user finds them', () => {
    startScriptServer();
    renderForm('stripe');
    expect((screen.getByLabelText('Secret or restricted API key') as HTMLInputElement).type).toBe('password');
    expect(screen.getByRole('link', { name: 'Where do I find this?' }).getAttribute('href')).toBe(
      stripe.fields[0].helpUrl,
    );
  });

  it('offers the API base URL under Advanced', () => {
    startScriptServer();
    renderForm('stripe');
    expect(screen.getByText('Advanced')).toBeTruthy();
    expect(screen.getByLabelText('API base URL (optional)')).toBeTruthy();
  });

  it('has no Advanced section when the source asks for its address itself', () => {
    startScriptServer();
    renderForm('gitlab');
    expect(screen.queryByText('Advanced')).toBeNull();
  });

  it('says "required" only after the user tries to save, and then focuses the field', async () => {
    const server = startScriptServer();
    renderForm('stripe');
    expect(screen.queryByText(/is required/)).toBeNull();
    fireEvent.click(screen.getByTestId('setup-save'));
    await screen.findByText('"Secret or restricted API key" is required.');
    expect(document.activeElement?.getAttribute('name')).toBe('apiKey');
    expect(server.calls).toEqual([]);
  });

  it('never saves a connection whose test fails (here: the API cannot be reached)', async () => {
    const server = startScriptServer();
    const onSaved = renderForm('stripe');
    fireEvent.input(screen.getByLabelText('Secret or restricted API key'), {
      target: { value: 'sk_test_51Nothing0000000000' },
    });
    // Nothing listens on port 9: the test call fails, and the form says so in words.
    fireEvent.input(screen.getByLabelText('API base URL (optional)'), {
      target: { value: 'http://127.0.0.1:9' },
    });
    fireEvent.click(screen.getByTestId('setup-save'));
    await screen.findByTestId('setup-error');
    await waitFor(() => expect((screen.getByTestId('setup-save') as HTMLButtonElement).disabled).toBe(false));
    expect(server.calls.map((c) => c.name)).toEqual(['testConnection']);
    expect(onSaved).not.toHaveBeenCalled();
    expect(server.call('listConnections')).toEqual([]);
  });

  it('saves a source whose test passes and hands the saved connection on, without its secret', async () => {
    const server = startScriptServer();
    const onSaved = renderForm('demo');
    fireEvent.click(screen.getByTestId('setup-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.calls.map((c) => c.name)).toEqual(['testConnection', 'saveConnection']);
    expect(onSaved.mock.calls[0][0]).toMatchObject({
      id: 'demo',
      connector: 'demo',
      createdBy: 'ada@example.com',
    });
  });
});
