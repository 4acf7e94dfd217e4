import type { StreamSpec } from '../connect/connector-spec';
import type { ErrorInfo } from '../shared/errors';
import type { StreamState } from './state';
import { tabName } from './stream-loader';

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

export interface ProgressInput {
  connectionId: string;
  label: string;
  streams: readonly StreamSpec[];
  states: ReadonlyMap<string, StreamState>;
  done: boolean;
  stopped: StopReason | undefined;
  /** A connection-level error to report besides the streams' own (quota, log). */
  notice?: ErrorInfo;
}

/** The progress of a run after a chunk, from the streams' states (plain data for the sidebar). */
export function progressOf(input: ProgressInput): SyncProgress {
  const streams = input.streams.map((s): StreamProgress => {
    const run = input.states.get(s.name)!.run!;
    const p: StreamProgress = {
      stream: s.name,
      label: s.label,
      table: tabName(input.connectionId, s.name),
      status:
        run.status === 'done' || run.status === 'failed' ? run.status : run.pages > 0 ? 'loading' : 'waiting',
      rowsAdded: run.added,
      rowsUpdated: run.updated,
      pages: run.pages,
    };
    if (run.error) p.error = run.error;
    return p;
  });
  const errors = streams.flatMap((s) => (s.error ? [s.error] : []));
  if (input.notice) errors.push(input.notice);
  const streamsDone = streams.filter((s) => s.status === 'done' || s.status === 'failed').length;
  const rowsLoaded = streams.reduce((n, s) => n + s.rowsAdded + s.rowsUpdated, 0);
  const failed = streams.filter((s) => s.status === 'failed').length;
  const { label, done, stopped } = input;
  let message: string;
  if (done && failed === 0) message = `${label} is up to date: ${count(rowsLoaded)} rows added or changed.`;
  else if (done)
    message = `${label} synced ${streamsDone - failed} of ${streams.length} streams; ${failed} failed.`;
  else if (stopped === 'quota') message = input.notice?.message ?? `${label} stopped for today.`;
  else
    message = `Syncing ${label}: ${streamsDone} of ${streams.length} streams, ${count(rowsLoaded)} rows so far.`;
  const out: SyncProgress = {
    connectionId: input.connectionId,
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

/** A chunk that did no work (paused, busy, blocked): only the reason. */
export function stoppedEarly(
  connectionId: string,
  streamsTotal: number,
  stopped: StopReason,
  message: string,
): SyncProgress {
  return {
    connectionId,
    done: false,
    stopped,
    streamsDone: 0,
    streamsTotal,
    rowsLoaded: 0,
    streams: [],
    errors: [],
    message,
  };
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
