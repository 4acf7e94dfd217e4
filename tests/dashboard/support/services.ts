import type { Emulator } from '../../../playground/emulator/emulator';
import {
  fieldsToSerial,
  serialToInstant,
  zoneOffsetMs,
} from '../../../playground/emulator/spreadsheet/dates';

/**
 * Until the emulator's PropertiesService and Utilities land on main, the Dashboard tests fill
 * them in with the few calls the Dashboard makes. Emulated services, once present, win.
 */
export function withDashboardServices(emu: Emulator): Emulator {
  const globals = emu.globals as unknown as Record<string, unknown>;
  if (!globals.PropertiesService) {
    const store = new Map<string, string>();
    const props = {
      getProperty: (key: string) => store.get(key) ?? null,
      setProperty: (key: string, value: string) => {
        store.set(key, String(value));
        return props;
      },
      deleteProperty: (key: string) => {
        store.delete(key);
        return props;
      },
    };
    globals.PropertiesService = { getDocumentProperties: () => props };
  }
  if (!globals.Utilities) {
    globals.Utilities = { formatDate, parseDate };
  }
  return emu;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The two patterns the Dashboard formats with. */
function formatDate(date: Date, timeZone: string, pattern: string): string {
  const wall = new Date(date.getTime() + zoneOffsetMs(timeZone, date.getTime()));
  const y = wall.getUTCFullYear();
  const m = wall.getUTCMonth() + 1;
  const d = wall.getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  if (pattern === 'yyyy-MM-dd') return `${y}-${pad(m)}-${pad(d)}`;
  if (pattern === "MMM d, yyyy 'at' h:mm a") {
    const h = wall.getUTCHours();
    return `${MONTHS[m - 1]} ${d}, ${y} at ${h % 12 || 12}:${pad(wall.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
  }
  throw new Error(`test Utilities.formatDate does not know the pattern ${pattern}`);
}

function parseDate(text: string, timeZone: string, pattern: string): Date {
  if (pattern !== 'yyyy-MM-dd')
    throw new Error(`test Utilities.parseDate does not know the pattern ${pattern}`);
  const [y, m, d] = text.split('-').map(Number);
  return new Date(serialToInstant(fieldsToSerial(y, m, d, 0, 0, 0), timeZone));
}
