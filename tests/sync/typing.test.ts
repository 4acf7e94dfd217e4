import fc from 'fast-check';
import { startOfDayInZone, wallClock } from '../../src/shared/zoned-time';
import { inferColumnType, toInstantMs, typeValue } from '../../src/sync/typing';

const NY = 'America/New_York';
const ZONES = [
  'Etc/UTC',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Europe/London',
  'Asia/Beirut',
];

describe('typeValue', () => {
  it('keeps numbers as numbers and reads numeric text in number columns', () => {
    expect(typeValue(12.5, { type: 'number' }, NY)).toBe(12.5);
    expect(typeValue('12.5', { type: 'number' }, NY)).toBe(12.5);
    expect(typeValue('42', { type: 'integer' }, NY)).toBe(42);
  });

  it('keeps text that is not a number in a number column instead of dropping it', () => {
    expect(typeValue('N/A', { type: 'number' }, NY)).toBe('N/A');
  });

  it('keeps integer ids too large for a number as text, so no digit is lost', () => {
    expect(typeValue('12345678901234567890', { type: 'integer' }, NY)).toBe('12345678901234567890');
  });

  it('keeps booleans and reads "true"/"false" text in boolean columns', () => {
    expect(typeValue(false, { type: 'boolean' }, NY)).toBe(false);
    expect(typeValue('TRUE', { type: 'boolean' }, NY)).toBe(true);
  });

  it('turns unix seconds into the instant they name when the column says unix', () => {
    expect(typeValue(1_700_000_000, { type: 'datetime', format: 'unix' }, NY)).toEqual(
      new Date(1_700_000_000_000),
    );
  });

  it('turns unix milliseconds into the instant they name when the column says unix-ms', () => {
    expect(typeValue(1_700_000_000_123, { type: 'datetime', format: 'unix-ms' }, NY)).toEqual(
      new Date(1_700_000_000_123),
    );
  });

  it('reads ISO datetimes with an offset as the instant they name', () => {
    expect(typeValue('2024-03-10T01:30:00-05:00', { type: 'datetime' }, NY)).toEqual(
      new Date('2024-03-10T06:30:00Z'),
    );
  });

  it('reads ISO datetimes without an offset as UTC', () => {
    expect(typeValue('2024-03-10 01:30:00', { type: 'datetime' }, NY)).toEqual(
      new Date('2024-03-10T01:30:00Z'),
    );
  });

  it('turns a YYYY-MM-DD date into midnight in the spreadsheet time zone', () => {
    expect(typeValue('2024-01-02', { type: 'date' }, NY)).toEqual(new Date('2024-01-02T05:00:00Z'));
    expect(typeValue('2024-07-02', { type: 'date' }, NY)).toEqual(new Date('2024-07-02T04:00:00Z'));
  });

  it("reads GA4's YYYYMMDD dates", () => {
    expect(typeValue('20240102', { type: 'date' }, 'Etc/UTC')).toEqual(new Date('2024-01-02T00:00:00Z'));
  });

  it('keeps an impossible date as text', () => {
    expect(typeValue('2024-02-30', { type: 'date' }, NY)).toBe('2024-02-30');
  });

  it('writes json columns as JSON text', () => {
    expect(typeValue('{"a":1}', { type: 'json' }, NY)).toBe('{"a":1}');
    expect(typeValue(5, { type: 'json' }, NY)).toBe('5');
  });

  it('turns values into text in string columns', () => {
    expect(typeValue(123, { type: 'string' }, NY)).toBe('123');
    expect(typeValue(null, { type: 'string' }, NY)).toBeNull();
  });

  it('gives back the same instant for any ISO timestamp (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), (ms) => {
        expect((typeValue(new Date(ms).toISOString(), { type: 'datetime' }, NY) as Date).getTime()).toBe(ms);
      }),
    );
  });

  it('gives back the same instant for any timestamp written with any offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          const shifted = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(toInstantMs(`${shifted}${zone}`)).toBe(ms);
        },
      ),
    );
  });

  it('gives back the same instant for unix seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e9 }), (s) => {
        expect(typeValue(s, { type: 'datetime', format: 'unix' }, NY)).toEqual(new Date(s * 1000));
      }),
    );
  });

  it('keeps every finite number unchanged in number columns (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(typeValue(n, { type: 'number' }, NY)).toBe(n);
      }),
    );
  });

  it('shows every date as that date at the start of the day in the spreadsheet zone (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (d, zone) => {
          const text = d.toISOString().slice(0, 10);
          const cell = typeValue(text, { type: 'date' }, zone) as Date;
          const shown = wallClock(cell.getTime(), zone);
          const ymd = `${shown.year}-${String(shown.month).padStart(2, '0')}-${String(shown.day).padStart(2, '0')}`;
          expect(ymd).toBe(text);
          const before = wallClock(cell.getTime() - 1, zone);
          expect(before.day === shown.day && before.month === shown.month).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('startOfDayInZone', () => {
  it('is 01:00 on a day whose midnight a daylight-saving change skips', () => {
    // Santiago moved clocks from 00:00 to 01:00 on 2022-09-11.
    const start = startOfDayInZone(2022, 9, 11, 'America/Santiago');
    expect(wallClock(start.getTime(), 'America/Santiago')).toMatchObject({ day: 11, hour: 1, minute: 0 });
  });
});

describe('inferColumnType', () => {
  it('recognises integers, numbers, booleans, datetimes and dates', () => {
    expect(inferColumnType([1, 2, null])).toBe('integer');
    expect(inferColumnType([1, 2.5])).toBe('number');
    expect(inferColumnType([true, false])).toBe('boolean');
    expect(inferColumnType(['2024-01-02T03:04:05Z'])).toBe('datetime');
    expect(inferColumnType(['2024-01-02', ''])).toBe('date');
  });

  it('falls back to text for mixed or missing values', () => {
    expect(inferColumnType([1, 'a'])).toBe('string');
    expect(inferColumnType([null])).toBe('string');
  });
});
