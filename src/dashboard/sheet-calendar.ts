import type { Gas } from '../platform/gas';
import type { Calendar } from './calendar';

/**
 * The spreadsheet's calendar. Dates read from cells are instants; their day and month depend on
 * the spreadsheet's zone, which only Utilities knows (the script runs in the developer's zone).
 */
export function sheetCalendar(gas: Gas, timeZone: string): Calendar {
  const cache = new Map<number, { year: number; month: number; day: number }>();
  return {
    parts(date) {
      const key = date.getTime();
      let parts = cache.get(key);
      if (!parts) {
        const [year, month, day] = gas.Utilities.formatDate(date, timeZone, 'yyyy-MM-dd')
          .split('-')
          .map(Number);
        parts = { year, month, day };
        cache.set(key, parts);
      }
      return parts;
    },
    date(year, month, day) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return gas.Utilities.parseDate(`${year}-${pad(month)}-${pad(day)}`, timeZone, 'yyyy-MM-dd');
    },
  };
}
