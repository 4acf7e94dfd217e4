import type { Row } from '../github/run-models';

/**
 * Source tables for the GitLab package, as the sync engine writes them (flattened header names,
 * Dates for datetime columns, blank cells as '' or null). GitLab's states are `opened`,
 * `closed`, `locked` and `merged`. Expected results are worked out in package.test.ts.
 */

const at = (iso: string) => new Date(iso);

// 2024-02-05, 2024-02-12 and 2024-02-19 are Mondays.
export const mergeRequests: Row[] = [
  // M1: merged after 12 h.
  { id: 1, state: 'merged', created_at: at('2024-02-05T08:00:00Z'), merged_at: at('2024-02-05T20:00:00Z') },
  // M2: closed without merging.
  { id: 2, state: 'closed', created_at: at('2024-02-06T00:00:00Z'), merged_at: null },
  // M3: merged after 48 h.
  { id: 3, state: 'merged', created_at: at('2024-02-07T00:00:00Z'), merged_at: at('2024-02-09T00:00:00Z') },
  // M4: opened in the week of Feb 5, merged 120 h later in the week of Feb 12.
  { id: 4, state: 'merged', created_at: at('2024-02-08T00:00:00Z'), merged_at: at('2024-02-13T00:00:00Z') },
  // M5: still open.
  { id: 5, state: 'opened', created_at: at('2024-02-14T00:00:00Z'), merged_at: '' },
];

export const issues: Row[] = [
  { id: 11, state: 'closed', created_at: at('2024-02-05T10:00:00Z'), closed_at: at('2024-02-06T10:00:00Z') },
  { id: 12, state: 'opened', created_at: at('2024-02-07T10:00:00Z'), closed_at: '' },
  { id: 13, state: 'closed', created_at: at('2024-02-13T10:00:00Z'), closed_at: at('2024-02-20T10:00:00Z') },
  { id: 14, state: 'opened', created_at: at('2024-02-14T10:00:00Z'), closed_at: null },
];

export const gitlabTables = { gitlab_merge_requests: mergeRequests, gitlab_issues: issues };
