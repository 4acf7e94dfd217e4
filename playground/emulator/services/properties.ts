/**
 * PropertiesService: script, per-user and document key-value stores of strings
 * (https://developers.google.com/apps-script/reference/properties). Limits from the quotas page
 * (https://developers.google.com/apps-script/guides/services/quotas): 9 KB per value, 500 KB per
 * store, and a daily count of property reads and writes.
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { utf8Length } from './bytes';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

type Store = Record<string, string>;

export interface PropertiesJSON {
  script: Store;
  document: Store;
  user: Record<string, Store>;
}

export class PropertiesData {
  constructor(
    readonly script: Store = {},
    readonly document: Store = {},
    readonly user: Record<string, Store> = {},
  ) {}

  storeFor(scope: 'script' | 'document' | 'user', user: string): Store {
    if (scope === 'script') return this.script;
    if (scope === 'document') return this.document;
    this.user[user] ??= {};
    return this.user[user];
  }

  toJSON(): PropertiesJSON {
    return structuredClone({ script: this.script, document: this.document, user: this.user });
  }

  static fromJSON(json: unknown): PropertiesData {
    const j = (json ?? {}) as Partial<PropertiesJSON>;
    return new PropertiesData({ ...j.script }, { ...j.document }, structuredClone(j.user ?? {}));
  }
}

function storeBytes(store: Store): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += utf8Length(k) + utf8Length(v);
  return n;
}

/**
 * The storage-quota error. The platform's wording for a store over 500 KB is in many public
 * scripts; a single value over 9 KB has been reported with the same message (the measured
 * per-value behaviour varies, platform notes §1), so both limits use it.
 */
function storageQuotaError(): Error {
  return platformError(
    'You have exceeded the property storage quota. Please remove some properties and try again.',
  );
}

function checkLimits(store: Store): void {
  for (const v of Object.values(store)) if (utf8Length(v) > MAX_VALUE_BYTES) throw storageQuotaError();
  if (storeBytes(store) > MAX_STORE_BYTES) throw storageQuotaError();
}

function createProperties(emu: Emulator, scope: 'script' | 'document' | 'user', user: string) {
  const data = () => emu.services.properties.storeFor(scope, user);
  const use = (method: string) => {
    emu.call('Properties', method, 'properties', emu.costs.propertiesMs);
    if (!emu.current()) return;
    emu.services.quotas.take(
      'properties',
      emu.activeUser(),
      emu.clock.now(),
      1,
      emu.options.quotas.propertiesCallsPerDay,
    );
  };
  const replace = (next: Store) => {
    const store = data();
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  };
  const props = {
    getProperty(key: string): string | null {
      use('getProperty');
      const store = data();
      const k = String(key);
      return Object.hasOwn(store, k) ? store[k] : null;
    },
    getProperties(): Store {
      use('getProperties');
      return { ...data() };
    },
    getKeys(): string[] {
      use('getKeys');
      return Object.keys(data());
    },
    setProperty(key: string, value: unknown) {
      use('setProperty');
      const next = { ...data(), [String(key)]: String(value) };
      checkLimits(next);
      replace(next);
      return props;
    },
    setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
      use('setProperties');
      const next: Store = deleteAllOthers ? {} : { ...data() };
      for (const [k, v] of Object.entries(properties ?? {})) next[k] = String(v);
      checkLimits(next);
      replace(next);
      return props;
    },
    deleteProperty(key: string) {
      use('deleteProperty');
      delete data()[String(key)];
      return props;
    },
    deleteAllProperties() {
      use('deleteAllProperties');
      replace({});
      return props;
    },
  };
  return props;
}

export function createPropertiesService(emu: Emulator): GoogleAppsScript.Properties.PropertiesService {
  const get = (method: string) => emu.call('PropertiesService', method, 'properties', 0);
  return {
    getScriptProperties() {
      get('getScriptProperties');
      return createProperties(emu, 'script', emu.activeUser());
    },
    getUserProperties() {
      get('getUserProperties');
      return createProperties(emu, 'user', emu.activeUser());
    },
    getDocumentProperties() {
      get('getDocumentProperties');
      return createProperties(emu, 'document', emu.activeUser());
    },
  } as unknown as GoogleAppsScript.Properties.PropertiesService;
}
