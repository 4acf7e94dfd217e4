import { Emulator } from '../../playground/emulator/emulator';
import { getConnection, saveConnection, storedSecrets } from '../../src/connect/connection-store';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { testConnection } from '../../src/sync/test-connection';
import { itemsStream, testConnector } from '../sync/harness';

const connector: ConnectorSpec = testConnector([itemsStream()], {
  fields: [
    { key: 'token', label: 'API key', kind: 'secret', required: true },
    { key: 'team', label: 'Team', kind: 'text' },
    { key: 'region', label: 'Region', kind: 'text', default: 'eu' },
  ],
});

function savedStripeLike() {
  const emu = new Emulator({ realCpu: false, user: 'ada@example.com' });
  emu.run((gas) =>
    saveConnection(
      gas,
      {
        connector: 'acme',
        config: { token: 'ak_SECRET', team: 'growth', region: 'us', baseUrl: 'http://127.0.0.1:4010' },
      },
      connector,
    ),
  );
  return emu;
}

/** The edit form sends every field: saved values as they were, secrets blank, cleared ones empty. */
describe('editing a connection from the setup form', () => {
  it('clears a setting the user emptied, such as an Advanced API address, and keeps the saved secret', () => {
    const emu = savedStripeLike();
    emu.run((gas) =>
      saveConnection(
        gas,
        { id: 'acme', connector: 'acme', config: { token: '', team: 'growth', region: 'us', baseUrl: '' } },
        connector,
      ),
    );
    expect(emu.run((gas) => getConnection(gas, 'acme'))?.config).toEqual({ team: 'growth', region: 'us' });
    expect(emu.run((gas) => storedSecrets(gas, 'acme'))).toEqual({ token: 'ak_SECRET' });
  });

  it('puts back the declared default of a setting the user emptied', () => {
    const emu = savedStripeLike();
    emu.run((gas) =>
      saveConnection(gas, { id: 'acme', connector: 'acme', config: { token: '', region: '' } }, connector),
    );
    expect(emu.run((gas) => getConnection(gas, 'acme'))?.config.region).toBe('eu');
  });

  it('keeps a setting the caller did not send at all (the CLI and older callers send only what changed)', () => {
    const emu = savedStripeLike();
    emu.run((gas) =>
      saveConnection(gas, { id: 'acme', connector: 'acme', config: { team: 'sales' } }, connector),
    );
    expect(emu.run((gas) => getConnection(gas, 'acme'))?.config).toEqual({
      team: 'sales',
      region: 'us',
      baseUrl: 'http://127.0.0.1:4010',
    });
  });

  it('tests against the address the form shows, not a cleared one that is still saved', () => {
    const emu = savedStripeLike();
    // With the local address cleared, the test goes to the connector's own host, which the emulator cannot reach.
    expect(() =>
      emu.run((gas) =>
        testConnection(gas, { id: 'acme', connector: 'acme', config: { token: '', baseUrl: '' } }, [
          connector,
        ]),
      ),
    ).toThrow(/api\.acme\.test/);
  });
});
