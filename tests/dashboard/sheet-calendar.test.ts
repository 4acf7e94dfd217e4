import { Emulator } from '../../playground/emulator/emulator';
import { truncateDate } from '../../src/dashboard/calendar';
import { sheetCalendar } from '../../src/dashboard/sheet-calendar';

describe('the spreadsheet calendar', () => {
  const emu = new Emulator({ realCpu: false, timeZone: 'Europe/Berlin', scriptTimeZone: 'Etc/UTC' });

  it("reads an instant's day in the spreadsheet zone, not the script's", () => {
    const parts = emu.run((gas) =>
      sheetCalendar(gas, 'Europe/Berlin').parts(new Date('2024-02-29T23:30:00Z')),
    );
    expect(parts).toEqual({ year: 2024, month: 3, day: 1 });
  });

  it('buckets by month at midnight in the spreadsheet zone', () => {
    const start = emu.run((gas) =>
      truncateDate(new Date('2024-03-31T22:30:00Z'), 'yearmonth', sheetCalendar(gas, 'Europe/Berlin')),
    );
    // 00:30 on April 1st in Berlin (summer time) belongs to April, which began at 22:00 UTC on March 31st.
    expect(start.toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });
});
