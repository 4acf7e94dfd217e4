import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
// gas-local runs every .js file of a folder in one vm context whose global object we supply:
// the closest thing to Apps Script's global scope that runs locally.
import gasLocal from 'gas-local';
import type { Emulator, GasGlobals } from './emulator';
import type { ExecutionOptions } from './execution';

export const DIST_DIR = resolve(__dirname, '../../dist');

/** The loaded Code.js: its top-level functions, callable as Apps Script would call them. */
export type LoadedBundle = Record<string, (...args: unknown[]) => unknown>;

/**
 * Loads the built bundle into a bare vm context that holds only the emulated Apps Script
 * services: no require, process, setTimeout, fetch, structuredClone or TextEncoder, as in
 * Apps Script.
 */
export function loadBundle(emu: Emulator, distDir = DIST_DIR): LoadedBundle {
  const globals: Partial<GasGlobals> & Record<string, unknown> = {
    ...emu.globals,
    __tapdashNow: () => emu.clock.now(),
  };
  // gas-local makes the context; the clock patch must run before Code.js, so the files are loaded here.
  const ctx = gasLocal.require(distDir, globals, { filter: () => false }) as unknown as vm.Context;
  vm.runInContext(SIMULATED_CLOCK, ctx, { filename: 'emulator-clock.js' });
  const code = join(distDir, 'Code.js');
  vm.runInContext(readFileSync(code, 'utf8'), ctx, { filename: code });
  // Dates read from cells must be the script's own Dates (`instanceof Date`), as in Apps Script.
  emu.workbook.dateConstructor = vm.runInContext('Date', ctx);
  return ctx as unknown as LoadedBundle;
}

/**
 * In the emulator "now" is the simulated clock, so schedules, freshness and daily history can be
 * run across simulated days: `new Date()` and `Date.now()` in the script read it. Dates built from
 * arguments, `instanceof Date` and the prototype are the context's own, unchanged.
 */
const SIMULATED_CLOCK = `(function () {
  var RealDate = Date;
  var now = globalThis.__tapdashNow;
  delete globalThis.__tapdashNow;
  function SimDate() {
    if (!new.target) return RealDate(now());
    if (arguments.length === 0) return new RealDate(now());
    return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
  }
  SimDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimDate, writable: true, configurable: true });
  SimDate.now = function () { return now(); };
  SimDate.parse = RealDate.parse;
  SimDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: SimDate, writable: true, configurable: true, enumerable: false });
})();`;

/** Calls one entry point of the bundle as one execution (a trigger, a menu item, a sidebar call). */
export function invoke(
  emu: Emulator,
  bundle: LoadedBundle,
  name: string,
  args: unknown[] = [],
  opts: ExecutionOptions = {},
): unknown {
  const fn = bundle[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  return emu.run(() => fn(...args), { name, ...opts });
}
