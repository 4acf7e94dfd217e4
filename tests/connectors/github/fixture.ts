import type { Row } from './run-models';

/**
 * Source tables for the GitHub package, built as the sync engine writes them: flattened header
 * names as keys, Dates for datetime columns, and blank cells as '' (what a sheet reads back) or
 * null. Expected model results are worked out by hand in package.test.ts.
 */

const at = (iso: string) => new Date(iso);

// Weeks start on Monday, UTC: 2024-01-01, 2024-01-08, 2024-01-15 and 2024-01-22 are Mondays.
export const pullRequests: Row[] = [
  // A: merged after 24 h, in the week of Jan 1.
  { id: 1, state: 'closed', created_at: at('2024-01-01T09:00:00Z'), merged_at: at('2024-01-02T09:00:00Z') },
  // B: merged after 36 h, in the week of Jan 1.
  { id: 2, state: 'closed', created_at: at('2024-01-03T12:00:00Z'), merged_at: at('2024-01-05T00:00:00Z') },
  // C: closed without merging (blank cell).
  { id: 3, state: 'closed', created_at: at('2024-01-04T00:00:00Z'), merged_at: '' },
  // D: opened on Sunday Jan 7 (week of Jan 1), merged 2 h later on Monday Jan 8 (week of Jan 8).
  { id: 4, state: 'closed', created_at: at('2024-01-07T23:00:00Z'), merged_at: at('2024-01-08T01:00:00Z') },
  // E: opened in the week of Jan 8, merged 144 h later in the week of Jan 15.
  { id: 5, state: 'closed', created_at: at('2024-01-10T00:00:00Z'), merged_at: at('2024-01-16T00:00:00Z') },
  // F: merged after 30 h, in the week of Jan 15.
  { id: 6, state: 'closed', created_at: at('2024-01-15T00:00:00Z'), merged_at: at('2024-01-16T06:00:00Z') },
  // G: still open (null cell).
  { id: 7, state: 'open', created_at: at('2024-01-16T00:00:00Z'), merged_at: null },
];

export const issues: Row[] = [
  { id: 11, state: 'closed', created_at: at('2024-01-02T10:00:00Z'), closed_at: at('2024-01-09T10:00:00Z') },
  { id: 12, state: 'open', created_at: at('2024-01-03T10:00:00Z'), closed_at: '' },
  { id: 13, state: 'closed', created_at: at('2024-01-04T10:00:00Z'), closed_at: at('2024-01-05T10:00:00Z') },
  { id: 14, state: 'closed', created_at: at('2024-01-10T10:00:00Z'), closed_at: at('2024-01-22T10:00:00Z') },
  { id: 15, state: 'open', created_at: at('2024-01-23T10:00:00Z'), closed_at: null },
  { id: 16, state: 'open', created_at: at('2024-01-16T10:00:00Z'), closed_at: '' },
];

export const releases: Row[] = [
  {
    id: 21,
    repository: 'api',
    tag_name: 'v1.0.0',
    prerelease: false,
    published_at: at('2024-01-05T10:00:00Z'),
  },
  {
    id: 22,
    repository: 'web',
    tag_name: 'v0.9.0-beta',
    prerelease: true,
    published_at: at('2024-01-20T10:00:00Z'),
  },
  // Half an hour before midnight UTC on Jan 31: January, whatever the viewer's time zone.
  {
    id: 23,
    repository: 'api',
    tag_name: 'v1.1.0',
    prerelease: false,
    published_at: at('2024-01-31T23:30:00Z'),
  },
  {
    id: 24,
    repository: 'web',
    tag_name: 'v1.0.0',
    prerelease: false,
    published_at: at('2024-02-01T00:30:00Z'),
  },
  // A draft: never published, so not counted.
  {
    id: 25,
    repository: 'web',
    tag_name: 'v1.1.0',
    name: 'v1.1.0',
    html_url: 'https://github.com/acme/web/releases/tag/v1.1.0',
    prerelease: false,
    published_at: '',
  },
];

export const commits: Row[] = [
  {
    sha: 'a1',
    repository: 'api',
    'commit.author.name': 'Ada',
    'commit.committer.date': at('2024-01-02T10:00:00Z'),
  },
  {
    sha: 'a2',
    repository: 'api',
    'commit.author.name': 'Ada',
    'commit.committer.date': at('2024-01-03T10:00:00Z'),
  },
  {
    sha: 'b1',
    repository: 'web',
    'commit.author.name': 'Bo',
    'commit.committer.date': at('2024-01-04T10:00:00Z'),
  },
  {
    sha: 'b2',
    repository: 'web',
    'commit.author.name': 'Bo',
    'commit.committer.date': at('2024-01-08T00:00:00Z'),
  },
];

export const githubTables = {
  github_pull_requests: pullRequests,
  github_issues: issues,
  github_releases: releases,
  github_commits: commits,
};
