import type { Gas } from '../platform/gas';
import type { ErrorInfo } from '../shared/errors';
import type { PageCall } from './paginate';

/**
 * What the engine remembers about one stream of one connection, in document properties (so a
 * sync resumes whoever runs it next). Small values only: records live in tabs, never here.
 */
export interface StreamState {
  /**
   * Incremental streams: the newest cursor instant (epoch ms) whose rows are in the tab. Only
   * written after those rows are, and never past the start of the run that read them.
   */
  bookmark?: number;
  lastSuccessAt?: number;
  /** Data rows in the stream's tab after the last write. */
  rows?: number;
  last?: StreamResult;
  /** Progress of the run in flight, when it belongs to the current run. */
  run?: StreamRun;
}

export interface StreamResult {
  runId: string;
  startedAt: number;
  endedAt: number;
  status: 'ok' | 'failed';
  added: number;
  updated: number;
  pages: number;
  error?: ErrorInfo;
}

export interface StreamRun {
  runId: string;
  /** `loaded`: every page is written, the stream's last steps (bookmark, swap) remain. */
  status: 'loading' | 'loaded' | 'swapping' | 'done' | 'failed';
  /** The call that fetches the first page not yet written; absent before the first page. */
  next?: PageCall;
  /**
   * The bookmark (minus lookback) this run filters from; fixed for the whole run, except that a
   * stream whose API caps a query's results (maxRecordsPerQuery) moves it on to start a new query.
   */
  from?: number;
  /** Records the current query has returned, for an API that caps them (maxRecordsPerQuery). */
  queryRecords?: number;
  /** Newest cursor instant among the rows this run has written (of the current partition). */
  maxCursor?: number;
  /** Partitioned streams: the partition being read; those sorting before it are done. */
  partition?: string;
  /** Partitioned streams: partitions that failed this run, and the first error. */
  partitionErrors?: { count: number; first: ErrorInfo };
  /** Full refresh: the run writes to a loading tab (it did not fit in one write). */
  staging?: boolean;
  /** Full refresh without a primary key: rows written to the loading tab. */
  staged?: number;
  added: number;
  updated: number;
  pages: number;
  endedAt?: number;
  error?: ErrorInfo;
}

/** A sync of a connection, from its first chunk to the last; its start is the signpost. */
export interface RunHeader {
  id: string;
  startedAt: number;
  by: string;
  streams: string[];
  /** Why the run is waiting, when it is for a reason people should see (the daily quota). */
  notice?: ErrorInfo;
}

/** Apps Script's documented limit per property value. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

const STREAM_PREFIX = 'tapdash.sync.';
const RUN_PREFIX = 'tapdash.run.';

export class SyncStateStore {
  private readonly props: GoogleAppsScript.Properties.Properties;
  private cache: Record<string, string> | undefined;

  constructor(gas: Gas) {
    this.props = gas.PropertiesService.getDocumentProperties();
  }

  /** Reads every Tapdash property in one call; later reads come from memory. */
  private all(): Record<string, string> {
    this.cache ??= this.props.getProperties();
    return this.cache;
  }

  readStream(connection: string, stream: string): StreamState {
    const raw = this.all()[streamKey(connection, stream)];
    return raw ? (JSON.parse(raw) as StreamState) : {};
  }

  /**
   * Commits a stream's state, with one partition's bookmark when given, in a single
   * Properties call, so the two never disagree after an interruption.
   */
  writeStream(
    connection: string,
    stream: string,
    state: StreamState,
    partition?: { value: string; bookmark: number },
  ): void {
    const values: Record<string, string> = { [streamKey(connection, stream)]: fitState(state) };
    if (partition) {
      const key = bucketKey(connection, stream, partition.value);
      const bucket = { ...this.bucket(key), [partition.value]: partition.bookmark };
      const json = JSON.stringify(bucket);
      if (utf8Length(json) > PROPERTY_VALUE_LIMIT)
        throw new Error(`Too many partitions in ${stream} to keep their bookmarks`);
      values[key] = json;
    }
    this.props.setProperties(values);
    if (this.cache) Object.assign(this.cache, values);
  }

  /**
   * A partition's bookmark (GitHub: one per repository). Kept apart from the stream's state,
   * spread over a few properties by hash, so hundreds of partitions stay within 9 KB values.
   */
  readPartitionBookmark(connection: string, stream: string, value: string): number | undefined {
    return this.bucket(bucketKey(connection, stream, value))[value];
  }

  clearPartitionBookmarks(connection: string, stream: string): void {
    for (let b = 0; b < PARTITION_BUCKETS; b++) {
      const key = `${streamKey(connection, stream)}.p${b}`;
      if (this.all()[key] === undefined) continue;
      this.props.deleteProperty(key);
      delete this.all()[key];
    }
  }

  private bucket(key: string): Record<string, number> {
    const raw = this.all()[key];
    return raw ? (JSON.parse(raw) as Record<string, number>) : {};
  }

  readRun(connection: string): RunHeader | undefined {
    const raw = this.all()[RUN_PREFIX + connection];
    return raw ? (JSON.parse(raw) as RunHeader) : undefined;
  }

  writeRun(connection: string, run: RunHeader): void {
    this.put(RUN_PREFIX + connection, JSON.stringify(run));
  }

  clearRun(connection: string): void {
    this.props.deleteProperty(RUN_PREFIX + connection);
    if (this.cache) delete this.cache[RUN_PREFIX + connection];
  }

  /** Forgets a removed connection's bookmarks, so a new one with the same id starts afresh. */
  forget(connection: string): void {
    for (const key of Object.keys(this.all())) {
      if (key.startsWith(`${STREAM_PREFIX}${connection}.`) || key === RUN_PREFIX + connection) {
        this.props.deleteProperty(key);
        delete this.all()[key];
      }
    }
  }

  private put(key: string, value: string): void {
    this.props.setProperty(key, value);
    if (this.cache) this.cache[key] = value;
  }
}

function streamKey(connection: string, stream: string): string {
  return `${STREAM_PREFIX}${connection}.${stream}`;
}

const PARTITION_BUCKETS = 8;

function bucketKey(connection: string, stream: string, value: string): string {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (h * 31 + value.charCodeAt(i)) >>> 0;
  return `${streamKey(connection, stream)}.p${h % PARTITION_BUCKETS}`;
}

/** UTF-8 length without TextEncoder (absent in Apps Script). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Serialises a state within the 9 KB property limit. Error texts are the only parts that can
 * grow (a next-page URL is at most 2 KB), so they are shortened first.
 */
export function fitState(state: StreamState): string {
  let json = JSON.stringify(state);
  if (utf8Length(json) <= PROPERTY_VALUE_LIMIT) return json;
  const shorten = (e?: ErrorInfo) =>
    e && { ...e, message: e.message.slice(0, 300), fix: e.fix.slice(0, 300) };
  const slim: StreamState = {
    ...state,
    last: state.last && { ...state.last, error: shorten(state.last.error) },
    run: state.run && { ...state.run, error: shorten(state.run.error) },
  };
  json = JSON.stringify(slim);
  if (utf8Length(json) <= PROPERTY_VALUE_LIMIT) return json;
  throw new Error(`Sync state too large for a document property (${utf8Length(json)} bytes)`);
}
