import { findConnector } from '../../../connectors/index';
import { buildManifest } from '../../../scripts/manifest';
import { allowlistEntryProblem, isUrlAllowed } from '../../../src/connect/allowlist';
import type { ConnectorSpec } from '../../../src/connect/connector-spec';

const BASE_MANIFEST = {
  timeZone: 'Etc/UTC',
  runtimeVersion: 'V8',
  exceptionLogging: 'STACKDRIVER',
  oauthScopes: [],
  urlFetchWhitelist: [],
};

/** The urlFetchWhitelist the build writes for this connector alone (plus a self-hoster's extra hosts). */
export function manifestAllowlist(spec: ConnectorSpec, extraAllowedUrls: string[] = []): string[] {
  return buildManifest(BASE_MANIFEST, [spec], { extraAllowedUrls }).urlFetchWhitelist;
}

/**
 * Consistency checks every HTTP connector gets (GitHub, GitLab, HubSpot, Shopify run the same
 * ones): what the declaration promises the engine, the build and the dashboard is there and fits
 * together.
 */
export function checkConnectorSpec(spec: ConnectorSpec): void {
  const streamNames = spec.streams.map((s) => s.name);
  const fieldKeys = new Set(spec.fields.map((f) => f.key));

  it('is registered with the connectors the add-on ships', () => {
    expect(findConnector(spec.id)?.label).toBe(spec.label);
  });

  it('declares every primary key, cursor and partition column among the stream columns', () => {
    const missing: string[] = [];
    for (const stream of spec.streams) {
      const columns = new Set(stream.columns.map((c) => c.name));
      const needed = [
        ...stream.primaryKey,
        ...(stream.incremental ? [stream.incremental.cursorField] : []),
        ...(stream.partitions?.column ? [stream.partitions.column] : []),
      ];
      for (const name of needed) if (!columns.has(name)) missing.push(`${stream.name}.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('types incremental cursors as datetimes, since the API filters take ISO timestamps', () => {
    const cursors = spec.streams
      .filter((s) => s.incremental)
      .map((s) => s.columns.find((c) => c.name === s.incremental?.cursorField)?.type);
    expect(cursors.length).toBeGreaterThan(0);
    expect(new Set(cursors)).toEqual(new Set(['datetime']));
  });

  it('has no duplicate column names within a stream', () => {
    for (const stream of spec.streams) {
      const names = stream.columns.map((c) => c.name);
      expect(names).toEqual([...new Set(names)]);
    }
  });

  it('fills every path placeholder from a config field or the stream partition', () => {
    const unresolved: string[] = [];
    for (const stream of spec.streams) {
      for (const [, name] of stream.path.matchAll(/\{(\w+)\}/g)) {
        if (!fieldKeys.has(name) && stream.partitions?.placeholder !== name)
          unresolved.push(`${stream.name}: {${name}}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('partitions from a config field and from a stream that is synced earlier and has the field', () => {
    for (const [index, stream] of spec.streams.entries()) {
      const p = stream.partitions;
      if (!p) continue;
      if (p.fromConfig) expect(fieldKeys).toContain(p.fromConfig);
      if (p.fromStream) {
        const parentIndex = streamNames.indexOf(p.fromStream.stream);
        expect(parentIndex).toBeGreaterThanOrEqual(0);
        expect(parentIndex).toBeLessThan(index);
        const parentColumns = spec.streams[parentIndex].columns.map((c) => c.name);
        expect(parentColumns).toContain(p.fromStream.field);
      }
    }
  });

  it('lists valid allowlist entries that cover its default API address', () => {
    expect(spec.allowedUrls.map(allowlistEntryProblem).filter(Boolean)).toEqual([]);
    expect(isUrlAllowed(`${spec.baseUrl}/anything`, spec.allowedUrls)).toBe(true);
  });

  it('tests the connection with one of its streams', () => {
    expect(streamNames).toContain(spec.testStream);
  });

  it('marks the token as a secret used by the auth declaration', () => {
    const auth = spec.auth as { field?: string };
    const field = spec.fields.find((f) => f.key === auth.field);
    expect(field?.kind).toBe('secret');
    expect(field?.required).toBe(true);
  });

  it('gives every field with a pattern a message, and every pattern compiles', () => {
    for (const field of spec.fields.filter((f) => f.pattern)) {
      expect(() => new RegExp(field.pattern as string)).not.toThrow();
      expect(field.patternMessage).toBeTruthy();
    }
  });

  it('explains 401, 403, 404 and 429 in words, without leaking placeholders other than {status}', () => {
    for (const status of ['401', '403', '404', '429', 'default'] as const) {
      const hint = spec.errorHints?.[status] ?? '';
      expect(hint.length).toBeGreaterThan(40);
      expect(hint.replace('{status}', '')).not.toMatch(/[{}]/);
    }
  });
}

/**
 * Every declared column is a path that the vendor's real JSON has (after the stream's hooks),
 * so a typo or a renamed field shows up here rather than as an empty column in a user's tab. A
 * path through a null object (no milestone) counts as present; the partition column is added by
 * the engine and is skipped.
 */
export function checkColumnsAgainstPayloads(spec: ConnectorSpec, samples: Record<string, unknown>): void {
  it('declares only columns that the vendor payloads contain', () => {
    const missing: string[] = [];
    for (const stream of spec.streams) {
      const raw = samples[stream.name];
      expect(`${stream.name}: ${raw === undefined ? 'no sample' : 'sample'}`).toBe(`${stream.name}: sample`);
      const selected = stream.hooks?.selectRecords ? stream.hooks.selectRecords([raw]) : [raw];
      expect(selected).toHaveLength(1);
      const record = stream.hooks?.mapRecord
        ? stream.hooks.mapRecord(selected[0], { config: {} })
        : selected[0];
      for (const column of stream.columns) {
        if (column.name === stream.partitions?.column) continue;
        if (!hasPath(record, column.name)) missing.push(`${stream.name}.${column.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
}

function hasPath(value: unknown, path: string): boolean {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null) return true;
    if (typeof current !== 'object' || !(key in (current as object))) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}
