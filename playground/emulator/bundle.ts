import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
// gas-local runs every .js file of a folder in one vm context whose global object we supply:
// the closest thing to Apps Script's global scope that runs locally.
import gasLocal from 'gas-local';
import type { Emulator, GasGlobals } from './emulator';
import type { ExecutionOptions } from './execution';
import { SIMULATED_DATE_SOURCE } from './sim-date';

export const DIST_DIR = resolve(__dirname, '../../dist');

/** The loaded Code.js: its top-level functions, callable as Apps Script would call them. */
export type LoadedBundle = Record<string, (...args: unknown[]) => unknown>;

/**
 * Loads the built bundle into a bare vm context that holds only the emulated Apps Script
 * services: no require, process, setTimeout, fetch, structuredClone or TextEncoder, as in
 * Apps Script.
 */
export function loadBundle(emu: Emulator, distDir = DIST_DIR): LoadedBundle {
  const globals: Partial<GasGlobals> & Record<string, unknown> = { ...emu.globals };
  // gas-local makes the context; the clock patch must run before Code.js, so the files are loaded here.
  const ctx = gasLocal.require(distDir, globals, { filter: () => false }) as unknown as vm.Context;
  const patch = vm.runInContext(SIMULATED_DATE_SOURCE, ctx, { filename: 'emulator-clock.js' }) as (
    now: () => number,
  ) => unknown;
  patch(() => emu.clock.now());
  const code = join(distDir, 'Code.js');
  vm.runInContext(readFileSync(code, 'utf8'), ctx, { filename: code });
  // Dates read from cells must be the script's own Dates (`instanceof Date`), as in Apps Script.
  emu.workbook.dateConstructor = vm.runInContext('Date', ctx);
  return ctx as unknown as LoadedBundle;
}

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
