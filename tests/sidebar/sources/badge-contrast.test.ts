import { badgeTextColor, contrastRatio } from '../../../sidebar/sources/badge-contrast';
import { sidebarApi } from '../../../src/entry/api';

describe('the initials on a connector badge', () => {
  it('are white on a dark brand colour', () => {
    expect(badgeTextColor('#7c3aed')).toBe('#ffffff');
  });

  it('are dark on a light brand colour such as GitLab orange', () => {
    expect(badgeTextColor('#fc6d26')).toBe('#202124');
  });

  it.each(sidebarApi.listConnectors(undefined as never).map((c) => [c.label, c.badge.color]))(
    'read at 4.5:1 or better on the %s badge',
    (_label, color) => {
      expect(contrastRatio(badgeTextColor(color), color)).toBeGreaterThanOrEqual(4.5);
    },
  );
});
