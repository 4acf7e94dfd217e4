import { Emulator } from '../../playground/emulator/emulator';
import { sidebarApi } from '../../src/entry/api';

/** A founder who tried the demo only: the sidebar speaks of the demo's models, not every vendor's. */
function demoOnly(): Emulator {
  const emu = new Emulator({ realCpu: false });
  emu.run((gas) => sidebarApi.saveConnection(gas, { connector: 'demo', config: {} }));
  return emu;
}

describe('the sidebar lists the models of connected sources only', () => {
  it('shows the Demo package in the model list and no Stripe, HubSpot or Shopify model', () => {
    const names = demoOnly()
      .run((gas) => sidebarApi.listModels(gas))
      .map((m) => m.name);
    expect(names.some((n) => n.startsWith('demo_'))).toBe(true);
    expect(names.filter((n) => /^(stripe|hubspot|shopify|github|gitlab|ga4)_/.test(n))).toEqual([]);
  });

  it('lists nothing built in before any source is connected', () => {
    const emu = new Emulator({ realCpu: false });
    expect(emu.run((gas) => sidebarApi.listModels(gas)).filter((m) => m.origin === 'package')).toEqual([]);
  });
});
