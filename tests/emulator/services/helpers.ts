import { Emulator, type EmulatorOptions } from '../../../playground/emulator/emulator';

/** 2024-01-01 12:00 UTC, a Monday. */
export const START = Date.UTC(2024, 0, 1, 12, 0, 0);

/** A deterministic emulator: no real CPU time, a fixed start, add-on rules on. */
export function emulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator({ realCpu: false, now: START, ...options });
}

/** The message of what `fn` throws (fails the test if it does not throw). */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected a throw');
}
