import { resolve } from 'node:path';
import { Emulator } from '../../../playground/emulator/emulator';
import { saveConnection } from '../../../src/connect/connection-store';
import type { ConnectorSpec } from '../../../src/connect/connector-spec';
import { runSyncChunk, type SyncProgress } from '../../../src/sync/engine';
import { type MockServer, startMockServer } from '../../support/mock-server';

/**
 * End-to-end syncs for the git connectors: the real engine in the emulator (simulated clock,
 * no real CPU time), talking over HTTP to a vendor mock that runs in a worker thread.
 */

export type Cell = string | number | boolean | Date;

export interface SyncRig<S> {
  emu: Emulator;
  api: MockServer<S>;
  /** Saves the connection (settings plus the token) as the sidebar would. */
  connect(config: Record<string, string>): void;
  /** Runs sync chunks until the run is done (or stops for another reason), as the scheduler would. */
  sync(options?: { budgetMs?: number }): SyncProgress;
  /** Chunks (executions) the last sync took. */
  chunks: number;
  /** A tab's rows as objects keyed by the header. */
  rows(tab: string): Array<Record<string, Cell>>;
  tabNames(): string[];
  close(): Promise<void>;
}

export async function startRig<S>(
  connector: ConnectorSpec,
  handlerFile: string,
  state: S,
  now = '2024-03-01T12:00:00Z',
): Promise<SyncRig<S>> {
  const api = await startMockServer<S>({ handlerFile: resolve(handlerFile), state });
  const emu = new Emulator({ realCpu: false, now: new Date(now), timeZone: 'Etc/UTC' });
  const connectors = [connector];
  const rig: SyncRig<S> = {
    emu,
    api,
    chunks: 0,
    connect(config) {
      emu.run((gas) => saveConnection(gas, { id: connector.id, connector: connector.id, config }, connector));
    },
    sync(options = {}) {
      let progress: SyncProgress | undefined;
      rig.chunks = 0;
      for (let chunk = 0; chunk < 50; chunk++) {
        rig.chunks++;
        progress = emu.run(
          (gas) =>
            runSyncChunk(gas, connector.id, {
              startedAt: emu.clock.now(),
              clock: () => emu.clock.now(),
              connectors,
              random: () => 0.5,
              budgetMs: options.budgetMs,
            }),
          { kind: 'installable-trigger', name: 'runScheduledSync' },
        );
        if (progress.done || progress.stopped !== 'deadline') return progress;
      }
      return progress as SyncProgress;
    },
    rows(tab) {
      return emu.run((gas) => {
        const sheet = gas.SpreadsheetApp.getActive().getSheetByName(tab);
        if (!sheet || sheet.getLastRow() < 2) return [];
        const [header, ...data] = sheet.getDataRange().getValues() as Cell[][];
        return data.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
      });
    },
    tabNames() {
      return emu.run((gas) =>
        gas.SpreadsheetApp.getActive()
          .getSheets()
          .map((s) => s.getName()),
      );
    },
    close: () => api.close(),
  };
  return rig;
}
