/**
 * The time box of one execution's sync work. Apps Script kills an execution at 6 minutes with
 * no chance to save progress, so the engine stops starting new work once the budget is spent
 * and leaves the rest to the next execution.
 */
export class Deadline {
  constructor(
    private readonly clock: () => number,
    private readonly endsAt: number,
  ) {}

  static after(clock: () => number, startedAt: number, budgetMs: number): Deadline {
    return new Deadline(clock, startedAt + budgetMs);
  }

  remainingMs(): number {
    return this.endsAt - this.clock();
  }

  passed(): boolean {
    return this.remainingMs() <= 0;
  }
}

/**
 * Thrown inside the engine when waiting (for a rate limit) or working further would run past
 * the deadline; the engine catches it, saves progress and returns "not done yet".
 */
export class DeadlineReached extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DeadlineReached';
  }
}
