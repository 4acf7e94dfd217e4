import type { HeadlineMetric, PeriodUnit } from '../model/model-spec';
import { type Calendar, toDate } from './calendar';

/** When "now" is, and the spreadsheet's calendar that says which day it is. */
export interface PeriodClock {
  calendar: Calendar;
  now: Date;
}

/**
 * The rows a headline metric compares (indexes into the tab's data rows, oldest first). A level
 * compares the latest row with the one before; a flow the last row whose period has ended with
 * the one before it, and names that period ("Nov 2026", "week of Nov 30").
 */
export type ComparedRows =
  | { current: number; previous: number | null; period?: string }
  /** A flow whose every period is still running (a source connected this week): says so. */
  | { current: null; waiting: string };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function comparedRows(
  metric: HeadlineMetric,
  header: readonly string[],
  rows: readonly unknown[][],
  clock: PeriodClock,
): ComparedRows | undefined {
  if (!rows.length) return undefined;
  const latest = { current: rows.length - 1, previous: rows.length > 1 ? rows.length - 2 : null };
  const unit = metric.periodUnit;
  const column = metric.periodColumn ? header.indexOf(metric.periodColumn) : -1;
  // A flow whose period cannot be read falls back to the latest row rather than showing nothing.
  if (metric.kind !== 'flow' || !unit || column < 0) return latest;

  const today = dayNumber(clock.calendar.parts(clock.now));
  for (let i = rows.length - 1; i >= 0; i--) {
    const start = toDate(rows[i][column], clock.calendar);
    if (!start) continue;
    const first = clock.calendar.parts(start);
    // Sheets keep a period by its first day; it has ended once the next period's first day has come.
    if (dayNumber(periodEnd(first, unit)) > today) continue;
    return { current: i, previous: i > 0 ? i - 1 : null, period: periodLabel(first, unit) };
  }
  return { current: null, waiting: `No complete ${unit} yet` };
}

type Day = { year: number; month: number; day: number };

/** The first day after the period that starts on `first`, by plain calendar arithmetic. */
function periodEnd(first: Day, unit: PeriodUnit): Day {
  const next = new Date(
    Date.UTC(
      first.year,
      first.month - 1 + (unit === 'month' ? 1 : 0),
      first.day + (unit === 'week' ? 7 : unit === 'day' ? 1 : 0),
    ),
  );
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function dayNumber(d: Day): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

/** "Nov 2026", "week of Nov 30", "Nov 30": short enough for a tile's label. */
export function periodLabel(first: Day, unit: PeriodUnit): string {
  const day = `${MONTHS[first.month - 1]} ${first.day}`;
  if (unit === 'month') return `${MONTHS[first.month - 1]} ${first.year}`;
  return unit === 'week' ? `week of ${day}` : day;
}
