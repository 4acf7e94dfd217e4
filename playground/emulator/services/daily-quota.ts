/**
 * Per-user daily quotas. "Quotas are per user and reset 24 hours after the first request"
 * (https://developers.google.com/apps-script/guides/services/quotas): each counter opens a
 * 24-hour window at its first use, and the next use after the window starts a fresh one.
 */
import { platformError } from '../platform-error';

const DAY_MS = 86_400_000;

export interface QuotaWindow {
  start: number;
  used: number;
}

export type QuotaName = 'urlfetch' | 'properties' | 'email' | 'trigger-runtime';

export class DailyQuotas {
  constructor(private readonly windows: Record<string, QuotaWindow> = {}) {}

  private window(name: QuotaName, user: string, now: number): QuotaWindow {
    const key = `${name}:${user}`;
    let w = this.windows[key];
    if (!w || now >= w.start + DAY_MS) {
      w = { start: now, used: 0 };
      this.windows[key] = w;
    }
    return w;
  }

  used(name: QuotaName, user: string, now: number): number {
    const w = this.windows[`${name}:${user}`];
    return w && now < w.start + DAY_MS ? w.used : 0;
  }

  /**
   * Uses `amount` of a quota, or throws the platform's "too many times for one day" error (and
   * uses nothing) when that would go over `limit`.
   */
  take(name: QuotaName, user: string, now: number, amount: number, limit: number): void {
    const w = this.window(name, user, now);
    if (w.used + amount > limit) {
      // Wording from the platform notes §2 ("Service invoked too many times for one day: urlfetch.").
      throw platformError(`Service invoked too many times for one day: ${name}.`);
    }
    w.used += amount;
  }

  /** Adds usage without a limit check (trigger runtime is charged after the run). */
  add(name: QuotaName, user: string, now: number, amount: number): void {
    this.window(name, user, now).used += amount;
  }

  toJSON(): Record<string, QuotaWindow> {
    return structuredClone(this.windows);
  }

  static fromJSON(json: unknown): DailyQuotas {
    return new DailyQuotas(
      json && typeof json === 'object' ? structuredClone(json as Record<string, QuotaWindow>) : {},
    );
  }
}
