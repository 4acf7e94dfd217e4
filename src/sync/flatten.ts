import { isPlainObject } from './dot-path';

/** A flattened record: one entry per column, every value a JSON scalar or null. */
export type FlatRecord = Record<string, string | number | boolean | null>;

export interface FlattenOptions {
  /**
   * Paths kept whole as JSON text instead of being split into columns: columns the connector
   * declares as `json` (Stripe `metadata`, whose keys differ per record and would add a
   * column per key).
   */
  keepWhole?: ReadonlySet<string>;
  /** Objects nested deeper than this become JSON text, so a pathological record cannot add thousands of columns. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 8;

/**
 * Turns one API record into table columns: nested objects become `parent.child` columns and
 * arrays become JSON text (a list does not fit a cell, and exploding it into rows would change
 * what a row means). Empty objects add no column. When a literal dotted key and a nested path
 * name the same column, the one that comes later in the record wins.
 */
export function flatten(record: unknown, options: FlattenOptions = {}): FlatRecord {
  const out: FlatRecord = {};
  if (!isPlainObject(record)) {
    out.value = toScalar(record);
    return out;
  }
  walk(record, '', 0, out, options.keepWhole, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  return out;
}

function walk(
  obj: Record<string, unknown>,
  prefix: string,
  depth: number,
  out: FlatRecord,
  keepWhole: ReadonlySet<string> | undefined,
  maxDepth: number,
): void {
  const paths = prefix === '' ? undefined : childPaths(prefix);
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === undefined) continue;
    const path = paths ? joinPath(paths, prefix, key) : key;
    if (isPlainObject(value) && !keepWhole?.has(path) && depth + 1 < maxDepth) {
      walk(value, path, depth + 1, out, keepWhole, maxDepth);
    } else {
      out[path] = toScalar(value);
    }
  }
}

/**
 * `parent.child` column names, made once per parent and key rather than once per record: a new
 * string per field per record, then hashed again as a property name, was a large share of a
 * sync's CPU. Bounded, since keys under a parent can be anything an API sends.
 */
const PATH_CACHE_LIMIT = 10_000;
const pathCache = new Map<string, Map<string, string>>();
let pathCacheSize = 0;

function childPaths(prefix: string): Map<string, string> {
  let paths = pathCache.get(prefix);
  if (paths === undefined) {
    if (pathCacheSize >= PATH_CACHE_LIMIT) {
      pathCache.clear();
      pathCacheSize = 0;
    }
    paths = new Map();
    pathCache.set(prefix, paths);
  }
  return paths;
}

function joinPath(paths: Map<string, string>, prefix: string, key: string): string {
  let path = paths.get(key);
  if (path === undefined) {
    path = `${prefix}.${key}`;
    paths.set(key, path);
    pathCacheSize++;
  }
  return path;
}

function toScalar(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? null;
}
