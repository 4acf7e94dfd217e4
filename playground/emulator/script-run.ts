/**
 * google.script.run semantics for the playground bridge
 * (https://developers.google.com/apps-script/guides/html/communication):
 * - only the script's top-level functions are callable, and names ending in `_` are private;
 * - "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well
 *   as JavaScript objects and arrays that are composed of primitives, objects, and arrays ...
 *   Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 *   prohibited type, including prohibited types inside objects or arrays. Objects that create
 *   circular references will also fail, and undefined fields within arrays become null."
 * - a returned value with a Date inside reaches the client as null (community report, platform
 *   notes §3);
 * - the server function runs in AuthMode.FULL with the 6-minute limit;
 * - at most 10 calls run at once; an 11th waits for a free slot.
 */
import type { Emulator } from './emulator';
import type { ScriptFunctions } from './scheduler';

export type Transfer = { ok: true; value: unknown } | { ok: false; path: string; reason: string };

function isPlainObject(value: object): boolean {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value);
  // Any realm's Object.prototype (the script runs in a vm context with its own).
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Copies a value the way google.script.run carries it, or says where the first illegal value is.
 * The copy lives in this realm, so nothing the script returns is shared with the caller.
 */
export function transferValue(value: unknown): Transfer {
  const ancestors: object[] = [];
  const fail = (path: string, reason: string): Transfer => ({ ok: false, path, reason });
  const walk = (v: unknown, path: string, inArray: boolean): Transfer => {
    if (v === undefined) return { ok: true, value: inArray ? null : undefined };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return { ok: true, value: v };
    // NaN and ±Infinity are not representable in the transport (JSON-like); unverified.
    if (typeof v === 'number') return { ok: true, value: Number.isFinite(v) ? v : null };
    if (typeof v === 'function') return fail(path, 'a function');
    if (typeof v !== 'object') return fail(path, `a ${typeof v}`);
    if (Object.prototype.toString.call(v) === '[object Date]') return fail(path, 'a Date');
    if (ancestors.includes(v)) return fail(path, 'a circular reference');
    ancestors.push(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) {
          const r = walk(v[i], path ? `${path}.${i}` : String(i), true);
          if (!r.ok) return r;
          out.push(r.value);
        }
        return { ok: true, value: out };
      }
      if (!isPlainObject(v)) return fail(path, `a ${Object.prototype.toString.call(v).slice(8, -1)}`);
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const r = walk(item, path ? `${path}.${k}` : k, false);
        if (!r.ok) return r;
        if (r.value !== undefined) out[k] = r.value;
      }
      return { ok: true, value: out };
    } finally {
      ancestors.pop();
    }
  };
  return walk(value, '', false);
}

/** The client-side failure for an illegal argument (wording as Apps Script's client shows it). */
export function illegalValueError(t: Extract<Transfer, { ok: false }>): Error {
  const property = t.path.split('.').pop() || '0';
  const err = new Error(`Failed due to illegal value in property: ${property}`);
  err.name = 'ScriptError';
  return err;
}

/** Arguments as the server receives them; throws (before anything runs) if one is illegal. */
export function serializeArguments(args: unknown[]): unknown[] {
  return args.map((a, i) => {
    const t = transferValue(a);
    if (!t.ok) throw illegalValueError({ ...t, path: t.path ? `${i}.${t.path}` : String(i) });
    return t.value === undefined ? null : t.value;
  });
}

/** The return value as the sidebar receives it: null when it holds anything illegal. */
export function serializeResult(value: unknown): { value: unknown; dropped?: string } {
  const t = transferValue(value);
  if (!t.ok) return { value: null, dropped: `${t.reason} at ${t.path || 'the top level'}` };
  return { value: t.value === undefined ? null : t.value };
}

/** What the client sees for a name it cannot call: the function is simply not on google.script.run. */
function notCallable(name: string): Error {
  return new TypeError(`google.script.run.${name} is not a function`);
}

export interface ScriptRunOptions {
  user?: string;
  timeLimitMs?: number;
}

/**
 * One google.script.run call from the sidebar: checks the name, copies the arguments, runs the
 * function as a 'script-run' execution in AuthMode.FULL and returns the copied result. Errors the
 * function throws propagate (the failure handler's case).
 */
export function callFromSidebar(
  emu: Emulator,
  bundle: ScriptFunctions,
  name: string,
  args: unknown[] = [],
  opts: ScriptRunOptions = {},
): unknown {
  const fnName = String(name);
  const fn = bundle[fnName];
  if (fnName.endsWith('_') || typeof fn !== 'function' || fnName in emu.globals) throw notCallable(fnName);
  const received = serializeArguments(args);
  const result = emu.run(() => (fn as (...a: unknown[]) => unknown)(...received), {
    kind: 'script-run',
    authMode: 'FULL',
    name: fnName,
    user: opts.user,
    timeLimitMs: opts.timeLimitMs,
  });
  const sent = serializeResult(result);
  if (sent.dropped)
    emu.services.addLog({
      at: emu.clock.now(),
      level: 'warn',
      source: 'console',
      message: `google.script.run: ${fnName} returned ${sent.dropped}, so the sidebar receives null`,
    });
  return sent.value;
}

/** "The google.script.run API allows 10 concurrent calls" (communication guide). */
export const SCRIPT_RUN_CONCURRENCY = 10;

/** Runs at most `limit` tasks at once; later ones wait in order for a free slot. */
export class InFlightLimiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(readonly limit = SCRIPT_RUN_CONCURRENCY) {}

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(task: () => T | Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
