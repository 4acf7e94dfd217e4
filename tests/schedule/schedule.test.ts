import { expectedFreshnessHours, isStale } from '../../src/schedule/freshness';
import { describeSchedule, intervalHours, scheduleProblem } from '../../src/schedule/schedule';

describe('schedules', () => {
  it('accepts hourly, every 2/4/6/8/12 hours, daily, weekly and off', () => {
    for (const s of [
      { kind: 'off' },
      { kind: 'hours', every: 1 },
      { kind: 'hours', every: 12 },
      { kind: 'daily', hour: 7 },
      { kind: 'weekly', weekday: 'MONDAY', hour: 9 },
    ]) {
      expect(scheduleProblem(s)).toBeUndefined();
    }
  });

  it('refuses intervals an add-on cannot have, with the allowed choices', () => {
    expect(scheduleProblem({ kind: 'hours', every: 3 })).toBe('Choose every 1, 2, 4, 6, 8 or 12 hours.');
    expect(scheduleProblem({ kind: 'minutes', every: 5 })).toMatch(/hourly/);
    expect(scheduleProblem({ kind: 'daily', hour: 24 })).toMatch(/between 0 and 23/);
  });

  it('describes a schedule in words', () => {
    expect(describeSchedule({ kind: 'weekly', weekday: 'FRIDAY', hour: 17 })).toBe(
      'Every Friday around 5 PM',
    );
    expect(describeSchedule({ kind: 'daily', hour: 0 })).toBe('Every day around 12 AM');
    expect(intervalHours({ kind: 'daily', hour: 3 })).toBe(24);
  });

  it('calls a source stale once it has not synced within its expected freshness', () => {
    const now = Date.UTC(2026, 10, 25, 12);
    expect(isStale(now - 5 * 3_600_000, 6, now)).toBe(false);
    expect(isStale(now - 7 * 3_600_000, 6, now)).toBe(true);
    expect(isStale(undefined, 6, now)).toBe(true);
  });

  it('never expects fresher data than the schedule can deliver', () => {
    expect(expectedFreshnessHours(6, 24)).toBe(49);
    expect(expectedFreshnessHours(6, 1)).toBe(6);
    expect(expectedFreshnessHours(undefined, undefined)).toBe(24);
  });
});
