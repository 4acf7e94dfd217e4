/**
 * Reads a value at a dot path (`paging.next.after`) in parsed JSON. `''` is the value itself.
 * A segment that is a whole key with dots in it is not supported: vendor envelopes never use one.
 */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A JSON object (not an array, Date or null). Works across realms, unlike a prototype check. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  // The typeof test answers most calls (scalars) without building a tag string.
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]'
  );
}
