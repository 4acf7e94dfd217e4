import { DEFAULT_SEED, DEMO_STREAMS } from '../../../connectors/demo/generator/dataset';
import { demoConnector } from '../../../connectors/demo/spec';
import { CONNECTORS, findConnector } from '../../../connectors/index';
import type { ColumnSpec } from '../../../src/connect/connector-spec';
import { demoData, NOW } from './support/demo-data';
import { flattenRecord } from './support/demo-db';

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Why a value does not fit its declared column, or undefined when it does. */
function typeProblem(value: unknown, column: ColumnSpec): string | undefined {
  if (value === null) return undefined;
  const ok = (() => {
    switch (column.type) {
      case 'string':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'integer':
        return Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
      case 'datetime':
        return column.format === 'unix'
          ? Number.isInteger(value) && (value as number) > 1_500_000_000 && (value as number) < 2_200_000_000
          : typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value));
      case 'date':
        return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      case 'json':
        return typeof value === 'string' && JSON.parse(value) !== undefined;
    }
  })();
  return ok
    ? undefined
    : `${column.name}: ${JSON.stringify(value)} is not ${column.type}${column.format ? ` (${column.format})` : ''}`;
}

describe('the Demo connector spec', () => {
  it('is registered, needs no credentials and calls no host', () => {
    expect(CONNECTORS).toContain(demoConnector);
    expect(findConnector('demo')).toBe(demoConnector);
    expect(demoConnector.fields).toEqual([]);
    expect(demoConnector.auth).toEqual({ type: 'none' });
    expect(demoConnector.baseUrl).toBe('');
    expect(demoConnector.allowedUrls).toEqual([]);
  });

  it('declares every stream the generator makes, each a full refresh with a primary key among its columns', () => {
    expect(demoConnector.streams.map((s) => s.name).sort()).toEqual([...DEMO_STREAMS].sort());
    expect(demoConnector.streams.map((s) => s.name)).toContain(demoConnector.testStream);
    for (const stream of demoConnector.streams) {
      const names = stream.columns.map((c) => c.name);
      expect(stream.pagination).toEqual({ type: 'none' });
      expect(stream.incremental).toBeUndefined();
      expect(new Set(names).size).toBe(names.length);
      for (const key of stream.primaryKey) expect(names).toContain(key);
    }
  });

  it('generates through the spec’s hook, honouring a seed in the connection settings', () => {
    const generate = demoConnector.generate;
    const standard = generate({ stream: 'owners', now: NOW, config: {} });
    expect(standard).toEqual(demoData().owners);
    const customers = generate({ stream: 'customers', now: NOW, config: { seed: '99' } });
    expect(customers[0].id).not.toBe(demoData().customers[0].id);
    expect(() => generate({ stream: 'customers', now: NOW, config: { seed: 'abc' } })).toThrow(/seed/);
    expect(DEFAULT_SEED).toBeGreaterThan(0);
  });
});

describe.each(demoConnector.streams.map((s) => [s.name, s] as const))('the %s stream', (name, stream) => {
  const rows = () => demoData()[name].map((r) => flattenRecord(r));

  it('emits exactly the declared columns in every record', () => {
    const declared = stream.columns.map((c) => c.name).sort();
    const odd = rows()
      .map((r) => Object.keys(r).sort())
      .filter((keys) => keys.join() !== declared.join());
    expect(odd.slice(0, 1)).toEqual([]);
  });

  it('types every value as its column declares', () => {
    const problems: string[] = [];
    for (const row of rows())
      for (const column of stream.columns) {
        const problem = typeProblem(row[column.name], column);
        if (problem) problems.push(problem);
      }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('has a unique, never empty primary key', () => {
    const keys = rows().map((r) => stream.primaryKey.map((k) => r[k]));
    expect(keys.flat().filter((v) => v === null || v === undefined || v === '')).toEqual([]);
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(0);
  });
});
