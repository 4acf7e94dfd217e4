/**
 * The emulator's simulated clock. Every service call advances it by its modelled cost
 * (see cost-model.ts), so a test can run "six minutes" of Apps Script work in milliseconds
 * and schedules can be run across simulated days.
 */
export class SimClock {
  private ms: number;

  constructor(start: number) {
    this.ms = start;
  }

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`Cannot move the simulated clock by ${ms} ms`);
    this.ms += ms;
  }

  /** Jumps forward to an instant (never backward: Apps Script time only moves on). */
  setTo(ms: number): void {
    if (ms < this.ms) throw new RangeError('The simulated clock cannot go back in time');
    this.ms = ms;
  }
}
