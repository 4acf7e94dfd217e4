import { Emulator } from '../../playground/emulator/emulator';
import {
  configWithSecrets,
  getConnection,
  listConnections,
  saveConnection,
} from '../../src/connect/connection-store';
import { assertBaseUrlAllowed } from '../../src/connect/url-allowlist-check';
import { runSyncChunk } from '../../src/sync/engine';
import { itemsStream, testConnector } from './harness';

const connector = testConnector([itemsStream()], {
  fields: [
    { key: 'token', label: 'API key', kind: 'secret', required: true },
    {
      key: 'account',
      label: 'Account',
      kind: 'text',
      required: true,
      pattern: '^acct_[a-z0-9]+$',
      patternMessage: 'The account id starts with acct_, like acct_123.',
    },
  ],
});

function emulator(): Emulator {
  return new Emulator({ realCpu: false, user: 'ada@example.com' });
}

describe('connection store', () => {
  it('fills a setting the form left empty with its declared default, but keeps what was saved before', () => {
    const emu = emulator();
    const withDefault = testConnector([itemsStream()], {
      fields: [{ key: 'kind', label: 'Account type', kind: 'select', required: true, default: 'orgs' }],
    });
    const first = emu.run((gas) => saveConnection(gas, { connector: 'acme', config: {} }, withDefault));
    expect(first.config).toEqual({ kind: 'orgs' });
    emu.run((gas) =>
      saveConnection(gas, { id: 'acme', connector: 'acme', config: { kind: 'users' } }, withDefault),
    );
    const edited = emu.run((gas) =>
      saveConnection(gas, { id: 'acme', connector: 'acme', config: {} }, withDefault),
    );
    expect(edited.config).toEqual({ kind: 'users' });
  });

  it('keeps the settings in document properties and the secret only in the saving user’s properties', () => {
    const emu = emulator();
    const saved = emu.run((gas) =>
      saveConnection(
        gas,
        { connector: 'acme', config: { token: 'ak_SECRET', account: 'acct_1' } },
        connector,
      ),
    );
    expect(saved).toEqual({
      id: 'acme',
      connector: 'acme',
      config: { account: 'acct_1' },
      createdBy: 'ada@example.com',
    });
    const [docProps, adaProps, bobProps] = emu.run((gas) => [
      JSON.stringify(gas.PropertiesService.getDocumentProperties().getProperties()),
      JSON.stringify(gas.PropertiesService.getUserProperties().getProperties()),
      '',
    ]);
    expect(docProps).not.toContain('ak_SECRET');
    expect(adaProps).toContain('ak_SECRET');
    const bobSees = emu.run(
      (gas) => JSON.stringify(gas.PropertiesService.getUserProperties().getProperties()),
      {
        user: 'bob@example.com',
      },
    );
    expect(bobSees + bobProps).not.toContain('ak_SECRET');
    expect(emu.run((gas) => listConnections(gas), { user: 'bob@example.com' })).toEqual([saved]);
  });

  it('names the next connection of the same connector with a number', () => {
    const emu = emulator();
    const ids = emu.run((gas) =>
      [1, 2].map(
        (i) =>
          saveConnection(gas, { connector: 'acme', config: { token: 'k', account: `acct_${i}` } }, connector)
            .id,
      ),
    );
    expect(ids).toEqual(['acme', 'acme_2']);
  });

  it('refuses settings that do not match the declared fields, in plain words', () => {
    const emu = emulator();
    expect(() =>
      emu.run((gas) => saveConnection(gas, { connector: 'acme', config: { account: 'nope' } }, connector)),
    ).toThrow('"API key" is required. The account id starts with acct_, like acct_123.');
  });

  it('keeps the saved secret when an edit leaves it empty', () => {
    const emu = emulator();
    emu.run((gas) => {
      saveConnection(
        gas,
        { connector: 'acme', config: { token: 'ak_SECRET', account: 'acct_1' } },
        connector,
      );
      saveConnection(
        gas,
        { id: 'acme', connector: 'acme', config: { token: '', account: 'acct_2' } },
        connector,
      );
    });
    const config = emu.run((gas) => configWithSecrets(gas, getConnection(gas, 'acme')!, connector));
    expect(config).toEqual({ account: 'acct_2', token: 'ak_SECRET' });
  });

  it("tells another editor that the key lives in its owner's account, without failing the connection", () => {
    const emu = emulator();
    emu.run((gas) =>
      saveConnection(
        gas,
        { connector: 'acme', config: { token: 'ak_SECRET', account: 'acct_1' } },
        connector,
      ),
    );
    const progress = emu.run(
      (gas, exec) => runSyncChunk(gas, 'acme', { startedAt: exec.startedAt, connectors: [connector] }),
      { user: 'bob@example.com' },
    );
    expect(progress).toMatchObject({
      done: false,
      stopped: 'blocked',
      errors: [
        {
          code: 'secret-missing',
          message: expect.stringContaining("saved in ada@example.com's Google account"),
        },
      ],
    });
  });

  it('refuses an API address outside the allowlist, naming the allowed hosts', () => {
    expect(() => assertBaseUrlAllowed(connector, { baseUrl: 'https://evil.example.com/api' })).toThrow(
      'Tapdash can only call the addresses its build allows, and https://evil.example.com/api is not one of them. Allowed for Acme: api.acme.test.',
    );
    expect(() => assertBaseUrlAllowed(connector, { baseUrl: 'https://api.acme.test/v2' })).not.toThrow();
    expect(() => assertBaseUrlAllowed(connector, { baseUrl: 'http://127.0.0.1:8080/v1' })).not.toThrow();
  });
});
