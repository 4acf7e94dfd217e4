import type { ColumnSpec, ConnectorSpec, StreamSpec } from '../connect/connector-spec';
import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';
import type { Deadline } from './deadline';
import { DeadlineReached } from './deadline';
import { getPath, isPlainObject } from './dot-path';
import { type FlatRecord, flatten } from './flatten';
import { fetchJson, type HttpSession, type JsonResponse } from './http';
import { type FetchedPage, LoopGuard, type PageCall, strategyFor } from './paginate';
import { buildRequest } from './request';
import type { RunHeader, StreamState, SyncStateStore } from './state';
import {
  type CellBudget,
  DataTab,
  discardLoadingTab,
  loadingTabName,
  promoteLoadingTab,
  type TableShape,
  type WriteMode,
} from './tab-writer';
import { calendarDate, toInstantMs } from './typing';

/** What one execution knows while it loads a connection's streams. */
export interface LoadContext {
  gas: Gas;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  cells: CellBudget;
  connector: ConnectorSpec;
  connectionId: string;
  /** Settings with secrets, for requests only. */
  config: Readonly<Record<string, string>>;
  run: RunHeader;
  store: SyncStateStore;
  deadline: Deadline;
  clock: () => number;
  timeZone: string;
  http: Omit<HttpSession, 'errors' | 'rateLimit'> & { errors: Omit<HttpSession['errors'], 'where'> };
  /** Records buffered before a write (a write is two setValues at most). */
  flushRecords: number;
  /** Pages fetched at once with fetchAll when the total is known. */
  parallelPages: number;
}

/** The tab (and SQL table) of a stream: `<connection>_<stream>`. */
export function tabName(connectionId: string, stream: string): string {
  return `${connectionId}_${stream}`;
}

/**
 * Loads one stream: pages from the API (or a synthetic connector's records) go through
 * flatten → type → merge into the stream's tab, and after each write the resume point (and,
 * for incremental streams, the bookmark) is committed. Nothing is committed before the rows it
 * covers are written, so an interruption anywhere leads to re-reading, never to a gap; upserts
 * by key (or a loading tab trimmed to its committed rows) make re-reading harmless.
 */
export class StreamLoader {
  private readonly where: string;
  private readonly shape: TableShape;
  private readonly keepWhole: ReadonlySet<string>;
  private readonly session: HttpSession;
  private buffer: FlatRecord[] = [];
  private bufferedPages = 0;
  /** The first call whose records are not in the buffer yet: where to resume if stopped now. */
  private resumePoint: PageCall | undefined;
  private googleToken: string | undefined;
  private live: DataTab | undefined;
  private loading: DataTab | undefined;
  /** Partitioned streams: every value, sorted; the run reads them in this order. */
  private partitionValues: string[] = [];
  /** Newest cursor among buffered pages' items that a selectRecords hook left out. */
  private skippedCursor: number | undefined;
  /** A bookmark to commit with the next checkpoint, for the partition being read. */
  private partitionBookmark: { value: string; bookmark: number } | undefined;

  constructor(
    private readonly ctx: LoadContext,
    private readonly stream: StreamSpec,
    private readonly state: StreamState,
  ) {
    this.where = tabName(ctx.connectionId, stream.name);
    this.shape = { declared: stream.columns, primaryKey: stream.primaryKey, timeZone: ctx.timeZone };
    this.keepWhole = new Set(stream.columns.filter((c) => c.type === 'json').map((c) => c.name));
    this.session = {
      ...ctx.http,
      errors: { ...ctx.http.errors, where: this.where },
      rateLimit: stream.rateLimit,
      emptyOnStatus: stream.emptyOnStatus,
      csv: stream.csv,
    };
  }

  /** `done` when the stream is fully loaded, `paused` when the deadline stopped it first. */
  load(): 'done' | 'paused' {
    const run = this.state.run!;
    if (run.status === 'loaded' || run.status === 'swapping') return this.finish();
    if (run.staging && !this.ctx.ss.getSheetByName(loadingTabName(this.where))) {
      // The loading tab of this refresh went missing (deleted by hand): start the refresh over.
      Object.assign(run, { next: undefined, staged: 0, staging: false, added: 0, updated: 0, pages: 0 });
    }
    const fresh = run.pages === 0 && !run.next && run.partition === undefined;
    if (this.stream.incremental && fresh && !this.ctx.ss.getSheetByName(this.where)) {
      // The tab was deleted by hand (or never made): load the whole history, not only what is new.
      delete this.state.bookmark;
      delete run.from;
      if (this.stream.partitions)
        this.ctx.store.clearPartitionBookmarks(this.ctx.connectionId, this.stream.name);
    }
    if (this.ctx.connector.generate) return this.loadGenerated(this.ctx.connector.generate);
    if (this.stream.partitions && !this.startPartitions()) return this.finish();
    // One request chain, or one per partition: each ends with a checkpoint that moves on.
    while (run.status === 'loading') {
      if (this.readChain() === 'paused') return 'paused';
    }
    const failed = run.partitionErrors;
    this.finish();
    // The repositories that could be read are in; the stream still reports the ones that could not.
    if (failed) {
      throw new TapdashError({
        ...failed.first,
        message: `${failed.count} of ${this.partitionValues.length} could not be read. ${failed.first.message}`,
      });
    }
    return 'done';
  }

  /**
   * A synthetic source's records, written in slices of `flushRecords` with a checkpoint after
   * each, so a large one is time-boxed like an API. The records are a function of the run's
   * start, so a resume regenerates the same list and carries on at the saved offset.
   */
  private loadGenerated(generate: NonNullable<ConnectorSpec['generate']>): 'done' | 'paused' {
    const run = this.state.run!;
    const records = generate({
      stream: this.stream.name,
      now: new Date(this.ctx.run.startedAt),
      config: this.ctx.config,
    });
    const size = Math.max(1, this.ctx.flushRecords);
    let offset = Number(run.next?.params?.offset ?? 0);
    do {
      if (offset > 0 && this.ctx.deadline.passed()) return 'paused';
      const end = Math.min(records.length, offset + size);
      this.buffer = records.slice(offset, end).map((r) => this.flat(r));
      this.flush(end < records.length ? { params: { offset: end } } : undefined);
      offset = end;
    } while (offset < records.length);
    return this.finish();
  }

  /** Reads the current request chain to its end, or until the deadline. */
  private readChain(): 'ended' | 'paused' {
    let resumeAt: PageCall | undefined;
    try {
      resumeAt = this.walk();
    } catch (e) {
      if (e instanceof DeadlineReached) {
        this.flush(this.resumePoint);
        return 'paused';
      }
      // What was read before the failure is good: keep it, and resume at the failing page.
      if (e instanceof TapdashError) this.flush(this.resumePoint);
      if (e instanceof TapdashError && this.stream.partitions && !STREAM_WIDE.has(e.code)) {
        this.skipPartition(e);
        return 'ended';
      }
      throw e;
    }
    return resumeAt ? 'paused' : 'ended';
  }

  /**
   * One repository that cannot be read (gone, no access) must not keep the others from
   * syncing: it is noted, its bookmark left where it was, and the next one is read.
   */
  private skipPartition(error: TapdashError): void {
    const run = this.state.run!;
    const value = run.partition!;
    const info = error.toInfo();
    const noted = run.partitionErrors ?? {
      count: 0,
      first: { ...info, message: `${value}: ${info.message}` },
    };
    run.partitionErrors = { ...noted, count: noted.count + 1 };
    const next = this.partitionValues.find((v) => v > value);
    if (next === undefined) {
      delete run.next;
      run.status = 'loaded';
    } else this.enterPartition(next);
    this.commit();
  }

  /**
   * Works out the partitions (from the config, or from another stream's tab) and where this
   * run is among them. False when there is none to read.
   */
  private startPartitions(): boolean {
    const spec = this.stream.partitions!;
    const run = this.state.run!;
    const listed = spec.fromConfig ? splitList(this.ctx.config[spec.fromConfig] ?? '') : [];
    const values = listed.length ? listed : spec.fromStream ? this.columnValues(spec.fromStream) : [];
    this.partitionValues = [...new Set(values)].sort();
    const at = run.partition;
    const current = at === undefined ? this.partitionValues[0] : this.partitionValues.find((v) => v >= at);
    if (current === undefined) {
      run.status = 'loaded';
      return false;
    }
    if (current !== at) this.enterPartition(current);
    return true;
  }

  /** Distinct non-empty values of a column of another stream's tab (all repositories). */
  private columnValues(from: { stream: string; field: string }): string[] {
    const tab = DataTab.open(this.ctx.ss, tabName(this.ctx.connectionId, from.stream), this.ctx.cells);
    return tab ? tab.columnText(from.field) : [];
  }

  private enterPartition(value: string): void {
    const run = this.state.run!;
    run.partition = value;
    delete run.next;
    delete run.maxCursor;
    delete run.from;
    delete run.queryRecords;
    const inc = this.stream.incremental;
    const bookmark = this.ctx.store.readPartitionBookmark(this.ctx.connectionId, this.stream.name, value);
    if (inc && bookmark !== undefined) run.from = bookmark - (inc.lookbackSeconds ?? 0) * 1000;
  }

  /** Reads pages until the stream ends (returns undefined) or the deadline (returns the resume call). */
  private walk(): PageCall | undefined {
    const strategy = strategyFor(this.stream.pagination);
    let guard = new LoopGuard(this.where);
    let call: PageCall | undefined = this.state.run!.next ?? strategy.first();
    let first = true;
    while (call) {
      this.resumePoint = call;
      if (this.ctx.deadline.passed()) {
        this.flush(call);
        return call;
      }
      guard.check(call);
      const [response] = fetchJson(this.session, [this.request(call)]);
      const page = this.page(response);
      let next = strategy.next(page, call);
      const rest = first && strategy.remaining ? strategy.remaining(page, call) : undefined;
      first = false;
      this.take(page);
      if (rest) {
        this.resumePoint = rest[0];
        const stopped = this.walkInParallel(rest, guard);
        if (stopped) return stopped;
        next = undefined;
      }
      if (next && this.queryCapReached(page)) {
        // The API will not page past its cap: write what was read, then a new query from the
        // newest cursor among it. Its first call repeats the old one's, hence a fresh guard.
        next = strategy.first();
        guard = new LoopGuard(this.where);
        this.resumePoint = next;
        this.flush(next, true);
        call = next;
        continue;
      }
      this.resumePoint = next;
      if (!next || this.buffer.length >= this.ctx.flushRecords) this.flush(next);
      call = next;
    }
    return undefined;
  }

  /** Pages whose calls are known up front, fetched `parallelPages` at a time with fetchAll. */
  private walkInParallel(calls: readonly PageCall[], guard: LoopGuard): PageCall | undefined {
    for (let i = 0; i < calls.length; i += this.ctx.parallelPages) {
      const batch = calls.slice(i, i + this.ctx.parallelPages);
      this.resumePoint = batch[0];
      if (this.buffer.length >= this.ctx.flushRecords) this.flush(batch[0]);
      if (this.ctx.deadline.passed()) {
        this.flush(batch[0]);
        return batch[0];
      }
      for (const c of batch) guard.check(c);
      const responses = fetchJson(
        this.session,
        batch.map((c) => this.request(c)),
      );
      for (const r of responses) this.take(this.page(r));
    }
    return undefined;
  }

  /** Counts a page against the API's per-query cap (maxRecordsPerQuery); true when it is reached. */
  private queryCapReached(page: FetchedPage): boolean {
    const cap = this.stream.incremental?.maxRecordsPerQuery;
    if (!cap) return false;
    const run = this.state.run!;
    run.queryRecords = (run.queryRecords ?? 0) + page.records.length;
    return run.queryRecords >= cap;
  }

  /**
   * The next query filters from the newest cursor read, committed with the rows that hold it.
   * When that is where the current query began, every record it returned shares one instant and
   * a new query would return them again: stop rather than loop.
   */
  private startNewQuery(): void {
    const run = this.state.run!;
    const from = run.maxCursor;
    if (from === undefined || (run.from !== undefined && from <= run.from)) {
      const cap = this.stream.incremental?.maxRecordsPerQuery;
      throw new TapdashError({
        code: 'query-cap-stuck',
        message: `${this.ctx.connector.label} has more than ${cap} records in ${this.where} changed at the same moment, more than one query can return, so Tapdash cannot read past them.`,
        fix: 'Report this message to Tapdash. The records read so far are kept.',
        where: this.where,
      });
    }
    run.from = from;
    run.queryRecords = 0;
  }

  private take(page: FetchedPage): void {
    for (const r of page.records) this.buffer.push(this.flat(r));
    this.bufferedPages++;
    this.noteSkippedCursor(page.body);
  }

  /**
   * Items a selectRecords hook leaves out (GitHub's issues endpoint also returns pull requests)
   * were read all the same: the bookmark may pass them, or every sync would read them again.
   */
  private noteSkippedCursor(body: unknown): void {
    const inc = this.stream.incremental;
    if (!inc || !this.stream.hooks?.selectRecords) return;
    const all = getPath(body, this.stream.records);
    if (!Array.isArray(all)) return;
    const format = this.stream.columns.find((c) => c.name === inc.cursorField)?.format;
    for (const item of all) {
      const value = getPath(item, inc.cursorField);
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const ms = toInstantMs(value, format);
      if (ms !== undefined && (this.skippedCursor === undefined || ms > this.skippedCursor))
        this.skippedCursor = ms;
    }
  }

  private flat(raw: unknown): FlatRecord {
    const partition = this.state.run!.partition;
    const mapped = this.stream.hooks?.mapRecord
      ? this.stream.hooks.mapRecord(raw, {
          config: this.ctx.config,
          cursor: this.cursorParam(),
          partition,
          timeZone: this.ctx.timeZone,
        })
      : raw;
    const flat = flatten(mapped, { keepWhole: this.keepWhole });
    const column = this.stream.partitions?.column;
    if (column && partition !== undefined) flat[column] = partition;
    return flat;
  }

  /** The config with the current partition in its placeholder (`{repo}`). */
  private requestConfig(): Readonly<Record<string, string>> {
    const spec = this.stream.partitions;
    const value = this.state.run!.partition;
    return spec && value !== undefined ? { ...this.ctx.config, [spec.placeholder]: value } : this.ctx.config;
  }

  private request(call: PageCall) {
    return buildRequest({
      connector: this.ctx.connector,
      stream: this.stream,
      config: this.requestConfig(),
      call,
      cursor: this.cursorParam(),
      googleToken: this.token(),
      base64: (text) => this.ctx.gas.Utilities.base64Encode(text, this.ctx.gas.Utilities.Charset.UTF_8),
    });
  }

  private token(): string | undefined {
    if (this.ctx.connector.auth.type !== 'google') return undefined;
    this.googleToken ??= this.ctx.gas.ScriptApp.getOAuthToken();
    return this.googleToken;
  }

  private page(response: JsonResponse): FetchedPage {
    const raw = this.stream.hooks?.selectRecords
      ? this.stream.hooks.selectRecords(response.body)
      : getPath(response.body, this.stream.records);
    let records: unknown[];
    if (raw === null || raw === undefined) records = [];
    else if (Array.isArray(raw)) records = raw;
    else if (isPlainObject(raw)) records = [raw];
    else {
      throw new TapdashError({
        code: 'bad-response',
        message: `${this.ctx.connector.label} sent no list of records${this.stream.records ? ` at "${this.stream.records}"` : ''} for ${this.where}.`,
        fix: 'Check the connection settings (for the Generic JSON API: the records path). If they look right, report this message.',
        where: this.where,
      });
    }
    return { body: response.body, headers: response.headers, records };
  }

  /** The incremental filter for this run, formatted for the API (undefined on a first sync). */
  private cursorParam(): string | number | undefined {
    const inc = this.stream.incremental;
    const from = this.state.run!.from;
    if (!inc || from === undefined) return undefined;
    if (inc.format === 'unix') return Math.floor(from / 1000);
    const iso = new Date(from).toISOString();
    return inc.format === 'date' ? iso.slice(0, 10) : iso;
  }

  private isFullRefresh(): boolean {
    return !this.stream.incremental;
  }

  private mode(): WriteMode {
    if (this.isFullRefresh() && this.stream.primaryKey.length === 0)
      return { kind: 'append', at: this.state.run!.staged ?? 0 };
    return { kind: 'upsert' };
  }

  private liveTab(): DataTab {
    this.live ??= DataTab.openOrCreate(this.ctx.ss, this.where, this.ctx.cells);
    return this.live;
  }

  /**
   * The hidden tab a full refresh too big for one write loads into, so models never see half
   * a refresh. Created on its first write (replacing any left by an abandoned run) with the
   * live tab's columns, so a field that disappeared keeps its column.
   */
  private loadingTab(): DataTab {
    if (this.loading) return this.loading;
    const { ss, cells } = this.ctx;
    const name = loadingTabName(this.where);
    const run = this.state.run!;
    const existing = run.staging ? DataTab.open(ss, name, cells) : undefined;
    if (existing) this.loading = existing;
    else {
      discardLoadingTab(ss, this.where);
      this.loading = DataTab.create(ss, name, cells);
      const live = DataTab.open(ss, this.where, cells);
      if (live) this.loading.adoptHeader(live.columns);
      run.staging = true;
    }
    return this.loading;
  }

  /**
   * Writes the buffered records, then commits the resume point: the checkpoint. Incremental
   * streams upsert into the live tab. A full refresh read in one go replaces the live tab's
   * rows in one write; a longer one goes through the loading tab. `newQuery`: the resume point
   * starts a new query from the newest cursor written (an API's per-query cap).
   */
  private flush(resumeAt: PageCall | undefined, newQuery = false): void {
    const run = this.state.run!;
    const records = this.buffer;
    const unchanged = records.length === 0 && this.bufferedPages === 0 && sameCall(run.next, resumeAt);
    // Nothing new to write or to remember (the end of a stream is always recorded).
    if (unchanged && resumeAt) return;
    if (!this.isFullRefresh()) {
      const tab = this.liveTab();
      this.count(tab.write(records, this.shape, { kind: 'upsert' }));
      this.state.rows = tab.dataRows;
    } else if (!run.staging && !resumeAt && !this.stream.partitions) {
      const tab = this.liveTab();
      this.count(tab.replaceAll(records, this.shape));
      this.state.rows = tab.dataRows;
    } else {
      const mode = this.mode();
      this.count(this.loadingTab().write(records, this.shape, mode));
      if (mode.kind === 'append') run.staged = mode.at + records.length;
    }
    run.pages += this.bufferedPages;
    this.advanceCursor(records);
    if (newQuery) this.startNewQuery();
    if (resumeAt) run.next = resumeAt;
    else if (this.stream.partitions) this.leavePartition();
    else {
      // Every page is in: a resume must finish the stream, not read it again.
      delete run.next;
      run.status = 'loaded';
    }
    this.buffer = [];
    this.bufferedPages = 0;
    this.commit();
  }

  /**
   * The current partition's pages are all in: its bookmark is committed together with the
   * move to the next partition (or the end of the stream), so a resume never re-reads it.
   */
  private leavePartition(): void {
    const run = this.state.run!;
    const value = run.partition!;
    if (this.stream.incremental && run.maxCursor !== undefined) {
      this.notePartitionBookmark(value, Math.min(run.maxCursor, this.ctx.run.startedAt));
    }
    const next = this.partitionValues.find((v) => v > value);
    if (next === undefined) {
      delete run.next;
      run.status = 'loaded';
    } else this.enterPartition(next);
  }

  private count(written: { added: number; updated: number }): void {
    this.state.run!.added += written.added;
    this.state.run!.updated += written.updated;
  }

  /**
   * Tracks the newest cursor among written rows. An API that returns oldest first lets the
   * bookmark follow page by page; otherwise it moves only when the stream is complete. Never
   * past the run's start (the signpost): records changed during the run are re-read next time.
   */
  private advanceCursor(records: readonly FlatRecord[]): void {
    const inc = this.stream.incremental;
    if (!inc) return;
    const run = this.state.run!;
    const column: ColumnSpec | undefined = this.stream.columns.find((c) => c.name === inc.cursorField);
    if (
      this.skippedCursor !== undefined &&
      (run.maxCursor === undefined || this.skippedCursor > run.maxCursor)
    )
      run.maxCursor = this.skippedCursor;
    this.skippedCursor = undefined;
    for (const r of records) {
      const value = r[inc.cursorField] ?? null;
      // A calendar day (GA4's date) names no instant; as a bookmark it is that day at UTC
      // midnight, which is what a `date` cursor parameter gives back (toISOString's day).
      const ms = toInstantMs(value, column?.format) ?? calendarDayMs(value);
      if (ms !== undefined && (run.maxCursor === undefined || ms > run.maxCursor)) run.maxCursor = ms;
    }
    if (inc.order === 'asc') this.moveBookmark();
  }

  /** A partition's bookmark only moves forward. */
  private notePartitionBookmark(value: string, bookmark: number): void {
    const stored = this.ctx.store.readPartitionBookmark(this.ctx.connectionId, this.stream.name, value);
    if (stored === undefined || bookmark > stored) this.partitionBookmark = { value, bookmark };
  }

  private moveBookmark(): void {
    const run = this.state.run!;
    const max = run.maxCursor;
    if (max === undefined) return;
    const capped = Math.min(max, this.ctx.run.startedAt);
    if (this.stream.partitions) {
      if (run.partition !== undefined) this.notePartitionBookmark(run.partition, capped);
    } else if (this.state.bookmark === undefined || capped > this.state.bookmark)
      this.state.bookmark = capped;
  }

  private finish(): 'done' {
    const run = this.state.run!;
    if (this.stream.incremental && !this.stream.partitions) this.moveBookmark();
    else if (run.staging) {
      if (run.status !== 'swapping') {
        if (this.mode().kind === 'append') {
          // Rows written after the last checkpoint (by an execution that died) must not survive.
          DataTab.open(this.ctx.ss, loadingTabName(this.where), this.ctx.cells)?.truncate(run.staged ?? 0);
        }
        run.status = 'swapping';
        this.commit();
      }
      const rows = promoteLoadingTab(this.ctx.ss, this.where, this.ctx.cells);
      if (rows !== undefined) this.state.rows = rows;
    }
    const endedAt = this.ctx.clock();
    run.status = 'done';
    run.endedAt = endedAt;
    delete run.next;
    this.state.lastSuccessAt = endedAt;
    this.state.last = {
      runId: run.runId,
      startedAt: this.ctx.run.startedAt,
      endedAt,
      status: 'ok',
      added: run.added,
      updated: run.updated,
      pages: run.pages,
    };
    this.commit();
    return 'done';
  }

  private commit(): void {
    this.ctx.store.writeStream(this.ctx.connectionId, this.stream.name, this.state, this.partitionBookmark);
    this.partitionBookmark = undefined;
  }
}

/** Errors that every partition would hit alike: no point trying the others. */
const STREAM_WIDE = new Set([
  'auth-rejected',
  'urlfetch-quota',
  'spreadsheet-full',
  'missing-secret',
  'config-missing',
]);

function calendarDayMs(value: FlatRecord[string]): number | undefined {
  const day = typeof value === 'string' ? calendarDate(value.trim()) : undefined;
  return day ? Date.UTC(day.year, day.month - 1, day.day) : undefined;
}

/** A config list: values separated by commas, spaces or new lines. */
function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function sameCall(a: PageCall | undefined, b: PageCall | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
