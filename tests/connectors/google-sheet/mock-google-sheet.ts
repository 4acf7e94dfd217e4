/**
 * A mock of the Sheets API's spreadsheets.values.get (v4), speaking its documented protocol:
 * `GET /v4/spreadsheets/{id}/values/{range}` with an OAuth bearer token, A1 ranges (a tab, a
 * tab and cells, or cells of the first tab), `valueRenderOption` / `dateTimeRenderOption`, a
 * ValueRange reply whose trailing empty rows and cells are left out (and `values` too when
 * nothing is there), and Google's error envelope.
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/get
 *
 * With drive.file, a file the user did not pick is refused with 403; one that does not exist
 * is 404. The default export is the handler for tests/support/mock-server.ts.
 */
import {
  type GoogleFault,
  type GoogleRequest,
  type GoogleResponse,
  googleError,
  googleGate,
} from '../../../playground/mock-apis/google-api';

/** A date or time cell: Sheets keeps a serial number and shows it through the cell's format. */
export interface DateCell {
  serial: number;
  shown: string;
}

export type Cell = string | number | boolean | null | DateCell;

export interface SheetsFile {
  /** Tabs in order, by name. */
  tabs: Record<string, Cell[][]>;
  /** Whether the user picked this file for the app (drive.file); otherwise 403. */
  granted: boolean;
}

export type SheetsFault = GoogleFault;

export interface SheetsMockState {
  token: string;
  files: Record<string, SheetsFile>;
  faults?: SheetsFault[];
  served?: number;
}

type Request = GoogleRequest;
type Response = GoogleResponse;
const error = googleError;

const PATH = /^\/v4\/spreadsheets\/([^/]+)\/values\/([^/]+)$/;

export default function sheetsHandler(req: Request, state: SheetsMockState): Response | undefined {
  const m = PATH.exec(req.path);
  if (!m) return undefined;
  const refused = googleGate(req, state, {
    method: 'GET',
    quotaMessage:
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com'.",
    malformedBody: '<!DOCTYPE html><html>',
  });
  if (refused) return refused;
  const file = state.files[decodeURIComponent(m[1])];
  if (!file) return error(404, 'NOT_FOUND', 'Requested entity was not found.');
  if (!file.granted) return error(403, 'PERMISSION_DENIED', 'The caller does not have permission');
  const a1 = decodeURIComponent(m[2]);
  const range = parseRange(a1, Object.keys(file.tabs));
  if (!range) return error(400, 'INVALID_ARGUMENT', `Unable to parse range: ${a1}`);
  state.served = (state.served ?? 0) + 1;
  const grid = file.tabs[range.tab];
  const values = cut(grid, range).map((row) => row.map((c) => render(c, req.query ?? {})));
  const trimmed = trimEmpty(values);
  const body: Record<string, unknown> = {
    range: `${quote(range.tab)}!${a1Of(range, grid)}`,
    majorDimension: 'ROWS',
  };
  if (trimmed.length) body.values = trimmed;
  return { body };
}

interface Range {
  tab: string;
  c1: number;
  r1: number;
  /** Inclusive; Infinity for an open end (A:F, A1:F). */
  c2: number;
  r2: number;
}

const CELLS = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/;

export function parseRange(a1: string, tabs: readonly string[]): Range | undefined {
  let tab = tabs[0];
  let cells = a1;
  const bang = a1.lastIndexOf('!');
  if (bang >= 0) {
    tab = unquote(a1.slice(0, bang));
    cells = a1.slice(bang + 1);
  } else if (tabs.includes(unquote(a1))) {
    return { tab: unquote(a1), c1: 0, r1: 0, c2: Infinity, r2: Infinity };
  }
  if (!tabs.includes(tab)) return undefined;
  const m = CELLS.exec(cells.toUpperCase());
  if (!m) return undefined;
  const c1 = column(m[1]);
  const r1 = m[2] ? Number(m[2]) - 1 : 0;
  const c2 = m[3] ? column(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : m[3] || !m[2] ? Infinity : r1;
  return { tab, c1, r1, c2, r2 };
}

function unquote(name: string): string {
  return /^'.*'$/.test(name) ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cut(grid: Cell[][], r: Range): Cell[][] {
  const lastRow = Math.min(r.r2, grid.length - 1);
  const out: Cell[][] = [];
  for (let i = r.r1; i <= lastRow; i++) {
    const row = grid[i] ?? [];
    out.push(row.slice(r.c1, r.c2 === Infinity ? undefined : r.c2 + 1));
  }
  return out;
}

function a1Of(r: Range, grid: Cell[][]): string {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 1);
  const c2 = r.c2 === Infinity ? width - 1 : r.c2;
  const r2 = r.r2 === Infinity ? Math.max(grid.length, 1) - 1 : r.r2;
  return `${letters(r.c1)}${r.r1 + 1}:${letters(c2)}${r2 + 1}`;
}

function render(cell: Cell, query: Record<string, string>): unknown {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    const formatted =
      query.valueRenderOption === 'FORMATTED_VALUE' || query.dateTimeRenderOption === 'FORMATTED_STRING';
    return formatted ? cell.shown : cell.serial;
  }
  if (query.valueRenderOption === 'FORMATTED_VALUE')
    return String(cell).toUpperCase() === 'TRUE' ? 'TRUE' : String(cell);
  return cell;
}

/** Sheets leaves out empty cells at the end of a row and empty rows at the end of the range. */
function trimEmpty(values: unknown[][]): unknown[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    return row.slice(0, end);
  });
  let last = rows.length;
  while (last > 0 && rows[last - 1].length === 0) last--;
  return rows.slice(0, last);
}
