import fc from 'fast-check';
import { intlZoneOffset, wallClock } from '../../src/model/time-zone';

describe('wall-clock dates', () => {
  it('reads an instant as the spreadsheet’s time zone shows it', () => {
    const ny = wallClock(intlZoneOffset('America/New_York')!);
    const wall = ny.toWall(new Date(Date.UTC(2026, 1, 1, 2, 30)));
    expect([wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual(
      [2026, 0, 31, 21, 30],
    );
  });

  it('round-trips every instant in zones with daylight saving and odd offsets', () => {
    for (const zone of [
      'America/New_York',
      'Europe/Paris',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Etc/UTC',
    ]) {
      const clock = wallClock(intlZoneOffset(zone)!);
      fc.assert(
        fc.property(
          fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }),
          (d) => {
            // Instants in the repeated hour when clocks go back are ambiguous on a wall clock.
            const back = clock.fromWall(clock.toWall(d));
            const offsetNow = intlZoneOffset(zone)!(d.getTime());
            const offsetBack = intlZoneOffset(zone)!(back.getTime());
            if (offsetNow === offsetBack) expect(back.getTime()).toBe(d.getTime());
            else expect(Math.abs(back.getTime() - d.getTime())).toBeLessThanOrEqual(60 * 60_000);
          },
        ),
        { numRuns: 300 },
      );
    }
  });

  it('is undefined for a zone the runtime does not know', () => {
    expect(intlZoneOffset('Mars/Olympus_Mons')).toBeUndefined();
  });
});
