import type { Gas } from '../platform/gas';
import type { Calendar } from './calendar';

/**
 * The spreadsheet's calendar. Dates read from cells are instants; their day and month depend on
 * the spreadsheet's zone, which only Utilities knows (the script runs in the developer's zone).
 */
export function sheetCalendar(gas: Gas, timeZone: string): Calendar {
  // Utilities calls are cheap but not free: remember each instant's day and each day's midnight.
  const cache = new Map<number, { year: number; month: number; day: number }>();
  const midnights = new Map<string, Date>();
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
      const text = `${year}-${pad(month)}-${pad(day)}`;
      let midnight = midnights.get(text);
      if (!midnight) {
        midnight = gas.Utilities.parseDate(text, timeZone, 'yyyy-MM-dd');
        midnights.set(text, midnight);
      }
      return new Date(midnight.getTime());
    },
  };
}
