/** The header's status lines: when the data was last refreshed, and which sources need attention. */

export interface SourceIssue {
  /** The source as the user named it ("Stripe", "HubSpot (sales)"). */
  source: string;
  problem: 'failing' | 'stale';
  /** A short, secret-free detail: "invalid API key", "last synced 3 days ago". */
  detail?: string;
}

export interface DashboardStatus {
  /** Company or spreadsheet name; defaults to the spreadsheet's name. */
  title?: string;
  /** Epoch milliseconds of the last successful refresh; null or absent when there was none. */
  lastRefreshAt?: number | null;
  issues?: SourceIssue[];
}

/** `⚠ Stripe sync is failing (invalid API key); HubSpot data is stale (…). Open Tapdash › Sources to fix it.` */
export function warningLine(issues: readonly SourceIssue[] = []): string {
  if (!issues.length) return '';
  const parts = issues.map((i) => {
    const what = i.problem === 'failing' ? `${i.source} sync is failing` : `${i.source} data is stale`;
    return i.detail ? `${what} (${i.detail})` : what;
  });
  const fix =
    issues.length === 1 ? 'Open Tapdash › Sources to fix it.' : 'Open Tapdash › Sources to fix them.';
  return `⚠ ${parts.join('; ')}. ${fix}`;
}

/** `Last refreshed Mar 3, 2026 at 9:00 AM`, with the time already formatted in the sheet's zone. */
export function refreshedLine(formatted: string | null): string {
  return formatted
    ? `Last refreshed ${formatted}`
    : 'Not refreshed yet: the first refresh fills this dashboard.';
}

/**
 * Where the refreshed line sits (B2: layoutDashboard's second row, second column). A reset that
 * keeps the tabs writes `resetLine` over it, so nobody reads the kept numbers as current.
 */
export const REFRESHED_LINE_CELL = { row: 2, column: 2 } as const;

/** `Tapdash was reset on Mar 3, 2026: these numbers no longer update. …`, the date already formatted. */
export function resetLine(formattedDate: string): string {
  return `Tapdash was reset on ${formattedDate}: these numbers no longer update. Open Extensions › Tapdash to set it up again.`;
}
