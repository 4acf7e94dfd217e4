import type { Gas } from '../platform/gas';
import { TapdashError } from '../shared/errors';

/** UrlFetch calls per user per day on a consumer account (Workspace accounts get 100,000). */
export const URLFETCH_DAILY_QUOTA = 20_000;
/** Calls left unused for everything else the user's scripts and add-ons do. */
export const URLFETCH_RESERVE = 500;

const KEY = 'tapdash.urlfetch';

interface Stored {
  day: string;
  count: number;
}

/**
 * Counts the user's UrlFetch calls per day (in user properties: the quota is per user) and
 * stops before the quota runs out, with a message that says when syncing resumes. Kept in
 * memory during an execution and saved with each checkpoint, so counting costs no extra
 * Properties call per request.
 */
export class FetchBudget {
  private day = '';
  private count = 0;
  private saved = 0;
  private loaded = false;

  constructor(
    private readonly gas: Gas,
    private readonly clock: () => number,
    private readonly quota = URLFETCH_DAILY_QUOTA,
    private readonly reserve = URLFETCH_RESERVE,
  ) {}

  /** Records `n` calls about to be made, or refuses if they would eat into the reserve. */
  take(n: number): void {
    this.load();
    const today = dayOf(this.clock());
    if (today !== this.day) {
      this.day = today;
      this.count = 0;
      this.saved = -1;
    }
    if (this.count + n > this.quota - this.reserve) throw quotaError(this.count, this.quota);
    this.count += n;
  }

  /** The daily quota this budget guards. */
  get limit(): number {
    return this.quota;
  }

  /** Calls counted today (for the sync log and tests). */
  used(): number {
    this.load();
    return dayOf(this.clock()) === this.day ? this.count : 0;
  }

  save(): void {
    if (!this.loaded || this.saved === this.count) return;
    const value: Stored = { day: this.day, count: this.count };
    this.gas.PropertiesService.getUserProperties().setProperty(KEY, JSON.stringify(value));
    this.saved = this.count;
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const raw = this.gas.PropertiesService.getUserProperties().getProperty(KEY);
    const stored = parse(raw);
    this.day = stored?.day ?? dayOf(this.clock());
    this.count = stored && stored.day === dayOf(this.clock()) ? stored.count : 0;
    this.saved = this.count;
  }
}

function parse(raw: string | null): Stored | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Stored;
    return typeof v.day === 'string' && typeof v.count === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function quotaError(used: number, quota: number): TapdashError {
  return new TapdashError({
    code: 'urlfetch-quota',
    message: `Tapdash stopped syncing for today: your Google account has made ${used.toLocaleString('en-US')} of its ${quota.toLocaleString('en-US')} daily web requests, and the rest are kept for your other scripts.`,
    fix: 'Nothing is lost: syncing continues tomorrow where it stopped. To need fewer requests, pause streams you do not use under Sources in the Tapdash sidebar.',
  });
}
