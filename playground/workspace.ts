import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type LoadedBundle, loadBundle } from './emulator/bundle';
import { Emulator, type EmulatorOptions, type EmulatorSnapshot } from './emulator/emulator';
import type { ExecutionOptions } from './emulator/execution';

/**
 * One emulated spreadsheet with the built add-on loaded into it: what `npm start` and the
 * `tapdash` CLI work on. State lives in a JSON file so it survives restarts.
 */
export class Workspace {
  private constructor(
    readonly emu: Emulator,
    readonly bundle: LoadedBundle,
    readonly file: string | undefined,
  ) {}

  /** Opens the workbook file if it exists, else a fresh spreadsheet. */
  static open(file: string | undefined, options: EmulatorOptions = {}): Workspace {
    let emu: Emulator;
    if (file && existsSync(file)) {
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as EmulatorSnapshot;
      // Time only moves on: resume at the later of the saved instant and the real now.
      const now = Math.max(
        snapshot.now,
        options.now === undefined ? Date.now() : new Date(options.now).getTime(),
      );
      // htmlDir is machine-specific: always this checkout's dist/.
      emu = Emulator.load(snapshot, { htmlDir: resolve(__dirname, '../dist'), ...options, now });
    } else {
      emu = new Emulator(options);
    }
    return new Workspace(emu, loadBundle(emu), file ? resolve(file) : undefined);
  }

  /** Runs one top-level function of Code.js as one execution. */
  invoke(name: string, args: unknown[] = [], opts: ExecutionOptions = {}): unknown {
    const fn = this.bundle[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return this.emu.run(() => fn(...args), { name, kind: 'cli', ...opts });
  }

  /** Writes the state atomically, so a crash never leaves half a file. */
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.emu.save()));
    renameSync(tmp, this.file);
  }
}
