import {
  type CalendarParts,
  type CellReading,
  calendar,
  isoDate,
  isoDateTime,
  type SlashDate,
} from './cell-text';

/** How to read `03/04/2024`: `auto` decides per column from the values (a 13 or more shows the day). */
export type DateOrder = 'auto' | 'month-first' | 'day-first';

export type ColumnKind = 'number' | 'boolean' | 'date' | 'datetime' | 'text';

export interface ColumnDecision {
  kind: ColumnKind;
  /** For date columns written with slashes (or dots), which number is the month. */
  order?: 'month-first' | 'day-first';
}

/**
 * One type per column, from all its values: numbers, booleans, dates or date-times when every
 * filled cell is one; text as soon as one cell is something else, so a column never mixes
 * types (a model that sums it would silently skip the odd cells).
 */
export function decideColumn(readings: readonly CellReading[], preferred: DateOrder): ColumnDecision {
  const filled = readings.filter((r) => r.kind !== 'empty');
  if (filled.length === 0) return { kind: 'text' };
  if (filled.every((r) => r.kind === 'number')) return { kind: 'number' };
  if (filled.every((r) => r.kind === 'boolean')) return { kind: 'boolean' };
  if (!filled.every((r) => r.kind === 'date' || r.kind === 'slash-date')) return { kind: 'text' };
  const slashes = filled.flatMap((r) => (r.kind === 'slash-date' ? [r.slash] : []));
  const order = slashes.length ? slashOrder(slashes, preferred) : undefined;
  if (slashes.length && !order) return { kind: 'text' };
  const timed = filled.some(
    (r) => (r.kind === 'date' && r.time) || (r.kind === 'slash-date' && r.slash.time),
  );
  const decision: ColumnDecision = { kind: timed ? 'datetime' : 'date' };
  if (order) decision.order = order;
  return decision;
}

/**
 * The order every slash date of the column fits. When both fit (no day above 12 anywhere), the
 * US order wins unless the user chose otherwise: it is what Google Sheets shows by default.
 */
function slashOrder(slashes: readonly SlashDate[], preferred: DateOrder): ColumnDecision['order'] {
  const monthFirst = slashes.every((s) => slashCalendar(s, 'month-first'));
  const dayFirst = slashes.every((s) => slashCalendar(s, 'day-first'));
  if (preferred === 'month-first') return monthFirst ? 'month-first' : undefined;
  if (preferred === 'day-first') return dayFirst ? 'day-first' : undefined;
  if (monthFirst) return 'month-first';
  return dayFirst ? 'day-first' : undefined;
}

function slashCalendar(s: SlashDate, order: 'month-first' | 'day-first'): CalendarParts | undefined {
  return order === 'month-first' ? calendar(s.year, s.first, s.second) : calendar(s.year, s.second, s.first);
}

const MIDNIGHT = { hour: 0, minute: 0, second: 0, fraction: '', zone: '' };

/**
 * A cell's value for its column's type: numbers and booleans as such, dates as `2024-01-15`,
 * date-times as ISO text (the sync engine turns both into Date cells), text exactly as it was.
 */
export function normalizeCell(
  raw: unknown,
  reading: CellReading,
  column: ColumnDecision,
): string | number | boolean | null {
  if (reading.kind === 'empty') return null;
  switch (column.kind) {
    case 'number':
    case 'boolean':
      return (reading as { value: number | boolean }).value;
    case 'date':
    case 'datetime': {
      const { date, time } = datePartsOf(reading, column);
      return column.kind === 'date' ? isoDate(date) : isoDateTime(date, time ?? MIDNIGHT);
    }
    case 'text':
      return typeof raw === 'string' ? raw : String(raw);
  }
}

function datePartsOf(reading: CellReading, column: ColumnDecision) {
  if (reading.kind === 'date') return { date: reading.date, time: reading.time };
  if (reading.kind !== 'slash-date') throw new Error(`A ${reading.kind} cell in a date column`);
  const date = slashCalendar(reading.slash, column.order ?? 'month-first');
  if (!date) throw new Error('A slash date that does not fit its column order');
  return { date, time: reading.slash.time };
}
