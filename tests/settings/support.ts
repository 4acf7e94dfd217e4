import { Emulator } from '../../playground/emulator/emulator';
import { installSimulatedDate } from '../../playground/emulator/sim-date';
import type { ConnectorSpec } from '../../src/connect/connector-spec';
import type { Gas } from '../../src/platform/gas';
import type { Catalog } from '../../src/schedule/catalog';
import { START, tinyCatalog, tinyConnector, tinyPackage } from '../schedule/support';

export const OWNER = 'owner@example.com';

/** A source with a key, to show that keys never travel in a configuration file. */
export const keyedConnector: ConnectorSpec = {
  ...tinyConnector,
  id: 'keyed',
  label: 'Keyed',
  fields: [
    { key: 'apiKey', label: 'API key', kind: 'secret', required: true },
    {
      key: 'region',
      label: 'Region',
      kind: 'select',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
  ],
};

export const catalog: Catalog = {
  connectors: [tinyConnector, keyedConnector],
  packages: [tinyPackage],
};
export { tinyCatalog };

/** A fresh emulated spreadsheet, running executions as `OWNER` unless told otherwise. */
export function spreadsheet(user = OWNER) {
  const emu = new Emulator({ realCpu: false, now: START + 10 * 86_400_000, user, timeZone: 'Etc/UTC' });
  const restore = installSimulatedDate(() => emu.clock.now());
  const run = <T>(fn: (gas: Gas) => T, as = user): T =>
    emu.run((gas) => fn(gas as Gas), { user: as, kind: 'script-run' });
  const docProps = () => run((gas) => gas.PropertiesService.getDocumentProperties().getProperties());
  const userProps = () => run((gas) => gas.PropertiesService.getUserProperties().getProperties());
  const tabs = () =>
    run((gas) =>
      gas.SpreadsheetApp.getActive()
        .getSheets()
        .map((s) => s.getName()),
    );
  const clockTriggers = () => emu.services.triggers.list.filter((t) => t.handler === 'runScheduledRefresh');
  return { emu, run, docProps, userProps, tabs, clockTriggers, restore };
}
