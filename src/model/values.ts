/**
 * Cells in, SQL values, cells out. Types survive the round trip: numbers stay numbers, dates
 * stay Dates (shifted to wall-clock form inside queries, see time-zone.ts), booleans stay
 * booleans, and an empty cell ("") is NULL in SQL and an empty cell again afterwards.
 */
import { sqlColumnNames } from './sql-identifiers';
import type { WallClock } from './time-zone';

export type SqlValue = string | number | boolean | Date | null;
export type SqlRow = Record<string, SqlValue>;
export type Cell = string | number | boolean | Date;

/** A table as queries see it. */
export interface TableData {
  columns: readonly string[];
  rows: readonly SqlRow[];
}

/** The largest text a cell holds (platform notes §1). */
const MAX_CELL_CHARS = 50_000;

/**
 * Turns a tab's values (header row first) into rows keyed by SQL column names. Only the
 * `wanted` columns are materialised: a query that reads two columns of a million-row tab
 * should not build ten-key objects.
 */
export function gridToTable(
  grid: readonly (readonly unknown[])[],
  clock: WallClock,
  wanted?: ReadonlySet<string>,
): TableData {
  if (grid.length === 0) return { columns: [], rows: [] };
  const columns = headerNames(grid[0]);
  const picked = columns.map((name, index) => ({ name, index })).filter((c) => !wanted || wanted.has(c.name));
  const makeRow = rowMaker(picked);
  const rows: SqlRow[] = new Array(grid.length - 1);
  for (let r = 1; r < grid.length; r++) rows[r - 1] = makeRow(grid[r], toSql, clock);
  return { columns, rows };
}

type RowMaker = (cells: readonly unknown[], convert: typeof toSql, clock: WallClock) => SqlRow;

/**
 * A function building one row object as a literal with fixed keys: several times faster than
 * assigning keys in a loop over a million rows (one object shape, no transitions). Keys are
 * JSON strings, so any column name is a safe literal key; `__proto__` never reaches here
 * (sqlColumnNames renames it) but would fall back to the loop.
 */
function rowMaker(picked: ReadonlyArray<{ name: string; index: number }>): RowMaker {
  if (picked.some((c) => c.name === '__proto__'))
    return (cells, convert, clock) => {
      const row: SqlRow = {};
      for (const { name, index } of picked) row[name] = convert(cells[index], clock);
      return row;
    };
  const fields = picked.map(({ name, index }) => `${JSON.stringify(name)}: c(r[${index}], w)`);
  return new Function('r', 'c', 'w', `return { ${fields.join(', ')} };`) as RowMaker;
}

/**
 * The SQL column names of a header row. Cells after the last non-empty one are not columns
 * (a tab is often wider than its data).
 */
export function headerNames(header: readonly unknown[]): string[] {
  let end = header.length;
  while (end > 0 && (header[end - 1] === '' || header[end - 1] === null || header[end - 1] === undefined))
    end--;
  return sqlColumnNames(header.slice(0, end));
}

export function toSql(cell: unknown, clock: WallClock): SqlValue {
  if (cell === '' || cell === null || cell === undefined) return null;
  if (cell instanceof Date) return clock.toWall(cell);
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'string') return cell;
  return String(cell);
}

/** A query result value as a cell: NULL and NaN become empty, objects become JSON text. */
export function toCell(value: unknown, clock: WallClock): Cell {
  if (value === null || value === undefined) return '';
  // A plain Date out, whatever Date subclass a query made (see PeriodStart in sql-functions.ts).
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : new Date(clock.fromWall(value).getTime());
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  if (typeof value === 'bigint') return Number(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    text = String(value);
  }
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

export function rowsToGrid(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  clock: WallClock,
): Cell[][] {
  return rows.map((row) => columns.map((c) => toCell(row[c], clock)));
}

/**
 * setValues reads text the way the Sheets UI reads typing: "=…" becomes a formula, "0012"
 * becomes 12, "Jan 2026" a date. A leading apostrophe keeps text as text (Sheets hides it and
 * getValues does not return it), so every non-empty text cell written by a model gets one.
 */
export function protectText(cell: Cell): Cell {
  return typeof cell === 'string' && cell !== '' ? `'${cell}` : cell;
}
