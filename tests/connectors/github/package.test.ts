import { githubPackage } from '../../../connectors/github/package';
import { githubSpec } from '../../../connectors/github/spec';
import { packagesFor } from '../../../connectors/packages';
import { githubTables } from './fixture';
import { checkPackage } from './package-checks';
import { runPackage } from './run-models';

/**
 * The GitHub package's models, run by the add-on's model runner on the fixture in fixture.ts,
 * in a UTC spreadsheet unless a test says otherwise; expected results worked out by hand.
 */

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const out = runPackage(githubPackage, githubTables);

describe('GitHub package models', () => {
  it('counts pull requests opened by creation week and merged by merge week', () => {
    // Opened: Jan 1 week A, B, C, D = 4; Jan 8 week E = 1; Jan 15 week F, G = 2.
    // Merged: Jan 1 week A, B = 2; Jan 8 week D = 1; Jan 15 week E, F = 2.
    expect(out.github_pull_requests_weekly).toEqual([
      { week: day('2024-01-01'), opened: 4, merged: 2 },
      { week: day('2024-01-08'), opened: 1, merged: 1 },
      { week: day('2024-01-15'), opened: 2, merged: 2 },
    ]);
  });

  it('takes the median hours to merge over the pull requests merged each week', () => {
    // Jan 1: median(24, 36) = 30. Jan 8: D alone = 2. Jan 15: median(144, 30) = 87.
    expect(out.github_merge_time_weekly).toEqual([
      { week: day('2024-01-01'), merged: 2, median_hours_to_merge: 30 },
      { week: day('2024-01-08'), merged: 1, median_hours_to_merge: 2 },
      { week: day('2024-01-15'), merged: 2, median_hours_to_merge: 87 },
    ]);
  });

  it('counts issues opened and closed per week, treating blank and null closing dates alike', () => {
    // Opened: Jan 1 week #11, #12, #13; Jan 8 #14; Jan 15 #16; Jan 22 #15.
    // Closed: Jan 1 week #13 (Jan 5); Jan 8 #11 (Jan 9); Jan 22 #14.
    expect(out.github_issues_weekly).toEqual([
      { week: day('2024-01-01'), opened: 3, closed: 1 },
      { week: day('2024-01-08'), opened: 1, closed: 1 },
      { week: day('2024-01-15'), opened: 1, closed: 0 },
      { week: day('2024-01-22'), opened: 1, closed: 1 },
    ]);
  });

  it('tracks the issues still open at the end of each week', () => {
    // Running total of opened - closed: 3-1 = 2; 2+1-1 = 2; 2+1 = 3; 3+1-1 = 3.
    // Check at the end: #12, #15 and #16 are open today.
    expect(out.github_open_issues_weekly).toEqual([
      { week: day('2024-01-01'), open_issues: 2 },
      { week: day('2024-01-08'), open_issues: 2 },
      { week: day('2024-01-15'), open_issues: 3 },
      { week: day('2024-01-22'), open_issues: 3 },
    ]);
  });

  it('counts published releases and pre-releases per calendar month, leaving drafts out', () => {
    // January: v1.0.0 and v1.1.0 (api), v0.9.0-beta (web, pre-release): 2 + 1, 2 repositories.
    // February: v1.0.0 (web). The draft has no publication date.
    expect(out.github_releases_monthly).toEqual([
      { month: day('2024-01-01'), releases: 2, prereleases: 1, repositories: 2 },
      { month: day('2024-02-01'), releases: 1, prereleases: 0, repositories: 1 },
    ]);
  });

  it('lists recent published releases newest first', () => {
    expect(out.github_recent_releases.map((r) => `${r.repository} ${r.tag_name}`)).toEqual([
      'web v1.0.0',
      'api v1.1.0',
      'web v0.9.0-beta',
      'api v1.0.0',
    ]);
  });

  it('counts commits and distinct authors per week', () => {
    // Jan 1 week: a1, a2 (Ada), b1 (Bo) = 3 commits, 2 authors. Jan 8: b2 (Bo).
    expect(out.github_commits_weekly).toEqual([
      { week: day('2024-01-01'), commits: 3, authors: 2 },
      { week: day('2024-01-08'), commits: 1, authors: 1 },
    ]);
  });
});

describe('GitHub package', () => {
  it('is registered with the packages the add-on ships', () => {
    expect(packagesFor(['github'])).toEqual([githubPackage]);
  });
  checkPackage(githubPackage, githubSpec, out);
});

describe('GitHub package in a spreadsheet west of Greenwich', () => {
  it('files work in the week the founder sees: New York time', () => {
    // Pull request D merged at 01:00 UTC on Monday Jan 8, which is 20:00 on Sunday Jan 7 in
    // New York: its merge counts in the week of Jan 1 there (2 + 1 = 3 merges), not Jan 8.
    const ny = runPackage(githubPackage, githubTables, 'America/New_York');
    const merged = ny.github_pull_requests_weekly.map((r) => [(r.week as Date).toISOString(), r.merged]);
    expect(merged[0]).toEqual(['2024-01-01T05:00:00.000Z', 3]);
  });
});
