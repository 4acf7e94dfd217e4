import type { CostModel } from './cost-model';
import { threadCpuMs } from './thread-cpu';

export type AuthMode = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** What started an execution; it decides the time limit (platform notes §1). */
export type ExecutionKind =
  | 'simple-trigger' // onOpen/onEdit/onInstall: 30 s
  | 'custom-function' // 30 s
  | 'installable-trigger' // 6 min
  | 'script-run' // google.script.run from the sidebar: 6 min
  | 'menu' // a menu item: 6 min
  | 'cli'; // the tapdash CLI and tests: 6 min

export const TIME_LIMIT_MS: Record<ExecutionKind, number> = {
  'simple-trigger': 30_000,
  'custom-function': 30_000,
  'installable-trigger': 360_000,
  'script-run': 360_000,
  menu: 360_000,
  cli: 360_000,
};

export interface ExecutionOptions {
  authMode?: AuthMode;
  kind?: ExecutionKind;
  /** Email of the user the execution runs as. Defaults to the emulator's active user. */
  user?: string;
  /** Entry point name, for the execution log. */
  name?: string;
  /** Override the time limit (tests of the deadline use small values). */
  timeLimitMs?: number;
}

export interface ExecutionRecord {
  id: number;
  name: string;
  kind: ExecutionKind;
  authMode: AuthMode;
  user: string;
  startedAt: number;
  endedAt: number;
  /** Simulated duration in ms (cost model + scaled CPU time). */
  durationMs: number;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
  /** Calls per `Service.method`. */
  calls: Record<string, number>;
  /** Cells read and written through SpreadsheetApp. */
  cellsRead: number;
  cellsWritten: number;
  /**
   * Real CPU (this thread) spent inside the emulator's own service internals (HTTP transport
   * hand-off, sheet storage): work Google's servers do in Apps Script, which the cost model charges.
   * Measured only when the emulator's `timeServiceCpu` option is on (else 0).
   */
  serviceCpuMs: number;
}

export class ExecutionTimeoutError extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Exception';
  }
}

/**
 * One Apps Script execution: an entry-point call with an AuthMode, a user and a deadline.
 * Services report every call here; the execution charges its simulated cost, counts it and
 * throws `Exceeded maximum execution time` once the deadline has passed, as Apps Script does.
 */
export class Execution {
  readonly id: number;
  readonly name: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly user: string;
  readonly startedAt: number;
  readonly timeLimitMs: number;
  readonly calls: Record<string, number> = {};
  cellsRead = 0;
  cellsWritten = 0;
  serviceCpuMs = 0;
  private lastCpuMark: number;
  private timedOut = false;
  private serviceDepth = 0;
  private readonly timeServiceCpu: boolean;

  constructor(
    id: number,
    opts: Required<Pick<ExecutionOptions, 'authMode' | 'kind' | 'user' | 'name'>> & {
      timeLimitMs?: number;
      /** Measure serviceCpuMs (benchmarks): each service call then costs ~0.2 ms more wall time. */
      timeServiceCpu?: boolean;
    },
    private readonly clock: { now(): number; advance(ms: number): void },
    private readonly costs: CostModel,
    private readonly realCpu: boolean,
  ) {
    this.id = id;
    this.name = opts.name;
    this.kind = opts.kind;
    this.authMode = opts.authMode;
    this.user = opts.user;
    this.startedAt = clock.now();
    this.timeLimitMs = opts.timeLimitMs ?? TIME_LIMIT_MS[opts.kind];
    this.timeServiceCpu = opts.timeServiceCpu ?? false;
    this.lastCpuMark = performance.now();
  }

  /** Simulated time used so far. */
  elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  /** Simulated time left before the platform kills the execution. */
  remainingMs(): number {
    return this.timeLimitMs - this.elapsedMs();
  }

  /**
   * Records a service call: counts it, advances the clock by its cost plus the (scaled) real
   * CPU time spent in script code since the previous call, and enforces the deadline.
   */
  charge(key: string, costMs: number): void {
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    this.absorbCpuTime();
    this.clock.advance(costMs);
    this.checkDeadline();
  }

  /** Moves the clock without counting a call (Utilities.sleep, real HTTP time). */
  spend(ms: number): void {
    this.absorbCpuTime();
    this.clock.advance(ms);
    this.checkDeadline();
  }

  /**
   * Runs an emulated service's own work (after its `emu.call`). On the platform that work happens
   * on Google's side and the cost model charges it, so its time is not charged again as script
   * CPU; its real CPU is added up in serviceCpuMs so benchmarks can tell it from the script's.
   */
  inService<T>(work: () => T): T {
    if (this.serviceDepth > 0) return work();
    this.absorbCpuTime();
    const cpu0 = this.timeServiceCpu ? threadCpuMs() : 0;
    this.serviceDepth++;
    try {
      return work();
    } finally {
      this.serviceDepth--;
      if (this.timeServiceCpu) this.serviceCpuMs += threadCpuMs() - cpu0;
      this.lastCpuMark = performance.now();
    }
  }

  absorbCpuTime(): void {
    // Inside a service the script is not running: inService skips that stretch when it ends.
    if (this.serviceDepth > 0) return;
    const now = performance.now();
    if (this.realCpu) this.clock.advance((now - this.lastCpuMark) * this.costs.cpuScale);
    this.lastCpuMark = now;
  }

  checkDeadline(): void {
    if (this.timedOut || this.elapsedMs() > this.timeLimitMs) {
      this.timedOut = true;
      throw new ExecutionTimeoutError();
    }
  }

  get hasTimedOut(): boolean {
    return this.timedOut;
  }

  record(status: ExecutionRecord['status'], error?: string): ExecutionRecord {
    const rec: ExecutionRecord = {
      id: this.id,
      name: this.name,
      kind: this.kind,
      authMode: this.authMode,
      user: this.user,
      startedAt: this.startedAt,
      endedAt: this.clock.now(),
      durationMs: this.elapsedMs(),
      status,
      calls: { ...this.calls },
      cellsRead: this.cellsRead,
      cellsWritten: this.cellsWritten,
      serviceCpuMs: this.serviceCpuMs,
    };
    if (error !== undefined) rec.error = error;
    return rec;
  }
}
