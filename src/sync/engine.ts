import { CONNECTORS } from '../../connectors/index';
import {
  type Connection,
  configWithSecrets,
  requireConnection,
  secretValues,
} from '../connect/connection-store';
import type { ConnectorSpec, StreamSpec } from '../connect/connector-spec';
import { assertBaseUrlAllowed } from '../connect/url-allowlist-check';
import type { Gas } from '../platform/gas';
import { type ErrorInfo, TapdashError, toErrorInfo } from '../shared/errors';
import { acquireLease, isNotLocked, releaseLease, underDocumentLock } from './connection-lease';
import { Deadline, DeadlineReached } from './deadline';
import { FetchBudget, URLFETCH_DAILY_QUOTA } from './fetch-budget';
import { redact } from './redact';
import type { RetryPolicy } from './retry';
import { type RunHeader, type StreamState, SyncStateStore } from './state';
import { type LoadContext, StreamLoader, tabName } from './stream-loader';

export type { StopReason, StreamProgress, SyncProgress } from './progress';

import { progressOf, type StopReason, type SyncProgress, stoppedEarly } from './progress';
import { appendSyncLog, logRowFor } from './sync-log';
import { CellBudget } from './tab-writer';

/** Stop starting new work this long after the execution began: well before Apps Script's 6 minutes. */
export const CHUNK_BUDGET_MS = 270_000;
const DEFAULT_FLUSH_RECORDS = 5_000;
const DEFAULT_PARALLEL_PAGES = 8;

export interface SyncChunkOptions {
  /** When the execution started (Date.now() at the entry point): the time box counts from it. */
  startedAt: number;
  /** Current time in ms; Date.now by default (tests pass the emulator's clock). */
  clock?: () => number;
  budgetMs?: number;
  /** The connectors to look the connection's up in (tests add their own). */
  connectors?: readonly ConnectorSpec[];
  urlFetchQuota?: number;
  flushRecords?: number;
  parallelPages?: number;
  retry?: RetryPolicy;
  random?: () => number;
}

export function findConnectorIn(connectors: readonly ConnectorSpec[], id: string): ConnectorSpec {
  const found = connectors.find((c) => c.id === id);
  if (!found) {
    throw new TapdashError({
      code: 'connector-unknown',
      message: `This spreadsheet has a "${id}" connection, but this version of Tapdash has no ${id} connector.`,
      fix: 'Update Tapdash, or remove the connection under Sources in the Tapdash sidebar.',
    });
  }
  return found;
}

export function streamsOf(connector: ConnectorSpec, config: Readonly<Record<string, string>>): StreamSpec[] {
  return connector.streamsFor ? connector.streamsFor(config) : connector.streams;
}

/**
 * Runs one time-boxed chunk of a connection's sync and reports progress. A run (every stream
 * loaded once) may take several chunks: the next scheduled run, or the sidebar calling again
 * while it is open, continues it from the last checkpoint. One chunk per connection at a time:
 * a second caller is told the connection is busy and returns at once.
 */
export function runSyncChunk(gas: Gas, connectionId: string, options: SyncChunkOptions): SyncProgress {
  const clock = options.clock ?? Date.now;
  const conn = requireConnection(gas, connectionId);
  const connector = findConnectorIn(options.connectors ?? CONNECTORS, conn.connector);
  if (conn.paused)
    return stoppedEarly(
      conn.id,
      streamsOf(connector, conn.config).length,
      'paused',
      `${connector.label} is paused. Resume it under Sources in the Tapdash sidebar to sync.`,
    );
  const owner = gas.Utilities.getUuid();
  const lease = acquireLease(gas, conn.id, owner, userOf(gas), clock());
  if (!lease.ok) {
    const message = lease.holder
      ? `${connector.label} is already syncing (started ${minutesAgo(lease.holder.since, clock())} by ${lease.holder.by}). That sync carries on; this one stopped.`
      : `Another Tapdash task is busy with this spreadsheet, so ${connector.label} did not sync this time. It will on the next run.`;
    return stoppedEarly(conn.id, streamsOf(connector, conn.config).length, 'busy', message);
  }
  const budget = new FetchBudget(gas, clock, options.urlFetchQuota ?? URLFETCH_DAILY_QUOTA);
  try {
    return new ConnectionSync(gas, conn, connector, options, clock, budget).run();
  } finally {
    try {
      budget.save();
    } finally {
      releaseLease(gas, conn.id, owner);
    }
  }
}

class ConnectionSync {
  private readonly store: SyncStateStore;
  private readonly streams: StreamSpec[];
  private readonly states = new Map<string, StreamState>();
  private readonly deadline: Deadline;
  private header!: RunHeader;
  private secrets: string[] = [];
  private stopError: ErrorInfo | undefined;

  constructor(
    private readonly gas: Gas,
    private readonly conn: Connection,
    private readonly connector: ConnectorSpec,
    private readonly options: SyncChunkOptions,
    private readonly clock: () => number,
    private readonly budget: FetchBudget,
  ) {
    this.store = new SyncStateStore(gas);
    this.streams = streamsOf(connector, conn.config);
    this.deadline = Deadline.after(clock, options.startedAt, options.budgetMs ?? CHUNK_BUDGET_MS);
  }

  run(): SyncProgress {
    let config: Record<string, string> | undefined;
    let setupError: ErrorInfo | undefined;
    try {
      config = configWithSecrets(this.gas, this.conn, this.connector);
      this.secrets = secretValues(this.gas, this.conn.id);
      assertBaseUrlAllowed(this.connector, config);
    } catch (e) {
      setupError = toErrorInfo(e);
    }
    // Another editor's sidebar cannot use the owner's key; that is no failure of the connection.
    if (setupError?.code === 'secret-missing') {
      return {
        ...stoppedEarly(this.conn.id, this.streams.length, 'blocked', setupError.message),
        errors: [setupError],
      };
    }
    this.header = this.store.readRun(this.conn.id) ?? this.startRun();
    for (const s of this.streams) this.states.set(s.name, this.prepare(s));
    let stopped: StopReason | undefined;
    if (setupError) this.failRemaining(setupError);
    else stopped = this.loadStreams(this.context(config!));
    this.noteWhyWaiting(stopped);
    const finished = this.streams.every((s) => this.isFinished(s));
    if (finished) this.finishRun();
    return this.progress(finished, stopped);
  }

  /** Keeps a quota stop visible under Sources in the Tapdash sidebar until a later chunk gets going again. */
  private noteWhyWaiting(stopped: StopReason | undefined): void {
    const notice = stopped === 'quota' ? this.stopError : undefined;
    if (JSON.stringify(notice) === JSON.stringify(this.header.notice)) return;
    if (notice) this.header.notice = notice;
    else delete this.header.notice;
    this.store.writeRun(this.conn.id, this.header);
  }

  private startRun(): RunHeader {
    const run: RunHeader = {
      id: this.gas.Utilities.getUuid(),
      startedAt: this.options.startedAt,
      by: userOf(this.gas),
      streams: this.streams.map((s) => s.name),
    };
    this.store.writeRun(this.conn.id, run);
    return run;
  }

  /** The stream's state with run progress that belongs to the current run. */
  private prepare(stream: StreamSpec): StreamState {
    const state = this.store.readStream(this.conn.id, stream.name);
    if (state.run?.runId !== this.header.id) {
      const lookback = (stream.incremental?.lookbackSeconds ?? 0) * 1000;
      state.run = { runId: this.header.id, status: 'loading', added: 0, updated: 0, pages: 0 };
      if (stream.incremental && state.bookmark !== undefined) state.run.from = state.bookmark - lookback;
    }
    return state;
  }

  private context(config: Record<string, string>): LoadContext {
    const ss = this.gas.SpreadsheetApp.getActive();
    return {
      gas: this.gas,
      ss,
      cells: new CellBudget(ss),
      connector: this.connector,
      connectionId: this.conn.id,
      config,
      run: this.header,
      store: this.store,
      deadline: this.deadline,
      clock: this.clock,
      timeZone: ss.getSpreadsheetTimeZone(),
      flushRecords: this.options.flushRecords ?? DEFAULT_FLUSH_RECORDS,
      parallelPages: this.options.parallelPages ?? DEFAULT_PARALLEL_PAGES,
      http: {
        gas: this.gas,
        clock: this.clock,
        deadline: this.deadline,
        budget: this.budget,
        policy: this.options.retry,
        random: this.options.random,
        errors: { connector: this.connector, secrets: this.secrets },
      },
    };
  }

  private loadStreams(ctx: LoadContext): StopReason | undefined {
    for (const stream of this.streams) {
      if (this.isFinished(stream)) continue;
      if (this.deadline.passed()) return 'deadline';
      const state = this.states.get(stream.name)!;
      try {
        if (new StreamLoader(ctx, stream, state).load() === 'paused') return 'deadline';
      } catch (e) {
        if (e instanceof DeadlineReached) return 'deadline';
        const info = this.describe(e, stream);
        if (info.code === 'urlfetch-quota') {
          this.stopError = info;
          return 'quota';
        }
        this.fail(stream, info);
        // A rejected key fails every stream the same way: do not spend requests proving it.
        if (info.code === 'auth-rejected') this.failRemaining(info);
      }
    }
    return undefined;
  }

  private describe(error: unknown, stream: StreamSpec): ErrorInfo {
    const info = toErrorInfo(error);
    return {
      ...info,
      message: redact(info.message, this.secrets),
      fix: redact(info.fix, this.secrets),
      where: info.where ?? tabName(this.conn.id, stream.name),
    };
  }

  private isFinished(stream: StreamSpec): boolean {
    const status = this.states.get(stream.name)?.run?.status;
    return status === 'done' || status === 'failed';
  }

  private fail(stream: StreamSpec, error: ErrorInfo): void {
    const state = this.states.get(stream.name)!;
    const run = state.run!;
    const endedAt = this.clock();
    run.status = 'failed';
    run.error = error;
    run.endedAt = endedAt;
    state.last = {
      runId: run.runId,
      startedAt: this.header.startedAt,
      endedAt,
      status: 'failed',
      added: run.added,
      updated: run.updated,
      pages: run.pages,
      error,
    };
    this.store.writeStream(this.conn.id, stream.name, state);
  }

  private failRemaining(error: ErrorInfo): void {
    for (const s of this.streams) {
      if (!this.isFinished(s))
        this.fail(s, { ...error, where: error.where ?? tabName(this.conn.id, s.name) });
    }
  }

  /** Logs the run (one row per stream, one write) and closes it; safe to repeat if interrupted. */
  private finishRun(): void {
    const rows = this.streams.map((s) =>
      logRowFor(this.conn.id, s, this.header.startedAt, this.states.get(s.name)!.run!, this.clock()),
    );
    try {
      // Two connections may finish at once: their rows must not land on the same lines.
      const logged = underDocumentLock(this.gas, () =>
        appendSyncLog(this.gas.SpreadsheetApp.getActive(), rows),
      );
      if (isNotLocked(logged)) throw new Error('another Tapdash task kept the spreadsheet busy');
    } catch (e) {
      // The data and bookmarks are saved; a log that cannot be written (a full spreadsheet)
      // must not keep the run open forever.
      const info = toErrorInfo(e);
      this.stopError = {
        code: 'sync-log-failed',
        message: `The sync finished, but Tapdash could not write the Sync log tab: ${info.message}`,
        fix: 'Delete tabs you no longer need (the spreadsheet may be full), then sync again to see the log.',
      };
    }
    this.store.clearRun(this.conn.id);
  }

  private progress(done: boolean, stopped: StopReason | undefined): SyncProgress {
    return progressOf({
      connectionId: this.conn.id,
      label: this.connector.label,
      streams: this.streams,
      states: this.states,
      done,
      stopped,
      notice: this.stopError,
    });
  }
}

function userOf(gas: Gas): string {
  return (
    gas.Session.getActiveUser().getEmail() || gas.Session.getEffectiveUser().getEmail() || 'another user'
  );
}

function minutesAgo(since: number, now: number): string {
  const min = Math.max(0, Math.round((now - since) / 60_000));
  return min === 0 ? 'just now' : min === 1 ? '1 minute ago' : `${min} minutes ago`;
}
