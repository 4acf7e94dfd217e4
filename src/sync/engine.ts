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
import { acquireLease, releaseLease } from './connection-lease';
import { Deadline, DeadlineReached } from './deadline';
import { FetchBudget, URLFETCH_DAILY_QUOTA } from './fetch-budget';
import { redact } from './redact';
import type { RetryPolicy } from './retry';
import { type RunHeader, type StreamState, SyncStateStore } from './state';
import { type LoadContext, StreamLoader, tabName } from './stream-loader';
import { appendSyncLog, type SyncLogRow } from './sync-log';
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

export interface StreamProgress {
  stream: string;
  label: string;
  /** The stream's tab and SQL table. */
  table: string;
  status: 'waiting' | 'loading' | 'done' | 'failed';
  rowsAdded: number;
  rowsUpdated: number;
  pages: number;
  error?: ErrorInfo;
}

/**
 * Why a chunk returned before the run finished: `deadline` (call again to continue), `quota`
 * (the daily UrlFetch budget is spent), `busy` (another sync of it is running), `paused`, or
 * `blocked` (this user cannot sync it, e.g. the key is in another user's account).
 */
export type StopReason = 'deadline' | 'quota' | 'busy' | 'paused' | 'blocked';

/** What a sync chunk reports: enough for the sidebar to show progress and decide to call again. */
export interface SyncProgress {
  connectionId: string;
  /** True when this call finished the run (every stream loaded or failed). */
  done: boolean;
  /** Set when the run is not done: `deadline` means "call again"; the others mean "stop for now". */
  stopped?: StopReason;
  streamsDone: number;
  streamsTotal: number;
  /** Rows added or changed by the run so far. */
  rowsLoaded: number;
  streams: StreamProgress[];
  errors: ErrorInfo[];
  /** One sentence for people. */
  message: string;
}

export function findConnectorIn(connectors: readonly ConnectorSpec[], id: string): ConnectorSpec {
  const found = connectors.find((c) => c.id === id);
  if (!found) {
    throw new TapdashError({
      code: 'connector-unknown',
      message: `This spreadsheet has a "${id}" connection, but this version of Tapdash has no ${id} connector.`,
      fix: 'Update Tapdash, or remove the connection in Connections.',
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
      conn,
      connector,
      'paused',
      `${connector.label} is paused. Resume it in Connections to sync.`,
    );
  const owner = gas.Utilities.getUuid();
  const lease = acquireLease(gas, conn.id, owner, userOf(gas), clock());
  if (!lease.ok) {
    const message = lease.holder
      ? `${connector.label} is already syncing (started ${minutesAgo(lease.holder.since, clock())} by ${lease.holder.by}). That sync carries on; this one stopped.`
      : `Another Tapdash task is busy with this spreadsheet, so ${connector.label} did not sync this time. It will on the next run.`;
    return stoppedEarly(conn, connector, 'busy', message);
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
        ...stoppedEarly(this.conn, this.connector, 'blocked', setupError.message),
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

  /** Keeps a quota stop visible in Connections until a later chunk gets going again. */
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
    const rows: SyncLogRow[] = this.streams.map((s) => {
      const run = this.states.get(s.name)!.run!;
      const ok = run.status === 'done';
      return {
        startedAt: this.header.startedAt,
        endedAt: run.endedAt ?? this.clock(),
        connection: this.conn.id,
        stream: s.name,
        added: run.added,
        updated: run.updated,
        pages: run.pages,
        status: ok ? 'OK' : 'Failed',
        message: ok
          ? `Loaded ${count(run.added)} new and ${count(run.updated)} changed rows.`
          : (run.error?.message ?? ''),
        fix: ok ? '' : (run.error?.fix ?? ''),
      };
    });
    try {
      appendSyncLog(this.gas.SpreadsheetApp.getActive(), rows);
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
    const streams = this.streams.map((s): StreamProgress => {
      const run = this.states.get(s.name)!.run!;
      const p: StreamProgress = {
        stream: s.name,
        label: s.label,
        table: tabName(this.conn.id, s.name),
        status:
          run.status === 'done' || run.status === 'failed'
            ? run.status
            : run.pages > 0
              ? 'loading'
              : 'waiting',
        rowsAdded: run.added,
        rowsUpdated: run.updated,
        pages: run.pages,
      };
      if (run.error) p.error = run.error;
      return p;
    });
    const errors = streams.flatMap((s) => (s.error ? [s.error] : []));
    if (this.stopError) errors.push(this.stopError);
    const streamsDone = streams.filter((s) => s.status === 'done' || s.status === 'failed').length;
    const rowsLoaded = streams.reduce((n, s) => n + s.rowsAdded + s.rowsUpdated, 0);
    const failed = streams.filter((s) => s.status === 'failed').length;
    const label = this.connector.label;
    let message: string;
    if (done && failed === 0) message = `${label} is up to date: ${count(rowsLoaded)} rows added or changed.`;
    else if (done)
      message = `${label} synced ${streamsDone - failed} of ${streams.length} streams; ${failed} failed.`;
    else if (stopped === 'quota') message = this.stopError?.message ?? `${label} stopped for today.`;
    else
      message = `Syncing ${label}: ${streamsDone} of ${streams.length} streams, ${count(rowsLoaded)} rows so far.`;
    const out: SyncProgress = {
      connectionId: this.conn.id,
      done,
      streamsDone,
      streamsTotal: streams.length,
      rowsLoaded,
      streams,
      errors,
      message,
    };
    if (!done) out.stopped = stopped ?? 'deadline';
    return out;
  }
}

function stoppedEarly(
  conn: Connection,
  connector: ConnectorSpec,
  stopped: StopReason,
  message: string,
): SyncProgress {
  const streams = streamsOf(connector, conn.config);
  return {
    connectionId: conn.id,
    done: false,
    stopped,
    streamsDone: 0,
    streamsTotal: streams.length,
    rowsLoaded: 0,
    streams: [],
    errors: [],
    message,
  };
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

function count(n: number): string {
  return n.toLocaleString('en-US');
}
