/**
 * AlaSQL expressions for time buckets, shared by the GitHub and GitLab packages.
 *
 * Buckets are UTC and come out as ISO date text (`2024-01-08`), not Dates: the SQL cannot see
 * the spreadsheet's time zone, and a Date at UTC midnight would show as the previous evening in
 * a sheet west of Greenwich, while `2024-01-08` reads the same everywhere, sorts in time order
 * and is parsed as a date by Sheets and by Vega-Lite. Only stock AlaSQL is used (`->` calls a
 * JavaScript method on the cell's Date), so the models run wherever the model runner runs.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday; the first Monday after the epoch is four days later. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** The Monday (UTC) that starts the ISO week holding `column`, a Date cell: `2024-01-08`. */
export function weekStart(column: string): string {
  const monday = `DATE(FLOOR((${column}->getTime() - ${FIRST_MONDAY_MS}) / ${WEEK_MS}) * ${WEEK_MS} + ${FIRST_MONDAY_MS})`;
  return `SUBSTRING(${monday}->toISOString(), 1, 10)`;
}

/** The first day (UTC) of the month holding `column`, a Date cell: `2024-03-01`. */
export function monthStart(column: string): string {
  return `(SUBSTRING(${column}->toISOString(), 1, 7) + '-01')`;
}

/** Hours from `from` to `to`, both Date cells. */
export function hoursBetween(from: string, to: string): string {
  return `((${to}->getTime() - ${from}->getTime()) / 3600000)`;
}

/** True when a cell holds a value: a blank cell reads back from a sheet as '', or as null. */
export function isSet(column: string): string {
  return `(${column} IS NOT NULL AND ${column} <> '')`;
}
