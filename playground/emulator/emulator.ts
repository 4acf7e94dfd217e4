import { resolve } from 'node:path';
import type { Gas } from '../../src/platform/gas';
import { type Capability, isAllowed, permissionError } from './auth-mode';
import { SimClock } from './clock';
import { type CostModel, DEFAULT_COST_MODEL } from './cost-model';
import { Execution, type ExecutionOptions, type ExecutionRecord, ExecutionTimeoutError } from './execution';
import { createServices, ServicesState } from './services';
import { createCharts, createSpreadsheetApp, WorkbookState } from './spreadsheet';

export interface Quotas {
  /** UrlFetch calls per user per day: 20,000 consumer, 100,000 Workspace (platform notes §1). */
  urlFetchPerDay: number;
  /** Email recipients per day: 100 consumer, 1,500 Workspace. */
  mailRecipientsPerDay: number;
  /** Total trigger runtime per user per day: 90 min consumer, 6 h Workspace. */
  triggerRuntimeMsPerDay: number;
  /** Property reads and writes per day: 50,000 consumer, 500,000 Workspace. */
  propertiesCallsPerDay: number;
}

export const CONSUMER_QUOTAS: Quotas = {
  urlFetchPerDay: 20_000,
  mailRecipientsPerDay: 100,
  triggerRuntimeMsPerDay: 90 * 60_000,
  propertiesCallsPerDay: 50_000,
};

export const WORKSPACE_QUOTAS: Quotas = {
  urlFetchPerDay: 100_000,
  mailRecipientsPerDay: 1_500,
  triggerRuntimeMsPerDay: 6 * 3_600_000,
  propertiesCallsPerDay: 500_000,
};

export interface EmulatorOptions {
  spreadsheetName?: string;
  /** The spreadsheet's time zone: cells are read and written in it. */
  timeZone?: string;
  /** The script's (manifest) time zone: Utilities.formatDate's and JS date parsing's default. */
  scriptTimeZone?: string;
  locale?: string;
  /** Simulated start instant. Defaults to the real now. */
  now?: number | Date;
  /** The user who runs executions unless an execution names another. */
  user?: string;
  /** The spreadsheet owner (and add-on installer). Defaults to `user`. */
  owner?: string;
  /** Apply the editor add-on rules (one clock trigger per user per document, at most hourly). */
  addOn?: boolean;
  /**
   * Local mode (tests, playground, CLI): http and loopback hosts may be fetched without being on
   * the urlFetchWhitelist, so connectors can be pointed at local mock servers. Off, the emulator
   * behaves like a published add-on.
   */
  localMode?: boolean;
  /** The manifest's urlFetchWhitelist; undefined means "test deployment" (no allowlist). */
  urlFetchWhitelist?: string[];
  account?: 'consumer' | 'workspace';
  quotas?: Partial<Quotas>;
  costModel?: Partial<CostModel>;
  /** Add (scaled) real CPU time to the simulated clock. Off makes timings fully deterministic. */
  realCpu?: boolean;
  /**
   * Measure the real CPU spent inside the emulator's own service internals apart from the
   * script's (ExecutionRecord.serviceCpuMs), for benchmarks. Off by default: it costs ~0.2 ms of
   * wall time per service call.
   */
  timeServiceCpu?: boolean;
  /** Where HtmlService.createHtmlOutputFromFile reads `<name>.html`. Defaults to the built dist/. */
  htmlDir?: string;
}

export interface ResolvedOptions {
  spreadsheetName: string;
  timeZone: string;
  scriptTimeZone: string;
  locale: string;
  user: string;
  owner: string;
  addOn: boolean;
  localMode: boolean;
  urlFetchWhitelist: string[] | undefined;
  quotas: Quotas;
  realCpu: boolean;
  timeServiceCpu: boolean;
  htmlDir: string;
}

/** A JSON snapshot of everything the emulator holds, for `.tapdash/` and the CLI's --workbook. */
export interface EmulatorSnapshot {
  version: 1;
  now: number;
  options: ResolvedOptions;
  workbook: unknown;
  services: unknown;
}

export type GasGlobals = Gas & { console: Console };

/**
 * An in-memory Apps Script: one spreadsheet, its users' properties, triggers, outbox and a
 * simulated clock. Code runs inside `run()`, which is one Apps Script execution.
 */
export class Emulator {
  readonly clock: SimClock;
  readonly costs: CostModel;
  readonly options: ResolvedOptions;
  readonly workbook: WorkbookState;
  readonly services: ServicesState;
  /** The Apps Script globals, the same object for every execution (like a loaded script). */
  readonly globals: GasGlobals;
  /** The most recent executions, newest last. */
  readonly executions: ExecutionRecord[] = [];
  private readonly stack: Execution[] = [];
  private nextExecutionId = 1;

  constructor(options: EmulatorOptions = {}, restore?: { workbook: unknown; services: unknown }) {
    const user = options.user ?? 'owner@example.com';
    const account = options.account ?? 'consumer';
    this.options = {
      spreadsheetName: options.spreadsheetName ?? 'My business',
      timeZone: options.timeZone ?? 'America/New_York',
      scriptTimeZone: options.scriptTimeZone ?? 'Etc/UTC',
      locale: options.locale ?? 'en_US',
      user,
      owner: options.owner ?? user,
      addOn: options.addOn ?? true,
      localMode: options.localMode ?? true,
      urlFetchWhitelist: options.urlFetchWhitelist,
      quotas: { ...(account === 'workspace' ? WORKSPACE_QUOTAS : CONSUMER_QUOTAS), ...options.quotas },
      realCpu: options.realCpu ?? true,
      timeServiceCpu: options.timeServiceCpu ?? false,
      htmlDir: options.htmlDir ?? resolve(__dirname, '../../dist'),
    };
    const start = options.now === undefined ? Date.now() : new Date(options.now).getTime();
    this.clock = new SimClock(start);
    this.costs = { ...DEFAULT_COST_MODEL, ...options.costModel };
    this.workbook = restore
      ? WorkbookState.fromJSON(restore.workbook)
      : new WorkbookState({
          name: this.options.spreadsheetName,
          timeZone: this.options.timeZone,
          locale: this.options.locale,
          owner: this.options.owner,
        });
    this.services = restore ? ServicesState.fromJSON(restore.services) : new ServicesState();
    this.globals = {
      ...createServices(this),
      SpreadsheetApp: createSpreadsheetApp(this),
      Charts: createCharts(this),
    };
  }

  /** The execution in progress (the innermost when executions are nested to model concurrency). */
  current(): Execution | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The user the current execution runs as (or the default user outside executions). */
  activeUser(): string {
    return this.current()?.user ?? this.options.user;
  }

  /**
   * Every emulated service call goes through here: the AuthMode check, the call counter and the
   * simulated cost. Outside an execution (a test inspecting state) nothing is checked or charged.
   */
  call(service: string, method: string, capability: Capability, costMs: number): void {
    const exec = this.current();
    if (!exec) return;
    if (exec.hasTimedOut) throw new ExecutionTimeoutError();
    if (!isAllowed(exec.authMode, capability)) throw permissionError(`${service}.${method}`, capability);
    exec.charge(`${service}.${method}`, costMs);
  }

  /** Runs a service's own work, timed apart from the script's (Execution.inService). */
  inService<T>(work: () => T): T {
    const exec = this.current();
    return exec ? exec.inService(work) : work();
  }

  /**
   * Runs `fn` as one Apps Script execution. Nested calls model a second execution running at
   * the same time (how LockService contention is tested). Locks the execution held are
   * released when it ends, as the platform does.
   */
  run<T>(fn: (gas: GasGlobals, execution: Execution) => T, opts: ExecutionOptions = {}): T {
    const exec = new Execution(
      this.nextExecutionId++,
      {
        authMode: opts.authMode ?? 'FULL',
        kind: opts.kind ?? 'cli',
        user: opts.user ?? this.options.user,
        name: opts.name ?? 'anonymous',
        timeLimitMs: opts.timeLimitMs,
        timeServiceCpu: this.options.timeServiceCpu,
      },
      this.clock,
      this.costs,
      this.options.realCpu,
    );
    this.stack.push(exec);
    let status: ExecutionRecord['status'] = 'completed';
    let error: string | undefined;
    try {
      const result = fn(this.globals, exec);
      exec.absorbCpuTime();
      if (exec.elapsedMs() > exec.timeLimitMs) {
        status = 'timed-out';
        throw new ExecutionTimeoutError();
      }
      return result;
    } catch (e) {
      if (status === 'completed') status = exec.hasTimedOut ? 'timed-out' : 'failed';
      error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      this.stack.pop();
      this.services.endExecution(this, exec);
      this.executions.push(exec.record(status, error));
      if (this.executions.length > 1000) this.executions.splice(0, this.executions.length - 1000);
    }
  }

  save(): EmulatorSnapshot {
    return {
      version: 1,
      now: this.clock.now(),
      options: this.options,
      workbook: this.workbook.toJSON(),
      services: this.services.toJSON(),
    };
  }

  static load(snapshot: EmulatorSnapshot, overrides: Partial<EmulatorOptions> = {}): Emulator {
    if (snapshot?.version !== 1) throw new Error('Not a Tapdash workbook file (version 1 expected)');
    const { quotas, ...rest } = snapshot.options;
    return new Emulator(
      { ...rest, quotas, now: snapshot.now, ...overrides },
      { workbook: snapshot.workbook, services: snapshot.services },
    );
  }
}
