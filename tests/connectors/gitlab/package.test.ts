import { gitlabPackage } from '../../../connectors/gitlab/package';
import { gitlabSpec } from '../../../connectors/gitlab/spec';
import { packagesFor } from '../../../connectors/packages';
import { checkPackage } from '../github/package-checks';
import { runPackage } from '../github/run-models';
import { gitlabTables } from './fixture';

/** The GitLab package's models, run by the add-on's model runner on the fixture in fixture.ts (a UTC spreadsheet); expected results worked out by hand. */

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const out = runPackage(gitlabPackage, gitlabTables);

describe('GitLab package models', () => {
  it('counts merge requests opened by creation week and merged by merge week', () => {
    // Opened: Feb 5 week M1, M2, M3, M4 = 4; Feb 12 week M5 = 1.
    // Merged: Feb 5 week M1, M3 = 2; Feb 12 week M4 = 1. M2 was closed unmerged.
    expect(out.gitlab_merge_requests_weekly).toEqual([
      { week: day('2024-02-05'), opened: 4, merged: 2 },
      { week: day('2024-02-12'), opened: 1, merged: 1 },
    ]);
  });

  it('takes the median hours to merge over the merge requests merged each week', () => {
    // Feb 5: median(12, 48) = 30. Feb 12: M4 alone = 120.
    expect(out.gitlab_merge_time_weekly).toEqual([
      { week: day('2024-02-05'), merged: 2, median_hours_to_merge: 30 },
      { week: day('2024-02-12'), merged: 1, median_hours_to_merge: 120 },
    ]);
  });

  it('counts issues opened and closed per week', () => {
    // Opened: Feb 5 week #11, #12; Feb 12 #13, #14. Closed: Feb 5 week #11; Feb 19 week #13.
    expect(out.gitlab_issues_weekly).toEqual([
      { week: day('2024-02-05'), opened: 2, closed: 1 },
      { week: day('2024-02-12'), opened: 2, closed: 0 },
      { week: day('2024-02-19'), opened: 0, closed: 1 },
    ]);
  });

  it('tracks the issues still open at the end of each week', () => {
    // Running total: 2-1 = 1; 1+2 = 3; 3-1 = 2 (#12 and #14 are open today).
    expect(out.gitlab_open_issues_weekly).toEqual([
      { week: day('2024-02-05'), open_issues: 1 },
      { week: day('2024-02-12'), open_issues: 3 },
      { week: day('2024-02-19'), open_issues: 2 },
    ]);
  });
});

describe('GitLab package', () => {
  it('is registered with the packages the add-on ships', () => {
    expect(packagesFor(['gitlab'])).toEqual([gitlabPackage]);
  });
  checkPackage(gitlabPackage, gitlabSpec, out);
});
