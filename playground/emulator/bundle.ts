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
  const globals: Partial<GasGlobals> & Record<string, unknown> = { ...emu.globals };
  const ctx = gasLocal.require(distDir, globals, { filter: (f: string) => f === join(distDir, 'Code.js') });
  // Dates read from cells must be the script's own Dates (`instanceof Date`), as in Apps Script.
  emu.workbook.dateConstructor = vm.runInContext('Date', ctx as unknown as vm.Context);
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
