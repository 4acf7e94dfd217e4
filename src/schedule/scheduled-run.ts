import { CURRENCY_PROPERTY } from '../model/refresh';
import type { Gas } from '../platform/gas';
import { toErrorInfo } from '../shared/errors';
import { type ConnectionOutcome, syncConnections } from '../sync/sync-all';
import { type Catalog, DEFAULT_CATALOG } from './catalog';
import { composeDigest, type DigestLine } from './digest';
import { type NoticeLog, planNotices } from './failure-notices';
import { readMetrics } from './metric-readings';
import { installedPackages, type RefreshSummary, refreshAll } from './refresh-all';
import { loadSettings, type ScheduleSettings } from './settings';
import { removeScheduleTriggers } from './trigger';

/** The whole scheduled run stops starting new work after this long (Apps Script kills at 6 minutes). */
export const RUN_BUDGET_MS = 285_000;
/** The sync step gets most of it; models and the Dashboard need the rest. */
export const SYNC_SHARE_MS = 210_000;
export const NOTICE_LOG_KEY = 'tapdash.notices.log';
export const DIGEST_SENT_KEY = 'tapdash.digest.lastSent';

export interface ScheduledRunResult {
  ran: boolean;
  reason?: string;
  syncs: ConnectionOutcome[];
  refresh?: RefreshSummary;
  emails: number;
}

function dayKey(gas: Gas, at: Date, timeZone: string): string {
  return gas.Utilities.formatDate(at, timeZone, 'yyyy-MM-dd');
}

/**
 * What the clock trigger runs: continue unfinished syncs and sync every active connection
 * (one shared time box), refresh models, the Dashboard and history, evaluate alerts, then email
 * failures and the weekly digest. Anything not finished is picked up by the next run, because
 * every step resumes from what it committed.
 */
export function runScheduled(
  gas: Gas,
  options: { startedAt?: number; catalog?: Catalog } = {},
): ScheduledRunResult {
  const startedAt = options.startedAt ?? Date.now();
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const settings = loadSettings(gas);
  const me = gas.Session.getEffectiveUser().getEmail();
  // Another editor took the schedule over: this account's trigger must not run it twice.
  if (settings.owner && me && settings.owner !== me) {
    removeScheduleTriggers(gas);
    return { ran: false, reason: `The schedule now belongs to ${settings.owner}.`, syncs: [], emails: 0 };
  }
  if (settings.schedule.kind === 'off') {
    removeScheduleTriggers(gas);
    return { ran: false, reason: 'The schedule is off.', syncs: [], emails: 0 };
  }
  const syncs = syncConnections(gas, { startedAt, budgetMs: SYNC_SHARE_MS, connectors: catalog.connectors });
  const remainingMs = () => RUN_BUDGET_MS - (Date.now() - startedAt);
  let refresh: RefreshSummary | undefined;
  let refreshFailure: ConnectionOutcome | undefined;
  if (remainingMs() > 30_000) {
    try {
      refresh = refreshAll(gas, { remainingMs, catalog });
    } catch (e) {
      const info = toErrorInfo(e);
      refreshFailure = {
        connection: 'refresh',
        label: 'The dashboard refresh',
        ok: false,
        done: false,
        code: info.code,
        message: info.message,
        fix: info.fix,
      };
    }
  }
  const emails =
    sendNotices(gas, settings, me, refreshFailure ? [...syncs, refreshFailure] : syncs) +
    sendDigestIfDue(gas, settings, me, catalog);
  return { ran: true, syncs, refresh, emails };
}

function sendNotices(
  gas: Gas,
  settings: ScheduleSettings,
  to: string,
  outcomes: readonly ConnectionOutcome[],
): number {
  if (!settings.failureEmails || !to) return 0;
  const props = gas.PropertiesService.getDocumentProperties();
  const ss = gas.SpreadsheetApp.getActive();
  let log: NoticeLog = {};
  try {
    log = JSON.parse(props.getProperty(NOTICE_LOG_KEY) || '{}') as NoticeLog;
  } catch {
    log = {};
  }
  // A run still in progress is not a success yet: only finished, clean syncs clear a failure.
  const settled = outcomes.filter((o) => !o.ok || o.done);
  const plan = planNotices(
    settled,
    log,
    dayKey(gas, new Date(), ss.getSpreadsheetTimeZone()),
    ss.getName(),
    ss.getUrl(),
  );
  for (const n of plan.notices) gas.MailApp.sendEmail(to, n.subject, n.body);
  props.setProperty(NOTICE_LOG_KEY, JSON.stringify(plan.log));
  return plan.notices.length;
}

function sendDigestIfDue(gas: Gas, settings: ScheduleSettings, to: string, catalog: Catalog): number {
  if (!settings.digest.enabled || !to) return 0;
  const ss = gas.SpreadsheetApp.getActive();
  const tz = ss.getSpreadsheetTimeZone();
  const now = new Date();
  const weekday = gas.Utilities.formatDate(now, tz, 'EEEE').toUpperCase();
  const hour = Number(gas.Utilities.formatDate(now, tz, 'H'));
  if (weekday !== settings.digest.weekday || hour < settings.digest.hour) return 0;
  const props = gas.PropertiesService.getDocumentProperties();
  const today = dayKey(gas, now, tz);
  if (props.getProperty(DIGEST_SENT_KEY) === today) return 0;
  const readings = readMetrics(
    gas,
    installedPackages(gas, catalog),
    props.getProperty(CURRENCY_PROPERTY) || 'USD',
  );
  const lines: DigestLine[] = readings
    .filter((r) => r.value !== null)
    .map((r) => ({
      label: r.label,
      ...(r.period ? { period: r.period } : {}),
      value: r.display(r.value as number),
      change: r.previous ? ((r.value as number) - r.previous) / Math.abs(r.previous) : null,
      goodDirection: r.metric.goodDirection,
    }));
  const digest = composeDigest(ss.getName(), ss.getUrl(), lines, []);
  gas.MailApp.sendEmail(to, digest.subject, digest.body);
  props.setProperty(DIGEST_SENT_KEY, today);
  return 1;
}
