/**
 * Failure emails for scheduled runs: one email per connection and error kind per day at most,
 * and a short "fixed" note when a connection that we emailed about succeeds again.
 */
export interface RunOutcome {
  connection: string;
  label: string;
  ok: boolean;
  /** ErrorInfo code for failures: the "error kind". */
  code?: string;
  message?: string;
  fix?: string;
}

/** What was emailed, per connection: the error kind and the day (YYYY-MM-DD in the sheet's zone). */
export type NoticeLog = Record<string, { code: string; day: string }>;

export interface Notice {
  kind: 'failure' | 'fixed';
  connection: string;
  subject: string;
  body: string;
}

export function planNotices(
  outcomes: readonly RunOutcome[],
  log: NoticeLog,
  today: string,
  sheetName: string,
  sheetUrl: string,
): { notices: Notice[]; log: NoticeLog } {
  const next: NoticeLog = { ...log };
  const notices: Notice[] = [];
  for (const o of outcomes) {
    const previous = log[o.connection];
    if (o.ok) {
      if (previous) {
        notices.push({
          kind: 'fixed',
          connection: o.connection,
          subject: `Tapdash: ${o.label} is syncing again`,
          body: `Good news: ${o.label} synced successfully in "${sheetName}". Your dashboard is up to date again.\n\n${sheetUrl}`,
        });
        delete next[o.connection];
      }
      continue;
    }
    const code = o.code ?? 'unexpected';
    if (previous && previous.code === code && previous.day === today) continue;
    notices.push({
      kind: 'failure',
      connection: o.connection,
      subject: `Tapdash: ${o.label} could not sync`,
      body: [
        `The scheduled refresh of "${sheetName}" could not sync ${o.label}.`,
        '',
        `What happened: ${o.message ?? 'an unexpected error.'}`,
        `What to do: ${o.fix ?? 'Open the spreadsheet, then Extensions → Tapdash → Open Tapdash → Sources.'}`,
        '',
        'Data that was already loaded is kept; the next run will try again.',
        '',
        sheetUrl,
      ].join('\n'),
    });
    next[o.connection] = { code, day: today };
  }
  return { notices, log: next };
}
