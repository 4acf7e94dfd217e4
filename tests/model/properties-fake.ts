import type { GasGlobals } from '../../playground/emulator/emulator';
import type { Gas } from '../../src/platform/gas';

/**
 * Document properties for tests while the emulator's PropertiesService is not on main yet:
 * the emulator's own service when it exists, otherwise one in-memory store shared by the
 * executions of a test.
 */
export function withProperties(): (gas: GasGlobals) => Gas {
  const store = new Map<string, string>();
  const properties = {
    getProperty: (k: string) => store.get(k) ?? null,
    getProperties: () => Object.fromEntries(store),
    setProperty: (k: string, v: string) => {
      store.set(k, String(v));
      return properties;
    },
    setProperties: (values: Record<string, string>) => {
      for (const [k, v] of Object.entries(values)) store.set(k, String(v));
      return properties;
    },
    deleteProperty: (k: string) => {
      store.delete(k);
      return properties;
    },
    getKeys: () => [...store.keys()],
  };
  const service = {
    getDocumentProperties: () => properties,
  } as unknown as GoogleAppsScript.Properties.PropertiesService;
  return (gas) => (gas.PropertiesService ? gas : { ...gas, PropertiesService: service });
}
