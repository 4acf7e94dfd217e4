/**
 * Shared set-up for engine tests: an emulated spreadsheet, a connector pointed at a local mock
 * server, and helpers to run sync chunks as separate Apps Script executions.
 */
import { Emulator, type EmulatorOptions } from '../../playground/emulator/emulator';
import type { ExecutionOptions } from '../../playground/emulator/execution';
import { saveConnection } from '../../src/connect/connection-store';
import type { ConnectorSpec, StreamSpec } from '../../src/connect/connector-spec';
import { runSyncChunk, type SyncChunkOptions, type SyncProgress } from '../../src/sync/engine';

export const START = Date.UTC(2024, 5, 3, 12, 0, 0);

/** A connector for tests: bearer auth with the `token` secret, one stream per spec given. */
export function testConnector(streams: StreamSpec[], overrides: Partial<ConnectorSpec> = {}): ConnectorSpec {
  return {
    id: 'acme',
    label: 'Acme',
    description: 'A test API',
    docsUrl: 'https://example.com/docs',
    badge: { initials: 'AC', color: '#000000' },
    fields: [
      { key: 'token', label: 'API key', kind: 'secret', required: true },
      { key: 'baseUrl', label: 'Base URL', kind: 'url' },
    ],
    auth: { type: 'bearer', field: 'token' },
    baseUrl: 'https://api.acme.test/v1',
    allowedUrls: ['https://api.acme.test/'],
    streams,
    testStream: streams[0]?.name ?? 'items',
    errorHints: { '401': 'Open Connections and paste a key that starts with ak_.' },
    ...overrides,
  };
}

export function itemsStream(overrides: Partial<StreamSpec> = {}): StreamSpec {
  return {
    name: 'items',
    label: 'Items',
    path: '/items',
    records: 'data',
    primaryKey: ['id'],
    pagination: { type: 'page-number', param: 'page', pageSize: { param: 'per_page', value: 10 } },
    columns: [
      { name: 'id', type: 'string' },
      { name: 'amount', type: 'integer' },
      { name: 'updated', type: 'datetime', format: 'unix' },
    ],
    ...overrides,
  };
}

export interface Harness {
  emu: Emulator;
  connector: ConnectorSpec;
  /** Runs one chunk as its own execution. */
  chunk(opts?: Partial<SyncChunkOptions>, exec?: ExecutionOptions): SyncProgress;
  /** Runs chunks (each its own execution) until the run is done or stops for another reason. */
  syncAll(opts?: Partial<SyncChunkOptions>, maxChunks?: number): SyncProgress[];
  /** A tab's values as getValues returns them (header first), or undefined when missing. */
  tab(name: string): unknown[][] | undefined;
}

export function harness(
  connector: ConnectorSpec,
  config: Record<string, string>,
  options: EmulatorOptions = {},
  connectionId = 'acme',
): Harness {
  const emu = new Emulator({ realCpu: false, now: START, timeZone: 'America/New_York', ...options });
  emu.run((gas) => saveConnection(gas, { id: connectionId, connector: connector.id, config }, connector));
  const chunk = (opts: Partial<SyncChunkOptions> = {}, exec: ExecutionOptions = {}) =>
    emu.run(
      (gas, execution) =>
        runSyncChunk(gas, connectionId, {
          startedAt: execution.startedAt,
          clock: () => emu.clock.now(),
          connectors: [connector],
          random: () => 0.5,
          ...opts,
        }),
      { kind: 'script-run', name: 'runSyncChunk', ...exec },
    );
  return {
    emu,
    connector,
    chunk,
    syncAll(opts = {}, maxChunks = 50) {
      const out: SyncProgress[] = [];
      for (let i = 0; i < maxChunks; i++) {
        const p = chunk(opts);
        out.push(p);
        if (p.done || p.stopped !== 'deadline') return out;
      }
      throw new Error(`The sync did not finish in ${maxChunks} chunks`);
    },
    tab(name) {
      return emu.run((gas) => {
        const sheet = gas.SpreadsheetApp.getActive().getSheetByName(name);
        return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : undefined;
      });
    },
  };
}

/** `n` records with ids `it-001`…, amounts and unix update times one minute apart. */
export function records(n: number, from = 1): Array<{ id: string; amount: number; updated: number }> {
  return Array.from({ length: n }, (_, i) => ({
    id: `it-${String(from + i).padStart(3, '0')}`,
    amount: (from + i) * 100,
    updated: Math.floor(START / 1000) - 86_400 + (from + i) * 60,
  }));
}

/** Rows of a tab below its header, as plain data (Dates as ISO strings) for comparisons. */
export function body(values: unknown[][] | undefined): unknown[][] {
  return (values ?? []).slice(1).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
}
