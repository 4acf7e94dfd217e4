/**
 * Everything the non-spreadsheet services hold, in one JSON-serializable object: properties,
 * caches (with expiry instants), triggers and their runs, the outbox, UI records, the UrlFetch
 * request log, quota counters and log lines. Locks are not saved: they belong to running
 * executions, and none survives a save.
 */
import type { Emulator } from '../emulator';
import type { Execution } from '../execution';
import { CacheData } from './cache';
import { DailyQuotas } from './daily-quota';
import { LockTable } from './lock';
import { type LogLine, MAX_LOG_LINES } from './logger';
import type { MailRecord } from './mail';
import { PropertiesData } from './properties';
import { TriggerData } from './triggers';
import { UiData } from './ui';
import type { RequestRecord } from './url-fetch';

const MAX_REQUESTS_KEPT = 1000;

export interface ServicesJSON {
  version: 1;
  properties: unknown;
  cache: unknown;
  triggers: unknown;
  outbox: MailRecord[];
  ui: unknown;
  requests: RequestRecord[];
  quotas: unknown;
  logs: LogLine[];
  counters: Record<string, number>;
  authorizationRequired: string[];
}

export class ServicesState {
  properties = new PropertiesData();
  cache = new CacheData();
  readonly locks = new LockTable();
  triggers = new TriggerData();
  /** Every MailApp message, oldest first. */
  outbox: MailRecord[] = [];
  ui = new UiData();
  /** The newest UrlFetch requests, secrets masked. */
  requests: RequestRecord[] = [];
  quotas = new DailyQuotas();
  /** The newest log lines from Logger and console. */
  logs: LogLine[] = [];
  counters: Record<string, number> = {};
  /** Users for whom ScriptApp.getAuthorizationInfo(FULL) reports REQUIRED. */
  authorizationRequired = new Set<string>();

  recordRequest(record: RequestRecord): void {
    this.requests.push(record);
    if (this.requests.length > MAX_REQUESTS_KEPT)
      this.requests.splice(0, this.requests.length - MAX_REQUESTS_KEPT);
  }

  addLog(line: LogLine): void {
    this.logs.push(line);
    if (this.logs.length > MAX_LOG_LINES) this.logs.splice(0, this.logs.length - MAX_LOG_LINES);
  }

  removeLogs(match: (line: LogLine) => boolean): void {
    this.logs = this.logs.filter((l) => !match(l));
  }

  nextCounter(name: string): number {
    this.counters[name] = (this.counters[name] ?? 0) + 1;
    return this.counters[name];
  }

  /** Called by Emulator.run when an execution ends: its locks are released, as on the platform. */
  endExecution(_emu: Emulator, exec: Execution): void {
    this.locks.releaseAll(exec.id);
  }

  toJSON(): ServicesJSON {
    return {
      version: 1,
      properties: this.properties.toJSON(),
      cache: this.cache.toJSON(),
      triggers: this.triggers.toJSON(),
      outbox: structuredClone(this.outbox),
      ui: this.ui.toJSON(),
      requests: structuredClone(this.requests),
      quotas: this.quotas.toJSON(),
      logs: structuredClone(this.logs),
      counters: { ...this.counters },
      authorizationRequired: [...this.authorizationRequired],
    };
  }

  static fromJSON(json: unknown): ServicesState {
    const state = new ServicesState();
    const j = (json ?? {}) as Partial<ServicesJSON>;
    if (j.version !== 1) return state;
    state.properties = PropertiesData.fromJSON(j.properties);
    state.cache = CacheData.fromJSON(j.cache);
    state.triggers = TriggerData.fromJSON(j.triggers);
    state.outbox = structuredClone(j.outbox ?? []);
    state.ui = UiData.fromJSON(j.ui);
    state.requests = structuredClone(j.requests ?? []);
    state.quotas = DailyQuotas.fromJSON(j.quotas);
    state.logs = structuredClone(j.logs ?? []);
    state.counters = { ...j.counters };
    state.authorizationRequired = new Set(j.authorizationRequired ?? []);
    return state;
  }
}
