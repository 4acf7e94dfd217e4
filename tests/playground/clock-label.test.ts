import { clockLabel } from '../../playground/web/clock-label';

describe("the playground header's clock", () => {
  const at = Date.parse('2026-03-05T22:47:00.000Z');

  it("reads in the spreadsheet's time zone, not the browser's", () => {
    expect(clockLabel(at, 'America/New_York')).toBe('Mar 5, 2026, 5:47 PM');
  });

  it('turns the date over with the zone', () => {
    expect(clockLabel(at, 'Asia/Tokyo')).toBe('Mar 6, 2026, 7:47 AM');
  });

  it('says UTC when the zone is unknown', () => {
    expect(clockLabel(at, 'Mars/Olympus')).toBe('Mar 5, 2026, 10:47 PM UTC');
  });
});
