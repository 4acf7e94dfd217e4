/**
 * GitLab records, trimmed before the sync engine flattens them (it keeps every field as a
 * column): the `_links` API URLs and avatar images take cells and say nothing, and project
 * objects carry credentials that must never reach a cell (`runners_token`, the CI runner
 * registration token shown to maintainers, and an `import_url` that can embed a password).
 */

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dropped(key: string): boolean {
  return key === '_links' || key.endsWith('avatar_url') || key === 'import_url' || /token/i.test(key);
}

/** The value without link blocks, avatars and credentials, at every depth. */
export function withoutNoise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNoise);
  if (!isRecord(value)) return value;
  const out: Raw = {};
  for (const [key, v] of Object.entries(value)) if (!dropped(key)) out[key] = withoutNoise(v);
  return out;
}

export function compactRecord(raw: unknown): Raw {
  const item = withoutNoise(raw);
  return isRecord(item) ? item : {};
}
