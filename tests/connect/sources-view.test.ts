import { invoke, loadBundle } from '../../playground/emulator/bundle';
import { Emulator } from '../../playground/emulator/emulator';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import { sourcesView } from '../../src/connect/sources-view';
import { DEFAULT_SETTINGS, storeSettings } from '../../src/schedule/settings';
import { harness, itemsStream, START, testConnector } from '../sync/harness';

const connector: ConnectorSpec = testConnector([itemsStream()], {
  fields: [],
  auth: { type: 'none' },
  generate: () => [{ id: 'a', amount: 1, updated: Math.floor(START / 1000) }],
  freshnessHours: 2,
});

describe('the Sources view', () => {
  it('carries the server’s clock, so "synced 5 minutes ago" does not depend on the browser’s', () => {
    // The built add-on on an emulator whose simulated clock is in 2024, whatever this machine says.
    const emu = new Emulator({ realCpu: false, now: START });
    const result = JSON.parse(
      JSON.stringify(invoke(emu, loadBundle(emu), 'sourcesView', [], { kind: 'script-run' })),
    );
    expect(result.ok).toBe(true);
    expect(Math.abs(Date.parse(result.value.now) - START)).toBeLessThan(60_000);
  });

  it('says there is no schedule until someone sets one up', () => {
    const h = harness(connector, {});
    const view = h.emu.run((gas) => sourcesView(gas, [connector], h.emu.clock.now()));
    expect(view.schedule).toEqual({ kind: 'off', description: expect.stringMatching(/^Off/), owner: null });
  });

  it('names the schedule and the account it runs as', () => {
    const h = harness(connector, {});
    h.emu.run((gas) =>
      storeSettings(gas, {
        ...DEFAULT_SETTINGS,
        schedule: { kind: 'daily', hour: 6 },
        owner: 'ada@example.com',
      }),
    );
    const view = h.emu.run((gas) => sourcesView(gas, [connector], h.emu.clock.now()));
    expect(view.schedule).toEqual({
      kind: 'daily',
      description: 'Every day around 6 AM',
      owner: 'ada@example.com',
    });
  });

  it('lists each connection with its health and rows once synced', () => {
    const h = harness(connector, {});
    h.syncAll();
    const view = h.emu.run((gas) => sourcesView(gas, [connector], h.emu.clock.now()));
    expect(view.connections).toMatchObject([{ id: 'acme', status: 'healthy', rows: 1 }]);
  });

  it('does not call a source stale before a daily schedule could have refreshed it', () => {
    const h = harness(connector, {});
    h.syncAll();
    h.emu.run((gas) =>
      storeSettings(gas, {
        ...DEFAULT_SETTINGS,
        schedule: { kind: 'daily', hour: 6 },
        owner: 'ada@example.com',
      }),
    );
    const fiveHoursLater = h.emu.clock.now() + 5 * 3_600_000;
    const view = h.emu.run((gas) => sourcesView(gas, [connector], fiveHoursLater));
    expect(view.connections[0].status).toBe('healthy');
  });
});
