import alasql from 'alasql';
import fc from 'fast-check';
import { githubPackage } from '../../../connectors/github/package';
import { githubSpec } from '../../../connectors/github/spec';
import { monthStart, weekStart } from '../../../connectors/github/sql-time';
import { packagesFor } from '../../../connectors/packages';
import { githubTables } from './fixture';
import { checkPackage } from './package-checks';
import { runPackage } from './run-models';

/** The GitHub package's models on the fixture in fixture.ts; expected results worked out by hand. */

const out = runPackage(githubPackage, githubTables);

describe('GitHub package models', () => {
  it('counts pull requests opened by creation week and merged by merge week', () => {
    // Opened: Jan 1 week A, B, C, D = 4; Jan 8 week E = 1; Jan 15 week F, G = 2.
    // Merged: Jan 1 week A, B = 2; Jan 8 week D = 1; Jan 15 week E, F = 2.
    expect(out.github_pull_requests_weekly).toEqual([
      { week: '2024-01-01', opened: 4, merged: 2 },
      { week: '2024-01-08', opened: 1, merged: 1 },
      { week: '2024-01-15', opened: 2, merged: 2 },
    ]);
  });

  it('takes the median hours to merge over the pull requests merged each week', () => {
    // Jan 1: median(24, 36) = 30. Jan 8: D alone = 2. Jan 15: median(144, 30) = 87.
    expect(out.github_merge_time_weekly).toEqual([
      { week: '2024-01-01', merged: 2, median_hours_to_merge: 30 },
      { week: '2024-01-08', merged: 1, median_hours_to_merge: 2 },
      { week: '2024-01-15', merged: 2, median_hours_to_merge: 87 },
    ]);
  });

  it('counts issues opened and closed per week, treating blank and null closing dates alike', () => {
    // Opened: Jan 1 week #11, #12, #13; Jan 8 #14; Jan 15 #16; Jan 22 #15.
    // Closed: Jan 1 week #13 (Jan 5); Jan 8 #11 (Jan 9); Jan 22 #14.
    expect(out.github_issues_weekly).toEqual([
      { week: '2024-01-01', opened: 3, closed: 1 },
      { week: '2024-01-08', opened: 1, closed: 1 },
      { week: '2024-01-15', opened: 1, closed: 0 },
      { week: '2024-01-22', opened: 1, closed: 1 },
    ]);
  });

  it('tracks the issues still open at the end of each week', () => {
    // Running total of opened - closed: 3-1 = 2; 2+1-1 = 2; 2+1 = 3; 3+1-1 = 3.
    // Check at the end: #12, #15 and #16 are open today.
    expect(out.github_open_issues_weekly).toEqual([
      { week: '2024-01-01', open_issues: 2 },
      { week: '2024-01-08', open_issues: 2 },
      { week: '2024-01-15', open_issues: 3 },
      { week: '2024-01-22', open_issues: 3 },
    ]);
  });

  it('counts published releases and pre-releases per UTC month, leaving drafts out', () => {
    // January: v1.0.0 and v1.1.0 (api), v0.9.0-beta (web, pre-release): 2 + 1, 2 repositories.
    // February: v1.0.0 (web). The draft has no publication date.
    expect(out.github_releases_monthly).toEqual([
      { month: '2024-01-01', releases: 2, prereleases: 1, repositories: 2 },
      { month: '2024-02-01', releases: 1, prereleases: 0, repositories: 1 },
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
      { week: '2024-01-01', commits: 3, authors: 2 },
      { week: '2024-01-08', commits: 1, authors: 1 },
    ]);
  });
});

describe('GitHub package', () => {
  it('is registered with the packages the add-on ships', () => {
    expect(packagesFor(['github'])).toEqual([githubPackage]);
  });
  checkPackage(githubPackage, githubSpec, out);
});

describe('UTC time buckets', () => {
  const bucket = (expr: string, date: Date): string =>
    (alasql(`SELECT ${expr} AS b FROM ?`, [[{ d: date }]]) as Array<{ b: string }>)[0].b;
  const dates = fc.date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('puts every instant in the week starting on the Monday at or before it', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const monday = new Date(`${bucket(weekStart('d'), date)}T00:00:00Z`);
        const elapsed = date.getTime() - monday.getTime();
        return monday.getUTCDay() === 1 && elapsed >= 0 && elapsed < 7 * 86_400_000;
      }),
    );
  });

  it('puts every instant in its UTC calendar month', () => {
    fc.assert(
      fc.property(dates, (date) => bucket(monthStart('d'), date) === `${date.toISOString().slice(0, 7)}-01`),
    );
  });
});
