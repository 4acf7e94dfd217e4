/**
 * CacheService (https://developers.google.com/apps-script/reference/cache/cache): keys up to 250
 * characters, values up to 100 KB, expiry 1 to 21,600 s (default 600) on the simulated clock.
 * Capacity behaviour from a Google DevRel measurement
 * (https://dev.to/googleworkspace/apps-script-cacheservice-eviction-and-other-limits-1p6d):
 * at most 1,000 items; crossing that evicts about 10% of the oldest entries at once (FIFO by
 * insertion, reads do not refresh), and values are stored as strings ("[object Object]").
 */
import type { Emulator } from '../emulator';
import { platformError } from '../platform-error';
import { utf8Length } from './bytes';

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 102_400;
export const MAX_ITEMS = 1000;
export const DEFAULT_TTL_S = 600;
export const MAX_TTL_S = 21_600;
const EVICT_COUNT = MAX_ITEMS / 10;

interface Entry {
  value: string;
  expiresAt: number;
}

/** One cache: entries in insertion order (a Map keeps it), which is the eviction order. */
export type CacheJSON = Record<string, Array<[string, Entry]>>;

export class CacheData {
  private readonly caches = new Map<string, Map<string, Entry>>();

  cache(scope: string): Map<string, Entry> {
    let c = this.caches.get(scope);
    if (!c) {
      c = new Map();
      this.caches.set(scope, c);
    }
    return c;
  }

  toJSON(): CacheJSON {
    const out: CacheJSON = {};
    for (const [scope, c] of this.caches) out[scope] = [...c].map(([k, e]) => [k, { ...e }]);
    return out;
  }

  static fromJSON(json: unknown): CacheData {
    const data = new CacheData();
    for (const [scope, entries] of Object.entries((json ?? {}) as CacheJSON)) {
      const c = data.cache(scope);
      for (const [k, e] of entries) c.set(k, { value: e.value, expiresAt: e.expiresAt });
    }
    return data;
  }
}

function checkKey(key: unknown): string {
  const k = String(key);
  // Platform wording for oversized keys and values as quoted by public scripts ("Argument too
  // large: value" is widely seen; the key variant is assumed to follow the same pattern).
  if (k.length > MAX_KEY_LENGTH) throw platformError('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (utf8Length(v) > MAX_VALUE_BYTES) throw platformError('Argument too large: value');
  return v;
}

function ttlMs(seconds: unknown): number {
  const s = seconds === undefined || seconds === null ? DEFAULT_TTL_S : Number(seconds);
  const clamped = Math.min(MAX_TTL_S, Math.max(1, Number.isFinite(s) ? s : DEFAULT_TTL_S));
  return clamped * 1000;
}

function createCache(emu: Emulator, scope: string) {
  const use = (method: string) => emu.call('Cache', method, 'cache', emu.costs.cacheMs);
  const live = () => {
    const c = emu.services.cache.cache(scope);
    const now = emu.clock.now();
    for (const [k, e] of c) if (e.expiresAt <= now) c.delete(k);
    return c;
  };
  const insert = (c: Map<string, Entry>, key: string, value: string, ttl: number) => {
    c.delete(key);
    c.set(key, { value, expiresAt: emu.clock.now() + ttl });
    if (c.size > MAX_ITEMS) {
      let n = EVICT_COUNT;
      for (const k of c.keys()) {
        if (n-- <= 0) break;
        c.delete(k);
      }
    }
  };
  return {
    get(key: string): string | null {
      use('get');
      const k = checkKey(key);
      return live().get(k)?.value ?? null;
    },
    getAll(keys: string[]): Record<string, string> {
      use('getAll');
      const c = live();
      const out: Record<string, string> = {};
      for (const key of keys ?? []) {
        const k = checkKey(key);
        const e = c.get(k);
        if (e) out[k] = e.value;
      }
      return out;
    },
    put(key: string, value: unknown, expirationInSeconds?: number): void {
      use('put');
      const k = checkKey(key);
      const v = checkValue(value);
      insert(live(), k, v, ttlMs(expirationInSeconds));
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
      use('putAll');
      const checked = Object.entries(values ?? {}).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
      const c = live();
      const ttl = ttlMs(expirationInSeconds);
      for (const [k, v] of checked) insert(c, k, v, ttl);
    },
    remove(key: string): void {
      use('remove');
      live().delete(checkKey(key));
    },
    removeAll(keys: string[]): void {
      use('removeAll');
      const c = live();
      for (const key of keys ?? []) c.delete(checkKey(key));
    },
  };
}

export function createCacheService(emu: Emulator): GoogleAppsScript.Cache.CacheService {
  const get = (method: string) => emu.call('CacheService', method, 'cache', 0);
  return {
    getScriptCache() {
      get('getScriptCache');
      return createCache(emu, 'script');
    },
    getUserCache() {
      get('getUserCache');
      return createCache(emu, `user:${emu.activeUser()}`);
    },
    getDocumentCache() {
      get('getDocumentCache');
      return createCache(emu, 'document');
    },
  } as unknown as GoogleAppsScript.Cache.CacheService;
}
